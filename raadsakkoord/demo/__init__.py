"""The demo workspace: the (illustrative) raadsakkoord of Assen, 2026–2030."""

import sys

from raadsakkoord.base import paths
from raadsakkoord.base.i18n import tr
from raadsakkoord.demo.build import build_demo, create_demo_workspace

__all__ = ["build_demo", "create_demo_workspace", "ensure_demo_workspace"]


def ensure_demo_workspace() -> str:
    """The demo workspace in the user's data folder, made on first use."""
    target = paths.demo_workspace_path()
    if not target.exists():
        print(tr("Demo-werkruimte wordt gemaakt in {target}…").format(target=target), file=sys.stderr)
        create_demo_workspace(str(target)).close()
    return str(target)
