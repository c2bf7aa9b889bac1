"""The JSON contracts as JSON Schema (draft 2020-12), shipped with the package so that other
programs can validate what ``lineage ... --format json`` prints (docs/contracts.md).

``json_schema("lineage.document/1")`` returns the parsed schema; the files are next to this
module (``document-1.schema.json``, ``diff-1.schema.json``, ...). Some schemas refer to others
by their ``$id`` (``urn:lineage:schema:document-1``: ``corpus show`` embeds a document, the
trace outputs carry diff ops), so a validator needs them all: :func:`all_schemas` gives them
by ``$id``, ready for a ``referencing.Registry``.
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["SCHEMA_FILES", "all_schemas", "json_schema"]

# contract name (the "schema" field of the JSON) -> file in this folder
SCHEMA_FILES: dict[str, str] = {
    "lineage.document/1": "document-1.schema.json",
    "lineage.diff/1": "diff-1.schema.json",
    "lineage.corpus/1": "corpus-1.schema.json",
    "lineage.corpus.verify/1": "corpus-verify-1.schema.json",
    "lineage.trace.graph/1": "trace-graph-1.schema.json",
    "lineage.trace.history/1": "trace-history-1.schema.json",
    "lineage.trace.blame/1": "trace-blame-1.schema.json",
    "lineage.topic/1": "topic-1.schema.json",
    "lineage.history/1": "history-1.schema.json",
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of contract ``name`` (e.g. ``lineage.diff/1``); KeyError for a name
    that has none."""
    text = resources.files(__name__).joinpath(SCHEMA_FILES[name]).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def all_schemas() -> dict[str, dict[str, Any]]:
    """Every shipped schema by its ``$id``."""
    schemas = (json_schema(name) for name in SCHEMA_FILES)
    return {schema["$id"]: schema for schema in schemas}
