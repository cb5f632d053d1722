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


_OS_REASONS = {
    "ENOENT": "het bestaat niet",
    "EACCES": "u heeft er geen toestemming voor",
    "EPERM": "u heeft er geen toestemming voor",
    "ENOSPC": "de schijf is vol",
    "EDQUOT": "de schijf is vol",
    "EROFS": "de schijf is alleen-lezen",
    "EISDIR": "het is een map",
    "ENOTDIR": "een deel van het pad is geen map",
    "ENAMETOOLONG": "de naam is te lang",
    "EIO": "de schijf gaf een leesfout",
    "EBUSY": "het is in gebruik",
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in Dutch (the system's own text is English)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name, f"systeemfout {name or exc.errno}")
