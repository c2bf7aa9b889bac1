"""Topics: which paragraphs of a document speak of a subject users follow (the IGF mandate,
human rights online, digital divides, ...), defined as data, not code.

A topic is a TOML file (``lineage/data/topics/<name>.toml``; more can be added in a corpus's
``topics/`` folder or any folder passed in) with term lists per language:

- ``[terms]``: any one of them puts a paragraph on the topic;
- ``[weak]`` + ``min``: terms too common alone; they count when ``min`` different ones appear;
- ``[anaphora]`` + ``window``: a short name (``论坛``, "the Forum") that counts only when a
  ``[terms]`` term stands in the same paragraph or one of the ``window`` paragraphs before it;
- ``[exclude]``: phrases removed before matching (other forums whose names contain the short
  name).

All languages' terms are tried on every text: Chinese UN texts quote English acronyms (IGF).
Chinese terms match across layout spaces; terms of alphabetic scripts (Latin, Cyrillic,
Arabic, ...) match whole words, case-insensitively, except acronyms (all capitals), which
match as written.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from lineage.errors import TopicError
from lineage.model.document import Document, Paragraph
from lineage.normalize import normalize
from lineage.script.chars import CJK, CJK_LETTERS, has_cjk

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "Topic",
    "TopicHit",
    "TopicError",
    "load_topic_file",
    "load_topics",
    "get_topic",
    "find_topic",
    "adhoc_topic",
    "match_document",
    "term_fragments",
]


# A letter or digit of a script written with word spaces (Latin, Cyrillic, Arabic, Hangul,
# ...): what a whole-word term may not touch. CJK characters may: Chinese texts write "IGF"
# with no space around it.
_WORD_CHAR = f"[^\\W{CJK}]"


def _term_pattern(term: str) -> re.Pattern[str]:
    if not has_cjk(term):
        body = r"[\s\-\u2010-\u2014]*".join(
            r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*-\s*", term)
        )
        acronym = term.isupper() and len(term) <= 6
        return re.compile(rf"(?<!{_WORD_CHAR}){body}(?!{_WORD_CHAR})", 0 if acronym else re.IGNORECASE)
    # Chinese: layout may leave spaces between characters.
    return re.compile(r"\s*".join(re.escape(ch) for ch in term if not ch.isspace()))


# A term is normalised as a Chinese text is (traditional characters simplified) and as a
# Japanese or Korean one is (not simplified): a text's normalised form is one of these.
_LOOKUP_LANGUAGES = (None, "ja")
_CJK_RUN = re.compile(f"[{CJK_LETTERS}]+")
_WORD_RUN = re.compile(r"[^\W_]+")


def term_fragments(term: str, language: str | None) -> tuple[str, ...]:
    """Strings that the ``compare``-normalised text (:mod:`lineage.normalize`, as a text in
    ``language`` is normalised) of any paragraph the term matches holds, case aside: the
    term's runs of letters and digits (of Han characters, kana and bopomofo for a Chinese
    term, whose characters may stand apart in the printed text, with spaces the
    normalisation removes), normalised as the text is. Empty when it has none: the term
    cannot be looked up."""
    norm = normalize(term, "compare", language).text
    runs = (_CJK_RUN if has_cjk(term) else _WORD_RUN).findall(norm)
    return tuple(dict.fromkeys(runs))


def _table(data: dict, key: str, path: Path) -> dict:
    table = data.get(key, {})
    if not isinstance(table, dict):
        raise TopicError(f"{key} must be a table ([{key}] with one term list per language)", path)
    return table


def _count(table: dict, key: str, default: int, least: int, where: str, path: Path) -> int:
    value = table.get(key, default)
    # bool is an int subclass: "min = true" is a slip, not 1
    if not isinstance(value, int) or isinstance(value, bool) or value < least:
        raise TopicError(f"[{where}] {key} must be a whole number of at least {least}", path)
    return value


def _terms(table: dict, where: str, path: Path) -> tuple[str, ...]:
    out: list[str] = []
    for lang, terms in table.items():
        if lang in ("min", "window"):
            continue
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise TopicError(f"[{where}] {lang} must be a list of non-empty strings", path)
        out.extend(t.strip() for t in terms)
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True)
class Topic:
    name: str
    title: str
    title_zh: str | None
    terms: tuple[str, ...]
    weak: tuple[str, ...] = ()
    weak_min: int = 2
    anaphora: tuple[str, ...] = ()
    anaphora_window: int = 1
    exclude: tuple[str, ...] = ()
    path: str | None = None
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    # What a paragraph text holds of the topic, by (text, language): versions of one text
    # repeat most paragraphs word for word, and a timeline reads every version.
    _seen: dict[tuple[str, str | None], tuple[list[str], list[str], list[str]]] = field(
        default_factory=dict, compare=False, repr=False)

    def pattern(self, term: str) -> re.Pattern[str]:
        pat = self._patterns.get(term)
        if pat is None:
            pat = self._patterns[term] = _term_pattern(term)
        return pat

    def found(self, terms: Iterable[str], text: str) -> list[str]:
        return [t for t in terms if self.pattern(t).search(text)]

    def lookup_groups(self) -> list[tuple[str, ...]] | None:
        """What a full-text index can look texts up by: a paragraph that is on the topic
        through its ``[terms]``, or through ``[weak]`` terms, holds every string of one of
        these groups in its ``compare``-normalised text, case aside (:func:`term_fragments`).
        A text with no such paragraph has no paragraph on the topic at all (an anaphora counts
        only after a ``[terms]`` term of the same text). None when a term has no letter or
        digit at all: then every text must be matched."""
        groups: list[tuple[str, ...]] = []
        if any(has_cjk(t) for t in (*self.terms, *self.weak)):
            # A Chinese term matches across any whitespace, and the one the normalisation
            # keeps between two Chinese characters is a paragraph break (a blank line in
            # the paragraph's text): such paragraphs are matched whatever they hold.
            groups.append(("\n",))
        for term in (*self.terms, *self.weak):
            for language in _LOOKUP_LANGUAGES:
                found = term_fragments(term, language)
                if not found:
                    return None
                if found not in groups:
                    groups.append(found)
        return groups

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "title": self.title,
            "title_zh": self.title_zh,
            "terms": list(self.terms),
            "weak": list(self.weak),
            "weak_min": self.weak_min,
            "anaphora": list(self.anaphora),
            "exclude": list(self.exclude),
        }


def load_topic_file(path: str | Path) -> Topic:
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise TopicError(f"cannot read topic file: {exc.strerror}", path) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TopicError(f"not valid TOML: {exc}", path) from None
    name = data.get("name") or path.stem
    terms = _terms(_table(data, "terms", path), "terms", path)
    if not terms:
        raise TopicError("a topic needs at least one term under [terms]", path)
    weak = _table(data, "weak", path)
    anaphora = _table(data, "anaphora", path)
    title_zh = data.get("title_zh")
    return Topic(
        name=str(name),
        title=str(data.get("title") or name),
        title_zh=None if title_zh is None else str(title_zh),
        terms=terms,
        weak=_terms(weak, "weak", path),
        weak_min=_count(weak, "min", 2, 1, "weak", path),
        anaphora=_terms(anaphora, "anaphora", path),
        anaphora_window=_count(anaphora, "window", 1, 0, "anaphora", path),
        exclude=_terms(_table(data, "exclude", path), "exclude", path),
        path=str(path),
    )


def load_topics(extra_dirs: Sequence[str | Path] = ()) -> dict[str, Topic]:
    """The bundled topics, then those in ``extra_dirs`` (a later file of the same name wins,
    so a corpus can refine a bundled topic)."""
    topics: dict[str, Topic] = {}
    bundled = resources.files("lineage").joinpath("data").joinpath("topics")
    with resources.as_file(bundled) as folder:
        for path in sorted(Path(folder).glob("*.toml")):
            topic = load_topic_file(path)
            topics[topic.name] = topic
    for extra in extra_dirs:
        for path in sorted(Path(extra).glob("*.toml")):
            topic = load_topic_file(path)
            topics[topic.name] = topic
    return topics


def _fold(text: str) -> str:
    """A name or term as people type it: case, width and runs of spaces and hyphens ignored
    (``IGF``, ``igf``, ``ＩＧＦ``; ``multi-stakeholder``, ``multistakeholder``)."""
    folded = normalize(text, "compare").text.casefold()
    return re.sub(r"[\s\-]+", "", folded)


def find_topic(name: str, topics: dict[str, Topic]) -> Topic | None:
    """The topic ``name`` stands for: a topic's name, whatever its case, else a topic one of
    whose terms (strong or anaphoric) or titles it is (``IGF``, ``互联网治理论坛``,
    ``multistakeholder``). None if none; several topics sharing the term: the one whose
    strong terms hold it, then the first by name."""
    key = _fold(name)
    for topic_name in sorted(topics):
        if _fold(topic_name) == key:
            return topics[topic_name]
    found = []
    for topic_name in sorted(topics):
        t = topics[topic_name]
        if key in {_fold(x) for x in (*t.terms, t.title, t.title_zh or "")}:
            return t
        if key in {_fold(x) for x in (*t.weak, *t.anaphora)}:
            found.append(t)
    return found[0] if found else None


def get_topic(name: str, extra_dirs: Sequence[str | Path] = ()) -> Topic:
    """The bundled or folder topic ``name`` stands for (:func:`find_topic`)."""
    topics = load_topics(extra_dirs)
    topic = find_topic(name, topics)
    if topic is not None:
        return topic
    raise TopicError(f"unknown topic {name!r}; known topics: {', '.join(sorted(topics))}; it is not "
                     f"one of their terms either (search for it: lineage topic --term {name!r})")


def adhoc_topic(terms: Sequence[str]) -> Topic:
    """A topic of the ``terms`` given on the command line (any language, any number): any one
    of them puts a paragraph on it, matched as a topic file's ``[terms]`` are."""
    kept = tuple(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
    if not kept:
        raise TopicError("--term needs a non-empty term")
    name = " | ".join(kept)
    return Topic(name=name, title="ad hoc search terms", title_zh=None, terms=kept)


@dataclass(frozen=True)
class TopicHit:
    """A paragraph on a topic: which terms made it so, and how (``term``, ``weak`` or
    ``anaphora``)."""

    paragraph: Paragraph
    terms: tuple[str, ...]
    via: str

    @property
    def id(self) -> str:
        return self.paragraph.id

    def to_dict(self) -> dict:
        return {"id": self.paragraph.id, "number": self.paragraph.number, "terms": list(self.terms), "via": self.via}


def _match_text(topic: Topic, text: str, language: str | None) -> str:
    text = normalize(text, "display", language).text
    for phrase in topic.exclude:
        text = topic.pattern(phrase).sub(lambda m: "\u3000" * len(m.group(0)), text)
    return text


# Paragraph texts remembered per topic (see Topic._seen); beyond this the memory is
# started afresh, so a pass over any number of texts holds a bounded amount.
_SEEN_LIMIT = 20000


def _terms_in(topic: Topic, text: str, language: str | None) -> tuple[list[str], list[str], list[str]]:
    """The topic's terms, weak terms and anaphora found in one paragraph text."""
    key = (text, language)
    found = topic._seen.get(key)
    if found is None:
        if len(topic._seen) >= _SEEN_LIMIT:
            topic._seen.clear()
        text = _match_text(topic, text, language)
        found = topic._seen[key] = (topic.found(topic.terms, text), topic.found(topic.weak, text),
                                    topic.found(topic.anaphora, text))
    return found


def match_document(topic: Topic, doc: Document) -> list[TopicHit]:
    """The paragraphs of ``doc`` (preambular and operative, in order) that are on ``topic``."""
    paragraphs = doc.all_paragraphs()
    found = [_terms_in(topic, p.text, doc.language) for p in paragraphs]
    named = [bool(strong) for strong, _, _ in found]
    hits: list[TopicHit] = []
    for i, (para, (strong, weak, short)) in enumerate(zip(paragraphs, found)):
        if strong:
            hits.append(TopicHit(para, tuple(strong), "term"))
            continue
        if weak and len(weak) >= topic.weak_min:
            hits.append(TopicHit(para, tuple(weak), "weak"))
            continue
        if topic.anaphora and any(named[max(0, i - topic.anaphora_window) : i]):
            if short:
                hits.append(TopicHit(para, tuple(short), "anaphora"))
    return hits
