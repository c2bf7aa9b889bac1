"""Smaller findings of issue 15 (finding 9): error messages are one inert line whatever they
quote; UTF-16 without a byte order mark is named; a lone surrogate gets advice that applies."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from lineage.cli.main import main
from lineage.errors import EncodingError, PdfError, UnknownFormatError
from lineage.read import read_document
from support.paths import REPO


def test_a_file_name_with_terminal_escapes_is_shown_escaped(run_cli, tmp_path):
    name = tmp_path / "\x1b[2J\x1b]0;owned\x07.txt"
    code, out, err = run_cli("show", str(name))
    assert code == 2 and out == ""
    assert "\x1b" not in err and "\x07" not in err and "\\u001b[2J" in err and err.count("\n") == 1


def test_a_nul_and_a_newline_in_a_message_stay_on_one_line(monkeypatch, capsys):
    """The NUL the adversarial pass saw came from a PDF's text in an extractor message."""
    import lineage.cli.main as cli

    def boom(args):
        raise PdfError("font name 'Evil\x00\nlineage: fake second line' is unusable", "x.pdf")

    real = cli.build_parser

    def patched(*args, **kwargs):
        p = real(*args, **kwargs)
        cli.subcommands(p)["show"].set_defaults(func=boom)
        return p

    monkeypatch.setattr(cli, "build_parser", patched)
    assert main(["show", "x.pdf"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x00" not in err and "\\u0000" in err


@pytest.mark.parametrize("codec, order", [("utf-16-be", "big-endian"), ("utf-16-le", "little-endian")])
@pytest.mark.parametrize("text", ["大会，\n\n1. 决定继续审议。\n", "The General Assembly,\n\n1. Decides.\n"])
def test_utf16_without_a_bom_is_named(tmp_path, codec, order, text):
    p = tmp_path / "x.txt"
    p.write_bytes(text.encode(codec))
    with pytest.raises(EncodingError, match=f"UTF-16 \\({order}.*save it as UTF-8"):
        read_document(p)


def test_binary_is_still_binary(tmp_path):
    import random

    p = tmp_path / "x.bin"
    p.write_bytes(random.Random(3).randbytes(6000))
    with pytest.raises((UnknownFormatError, EncodingError)) as err:
        read_document(p)
    assert "UTF-16" not in str(err.value)


def test_a_lone_surrogate_is_not_told_to_set_pythonutf8(tmp_path):
    name = os.fsdecode(b"\xff.txt")  # a file name that is not UTF-8: a lone surrogate in Python
    (tmp_path / name).write_text("我们重申。\n\n1. 决定。\n", encoding="utf-8")
    p = subprocess.run([sys.executable, "-m", "lineage.cli.main", "show", name], cwd=tmp_path,
                       capture_output=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": "utf-8:strict"})
    err = p.stderr.decode("utf-8", "replace")
    assert p.returncode == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert "PYTHONUTF8" not in err and "not UTF-8" in err
