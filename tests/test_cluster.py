"""Ingest and index on a Dask cluster give the same corpus and index as the local run
(issue 12, part 6): a LocalCluster of two workers (threads, so the test stays light)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from lineage.corpus.index import build_index
from lineage.corpus.ingest import ingest
from support.session_corpus import REAL

distributed = pytest.importorskip("dask.distributed")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    shutil.copy(REAL / "A-80-L.13.en.pdf", folder)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\nnothing else")
    for i in range(6):
        (folder / f"draft_{i}.txt").write_text(
            f"Recalling draft {i}.\n\n1. We decide item {i} of the agenda.\n\n2. We request a report {i}.\n",
            encoding="utf-8")
    return folder


def _tables(corpus: Path) -> dict[str, list]:
    con = sqlite3.connect(corpus / "index.sqlite")
    try:
        return {
            "documents": con.execute("SELECT symbol, language, date, kind, title, session, agenda, text_path, "
                                     "text_sha256 FROM documents ORDER BY text_path").fetchall(),
            "paragraphs": con.execute("SELECT d.text_path, p.seq, p.pid, p.part, p.text, p.norm, p.comp FROM paragraphs p "
                                      "JOIN documents d ON d.id = p.doc ORDER BY d.text_path, p.seq").fetchall(),
            "lsh": con.execute("SELECT l.key, d.text_path, p.seq FROM lsh l JOIN paragraphs p ON p.id = l.para "
                               "JOIN documents d ON d.id = p.doc ORDER BY 1, 2, 3").fetchall(),
            "fts": con.execute("SELECT d.text_path, p.seq FROM para_fts JOIN paragraphs p ON p.id = para_fts.rowid "
                               "JOIN documents d ON d.id = p.doc WHERE para_fts MATCH '\"agenda\"' ORDER BY 1, 2").fetchall(),
        }
    finally:
        con.close()


def test_a_local_dask_cluster_gives_the_same_corpus_and_index_as_jobs_2(tmp_path):
    from lineage.corpus.cluster import dask_extractor, dask_index_rows

    src = _inputs(tmp_path / "in")
    local, dask = tmp_path / "local", tmp_path / "dask"
    a = ingest([src], local, jobs=2)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        b = ingest([src], dask, extract=dask_extractor(client))
        again = ingest([src], dask, extract=dask_extractor(client))  # resumable the same way
        build_index(dask, compute=dask_index_rows(client))
    build_index(local, jobs=2)
    assert (len(a.added), len(a.failed)) == (len(b.added), len(b.failed)) == (7, 1)
    assert (len(again.added), len(again.skipped)) == (0, 7)
    assert (local / "manifest.toml").read_bytes() == (dask / "manifest.toml").read_bytes()
    texts = sorted(p.name for p in (local / "texts").iterdir())
    assert texts == sorted(p.name for p in (dask / "texts").iterdir())
    for name in texts:
        assert (local / "texts" / name).read_bytes() == (dask / "texts" / name).read_bytes()
    ta, tb = _tables(local), _tables(dask)
    assert ta["paragraphs"] and ta["lsh"] and ta["fts"]
    assert ta == tb


def _ingest_drafts_on_one_thread(tmp_path: Path, count: int):
    """``count`` one-paragraph drafts ingested through a cluster of one worker thread."""
    from lineage.corpus.cluster import dask_extractor

    src = tmp_path / "in"
    src.mkdir()
    for i in range(count):
        (src / f"draft_{i}.txt").write_text(f"1. We decide item {i} of the agenda.\n", encoding="utf-8")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        return ingest([src], tmp_path / "c", extract=dask_extractor(client))


def test_every_file_is_read_when_there_are_more_files_than_the_cluster_keeps_in_flight(tmp_path):
    # One worker thread keeps four files in flight; the fifth and later are submitted as results
    # come back. (The first window was once taken with zip(), which swallowed the fifth file.)
    got = _ingest_drafts_on_one_thread(tmp_path, 9)
    assert sorted(Path(r.path).name for r in got.added) == [f"draft_{i}.txt" for i in range(9)]
    assert not got.failed and not got.skipped


def test_cluster_workers_read_each_pdf_in_one_process(tmp_path, monkeypatch):
    """As the local pool: the cluster's threads keep the cores busy with whole files."""
    from lineage.corpus import cluster as cluster_module
    from lineage.corpus.ingest import extract_one

    seen = tmp_path / "seen"  # a file: the task may reach the worker as a copy of the function

    def spy(path, workers=None):
        with open(seen, "a", encoding="utf-8") as fh:
            fh.write(f"{workers}\n")
        return extract_one(path, workers)

    monkeypatch.setattr(cluster_module, "extract_one", spy)
    got = _ingest_drafts_on_one_thread(tmp_path, 5)
    assert len(got.added) == 5 and seen.read_text(encoding="utf-8").split() == ["1"] * 5


def test_scheduler_without_a_reachable_cluster_is_one_error_line(tmp_path, run_cli, monkeypatch):
    import lineage.corpus.cluster as cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 2)
    src = _inputs(tmp_path / "in")
    code, _, err = run_cli("ingest", str(src), "--corpus", str(tmp_path / "c"), "--scheduler", "tcp://127.0.0.1:9")
    assert code == 2 and "Dask scheduler" in err and "Traceback" not in err


def test_a_run_that_skips_every_file_starts_no_cluster(tmp_path, run_cli, monkeypatch):
    # The second run over a session's folder has nothing to read: it must not pay for starting a
    # local cluster (about 20 s) nor need the scheduler.
    import lineage.corpus.cluster as cluster

    src = tmp_path / "in"
    src.mkdir()
    (src / "draft.txt").write_text("1. We decide item 1 of the agenda.\n", encoding="utf-8")
    corpus = tmp_path / "c"
    assert ingest([src], corpus).added
    started: list[str] = []

    def no_cluster(scheduler: str, workers: int = 2):
        started.append(scheduler)
        raise AssertionError("a cluster was started")

    monkeypatch.setattr(cluster, "dask_client", no_cluster)
    code, out, err = run_cli("ingest", str(src), "--corpus", str(corpus), "--scheduler", "tcp://127.0.0.1:9")
    assert (code, started) == (0, []), err
    assert "0 added, 1 skipped, 0 failed" in out
