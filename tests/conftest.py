"""Shared test helpers. Tests find their data through this file's folder, never the cwd."""
from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
CORPORA = REPO / "corpora"
SEED = CORPORA / "sources" / "000_cb2b676f44ca9b86.txt"
REFERENCE = TESTS / "data" / "reference"


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process: returns (exit_code, stdout, stderr)."""
    from lineage.cli.main import main

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run
