"""The CLI reference in docs/ is the code's own --help, and every command is in it."""
from __future__ import annotations

import difflib

import pytest

from lineage.cli.main import build_parser, subcommands
from lineage.cli.reference import cli_reference, python_version
from support.paths import REPO

DOC = REPO / "docs" / "cli.md"


def test_cli_reference_is_up_to_date():
    expected = cli_reference()
    actual = DOC.read_text(encoding="utf-8")
    generated_with = f"Python {python_version()} "
    if generated_with not in actual:
        # argparse lays help out a little differently on other versions: compare the command
        # list only (the next test); CI runs the version the file names.
        pytest.skip(f"docs/cli.md was generated with another Python than {python_version()}")
    if actual != expected:
        diff = "".join(difflib.unified_diff(actual.splitlines(True), expected.splitlines(True),
                                            "docs/cli.md", "generated"))
        raise AssertionError("docs/cli.md is stale; run `python -m lineage.cli.reference > "
                             "docs/cli.md`\n" + diff)


def test_every_command_is_documented_in_the_readme_or_docs():
    text = DOC.read_text(encoding="utf-8")
    commands = subcommands(build_parser())
    assert len(commands) >= 10
    for name in commands:
        assert f"## lineage {name}\n" in text


def test_every_command_answers_help(run_cli):
    for name in subcommands(build_parser()):
        code, out, err = run_cli(name, "--help")
        assert code == 0 and "usage: lineage " + name in out
