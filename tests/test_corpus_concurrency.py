"""The corpus under concurrent writers and under kill -9 (issue 15, finding 1 and part of 9).

Writers are real processes: forked from the test process (cheap: the package is already
imported) and running the CLI's ``main`` exactly as ``lineage add`` does; one round runs the
installed entry point as separate interpreters. Killing uses SIGKILL, at seeded random
instants, with the commit slowed down so that many kills land inside the write phase.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lineage.cli.main import build_parser
from lineage.corpus import load_entry_document, load_manifest
from lineage.corpus.txn import TXN_DIR, stray_temp_files
from support.cli import fork_cli, wait_exit

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

REPO = Path(__file__).resolve().parents[1]
build_parser()  # import every command module once, here, rather than in each forked child
import lineage.cli.app  # noqa: E402,F401  (what `add` imports lazily)
import lineage.read  # noqa: E402,F401


def _sources(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"doc{i}.txt"
        p.write_text(f"我们重申第{i}号承诺。\n\n各国应当合作，第{i}段。\n", encoding="utf-8")
        out.append(p)
    return out


def _add_argv(src: Path, i: int, corpus: Path) -> list[str]:
    return ["add", str(src), "--symbol", f"A/80/L.{i + 1}", "--lang", "zh", "--corpus", str(corpus)]


def assert_consistent(corpus: Path) -> set[str]:
    """Manifest readable; every entry's text there and matching; no journal, no temporary
    file, no text without an entry. Returns the symbols listed."""
    manifest = load_manifest(corpus)  # the next command: recovers first
    assert not (corpus / TXN_DIR).exists()
    assert stray_temp_files(corpus) == []
    listed = set()
    for e in manifest:
        doc = load_entry_document(corpus, e)
        assert doc.symbol == e.symbol
        listed.add(e.text)
    on_disk = {f"texts/{p.name}" for p in (corpus / "texts").iterdir()} if (corpus / "texts").exists() else set()
    assert on_disk == listed, f"orphan or missing texts: {on_disk ^ listed}"
    sources = {f"sources/{p.name}" for p in (corpus / "sources").iterdir()} if (corpus / "sources").exists() else set()
    assert sources == {e.source for e in manifest}
    return {e.symbol for e in manifest}


@pytest.mark.parametrize("round_", range(3))
def test_concurrent_adds_keep_every_entry(tmp_path, round_):
    corpus = tmp_path / "corpus"
    srcs = _sources(tmp_path / "in", 10)
    pids = [fork_cli(_add_argv(src, i, corpus)) for i, src in enumerate(srcs)]
    codes = [wait_exit(pid) for pid in pids]
    assert codes == [0] * 10
    assert assert_consistent(corpus) == {f"A/80/L.{i + 1}" for i in range(10)}


def test_concurrent_add_commands_as_separate_interpreters(tmp_path):
    corpus = tmp_path / "corpus"
    srcs = _sources(tmp_path / "in", 10)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-m", "lineage.cli.main", *_add_argv(src, i, corpus)],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for i, src in enumerate(srcs)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 10, [r[1] for r in results]
    assert assert_consistent(corpus) == {f"A/80/L.{i + 1}" for i in range(10)}


def _slow_commit() -> None:
    """In the child: every atomic write and rename of the corpus takes a little longer, so
    that a kill at a random instant often lands between two of them."""
    import lineage.corpus.files as files
    import lineage.corpus.txn as txn

    real_write, real_replace = txn.atomic_write_bytes, os.replace

    def slow_write(path, data):
        time.sleep(0.004)
        real_write(path, data)

    def slow_replace(a, b):
        time.sleep(0.002)
        real_replace(a, b)

    txn.atomic_write_bytes = slow_write
    files.os.replace = slow_replace  # the same os module everywhere: slows every rename


def test_kill_9_at_random_instants_leaves_old_or_new(tmp_path):
    rng = random.Random(15)
    corpus = tmp_path / "corpus"
    srcs = _sources(tmp_path / "in", 6)
    pdf = REPO / "tests" / "pdfs" / "err-not-a-pdf.pdf"  # any bytes: copied as a source
    assert pdf.exists()
    # a corpus with something in it, so that --force replaces files (backups, roll back)
    for i in range(3):
        pid = fork_cli(_add_argv(srcs[i], i, corpus))
        assert wait_exit(pid) == 0
    # How long one slowed `add --force` takes here: the kills are spread over that span.
    started = time.monotonic()
    assert wait_exit(fork_cli(_add_argv(srcs[0], 0, corpus) + ["--force"], before=_slow_commit)) == 0
    span = time.monotonic() - started
    before = assert_consistent(corpus)
    outcomes = {"killed": 0, "finished": 0, "journal left": 0}
    for _ in range(30):
        i = rng.randrange(6)
        argv = _add_argv(srcs[i], i, corpus) + ["--force"]
        pid = fork_cli(argv, before=_slow_commit)
        # mostly the second half of the run (where the writes are), sometimes past its end
        time.sleep(span * rng.uniform(0.2, 1.5))
        os.kill(pid, signal.SIGKILL)
        code = wait_exit(pid)
        outcomes["killed" if code == -signal.SIGKILL else "finished"] += 1
        outcomes["journal left"] += (corpus / TXN_DIR).exists()
        now = assert_consistent(corpus)
        assert before <= now  # an entry once committed is never lost
        before = now
    # the seeded instants must exercise both outcomes, or the test proves little
    assert outcomes["killed"] >= 5 and outcomes["finished"] >= 1 and outcomes["journal left"] >= 3, outcomes


def test_a_crash_inside_the_write_phase_rolls_back(tmp_path):
    """Deterministic: the child dies right after the text is replaced, before the manifest."""
    corpus = tmp_path / "corpus"
    [src] = _sources(tmp_path / "in", 1)
    assert wait_exit(fork_cli(_add_argv(src, 0, corpus))) == 0
    text = corpus / "texts" / "A-80-L.1.zh.txt"
    old_text, old_manifest = text.read_bytes(), (corpus / "manifest.toml").read_bytes()
    src.write_text("全新的文本。\n", encoding="utf-8")

    def die_before_manifest():
        import lineage.corpus.txn as txn

        real = txn.atomic_write_bytes

        def write(path, data):
            if Path(path).name == "manifest.toml":
                os.kill(os.getpid(), signal.SIGKILL)
            real(path, data)

        txn.atomic_write_bytes = write

    pid = fork_cli(_add_argv(src, 0, corpus) + ["--force", "--title", "new"], before=die_before_manifest)
    assert wait_exit(pid) == -signal.SIGKILL
    assert (corpus / TXN_DIR).exists()  # the crash left its journal ...
    assert text.read_bytes() != old_text  # ... and a text the manifest does not describe
    assert_consistent(corpus)  # the next command rolls it back
    assert text.read_bytes() == old_text and (corpus / "manifest.toml").read_bytes() == old_manifest


def test_stray_temp_files_of_an_old_crash_are_removed_by_the_next_write(tmp_path, run_cli):
    corpus = tmp_path / "corpus"
    srcs = _sources(tmp_path / "in", 2)
    assert run_cli(*_add_argv(srcs[0], 0, corpus))[0] == 0
    stray = corpus / "texts" / ".A-80-L.9.zh.txt.abc123.tmp"
    stray.write_text("half", encoding="utf-8")
    assert run_cli(*_add_argv(srcs[1], 1, corpus))[0] == 0
    assert not stray.exists()


def test_readers_during_concurrent_writes_see_whole_states(tmp_path):
    """While ten writers run, a reader in a loop always finds a readable manifest whose every
    entry's text is there and matches it (texts are in place before the manifest names them)."""
    corpus = tmp_path / "corpus"
    srcs = _sources(tmp_path / "in", 10)
    assert wait_exit(fork_cli(_add_argv(srcs[0], 0, corpus))) == 0
    pids = [fork_cli(_add_argv(src, i, corpus) + ["--force"]) for i, src in enumerate(srcs)]
    reads = 0
    codes: dict[int, int] = {}
    while len(codes) < len(pids):
        manifest = load_manifest(corpus)
        for e in manifest:
            assert load_entry_document(corpus, e).symbol == e.symbol
        reads += 1
        for pid in pids:
            if pid not in codes:
                got, status = os.waitpid(pid, os.WNOHANG)
                if got:
                    codes[pid] = os.waitstatus_to_exitcode(status)
    assert list(codes.values()) == [0] * 10 and reads >= 1
    assert assert_consistent(corpus) == {f"A/80/L.{i + 1}" for i in range(10)}
