"""Errors a user can understand, apart from bugs.

Every error here carries one message that the CLI prints as a single line on
stderr and the application shows in a dialog. The message is written in
Dutch and translated with ``raadsakkoord.base.i18n.tr`` where it is raised, so it
reaches the user in their language. Anything else that escapes is a bug and
is reported as one, with the details a helpdesk needs, not dressed up as
something the user did wrong.
"""

from raadsakkoord.base.i18n import mark, tr


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
    "ENOENT": mark("het bestaat niet"),
    "EACCES": mark("u heeft er geen toestemming voor"),
    "EPERM": mark("u heeft er geen toestemming voor"),
    "ENOSPC": mark("de schijf is vol"),
    "EDQUOT": mark("de schijf is vol"),
    "EROFS": mark("de schijf is alleen-lezen"),
    "EISDIR": mark("het is een map"),
    "ENOTDIR": mark("een deel van het pad is geen map"),
    "ENAMETOOLONG": mark("de naam is te lang"),
    "EIO": mark("de schijf gaf een leesfout"),
    "EBUSY": mark("het is in gebruik"),
}


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in the user's language (not the system's English strerror)."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in _OS_REASONS:
        return tr(_OS_REASONS[name])
    return tr("systeemfout {code}").format(code=name or exc.errno)
