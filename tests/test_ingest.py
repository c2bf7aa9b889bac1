"""``lineage ingest``: a folder of real UN PDFs, a corrupt PDF and a text into a corpus;
resuming; kill -9 at random instants (issue 12, part 1)."""
from __future__ import annotations

import os
import random
import shutil
import signal
import time
from pathlib import Path

import pytest

from lineage.cli.main import build_parser
from lineage.corpus import load_entry_document, load_manifest
from lineage.corpus.ingest import extract_one, find_inputs, ingest
from lineage.corpus.txn import TXN_DIR, stray_temp_files
from lineage.read.textformat import parse_corpus_file
from lineage.script.lines import english_words
from support.cli import fork_cli, wait_exit

REAL = Path(__file__).parent / "pdfs" / "real"
build_parser()  # import every command module before forking
import lineage.corpus.ingest  # noqa: E402,F401
import lineage.read  # noqa: E402,F401

# The two smallest official PDFs (3 pages each): a plenary draft and the resolution adopted from it.
SMALL = ("A-80-L.13.en.pdf", "A-RES-80-107.en.pdf")
ZERO_DRAFT = ("We, the Ministers, reaffirm the Tunis Agenda.\n\n"
              "1. We decide to keep the Internet Governance Forum.\n\n"
              "2. We request the Secretary-General to report on it.\n")


def _folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for name in SMALL:
        shutil.copy(REAL / name, src / name)
    # a PDF cut short: the header is there, the rest is not
    (src / "sub" / "broken.pdf").write_bytes((REAL / SMALL[0]).read_bytes()[:4000])
    (src / "sub" / "WSIS_zero_draft.txt").write_text(ZERO_DRAFT, encoding="utf-8")
    (src / "notes.docx.bak").write_text("not an input", encoding="utf-8")  # not a known suffix
    return src


def assert_consistent(corpus: Path) -> dict[str, str]:
    """Manifest readable (the read recovers from a killed writer first), no journal or
    temporary file left, every entry's text there and its own, no text without an entry.
    Returns {label: text file bytes' sha256-free content} for comparing two corpora."""
    manifest = load_manifest(corpus, missing_ok=True)
    assert not (corpus / TXN_DIR).exists()
    assert stray_temp_files(corpus) == []
    texts = {}
    for e in manifest:
        doc = load_entry_document(corpus, e)
        assert (doc.symbol, doc.language) == (e.symbol, e.language)
        texts[e.label] = (corpus / e.text).read_text(encoding="utf-8")
    on_disk = {f"texts/{p.name}" for p in (corpus / "texts").iterdir()} if (corpus / "texts").exists() else set()
    assert on_disk == {e.text for e in manifest}, "orphan or missing texts"
    return texts


def test_find_inputs_walks_folders_and_keeps_named_files(tmp_path):
    src = _folder(tmp_path)
    names = [p.name for p in find_inputs([src, src / "notes.docx.bak"])]
    assert sorted(names) == sorted([*SMALL, "broken.pdf", "WSIS_zero_draft.txt", "notes.docx.bak"])


def test_ingest_a_folder_then_a_second_run_skips_everything(tmp_path, run_cli):
    src = _folder(tmp_path)
    corpus = tmp_path / "corpus"
    code, out, err = run_cli("ingest", str(src), "--corpus", str(corpus), "--jobs", "2")
    assert code == 1, err  # the broken PDF failed
    assert "3 added, 0 skipped, 1 failed" in out
    assert "broken.pdf" in out and "corrupt" in out
    texts = assert_consistent(corpus)
    assert set(texts) == {"A/80/L.13 (en)", "A/RES/80/107 (en)", "WSIS zero draft (en)"}
    manifest = load_manifest(corpus)
    assert manifest.find("WSIS zero draft", "en").kind == "informal-draft"
    assert manifest.find("A/RES/80/107", "en").kind == "resolution"
    # The masthead's adoption note, which the Document model has no field for, is kept.
    res = parse_corpus_file(texts["A/RES/80/107 (en)"])
    assert res.notes == ("masthead: [without reference to a Main Committee (A/80/L.13)]",)
    before = (corpus / "manifest.toml").read_bytes()

    code, out, _ = run_cli("ingest", str(src), "--corpus", str(corpus), "--jobs", "1")
    assert code == 1 and "0 added, 3 skipped, 1 failed" in out
    assert (corpus / "manifest.toml").read_bytes() == before


def test_ingest_without_failures_exits_0_and_reports_repeats(tmp_path, run_cli):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a_draft.txt").write_text(ZERO_DRAFT, encoding="utf-8")
    (src / "copy.txt").write_text(ZERO_DRAFT, encoding="utf-8")  # same bytes
    code, out, _ = run_cli("ingest", str(src), "--corpus", str(tmp_path / "c"), "--jobs", "1")
    assert code == 0
    assert "1 added, 1 skipped, 0 failed" in out and "same bytes as" in out


def test_a_file_the_extractor_never_answers_for_is_reported_failed(tmp_path):
    # An extractor (a cluster's) that loses a file must not make it vanish from the summary.
    from lineage.corpus.ingest import extract_one

    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"draft_{i}.txt").write_text(f"1. We decide item {i}.\n", encoding="utf-8")

    def lossy(files):
        return [extract_one(str(f)) for f in files if f.name != "draft_1.txt"]

    summary = ingest([src], tmp_path / "c", extract=lossy)
    assert [Path(r.path).name for r in summary.added] == ["draft_0.txt", "draft_2.txt"]
    assert [(Path(r.path).name, r.reason) for r in summary.failed] == [
        ("draft_1.txt", "no result came back from the reader")]


def test_bad_arguments_are_one_line_errors(tmp_path, run_cli):
    code, _, err = run_cli("ingest", str(tmp_path / "nothing"), "--corpus", str(tmp_path / "c"))
    assert code == 2 and "no such file or folder" in err and "Traceback" not in err
    code, _, err = run_cli("ingest", str(tmp_path), "--jobs", "0", "--corpus", str(tmp_path / "c"))
    assert code == 2 and "--jobs" in err


def _texts(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"draft_{i:02d}.txt").write_text(
            f"Recalling draft number {i}.\n\n1. We decide item {i} of the agenda.\n\n2. We request a report {i}.\n",
            encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_kill_9_at_random_instants_then_rerun_gives_the_whole_consistent_corpus(tmp_path):
    src = tmp_path / "in"
    _texts(src, 40)
    clean = tmp_path / "clean"
    summary = ingest([src], clean, jobs=1)
    assert len(summary.added) == 40 and not summary.failed
    want = assert_consistent(clean)

    corpus = tmp_path / "corpus"
    argv = ["ingest", str(src), "--corpus", str(corpus), "--jobs", "1"]
    started = time.monotonic()
    assert wait_exit(fork_cli(argv + ["--corpus", str(tmp_path / "timing")])) == 0
    span = time.monotonic() - started
    rng = random.Random(12)
    killed = 0
    previous: dict[str, str] = {}
    for _ in range(6):
        pid = fork_cli(argv)
        time.sleep(span * rng.uniform(0.03, 0.2))  # each kill lets a few files in
        os.kill(pid, signal.SIGKILL)
        killed += wait_exit(pid) == -signal.SIGKILL
        now = assert_consistent(corpus)
        assert previous.items() <= now.items()  # what was added is never lost or changed
        previous = now
    assert killed >= 4  # most kills must land mid-run or the test proves little
    assert wait_exit(fork_cli(argv)) == 0
    assert assert_consistent(corpus) == want


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
def test_death_between_a_text_and_its_manifest_is_rolled_back_and_resumed(tmp_path):
    src = tmp_path / "in"
    _texts(src, 4)
    corpus = tmp_path / "corpus"
    pid = os.fork()
    if pid == 0:  # dies while writing the third manifest: after its text, before the commit
        try:
            import lineage.corpus.txn as txn

            real, calls = txn.atomic_write_bytes, []

            def write(path, data):
                if Path(path).name == "manifest.toml":
                    calls.append(path)
                    if len(calls) == 3:
                        os.kill(os.getpid(), signal.SIGKILL)
                real(path, data)

            txn.atomic_write_bytes = write
            ingest([src], corpus, jobs=1)
        finally:
            os._exit(0)
    assert wait_exit(pid) == -signal.SIGKILL
    assert (corpus / TXN_DIR).exists() and len(list((corpus / "texts").iterdir())) == 3
    assert len(assert_consistent(corpus)) == 2  # the half-written third is rolled back
    summary = ingest([src], corpus, jobs=2)
    assert (len(summary.added), len(summary.skipped)) == (2, 2)
    assert len(assert_consistent(corpus)) == 4


def test_a_worker_reads_the_word_list_once_for_its_pdfs() -> None:
    # Each PDF is read in a child forked from the worker: the hyphen policy's word list,
    # read in the worker first, is inherited instead of read again for every file.
    english_words.cache_clear()
    got = extract_one(str(REAL / "A-80-L.13.en.pdf"))
    assert got.error is None and got.document is not None
    assert english_words.cache_info().currsize == 1
