"""One running application per user: a second launch hands its file to the first and exits.

Two copies of the program on the same workspace would each hold its own
view and autosave its own drafts; and a clerk who double-clicks a package
wants it in the window she has open, not in a new, empty program. The first
launch listens on a local socket (a named pipe on Windows) that only this
user can open; a later launch sends it the file's absolute path as one JSON
line and waits for "ok". A socket left behind by a program that crashed
answers nobody: the new launch removes it and listens itself.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from raadsakkoord.base import paths
from raadsakkoord.base.errors import UserError
from raadsakkoord.base.i18n import tr

CONNECT_MS = 1000
ANSWER_MS = 5000
MAX_MESSAGE = 64 * 1024


def server_name() -> str:
    """Per user and per data folder (tests, and a second data folder, get an application of their own)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = str(os.getuid()) if hasattr(os, "getuid") else "gebruiker"
    digest = hashlib.sha256(f"{user}\n{paths.data_dir()}".encode()).hexdigest()[:16]
    return f"raadsakkoord-{digest}"


def absolute_target(target: str | None) -> str | None:
    """A file as the running application must find it: its working folder may differ from ours."""
    if not target or "://" in target:
        return target
    return os.path.abspath(target)


def hand_over(target: str | None) -> bool:
    """True when a running application took the file (or, without one, came to the front).

    False when none runs. A running one that does not answer is a UserError:
    starting a second copy beside it is what this module prevents.
    """
    socket = QLocalSocket()
    socket.connectToServer(server_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False  # none running, or a socket left by a crash (listen() removes it)
    socket.write(json.dumps({"open": absolute_target(target)}).encode("utf-8") + b"\n")
    socket.flush()
    answered = b""
    while b"\n" not in answered and socket.waitForReadyRead(ANSWER_MS):
        answered += bytes(socket.readAll())
    socket.disconnectFromServer()
    if answered.strip() != b"ok":
        raise UserError(tr("Raadsakkoord is al geopend, maar reageert niet. Sluit het (of wacht even) en "
                           "probeer het opnieuw."))
    return True


class InstanceServer(QObject):
    """Listens for later launches; ``received`` carries the file each one hands over ("" for none)."""

    received = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        # Only this user may hand files to the application.
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        name = server_name()
        if self.server.listen(name):
            return True
        # A crashed application's socket: nobody answers on it (hand_over found no one), so it is ours to remove.
        QLocalServer.removeServer(name)
        return self.server.listen(name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.setParent(self)
            buffer = bytearray()

            def read(socket=socket, buffer=buffer) -> None:
                buffer.extend(bytes(socket.readAll()))
                if b"\n" not in buffer and len(buffer) < MAX_MESSAGE:
                    return
                socket.readyRead.disconnect()
                target = _parse(bytes(buffer))
                socket.write(b"ok\n" if target is not None else b"error\n")
                socket.flush()
                socket.disconnectFromServer()
                if target is not None:
                    self.received.emit(target)

            socket.readyRead.connect(read)
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                read()


def _parse(message: bytes) -> str | None:
    """The handed-over file ("" for none), or None for a message that is not ours."""
    try:
        document = json.loads(message.split(b"\n", 1)[0].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(document, dict) or "open" not in document:
        return None
    target = document["open"]
    if target is None:
        return ""
    return target if isinstance(target, str) else None
