"""A system keychain for tests: kept in the test's own process, never the machine's."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeychain(KeyringBackend):
    """A keychain that keeps its secrets in this process only: the operating system's keychain, for a test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)
