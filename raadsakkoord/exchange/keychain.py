"""The operating system's keychain through ``keyring``: whether there is one, and one secret in or out.

keyring's fail and null backends keep nothing, and the keyrings.alt backends
keep secrets in files of their own (some in plain text): none of them
protects a key better than the passphrase-encrypted file ``keystore`` falls
back to, so they count as no keychain.
"""

from __future__ import annotations

SERVICE = "Raadsakkoord"


class KeychainRefused(Exception):
    """The keychain is there but would not do it (locked, or the user said no); the reason in its words."""


def _backend():
    import keyring
    from keyring.backends import chainer, fail

    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - any failure of a broken keyring configuration means: no keychain
        return None
    if isinstance(backend, fail.Keyring) or type(backend).__module__.startswith(("keyring.backends.null",
                                                                                 "keyrings.alt")):
        return None
    if isinstance(backend, chainer.ChainerBackend) and not backend.backends:
        return None
    return backend


def available() -> bool:
    return _backend() is not None


def _refusals() -> tuple[type[BaseException], ...]:
    from keyring.errors import KeyringError

    return KeyringError, OSError, RuntimeError


def put(account: str, secret: str) -> bool:
    """True when the keychain keeps the secret; False when there is none or it refused."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, account, secret)
    except _refusals():
        return False
    return True


def get(account: str) -> str | None:
    """The secret, or None when the keychain does not hold it; KeychainRefused when it would not say."""
    backend = _backend()
    if backend is None:
        raise KeychainRefused("")
    try:
        return backend.get_password(SERVICE, account)
    except _refusals() as exc:
        raise KeychainRefused(str(exc)) from None


def delete(account: str) -> None:
    backend = _backend()
    if backend is None:
        return
    try:
        backend.delete_password(SERVICE, account)
    except _refusals():
        pass  # nothing there, or a keychain that refuses: the marker beside the keys is what counts
