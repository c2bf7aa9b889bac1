"""Options several commands share."""
from __future__ import annotations

import argparse

__all__ = ["add_changes_option"]

# The values of lineage.read.docx.CHANGES, spelled here so that building the parser does not
# import the readers (start-up time); tests/test_docx_reader.py checks the two agree.
CHANGES = ("accept", "reject")


def add_changes_option(p: argparse.ArgumentParser) -> None:
    """``--changes accept|reject``: how tracked changes in a Word file are read."""
    p.add_argument("--changes", choices=CHANGES, default="accept",
                   help="tracked changes in a Word file (.docx, .doc, .odt, .rtf): read the text "
                   "with all of them accepted (default) or all rejected")
