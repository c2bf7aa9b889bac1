"""Every JSON the CLI prints validates against the JSON Schema shipped for its contract
(``lineage/model/schemas/``, docs/contracts.md), on Chinese and English inputs of every kind
the readers take; and the schemas are strict enough to reject a damaged JSON."""
from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from lineage.model.schemas import SCHEMA_FILES, all_schemas, json_schema

TESTS = Path(__file__).parent
REPO = TESTS.parent
TEXTS = REPO / "corpora" / "texts"
PDFS = TESTS / "pdfs"
REALISM = TESTS / "data" / "realism"
READERS = TESTS / "data" / "readers"

REGISTRY = Registry().with_resources(
    (uri, Resource.from_contents(schema)) for uri, schema in all_schemas().items())
VALIDATORS = {name: Draft202012Validator(json_schema(name), registry=REGISTRY) for name in SCHEMA_FILES}


def _errors(data: Any, name: str) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}"
            for e in VALIDATORS[name].iter_errors(data)]


def _valid(data: Any) -> None:
    errors = _errors(data, data["schema"])
    assert not errors, "\n".join(errors[:20])


def _json_of(run_cli, *argv: str) -> Any:
    code, out, err = run_cli(*argv)
    assert code == 0 and err == "", err
    return json.loads(out)


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_the_schemas_are_valid_draft_2020_12(name: str) -> None:
    schema = json_schema(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": name}
    assert schema["$id"] == "urn:lineage:schema:" + SCHEMA_FILES[name].removesuffix(".schema.json")


def test_every_contract_name_in_the_code_has_a_schema() -> None:
    # the "schema" values the package writes, found in its source
    import re

    package = REPO / "lineage"
    names = set()
    for path in package.rglob("*.py"):
        names |= set(re.findall(r"\"(lineage\.[a-z.-]+/[0-9]+)\"", path.read_text(encoding="utf-8")))
    names.discard("lineage.corpus-manifest/1")  # the TOML manifest, not a JSON output
    assert names and names <= set(SCHEMA_FILES), sorted(names - set(SCHEMA_FILES))


# -- lineage.document/1 --------------------------------------------------------------------

# the fixture PDFs; official UN PDFs (tests/pdfs/real/, long) run with the slow tests
PDF_INPUTS = [
    *[pytest.param(p, id=p.name) for p in sorted(PDFS.glob("*.pdf")) if not p.name.startswith("err-")],
    *[pytest.param(p, id=p.name) for p in sorted((PDFS / "independent").glob("*.pdf"))],
    # The scan is refused by design (ScannedPdfError, tests/test_pdf_real.py): no JSON to validate.
    *[pytest.param(p, id=p.name, marks=pytest.mark.slow) for p in sorted((PDFS / "real").glob("*.pdf"))
      if ".scan." not in p.name],
]
TEXT_INPUTS = [
    *sorted(TEXTS.glob("*.txt")),                        # corpus texts, Chinese and English
    REPO / "corpora" / "sources" / "000_cb2b676f44ca9b86.txt",  # the converter's Markdown (seed)
    *sorted(READERS.glob("*.md")),                       # converter Markdown, zh and en
    *sorted((READERS / "textlayer").glob("*.txt")),      # text layers of PDFs (plain text)
    *sorted(REALISM.glob("*.md")), *sorted(REALISM.glob("*.txt")),
    *sorted((TESTS / "data" / "reference").glob("*.txt")),
]


def test_the_inputs_are_there() -> None:
    assert len(PDF_INPUTS) >= 10 and len(TEXT_INPUTS) >= 15
    assert all(p.values[0].is_file() for p in PDF_INPUTS)
    assert all(p.is_file() for p in TEXT_INPUTS)


@pytest.mark.slow
@pytest.mark.parametrize("path", PDF_INPUTS)
def test_extract_json_validates(run_cli, path: Path) -> None:
    data = _json_of(run_cli, "extract", str(path), "--format", "json")
    _valid(data)
    assert data["source"]["kind"] == "pdf" and data["paragraphs"]


@pytest.mark.parametrize("path", [*TEXT_INPUTS, PDFS / "a-res-70-125-en.pdf"],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_show_json_validates(run_cli, path: Path) -> None:
    data = _json_of(run_cli, "show", str(path), "--format", "json")
    _valid(data)


@pytest.mark.parametrize("path", [*sorted(PDFS.rglob("*.gold.json")), *sorted((TESTS / "golden").glob("*.json"))],
                         ids=lambda p: p.name)
def test_the_gold_documents_follow_the_contract_too(path: Path) -> None:
    _valid(json.loads(path.read_text(encoding="utf-8")))


def test_corpus_show_embeds_a_valid_document(run_cli) -> None:
    data = _json_of(run_cli, "corpus", "show", "A/RES/80/173", "--lang", "zh", "--format", "json",
                    "--corpus", str(REPO / "corpora"))
    _valid(data["document"])


# -- lineage.diff/1 ------------------------------------------------------------------------

DIFF_INPUTS = [
    (TEXTS / "WSIS+20_outcome_draft-reconstructed.zh.txt", TEXTS / "A-RES-80-173.zh.txt"),
    (REALISM / "en_zero_draft.md", REALISM / "en_rev1.md"),
    (REALISM / "en_zero_draft.txt", REALISM / "en_rev1.txt"),
    (REALISM / "zh_a_c2_80_l12.md", REALISM / "zh_a_c2_80_l12_rev1.md"),
    (REALISM / "zh_a_c2_80_l12_rev1.md", REALISM / "zh_a_c2_80_l12_rev1_textlayer.txt"),
    (PDFS / "a-80-l41-zh-limited.pdf", PDFS / "a-res-80-173-zh-subset.pdf"),
    (PDFS / "a-res-70-125-en.pdf", READERS / "en_resolution_70_125.md"),
    (TEXTS / "A-RES-80-173.zh.txt", TEXTS / "A-RES-80-173.zh.txt"),
]


@pytest.mark.slow
@pytest.mark.parametrize("old, new", DIFF_INPUTS, ids=lambda p: p.name)
def test_diff_json_validates(run_cli, old: Path, new: Path) -> None:
    data = _json_of(run_cli, "diff", str(old), str(new), "--format", "json")
    _valid(data)
    # What a schema cannot say: every id once, and the summary counts the pairs.
    olds = [i for p in data["pairs"] for i in p["old"]]
    news = [i for p in data["pairs"] for i in p["new"]]
    assert len(olds) == len(set(olds)) and len(news) == len(set(news))
    kinds = [p["kind"] for p in data["pairs"]]
    assert data["summary"] == {k: kinds.count(k) for k in data["summary"]}


def test_the_diffs_cover_every_kind_of_pair(run_cli) -> None:
    # Guards the validation above: the conditional rules of each kind were exercised.
    seen: set[str] = set()
    for old, new in DIFF_INPUTS[:4]:
        seen |= {p["kind"] for p in _json_of(run_cli, "diff", str(old), str(new), "--format", "json")["pairs"]}
    assert {"unchanged", "modified", "moved", "split", "inserted", "deleted"} <= seen


# -- the schemas reject damaged JSON -------------------------------------------------------

@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    from lineage.read import read_document

    return read_document(TEXTS / "A-RES-80-173.zh.txt").to_dict()


@pytest.fixture(scope="module")
def diff() -> dict[str, Any]:
    from lineage.compare.documents import compare_documents
    from lineage.read import read_document

    old, new = DIFF_INPUTS[0]
    return compare_documents(read_document(old), read_document(new)).to_dict()


def _set(path: str, value: Any):
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        for key in parents:
            d = d[int(key)] if key.isdigit() else d[key]
        d[int(last) if last.isdigit() else last] = value
    return mutate


def _drop(path: str):
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        for key in parents:
            d = d[int(key)] if key.isdigit() else d[key]
        del d[last]
    return mutate


def _first(d: dict[str, Any], kind: str) -> int:
    return next(i for i, p in enumerate(d["pairs"]) if p["kind"] == kind)


DOCUMENT_DAMAGE = {
    "wrong schema name": _set("schema", "lineage.document/2"),
    "missing field": _drop("footnotes"),
    "unknown field": _set("extra", 1),
    "numbered preambular paragraph": _set("preamble/0/number", "1"),
    "empty paragraph number": _set("paragraphs/0/number", ""),
    "empty paragraph id": _set("paragraphs/0/id", ""),
    "negative footnote offset": _set("paragraphs/0/footnote_refs/0/offset", -1),
    "footnote number as an integer": _set("paragraphs/0/footnote_refs/0/number", 2),
    "upper-case hash": _set("source/sha256", "AB" * 32),
    "unknown source kind": _set("source/kind", "docx"),
    "date in another format": _set("date", "17 December 2025"),
    "page zero": _set("paragraphs/0/pages", [0]),
    "warning code with spaces": _set("warnings", [{"code": "bad code", "message": "m", "page": None}]),
}


@pytest.mark.parametrize("damage", DOCUMENT_DAMAGE, ids=str)
def test_a_damaged_document_fails(document: dict[str, Any], damage: str) -> None:
    assert not _errors(document, "lineage.document/1")
    broken = copy.deepcopy(document)
    DOCUMENT_DAMAGE[damage](broken)
    assert _errors(broken, "lineage.document/1")


def _inserted_with_ops(d: dict[str, Any]) -> None:
    d["pairs"][_first(d, "inserted")]["ops"] = []


def _split_into_one(d: dict[str, Any]) -> None:
    pair = d["pairs"][_first(d, "split")]
    pair["new"] = pair["new"][:1]


def _modified_without_change(d: dict[str, Any]) -> None:
    pair = d["pairs"][_first(d, "modified")]
    pair["ops"] = [{"op": "equal", "text": "x"}]


def _modified_without_similarity(d: dict[str, Any]) -> None:
    del d["pairs"][_first(d, "modified")]["similarity"]


DIFF_DAMAGE = {
    "wrong schema name": _set("schema", "lineage.diff/2"),
    "missing summary count": _drop("summary/merged"),
    "unknown pair kind": _set("pairs/0/kind", "renumbered"),
    "similarity above 1": _set("pairs/0/similarity", 1.5),
    "unknown op": _set("pairs/0/ops", [{"op": "replace", "text": "x"}]),
    "empty run": _set("pairs/0/ops", [{"op": "equal", "text": ""}]),
    "paragraph id as a number": _set("pairs/0/old", [1]),
    "inserted pair with ops": _inserted_with_ops,
    "split into one paragraph": _split_into_one,
    "modified pair without a change": _modified_without_change,
    "modified pair without similarity": _modified_without_similarity,
    "heading kind unknown": _set("headings/0/kind", "moved"),
}


@pytest.mark.parametrize("damage", DIFF_DAMAGE, ids=str)
def test_a_damaged_diff_fails(diff: dict[str, Any], damage: str) -> None:
    assert not _errors(diff, "lineage.diff/1")
    broken = copy.deepcopy(diff)
    DIFF_DAMAGE[damage](broken)
    assert _errors(broken, "lineage.diff/1")


# -- the other JSON outputs ----------------------------------------------------------------

CORPUS = REPO / "corpora"
TRACE_CORPUS = TESTS / "data" / "lineage_corpus"


@pytest.mark.parametrize("argv", [
    ("corpus", "list"),
    ("corpus", "show", "A/RES/80/173", "--lang", "zh"),
    ("corpus", "show", "WSIS-03/GENEVA/DOC/4"),  # an entry without a text: document is null
    ("graph",),
    ("graph", "A/RES/80/173", "--all-links"),
    ("history", "A/RES/80/173", "99", "--lang", "zh"),
    ("history", "A/RES/80/173", "pp4", "--lang", "zh"),
    ("blame", "A/RES/80/173", "--lang", "zh"),
    ("topic", "igf"),
    ("topic", "human-rights", "--lang", "en"),
    ("verify",),
], ids=" ".join)
def test_other_json_outputs_validate(run_cli, argv: tuple[str, ...]) -> None:
    corpus_option = [str(CORPUS)] if argv[0] == "verify" else ["--corpus", str(CORPUS)]
    data = _json_of(run_cli, *argv, *corpus_option, "--format", "json")
    _valid(data)


def test_trace_outputs_of_the_test_corpus_validate(run_cli) -> None:
    for argv in (("graph",), ("blame", "A/RES/80/173", "--lang", "zh"), ("topic", "igf"),
                 ("history", "A/RES/80/173", "1", "--lang", "zh")):
        _valid(_json_of(run_cli, *argv, "--corpus", str(TRACE_CORPUS), "--format", "json"))


@pytest.mark.parametrize("name, damage", [
    ("lineage.corpus/1", lambda d: d["documents"][0].update(kind="law")),
    ("lineage.corpus/1", lambda d: d["documents"][0].pop("has_text")),
    ("lineage.trace.graph/1", lambda d: d["edges"][0].update(kind="cites")),
    ("lineage.trace.graph/1", lambda d: d.pop("focus")),
])
def test_a_damaged_corpus_or_graph_fails(run_cli, name: str, damage) -> None:
    argv = ("corpus", "list") if name == "lineage.corpus/1" else ("graph",)
    data = _json_of(run_cli, *argv, "--corpus", str(CORPUS), "--format", "json")
    assert not _errors(data, name)
    damage(data)
    assert _errors(data, name)
