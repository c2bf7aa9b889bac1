"""The wheel ships the package and its data, and nothing of the test or benchmark support
(``pip wheel . --no-deps``; docs/architecture.md)."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Names that belong to the tests and benchmarks (tests/support/, benchmarks/), never to the package.
FORBIDDEN = ("tests/", "benchmarks/", "support/", "mutations", "accuracy", "conftest", "corpora/")


def _checkout_copy(dest: Path) -> Path:
    """The checkout's files (tracked, and new ones not ignored) in a fresh folder: building in
    place would leave build/ behind, whose stale files setuptools puts into later wheels."""
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=REPO,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        src = REPO / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("needs a git checkout to know which files are the project's")
    tmp = tmp_path_factory.mktemp("wheel")
    src = _checkout_copy(tmp / "src")
    out = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "-q",
                          "-w", str(tmp / "dist")], capture_output=True, text=True)
    if out.returncode != 0 and "from versions: none" in out.stderr:
        # pip builds in an isolated environment and fetches the build backend from the index
        pytest.skip("no package index reachable to fetch the build backend (setuptools)")
    assert out.returncode == 0, out.stderr[-3000:]
    (wheel,) = (tmp / "dist").glob("lineage-*.whl")
    with zipfile.ZipFile(wheel) as z:
        return z.namelist()


@pytest.mark.slow
def test_the_wheel_has_no_test_or_benchmark_support(wheel_names: list[str]) -> None:
    shipped = [n for n in wheel_names if any(f in n for f in FORBIDDEN)]
    assert not shipped, shipped


@pytest.mark.slow
def test_the_wheel_has_the_package_and_its_data(wheel_names: list[str]) -> None:
    # Guards the test above: a wheel without the package would also have no test support.
    for name in ("lineage/__init__.py", "lineage/cli/main.py", "lineage/read/pdf/extract.py",
                 "lineage/model/schemas/document-1.schema.json", "lineage/model/schemas/diff-1.schema.json",
                 "lineage/data/topics/igf.toml"):
        assert name in wheel_names
    tops = {n.split("/")[0] for n in wheel_names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"lineage"}
