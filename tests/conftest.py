"""Shared fixtures and test settings. Test modules never import each other: reusable helpers
live in ``tests/support/`` (imported as ``support.x``), shared state in the fixtures here.

- Hypothesis profiles: ``dev`` (the default: random examples, remembered failures) and
  ``ci`` (derandomised, no example database, failures printed as a reproduction blob),
  chosen by ``HYPOTHESIS_PROFILE``; ``ci`` when ``CI=true``. A test's own ``max_examples``
  stands in both.
- ``slow`` marker (registered in ``pyproject.toml``): ``pytest -m "not slow"`` for a quick
  run; the default run is everything.
"""
from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, settings

from lineage.model.document import Document
from lineage.read import read_document
from lineage.read.pdf import extract_pdf
from support.browser import CHROMIUM_ARGS, chromium
from support.paths import SEED

settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE")
                      or ("ci" if os.environ.get("CI", "").lower() == "true" else "dev"))


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def _seed_document() -> Document:
    return read_document(SEED)


@pytest.fixture
def seed_doc(_seed_document: Document) -> Document:
    """The seed document (A/RES/80/173, Chinese), read once per session; a fresh copy for
    each test, so that no test can change another's."""
    return copy.deepcopy(_seed_document)


@pytest.fixture(scope="session")
def _pdf_cache() -> dict[Path, Document]:
    return {}


@pytest.fixture(scope="session")
def extracted_pdf(_pdf_cache: dict[Path, Document]) -> Callable[[Path], Document]:
    """``extract_pdf`` once per PDF and session: returns a fresh copy of the cached document
    each call, so a test that changes its document cannot change another test's."""
    def extract(path: Path) -> Document:
        key = Path(path).resolve()
        if key not in _pdf_cache:
            _pdf_cache[key] = extract_pdf(key)
        return copy.deepcopy(_pdf_cache[key])

    return extract


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process: returns (exit_code, stdout, stderr)."""
    from lineage.cli.main import main

    def run(*argv: str) -> tuple[int, str, str]:
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse usage errors
            code = int(exc.code or 0)
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture(scope="module")
def browser():
    """Headless Debian Chromium under Playwright, one per test module; skipped, saying why,
    only when no Chromium is installed (``make test`` installs it)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    executable = chromium()
    if executable is None:
        pytest.skip("no Chromium found (/usr/bin/chromium, chromium or chromium-browser on PATH); "
                    "install it with `bash scripts/install-browser.sh`")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()
