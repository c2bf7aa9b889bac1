"""The CLI reference (`docs/cli.md`), generated from the parsers' own ``--help`` so that it
cannot drift from the code: ``python -m lineage.cli.reference > docs/cli.md``."""
from __future__ import annotations

import os
import sys

from lineage.cli.main import build_parser, subcommands

__all__ = ["cli_reference", "python_version"]

WIDTH = 100  # argparse wraps help to $COLUMNS; fixed here so the output does not depend on the terminal


def python_version() -> str:
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def cli_reference() -> str:
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(WIDTH)
    try:
        parser = build_parser()
        parts = [
            "# Command-line reference",
            "",
            "Generated from `--help` by `python -m lineage.cli.reference > docs/cli.md`;",
            "`tests/test_cli_reference.py` fails when this file and the code disagree.",
            f"Python {python_version()} (argparse's layout varies a little between versions).",
            "",
            "```text",
            parser.format_help().rstrip(),
            "```",
        ]
        for name, sub in sorted(subcommands(parser).items()):
            parts += ["", f"## lineage {name}", "", "```text", sub.format_help().rstrip(), "```"]
        return "\n".join(parts) + "\n"
    finally:
        if old is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = old


if __name__ == "__main__":
    print(cli_reference(), end="")
