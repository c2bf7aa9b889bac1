"""What the CLI decides about the terminal it writes to."""
from __future__ import annotations

import os
import sys

__all__ = ["wants_color"]


def wants_color(no_color: bool) -> bool:
    """ANSI colour only on a terminal, unless turned off by ``--no-color`` or the ``NO_COLOR``
    convention (https://no-color.org)."""
    return not no_color and not os.environ.get("NO_COLOR") and sys.stdout.isatty()
