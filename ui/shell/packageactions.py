"""Sending a package and trusting a key, from the window's menu.

The exchange pulls in cryptography and JSON Schema: imported when first used, not at start.
Reading packages in stays with the window, which must know while an import runs.
"""

from __future__ import annotations


def export_package(window) -> None:
    """The party's package for the griffie, or, for the griffie, the round package for the parties."""
    from ui.exchange import packages as exchangeui

    if window.ctx.party_id is None:
        exchangeui.export_round_package(window, window.ctx, window.runner, window.say)
    else:
        exchangeui.export_party_package(window, window.ctx, window.runner, window.say)


def register_key(window) -> None:
    from ui.exchange import packages as exchangeui

    path = exchangeui.choose_key_file(window)
    if path:
        exchangeui.register_key_file(window, window.ctx, window.runner, path, window.say)


def open_package_file(window, path: str) -> None:
    """A package opened from outside the window: its preview, then reading it into the open workspace."""
    from ui.exchange import packagepreview

    def choose_other() -> None:
        before = window.ctx
        window.choose_workspace()
        if window.ctx is not None and window.ctx is not before:
            open_package_file(window, path)

    packagepreview.preview_then_import(window, window.ctx, window.runner, path, window.import_packages,
                                       choose_other)
