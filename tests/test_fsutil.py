import pytest

from lineage.corpus.files import atomic_write_text, sha256_file


def test_atomic_write_replaces_whole_file(tmp_path):
    p = tmp_path / "sub" / "a.txt"
    atomic_write_text(p, "一")
    atomic_write_text(p, "二二")
    assert p.read_text(encoding="utf-8") == "二二"
    assert [f.name for f in p.parent.iterdir()] == ["a.txt"]


def test_atomic_write_leaves_nothing_on_failure(tmp_path, monkeypatch):
    p = tmp_path / "a.txt"
    p.write_text("old", encoding="utf-8")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("os.replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(p, "new")
    assert p.read_text(encoding="utf-8") == "old"
    assert [f.name for f in tmp_path.iterdir()] == ["a.txt"]


def test_sha256_file(tmp_path):
    p = tmp_path / "x"
    p.write_bytes(b"abc")
    assert sha256_file(p) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_atomic_write_gives_new_files_the_umask_mode(tmp_path):
    import os

    p = tmp_path / "m.txt"
    old = os.umask(0o022)
    try:
        atomic_write_text(p, "x")
    finally:
        os.umask(old)
    assert p.stat().st_mode & 0o777 == 0o644


def test_atomic_write_keeps_an_existing_files_mode(tmp_path):
    p = tmp_path / "m.txt"
    p.write_text("x", encoding="utf-8")
    p.chmod(0o640)
    atomic_write_text(p, "y")
    assert p.stat().st_mode & 0o777 == 0o640
