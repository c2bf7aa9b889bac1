"""Typed errors. Each carries the file it concerns and the reason, so the CLI can print one
line (``lineage: FILE: REASON``) and exit with code 2 instead of a traceback."""
from __future__ import annotations

from pathlib import Path

__all__ = [
    "LineageError",
    "InputError",
    "FileMissingError",
    "EncodingError",
    "EmptyDocumentError",
    "UnknownFormatError",
    "SymbolError",
    "PdfError",
    "PdfLimitError",
    "ScannedPdfError",
    "CorpusError",
    "FetchError",
    "TransientError",
    "TopicError",
    "LineError",
    "UsageError",
    "OutputError",
]


class LineageError(Exception):
    """Base of every error the toolkit raises on purpose."""

    exit_code = 2

    def __init__(self, reason: str, path: str | Path | None = None) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.path}: {self.reason}" if self.path else self.reason


class InputError(LineageError):
    """An input file cannot be read as a document."""


class FileMissingError(InputError):
    """The file does not exist or is not a regular file."""


class EncodingError(InputError):
    """A text file is not valid UTF-8."""


class EmptyDocumentError(InputError):
    """The file was read but holds no paragraph."""


class UnknownFormatError(InputError):
    """The file's format is not one the readers know."""


class SymbolError(LineageError):
    """A UN document symbol cannot be parsed."""


class PdfError(InputError):
    """A PDF cannot be extracted (corrupt, encrypted, no text layer, unusable font map)."""


class ScannedPdfError(PdfError):
    """A scanned PDF: page images with an OCR text layer, whose text is not exact enough to
    compare (refused rather than read; docs/extraction.md)."""


class PdfLimitError(PdfError):
    """A PDF breaches a resource limit (decompressed bytes, reference cycles, time or memory
    per page): the message names the limit (docs/security.md, "PDF")."""


class CorpusError(LineageError):
    """The corpus directory, its manifest or one of its texts is invalid."""


class FetchError(LineageError):
    """Downloading a document failed."""


class TransientError(FetchError):
    """A failure that may go away on retry (timeout, reset connection, 5xx, short body)."""


class UsageError(LineageError):
    """The command was called with arguments that do not fit together."""


class TopicError(UsageError):
    """A topic name is unknown or a topic file is malformed."""


class LineError(LineageError):
    """A parse problem on the current line of a corpus text; the parser turns it into a
    CorpusError with the file and the line number, so it never reaches the user as such."""


class OutputError(LineageError):
    """An output file cannot be written where the user asked (``-o`` names a directory, or a
    path under a file, or a place without write permission)."""
