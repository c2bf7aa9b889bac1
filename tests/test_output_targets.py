"""``-o`` writes regular files only (issue 15, finding 2): a device, a FIFO, a directory and a
symbolic link are refused with one line and exit 2, and are left exactly as they were."""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from support.cli import assert_error
from support.paths import REPO, SEED

COMMANDS = {
    "diff": lambda out: ["diff", str(SEED), str(SEED), "-o", out],
    "extract": lambda out: ["extract", str(REPO / "tests" / "pdfs" / "wsis-tunis-doc6-zh.pdf"), "-o", out],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_fifo_is_refused_and_kept(run_cli, tmp_path, command):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert_error(run_cli(*COMMANDS[command](str(fifo))), fifo, "pipe")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_symlink_is_refused_and_neither_it_nor_its_target_changes(run_cli, tmp_path, command):
    target = tmp_path / "precious.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "out.html"
    link.symlink_to(target)
    err = assert_error(run_cli(*COMMANDS[command](str(link))), link, "symbolic link")
    assert str(target) in err  # says where it points, so the user can give that path
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_a_dangling_symlink_is_refused(run_cli, tmp_path):
    link = tmp_path / "out.html"
    link.symlink_to(tmp_path / "nowhere" / "x.html")
    assert_error(run_cli(*COMMANDS["diff"](str(link))), link, "symbolic link")
    assert not (tmp_path / "nowhere").exists()


def test_a_directory_is_refused(run_cli, tmp_path):
    assert_error(run_cli(*COMMANDS["diff"](str(tmp_path))), tmp_path, "directory")


def _a_device(tmp_path: Path) -> Path:
    """A character device to aim ``-o`` at. As root, a private copy of /dev/null's node in
    tmp_path: run against a broken build, the test must not clobber the machine's /dev/null
    (it did once). Others cannot replace /dev/null anyway, so they test the real one."""
    if os.geteuid() == 0:
        node = tmp_path / "null"
        os.mknod(node, 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
        return node
    return Path("/dev/null")


def test_a_device_is_refused_and_stays_a_device(tmp_path):
    """In a real process: the finding was ``-o /dev/null`` turning the device node into a
    file (as root)."""
    device = _a_device(tmp_path)
    before = os.stat(device)
    p = subprocess.run([sys.executable, "-m", "lineage.cli.main", *COMMANDS["diff"](str(device))],
                       capture_output=True, text=True, cwd=REPO, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(REPO)})
    assert_error((p.returncode, p.stdout, p.stderr), device, "device")
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_regular_file_is_still_replaced(run_cli, tmp_path):
    out = tmp_path / "old.json"
    out.write_text("old", encoding="utf-8")
    code, _, err = run_cli("diff", str(SEED), str(SEED), "--format", "json", "-o", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8").startswith("{")
