"""Word-processor files: which kind a file is, and the conversion of the kinds the Word reader
does not read itself (``.doc``, ``.odt``, ``.rtf``) to ``.docx`` with LibreOffice.

LibreOffice runs headless in a temporary directory (its own profile there too, so a desktop
LibreOffice the user has open is not disturbed) with a timeout; when it is not installed the
error says what to install. An encrypted Office file (password to open) is an OLE compound
file holding an ``EncryptionInfo`` stream instead of the document: it is refused by name.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

from lineage.errors import UnknownFormatError
from lineage.model.document import Document
from lineage.read.docx import is_docx_zip, read_docx

__all__ = ["office_kind", "read_office", "find_soffice", "CONVERT_TIMEOUT"]

CONVERT_TIMEOUT = 120.0
"""Seconds LibreOffice gets to convert one file."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT = b"application/vnd.oasis.opendocument.text"
_INSTALL = ("install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui; "
            "macOS: brew install --cask libreoffice) or save the file as .docx")


def office_kind(data: bytes, path: str | Path) -> str | None:
    """``docx``, ``odt``, ``doc``, ``rtf`` or ``encrypted`` for a word-processor file, None for
    anything else. A damaged ZIP named like a Word file raises :class:`UnknownFormatError`."""
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if is_docx_zip(zf):
                    return "docx"
                names = set(zf.namelist())
                if "mimetype" in names and zf.read("mimetype").strip() == _ODT:
                    return "odt"
        except (zipfile.BadZipFile, OSError, EOFError) as exc:
            if Path(path).suffix.lower() in (".docx", ".docm", ".dotx", ".odt"):
                raise UnknownFormatError(f"corrupt Word file: not a valid ZIP archive ({exc})", path) from exc
        return None
    if data.startswith(_OLE):
        # Directory entry names in a compound file are UTF-16LE.
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            return "encrypted"
        if "WordDocument".encode("utf-16-le") in data:
            return "doc"
        return None
    if data.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    return None


def find_soffice() -> str | None:
    """The LibreOffice program on PATH, or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_office(path: Path, kind: str, changes: str = "accept", sha256: str | None = None) -> Document:
    """Read a word-processor file of ``kind`` (from :func:`office_kind`)."""
    if kind == "encrypted":
        raise UnknownFormatError("the file is password-protected (encrypted); open it in Word and "
                                 "save a copy without a password", path)
    if kind == "docx":
        return read_docx(path, changes, sha256=sha256)
    soffice = find_soffice()
    if soffice is None:
        raise UnknownFormatError(f"a .{kind} file needs LibreOffice to be read: {_INSTALL}", path)
    with tempfile.TemporaryDirectory(prefix="lineage-soffice-") as tmp:
        src = Path(tmp) / f"input.{kind}"
        shutil.copyfile(path, src)
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(Path(tmp) / "out"), str(src)]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as exc:
            raise UnknownFormatError(
                f"LibreOffice did not convert the .{kind} file within {CONVERT_TIMEOUT:.0f} s", path) from exc
        out = Path(tmp) / "out" / "input.docx"
        if done.returncode != 0 or not out.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise UnknownFormatError(
                f"LibreOffice could not convert the .{kind} file (corrupt or password-protected?)"
                + (f": {detail[-1]}" if detail else ""), path)
        doc = read_docx(out, changes, sha256=sha256, display_path=path)
    return replace(doc, source=replace(doc.source, kind=kind))
