"""Take a screenshot of an HTML redline with the browser test's setup (Debian's Chromium
driven by Playwright; nothing is downloaded, the page may load nothing but itself).

    .venv/bin/lineage demo -o out/redline.html
    .venv/bin/python scripts/redline_screenshot.py out/redline.html docs/img/redline.png \\
        [--side-by-side] [--width 1100] [--height 1500]

``--height`` crops the full-page shot to its top part (a README image need not be 20 m long).
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--side-by-side", action="store_true")
    ap.add_argument("--width", type=int, default=1100)
    ap.add_argument("--height", type=int, default=0, help="crop to this many pixels (0: whole page)")
    ap.add_argument("--anchor", help="scroll to this element id first (e.g. new-4)")
    args = ap.parse_args(argv)
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        print("no Chromium: run `bash scripts/install-browser.sh`", file=sys.stderr)
        return 2
    url = args.html.resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height or 900},
                                device_scale_factor=1)
        page.route("**/*", lambda r: r.continue_() if r.request.url == url else r.abort())
        page.goto(url)
        if args.side_by_side:
            page.click("label[for=view-side]")
        if args.anchor:
            page.locator(f"#{args.anchor}").scroll_into_view_if_needed()
            page.evaluate(f"document.getElementById('{args.anchor}').scrollIntoView()")
        args.png.parent.mkdir(parents=True, exist_ok=True)
        if args.height and not args.anchor:
            page.screenshot(path=str(args.png), clip={"x": 0, "y": 0, "width": args.width, "height": args.height},
                            full_page=True)
        else:
            page.screenshot(path=str(args.png), full_page=not args.height)
        browser.close()
    print(args.png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
