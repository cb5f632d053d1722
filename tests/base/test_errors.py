"""File errors reach the user in Dutch, not in the system's English."""

import errno

from raadsakkoord.base.errors import os_reason


def test_common_file_errors_in_dutch():
    assert os_reason(OSError(errno.ENOENT, "No such file or directory")) == "het bestaat niet"
    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "u heeft er geen toestemming voor"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "de schijf is vol"
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == "systeemfout EXDEV"
