"""Headless Chromium for the browser tests: Debian's Chromium driven by Playwright (never a
browser Playwright downloads), a page that records every request and dialog, and screenshots
kept under ``test-output/browser/``. The ``browser`` fixture itself is in ``conftest.py``."""
from __future__ import annotations

import shutil
from pathlib import Path

from support.paths import REPO

OUTPUT = REPO / "test-output" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


class Watched:
    """A page with every request, dialog and console error recorded; only the file itself
    may be loaded, anything else is aborted (and recorded)."""

    def __init__(self, browser, url: str, *, javascript: bool = True, media: str | None = None) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900},
                                           java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.url = url
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        if media:
            self.page.emulate_media(media=media)
        self.page.goto(url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route) -> None:
        self.requests.append(route.request.url)
        if route.request.url == self.url:
            route.continue_()
        else:
            route.abort()

    def style(self, selector: str, prop: str) -> str:
        return self.page.eval_on_selector(selector, f"e => getComputedStyle(e).{prop}")

    def close(self) -> None:
        self.context.close()


def save_screenshot(page, name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, OUTPUT / name)
    print(f"screenshot: {path} (copy: {OUTPUT / name})")
    return path
