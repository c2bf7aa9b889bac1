"""The one HTML page skeleton: every HTML output of the package (the redline, the topic page)
is built by :func:`render_page`, so they share the security policy, the fonts, the palette
and the language rules.

- **Nothing fetched.** Everything is inline; :data:`CSP` forbids any fetch, script, frame or
  form, so a page works offline and a hostile text could run nothing even if escaping ever
  failed.
- **Fonts.** Text in a serif stack that starts with the CJK serif faces (Noto Serif CJK,
  Source Han Serif, Songti, SimSun), whose full-width punctuation (，。、；) is drawn on the
  em square of the characters around it, so it reads without a gap; their Latin glyphs are
  used for English too, so the two languages sit on one baseline. Navigation in the system
  sans-serif (:data:`UI_FONTS`).
- **Palette.** Deletions red and struck through, insertions blue and underlined (never told
  apart by colour alone), as CSS custom properties every page uses.
- **Languages.** The page's own words (headings, labels, notes) are English:
  ``<html lang="en">``. Every element that holds document text says its language with
  :func:`lang_attr` (``lang="zh"``), so that browsers pick the right glyphs and line breaking
  and screen readers the right voice, also on a page that mixes Chinese and English
  documents.
"""
from __future__ import annotations

from html import escape
from typing import Iterable

__all__ = ["CSP", "UI_LANGUAGE", "TEXT_FONTS", "UI_FONTS", "BASE_CSS", "BASE_PRINT_CSS", "lang_attr",
           "render_page"]

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")
"""What every HTML page of ours allows: inline styles and data images, nothing fetched."""

UI_LANGUAGE = "en"
"""The language of the pages' own words."""

TEXT_FONTS = ('"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, '
              '"Noto Serif", Georgia, "Times New Roman", serif')
UI_FONTS = "system-ui, sans-serif"

BASE_CSS = f"""
:root {{ --del: #b3141c; --del-bg: #fdecec; --ins: #0b4fb3; --ins-bg: #e8f0fe;
        --muted: #5f6368; --rule: #d0d4d9; --accent: #1a3d6d; }}
* {{ box-sizing: border-box; }}
html {{ font-size: 16px; }}
body {{ margin: 0; color: #1b1b1b; background: #fff; line-height: 1.75;
       font-family: {TEXT_FONTS}; }}
.page {{ max-width: 68rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; }}
h1 {{ font-size: 1.5rem; margin: 0 0 .75rem; color: var(--accent); }}
h2 {{ font-size: 1.15rem; margin: 2rem 0 .5rem; color: var(--accent);
     border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }}
table {{ border-collapse: collapse; font-size: .92rem; }}
th, td {{ border: 1px solid var(--rule); padding: .25rem .6rem; text-align: left; vertical-align: top; }}
th {{ background: #f3f5f8; font-weight: 600; }}
td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
del {{ color: var(--del); background: var(--del-bg); text-decoration: line-through;
      text-decoration-color: var(--del); }}
ins {{ color: var(--ins); background: var(--ins-bg); text-decoration: underline;
      text-decoration-color: var(--ins); text-underline-offset: .18em; }}
.meta, .legend {{ color: var(--muted); font-size: .92rem; }}
"""
"""The styles every page shares; a page adds its own after them."""

BASE_PRINT_CSS = """
  @page { margin: 18mm 16mm; }
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  a { color: inherit !important; text-decoration: none; }
  del { background: none; }
  ins { background: none; }
"""
"""Print rules every page shares (the redline text stays marked without colour fills)."""


def lang_attr(language: str | None) -> str:
    """`` lang="…"`` for an element holding text of ``language`` (``und``, undetermined, when
    the document does not say)."""
    return f' lang="{escape(language or "und", quote=True)}"'


def render_page(title: str, body: Iterable[str], *, css: str = "", print_css: str = "") -> str:
    """A whole page: ``body`` (trusted HTML, every text in it already escaped) after the
    shared head, with ``css`` after :data:`BASE_CSS` and one ``@media print`` block of
    :data:`BASE_PRINT_CSS` and ``print_css``. Empty body lines are left out."""
    style = f"{BASE_CSS}{css}@media print {{{BASE_PRINT_CSS}{print_css}}}\n"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{UI_LANGUAGE}">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="lineage">',
        f"<title>{escape(title, quote=True)}</title>",
        f"<style>{style}</style>",
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"
