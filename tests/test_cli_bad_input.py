"""Bad input, command by command: every case ends in exit 2 (1 only where a check fails by
design), exactly one line ``lineage: FILE: REASON`` on stderr naming the file, nothing on
stdout and no file written (docs/errors.md).

Most cases run in-process (``run_cli``); the ones that concern the interpreter itself (a
traceback printed outside main's handler, a closed pipe, the output encoding, file
permissions) run ``python -m lineage.cli.main`` in a subprocess.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from support.cli import assert_error
from support.paths import CORPORA, REPO, SEED

PDFS = Path(__file__).parent / "pdfs"
TRUNCATED = PDFS / "err-truncated.pdf"
GOOD_PDF = PDFS / "a-res-70-125-en.pdf"


# --- helpers -----------------------------------------------------------------------------

def tree(path: Path) -> list[str]:
    """Every file and folder under ``path`` (hidden temporaries included)."""
    return sorted(str(p.relative_to(path)) for p in path.rglob("*")) if path.exists() else []


# --- inputs ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    (d / "folder").mkdir()
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b"  \n\n\t \r\n \n")
    (d / "latin1.txt").write_bytes("Résolution adoptée\n\n1. Décide\n".encode("latin-1"))
    (d / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (d / "utf16.txt").write_bytes("大会，\n\n1. 决定\n".encode("utf-16"))
    (d / "fake.pdf").write_text("hello, I am not a PDF\n", encoding="utf-8")
    return {
        "missing": d / "nope.txt",
        "directory": d / "folder",
        "under-a-file": d / "empty.txt" / "x.txt",
        "empty": d / "empty.txt",
        "blank": d / "blank.txt",
        "latin1": d / "latin1.txt",
        "binary": d / "binary.bin",
        "utf16": d / "utf16.txt",
        "fake-pdf": d / "fake.pdf",
        "truncated-pdf": TRUNCATED,
    }


# What the line must say, per case; extract only reads PDFs, so it says "not a PDF" instead.
REASONS = {
    "missing": "no such file",
    "directory": "directory",
    "under-a-file": "",
    "empty": "empty",
    "blank": "empty",
    "latin1": "not UTF-8",
    "binary": "binary",
    "utf16": "UTF-16",
    "fake-pdf": "not a PDF",
    "truncated-pdf": "truncated",
}
EXTRACT_REASONS = {**REASONS, "latin1": "not a PDF", "binary": "not a PDF", "utf16": "not a PDF",
                   "blank": "not a PDF"}

FILE_COMMANDS = {
    "show": lambda f, tmp: ["show", f],
    "show-json": lambda f, tmp: ["show", f, "--format", "json"],
    "normalize": lambda f, tmp: ["normalize", f],
    "normalize-explain": lambda f, tmp: ["normalize", f, "--explain", "--profile", "compare"],
    "extract": lambda f, tmp: ["extract", f],
    "diff-old": lambda f, tmp: ["diff", f, str(SEED)],
    "diff-new": lambda f, tmp: ["diff", str(SEED), f, "--format", "json"],
    "add": lambda f, tmp: ["add", f, "--corpus", str(tmp / "corpus")],
}


@pytest.mark.parametrize("case", list(REASONS))
@pytest.mark.parametrize("command", list(FILE_COMMANDS))
def test_bad_file(run_cli, bad, tmp_path, command, case):
    path = str(bad[case])
    result = run_cli(*FILE_COMMANDS[command](path, tmp_path))
    reasons = EXTRACT_REASONS if command == "extract" else REASONS
    assert_error(result, path, reasons[case])
    assert tree(tmp_path) == []  # `add` created no corpus


@pytest.mark.parametrize("command", ["show", "normalize", "diff-old", "add"])
def test_fifo_is_refused_not_read(run_cli, tmp_path, command):
    """A named pipe would block the reader forever; it is not a regular file."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert_error(run_cli(*FILE_COMMANDS[command](str(fifo), tmp_path / "c")), fifo, "not a regular file")


def test_output_into_a_failed_add_leaves_the_corpus_as_it_was(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    assert run_cli("add", str(SEED), "--corpus", str(corpus))[0] == 0
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert_error(run_cli("add", str(TRUNCATED), "--corpus", str(corpus)), TRUNCATED, "truncated")
    assert_error(run_cli("add", str(SEED), "--corpus", str(corpus), "--lang", "../x"), None, "language")
    after = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    assert after == before


# --- weird but valid text ----------------------------------------------------------------

def _paragraphs(run_cli, path: Path) -> list:
    code, out, err = run_cli("show", str(path), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    return [data["symbol"], data["preamble"], data["paragraphs"], data["footnotes"]]


def test_crlf_and_bom_read_like_the_plain_file(run_cli, tmp_path):
    text = SEED.read_bytes()
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(text.replace(b"\n", b"\r\n"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text)
    expected = _paragraphs(run_cli, SEED)
    assert _paragraphs(run_cli, crlf) == expected
    assert _paragraphs(run_cli, bom) == expected
    # normalize sees the same text too (the BOM and the CRs are not "changes" of the text)
    plain = run_cli("normalize", str(SEED), "--explain")
    assert run_cli("normalize", str(crlf), "--explain") == plain
    assert run_cli("normalize", str(bom), "--explain") == plain


@pytest.mark.slow
def test_large_text_without_paragraphs(run_cli, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(("lorem ipsum " * 8 + "\n") * 50_000, encoding="utf-8")  # ~5 MB, no numbering
    assert big.stat().st_size > 4_000_000
    assert_error(run_cli("show", str(big)), big, "no paragraph")
    assert_error(run_cli("diff", str(big), str(SEED)), big, "no paragraph")
    # normalize works on text, not paragraphs: a big text is fine
    code, out, err = run_cli("normalize", str(big))
    assert code == 0 and err == "" and out.startswith("lorem ipsum lorem") and len(out) > 4_000_000


# --- corpora -----------------------------------------------------------------------------

def _corpus(root: Path, name: str, manifest: str) -> Path:
    c = root / name
    (c / "texts").mkdir(parents=True)
    (c / "manifest.toml").write_text(manifest, encoding="utf-8")
    return c


@pytest.fixture(scope="module")
def corpora(tmp_path_factory) -> dict[str, tuple[Path, Path, str]]:
    """name -> (corpus folder, file the error names, what it says)."""
    root = tmp_path_factory.mktemp("corpora")
    head = 'schema = "lineage.corpus-manifest/1"\n[[document]]\nsymbol = "A/RES/80/173"\n'
    bad_toml = _corpus(root, "bad-toml", "schema = \n[[document]\n")
    unknown = _corpus(root, "unknown-field", head + 'kind = "resolution"\ncolour = "red"\n')
    missing_text = _corpus(root, "missing-text", head + 'language = "zh"\nkind = "resolution"\n'
                           'origin = "converted-text"\ntext = "texts/gone.zh.txt"\n')
    (root / "a-file").write_text("not a folder\n", encoding="utf-8")
    return {
        "bad-toml": (bad_toml, bad_toml / "manifest.toml", "not valid TOML"),
        "unknown-field": (unknown, unknown / "manifest.toml", "unknown field 'colour'"),
        "missing-text": (missing_text, missing_text / "manifest.toml", "texts/gone.zh.txt is missing"),
        "no-such-folder": (root / "nowhere", root / "nowhere" / "manifest.toml", "no corpus manifest"),
        "a-file": (root / "a-file", root / "a-file", "not a directory"),
    }


CORPUS_COMMANDS = {
    "corpus-list": lambda c, tmp: ["corpus", "list", "--corpus", c],
    "corpus-show": lambda c, tmp: ["corpus", "show", "A/RES/80/173", "--corpus", c],
    "blame": lambda c, tmp: ["blame", "A/RES/80/173", "--corpus", c],
    "graph": lambda c, tmp: ["graph", "--corpus", c],
    "history": lambda c, tmp: ["history", "A/RES/80/173", "1", "--corpus", c],
    "topic": lambda c, tmp: ["topic", "igf", "--corpus", c],
    "verify": lambda c, tmp: ["verify", c],
    "demo": lambda c, tmp: ["demo", "--corpus", c, "-o", str(tmp / "out" / "demo.html")],
    "add": lambda c, tmp: ["add", str(SEED), "--corpus", c],
    "fetch-dry-run": lambda c, tmp: ["fetch", "A/RES/80/173", "--lang", "zh", "--corpus", c, "--dry-run"],
}
# add and fetch start a new corpus in a folder that does not exist yet.
CREATES_CORPUS = {"add", "fetch-dry-run"}


@pytest.mark.parametrize("command, case", [
    (command, case)
    for command in CORPUS_COMMANDS
    for case in ["bad-toml", "unknown-field", "missing-text", "no-such-folder", "a-file"]
    if not (case == "no-such-folder" and command in CREATES_CORPUS)
    # verify reports a missing file as a failed check of its entry (exit 1): test_verify.py
    and not (case == "missing-text" and command == "verify")
])
def test_bad_corpus(run_cli, corpora, tmp_path, command, case):
    folder, named, reason = corpora[case]
    before = tree(folder.parent)
    assert_error(run_cli(*CORPUS_COMMANDS[command](str(folder), tmp_path)), named, reason)
    assert tree(folder.parent) == before and tree(tmp_path) == []


# --- symbols, topics, paragraphs, languages ----------------------------------------------

SYMBOL_COMMANDS = {
    "blame": lambda s: ["blame", s],
    "graph": lambda s: ["graph", s],
    "history": lambda s: ["history", s, "1"],
    "topic": lambda s: ["topic", "igf", s],
    "fetch": lambda s: ["fetch", s, "--lang", "zh", "--dry-run"],
    "fetch-for-real": lambda s: ["fetch", s, "--lang", "zh", "--base-url", "http://127.0.0.1:9/"],
}


@pytest.mark.parametrize("symbol", ["A//80", "foo", "  "])
@pytest.mark.parametrize("command", list(SYMBOL_COMMANDS))
def test_bad_symbol(run_cli, command, symbol, monkeypatch, tmp_path):
    monkeypatch.setenv("LINEAGE_CORPUS", str(CORPORA))
    assert_error(run_cli(*SYMBOL_COMMANDS[command](symbol)), None, "symbol")


def test_bad_symbol_given_to_add(run_cli, tmp_path):
    corpus = tmp_path / "corpus"
    assert_error(run_cli("add", str(SEED), "--symbol", "A//80", "--corpus", str(corpus)), SEED,
                 "invalid document symbol")
    assert tree(tmp_path) == []


@pytest.mark.parametrize("argv, reason", [
    (["blame", "A/RES/99/999"], "not in the corpus"),
    (["history", "A/RES/99/999", "1"], "not in the corpus"),
    (["graph", "A/RES/99/999"], "not in the corpus"),
    (["topic", "igf", "A/RES/99/999"], "not in the corpus"),
    (["topic", "no-such-topic"], "unknown topic"),
    (["diff", str(SEED), str(SEED), "--topic", "no-such-topic"], "unknown topic"),
    (["history", "A/RES/80/173", "9999"], "no paragraph '9999'"),
    (["history", "A/RES/80/173", "pp0"], "no paragraph 'pp0'"),
    (["diff", str(SEED), str(SEED), "--paragraph", "9999"], "no such paragraph"),
    (["history", "A/RES/80/173", "1", "--lang", "xx"], "not in 'xx'"),
    (["blame", "A/RES/80/173", "--lang", "xx"], "not in 'xx'"),
    (["topic", "igf", "--lang", "xx"], "no text in 'xx'"),
    (["diff", str(SEED), str(SEED), "--format", "json", "--changed-only"], "do not apply"),
])
def test_unknown_names(run_cli, monkeypatch, argv, reason):
    monkeypatch.setenv("LINEAGE_CORPUS", str(CORPORA))
    assert_error(run_cli(*argv), None, reason)


def test_unknown_entry_names_the_manifest(run_cli):
    assert_error(run_cli("corpus", "show", "A/RES/99/999", "--corpus", str(CORPORA)),
                 CORPORA / "manifest.toml", "not in the corpus")
    assert_error(run_cli("corpus", "show", "A/RES/80/173", "--lang", "xx", "--corpus", str(CORPORA)),
                 CORPORA / "manifest.toml", "'xx'")


# --- usage errors: one line, not argparse's usage block ----------------------------------

@pytest.mark.parametrize("argv, reason", [
    ([], "no command given"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["corpus"], "choose list or show"),
    (["diff", str(SEED)], "required: NEW"),
    (["show"], "required: FILE"),
    (["show", str(SEED), "--format", "xml"], "invalid choice: 'xml'"),
    # --format pdf became a format (issue 13): what stays invalid is an unknown one, and a
    # file format without -o
    (["diff", str(SEED), str(SEED), "--format", "xml"], "invalid choice: 'xml'"),
    (["diff", str(SEED), str(SEED), "--format", "pdf"], "--format pdf writes a file: give it with -o FILE"),
    (["extract", str(GOOD_PDF), "--format", "xml"], "invalid choice"),
    (["blame", "A/RES/80/173", "--format", "xml"], "invalid choice"),
    (["graph", "--format", "svg"], "invalid choice"),
    (["history", "A/RES/80/173", "1", "--format", "xml"], "invalid choice"),
    (["topic", "igf", "--format", "xml"], "invalid choice"),
    (["corpus", "list", "--format", "xml"], "invalid choice"),
    (["verify", "--format", "xml"], "invalid choice"),
    (["normalize", str(SEED), "--profile", "print"], "invalid choice: 'print'"),
    (["add", str(SEED), "--kind", "speech"], "invalid choice: 'speech'"),
    (["fetch", "A/RES/80/173"], "required: --lang"),
    (["fetch", "A/RES/80/173", "--lang", "zh", "--timeout", "-1"], "must be more than 0"),
    (["blame", "A/RES/80/173", "--threshold", "2"], "at most 1"),
    (["show", str(SEED), "--no-such-option"], "unrecognized arguments"),
])
def test_usage_error_is_one_line(run_cli, argv, reason):
    err = assert_error(run_cli(*argv), None, reason)
    assert "--help" in err  # says where to look


# --- -o: checked first, written atomically, never half-written ----------------------------

OUTPUT_COMMANDS = {
    "diff": lambda out: ["diff", str(SEED), str(SEED), "-o", out],
    "extract": lambda out: ["extract", str(GOOD_PDF), "-o", out],
    "demo": lambda out: ["demo", "--corpus", str(CORPORA), "-o", out],
}


@pytest.mark.parametrize("command", list(OUTPUT_COMMANDS))
def test_output_is_a_directory(run_cli, tmp_path, command):
    assert_error(run_cli(*OUTPUT_COMMANDS[command](str(tmp_path))), tmp_path, "is a directory")
    assert tree(tmp_path) == []


@pytest.mark.parametrize("command", list(OUTPUT_COMMANDS))
def test_output_under_a_file(run_cli, tmp_path, command):
    (tmp_path / "f.txt").write_text("x", encoding="utf-8")
    target = tmp_path / "f.txt" / "out.html"
    assert_error(run_cli(*OUTPUT_COMMANDS[command](str(target))), target, "not a directory")
    assert tree(tmp_path) == ["f.txt"]


def test_demo_default_output_blocked_by_a_file(run_cli, tmp_path, monkeypatch):
    """Without -o the demo writes out/redline-….html under the current folder; a file named
    `out` there is refused before the comparison runs."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").write_text("x", encoding="utf-8")
    code, out, err = run_cli("demo", "--corpus", str(CORPORA))
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith("lineage: out/redline-") and "is a file, not a directory" in err
    assert tree(tmp_path) == ["out"]


def test_output_that_is_an_input_is_refused(run_cli, tmp_path):
    pdf = tmp_path / "in.pdf"
    shutil.copy(GOOD_PDF, pdf)
    assert_error(run_cli("extract", str(pdf), "-o", str(pdf)), pdf, "input")
    assert pdf.read_bytes() == GOOD_PDF.read_bytes()
    text = tmp_path / "new.txt"
    shutil.copy(SEED, text)
    assert_error(run_cli("diff", str(SEED), str(text), "-o", str(text)), text, "input")
    assert text.read_bytes() == SEED.read_bytes()


@pytest.mark.parametrize("argv, named", [
    (["diff", "MISSING", str(SEED)], "MISSING"),
    (["diff", str(SEED), str(TRUNCATED), "--format", "html"], TRUNCATED),
    (["extract", str(TRUNCATED)], TRUNCATED),
    (["extract", str(PDFS / "err-not-a-pdf.pdf"), "--format", "md"], PDFS / "err-not-a-pdf.pdf"),
])
def test_failed_command_writes_no_output(run_cli, tmp_path, argv, named):
    argv = [str(tmp_path / "missing.txt") if a == "MISSING" else a for a in argv]
    named = tmp_path / "missing.txt" if named == "MISSING" else named
    target = tmp_path / "sub" / "out.txt"
    assert_error(run_cli(*argv, "-o", str(target)), named)
    assert tree(tmp_path) == []  # not even the folder that -o would have created


def test_output_into_a_missing_folder_creates_it(run_cli, tmp_path):
    """Not an error: like `mkdir -p`, so that `-o out/x.html` works in a fresh checkout."""
    target = tmp_path / "a" / "b" / "out.json"
    code, out, err = run_cli("diff", str(SEED), str(SEED), "--format", "json", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "lineage.diff/1"
    assert tree(tmp_path) == ["a", "a/b", "a/b/out.json"]


# --- in a real process -------------------------------------------------------------------

def _python(*argv: str, env: dict[str, str] | None = None, **kw) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "LINEAGE_CORPUS": str(CORPORA), **(env or {})}
    return subprocess.run([sys.executable, "-m", "lineage.cli.main", *argv], capture_output=True,
                          text=True, cwd=REPO, env=full_env, timeout=120, **kw)


@pytest.mark.slow
@pytest.mark.parametrize("argv, named, reason", [
    (["show", "/nonexistent/file.txt"], "/nonexistent/file.txt", "no such file"),
    (["extract", str(TRUNCATED), "-o", "/nonexistent/x/out.json"], TRUNCATED, "truncated"),
    (["diff", str(SEED), str(SEED), "-o", "/"], "/", "is a directory"),
    (["show", str(SEED), "--format", "xml"], None, "invalid choice"),
    (["history", "A//80", "1"], None, "symbol"),
    (["corpus", "list", "--corpus", "/nonexistent"], "/nonexistent/manifest.toml", "no corpus manifest"),
])
def test_subprocess_errors_have_no_traceback(argv, named, reason):
    p = _python(*argv)
    assert_error((p.returncode, p.stdout, p.stderr), named, reason)
    assert not Path("/nonexistent").exists()


@pytest.mark.slow
def test_closed_pipe_is_quiet():
    """`lineage show FILE | head -1`: the reader goes away; no 'Exception ignored' or
    traceback, also when stdout is block-buffered (PYTHONUNBUFFERED unset)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["LINEAGE_CORPUS"] = str(CORPORA)
    for argv in (["graph"], ["show", str(SEED)]):  # a short and a long output
        read_end, write_end = os.pipe()
        os.close(read_end)  # closed before the command writes anything: every write fails
        try:
            p = subprocess.run([sys.executable, "-m", "lineage.cli.main", *argv], stdout=write_end,
                               stderr=subprocess.PIPE, text=True, cwd=REPO, env=env, timeout=120)
        finally:
            os.close(write_end)
        assert p.stderr == "", (argv, p.stderr)
        assert p.returncode == 0


@pytest.mark.slow
def test_output_encoding_that_cannot_hold_chinese():
    p = _python("show", str(SEED), env={"PYTHONIOENCODING": "ascii"})
    assert_error((p.returncode, p.stdout, p.stderr), None, "PYTHONUTF8=1")


def _as_nobody() -> list[str] | None:
    """A command prefix that drops root's right to read anything, or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


@pytest.mark.slow
def test_unreadable_file():
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("running as root without setpriv: root reads a chmod 000 file anyway")
    folder = Path(tempfile.mkdtemp(prefix="lineage-unreadable-"))
    try:
        folder.chmod(0o755)  # the unprivileged user must reach the files, not read them
        locked_txt = folder / "locked.txt"
        locked_pdf = folder / "locked.pdf"
        shutil.copy(SEED, locked_txt)
        shutil.copy(GOOD_PDF, locked_pdf)
        locked_txt.chmod(0)
        locked_pdf.chmod(0)
        for argv, named in [(["show", str(locked_txt)], locked_txt), (["normalize", str(locked_txt)], locked_txt),
                            (["diff", str(SEED), str(locked_txt)], locked_txt),
                            (["show", str(locked_pdf)], locked_pdf), (["extract", str(locked_pdf)], locked_pdf)]:
            p = subprocess.run([*prefix, sys.executable, "-m", "lineage.cli.main", *argv],
                               capture_output=True, text=True, cwd=REPO, timeout=120)
            if p.returncode != 2 and "ModuleNotFoundError" in p.stderr:
                pytest.skip("the unprivileged user cannot import lineage from this checkout")
            assert_error((p.returncode, p.stdout, p.stderr), named, "permission denied")
    finally:
        shutil.rmtree(folder)
