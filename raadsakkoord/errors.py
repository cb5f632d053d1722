"""Errors a user can understand, apart from bugs.

Every error here carries one message in Dutch that the CLI prints as a single
line on stderr and the application shows in a dialog. Anything else that
escapes is a bug and is reported as one (see qutebrowser's KnownError/BugError
split in STYLE.md).
"""


class UserError(Exception):
    """Something the user can act on: bad input, a refused action, the environment."""

    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class InputError(UserError):
    """A file, URL or typed value that cannot be used as given."""


class WorkspaceError(UserError):
    """The workspace cannot be opened or written (missing, not a workspace, too new, locked)."""


class DomainError(UserError):
    """An action the rules of the agreement do not allow (seats above the council size, …)."""


class PermissionDenied(DomainError):
    """The actor's role does not allow this action (only the griffie publishes a round, …)."""


class NotFound(DomainError):
    """A referenced party, section, amendment, … does not exist in this workspace."""


class ConcurrentEditError(UserError):
    """Someone else changed the same record since it was read; nothing was overwritten."""
