"""Same input, same bytes, in any process: the JSON contract promises deterministic output,
and nothing may hang on the order of a set or a dict of strings, which Python randomises per
process (``PYTHONHASHSEED``). Two fresh interpreters with different hash seeds print the
bundled comparison; their outputs must be identical byte for byte."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support.paths import CORPORA, REPO

OLD = CORPORA / "texts" / "WSIS+20_outcome_draft-reconstructed.zh.txt"
NEW = CORPORA / "texts" / "A-RES-80-173.zh.txt"
EN_OLD = REPO / "tests" / "data" / "realism" / "en_zero_draft.md"
EN_NEW = REPO / "tests" / "data" / "realism" / "en_rev1.md"


def _run(seed: str, *args: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "lineage.cli.main", *args], cwd=REPO, env=env,
                          capture_output=True, timeout=300)
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    assert done.stdout, "no output"
    return done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("args", [
    ("diff", str(OLD), str(NEW), "--format", "json"),
    ("diff", str(EN_OLD), str(EN_NEW), "--format", "json"),
    ("diff", str(OLD), str(NEW), "--format", "html"),
], ids=["zh-json", "en-json", "zh-html"])
def test_output_is_the_same_under_different_hash_seeds(args: tuple[str, ...]) -> None:
    assert _run("1", *args) == _run("2", *args)
