r"""How values and text lines are spelled in a corpus text (``lineage.read.textformat``).

A string is written as it stands when it reads back the same, else quoted (``"…"``) with the
escapes ``\\``, ``\"``, ``\n`` and ``\u{HEX}``. Quoting is needed for leading or trailing
whitespace (editors eat it) and for characters that are invisible or garbage in print: control,
format (zero-width, soft hyphen, BOM), private-use, surrogate, line and paragraph separators,
and spaces other than U+0020 and U+3000. Escaping them also keeps every file valid UTF-8.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterator

from lineage.errors import LineError

__all__ = [
    "LineError",
    "encode_value",
    "encode_token",
    "encode_text_lines",
    "decode_value",
    "decode_text_line",
    "read_token",
    "parse_int",
    "parse_ints",
]

# Spaces a reader sees as spaces; every other separator (NBSP, thin spaces...) is escaped so a
# review shows it. U+3000 is common and visible in Chinese text, so it stays raw.
_VISIBLE_SPACES = frozenset(" \u3000")
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Zl", "Zp"})

_RAW_TOKEN_RE = re.compile(r'[^\s"]\S*')
_INT_RE = re.compile(r"-?[0-9]+\Z")
_HEX_RE = re.compile(r"[0-9A-Fa-f]{1,6}")


def _is_unsafe(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return cat in _UNSAFE_CATEGORIES or (cat == "Zs" and ch not in _VISIBLE_SPACES)


def _has_unsafe(s: str) -> bool:
    # isprintable() is a fast C-level pre-check: True means no separator/other character at all.
    return not s.isprintable() and any(_is_unsafe(ch) for ch in s)


def _quote(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif _is_unsafe(ch):
            out.append(f"\\u{{{ord(ch):04X}}}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _raw_ok(s: str) -> bool:
    return bool(s) and not s[0].isspace() and not s[-1].isspace() and not _has_unsafe(s)


def encode_value(s: str) -> str:
    """A header value: raw when that reads back the same, else quoted."""
    return s if _raw_ok(s) and s[0] != '"' else _quote(s)


def encode_token(s: str) -> str:
    """An attribute value or block id: like a header value, but raw only without whitespace."""
    if _raw_ok(s) and s[0] != '"' and not any(ch.isspace() for ch in s):
        return s
    return _quote(s)


def encode_text_lines(text: str) -> Iterator[str]:
    for line in text.split("\n"):
        if not line:
            yield "|"
        elif _raw_ok(line):
            yield "| " + line
        else:
            yield "|" + _quote(line)


def _unquote(s: str, start: int) -> tuple[str, int]:
    """Decode the quoted string starting at ``s[start] == '"'``; return it and the index after."""
    out: list[str] = []
    i = start + 1
    n = len(s)
    while i < n:
        ch = s[i]
        if ch == '"':
            return "".join(out), i + 1
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = s[i + 1] if i + 1 < n else ""
        if nxt == "\\" or nxt == '"':
            out.append(nxt)
            i += 2
        elif nxt == "n":
            out.append("\n")
            i += 2
        elif nxt == "u" and i + 2 < n and s[i + 2] == "{":
            m = _HEX_RE.match(s, i + 3)
            end = m.end() if m else i + 3
            if not m or end >= n or s[end] != "}" or int(m.group(), 16) > 0x10FFFF:
                raise LineError("bad \\u{…} escape (expected 1 to 6 hex digits in braces)")
            out.append(chr(int(m.group(), 16)))
            i = end + 1
        else:
            raise LineError(f"unknown escape '\\{nxt}' (known: \\\\ \\\" \\n \\u{{HEX}})")
    raise LineError("quoted string has no closing '\"'")


def decode_value(s: str) -> str:
    if s.startswith('"'):
        value, end = _unquote(s, 0)
        if s[end:].strip():
            raise LineError(f"unexpected text after the closing quote: {s[end:]!r}")
        return value
    value = s.strip()
    if not value:
        raise LineError('empty value (write "" for an empty string, or leave the field out)')
    return value


def decode_text_line(line: str) -> str:
    rest = line[1:]
    if not rest.strip():
        return ""
    if rest[0] == " ":
        # Raw lines never end in whitespace; dropping what an editor may have added is safe.
        return rest[1:].rstrip()
    if rest[0] == '"':
        return decode_value(rest)
    raise LineError("after '|' expected a space (raw text) or '\"' (quoted text)")


def parse_int(s: str, what: str) -> int:
    if not _INT_RE.match(s):
        raise LineError(f"{what} must be an integer, got {s!r}")
    return int(s)


def parse_ints(s: str, what: str) -> list[int]:
    return [parse_int(part, what) for part in s.split(",")]


def read_token(s: str, i: int) -> tuple[str, int]:
    if s.startswith('"', i):
        value, end = _unquote(s, i)
    else:
        m = _RAW_TOKEN_RE.match(s, i)
        if not m:
            raise LineError(f"expected a value at column {i + 1}")
        value, end = m.group(), m.end()
    if end < len(s) and not s[end].isspace():
        raise LineError(f"expected a space after the value at column {end + 1}")
    return value, end
