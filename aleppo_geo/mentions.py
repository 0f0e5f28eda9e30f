"""The mention table: one row per place mention in a corpus of reports.

``extract(articles_or_texts)`` runs the pipeline over the reports and returns a pandas
DataFrame; ``iter_mentions(...)`` yields the same rows as dicts, one at a time, for corpora
that should never be held in memory.

Columns and dtypes (the team's contract; see :data:`COLUMNS` / :data:`DTYPES`)::

    doc_id             string (object)   article id (file name for files)
    published          datetime64[ns]    publication date, NaT when unknown
    title, source_name, url  object       article metadata, None when unknown
    sent_id            int64             sentence number within the article (0-based)
    start, end         int64             character offsets into the article text
    text               object            the mention as written
    place_id, name     object            the resolved place (None when unresolved)
    kind               category          neighbourhood, district, camp, hospital, ... country
    lat, lon           Float64           coordinates (<NA> when unresolved)
    precision_m        Int64             how precise the coordinate is, metres
    approximate        boolean           coordinate borrowed from a parent place
    arabic             object            Arabic name, if the gazetteer has one
    match              category          exact | variant | fuzzy | unresolved
    score              float64           confidence of the resolution, 0..1 (0.6: a
                                         facility the gazetteer lacks, "X square", placed
                                         at the place X it is named after)
    in_aleppo_area     boolean           within ~20 km of the citadel (False when unresolved)
    activity           category          airstrike, shelling, ..., none (<NA> without the
                                         activity component)
    actor              category          government | opposition | other | unknown
                                         (<NA> when activity is none or absent)
    event_date         datetime64[ns]    when it happened, NaT when unresolved
    date_precision     category          day | week | month | season | unknown
    attributed_to      object            who said so
    contested          boolean           the claim is disputed in the text
    casualties_killed, casualties_injured  Int64
    sentence           object            the sentence containing the mention

The activity columns are filled from the ``aleppo_activity`` component's span extensions
when the pipeline has it, and are null otherwise (e.g. ``load_pipeline(fast=True)``).
"""
from __future__ import annotations

import bisect
import datetime as _dt
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Any

from aleppo_geo.corpus import DEFAULT_MAX_CHARS, Article, ArticleReader, load_articles, split_long_text

__all__ = ["COLUMNS", "DTYPES", "extract", "iter_mentions", "empty_table", "to_table"]

logger = logging.getLogger("aleppo_geo.mentions")

KINDS = ["neighbourhood", "district", "camp", "hospital", "landmark", "industrial_area", "road",
         "airport", "military_base", "town", "village", "city", "region", "governorate",
         "country"]
MATCHES = ["exact", "variant", "fuzzy", "unresolved"]
ACTIVITIES = ["airstrike", "shelling", "ground_advance", "capture", "repelled", "clashes",
              "casualties", "siege", "humanitarian", "evacuation", "none"]
ACTORS = ["government", "opposition", "other", "unknown"]
DATE_PRECISIONS = ["day", "week", "month", "season", "unknown"]

#: Column order of the mention table.
COLUMNS: list[str] = [
    "doc_id", "published", "title", "source_name", "url", "sent_id", "start", "end", "text",
    "place_id", "name", "kind", "lat", "lon", "precision_m", "approximate", "arabic", "match",
    "score", "in_aleppo_area", "activity", "actor", "event_date", "date_precision",
    "attributed_to", "contested", "casualties_killed", "casualties_injured", "sentence",
]

#: dtype of every column (categoricals with their fixed categories).
DTYPES: dict[str, Any] = {}

_ACTIVITY_ATTRS = ("activity", "actor", "event_date", "date_precision", "attributed_to",
                   "contested", "casualties_killed", "casualties_injured")


def _dtypes() -> dict[str, Any]:
    import pandas as pd

    if not DTYPES:
        DTYPES.update({
            "doc_id": object, "published": "datetime64[ns]", "title": object,
            "source_name": object, "url": object, "sent_id": "int64", "start": "int64",
            "end": "int64", "text": object, "place_id": object, "name": object,
            "kind": pd.CategoricalDtype(KINDS), "lat": "Float64", "lon": "Float64",
            "precision_m": "Int64", "approximate": "boolean", "arabic": object,
            "match": pd.CategoricalDtype(MATCHES), "score": "float64",
            "in_aleppo_area": "boolean", "activity": pd.CategoricalDtype(ACTIVITIES),
            "actor": pd.CategoricalDtype(ACTORS), "event_date": "datetime64[ns]",
            "date_precision": pd.CategoricalDtype(DATE_PRECISIONS), "attributed_to": object,
            "contested": "boolean", "casualties_killed": "Int64", "casualties_injured": "Int64",
            "sentence": object,
        })
    return DTYPES


# --------------------------------------------------------------------------- inputs

def _reader(articles_or_texts: Any, published: Any) -> ArticleReader:
    if isinstance(articles_or_texts, ArticleReader):
        return articles_or_texts
    if isinstance(articles_or_texts, (str, Article)) or _is_frame(articles_or_texts) \
            or hasattr(articles_or_texts, "__fspath__") or isinstance(articles_or_texts, dict):
        return load_articles(articles_or_texts, published=published)
    return load_articles(*list(articles_or_texts), published=published)


def _is_frame(obj: Any) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "columns")


_DEFAULT_NLP: dict[bool, Any] = {}


def _default_nlp(fast: bool) -> Any:
    # Loading the model takes a second or two: keep one per mode for repeated calls.
    if fast not in _DEFAULT_NLP:
        from aleppo_geo.pipeline import load_pipeline

        _DEFAULT_NLP[fast] = load_pipeline(fast=fast)
    return _DEFAULT_NLP[fast]


# --------------------------------------------------------------------------- sentences

_RULE_SENT_END = re.compile(r"(?:[.!?…][\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])|\n+)")


def _rule_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds by punctuation and line breaks, for pipelines without a parser."""
    bounds = []
    start = 0
    for m in _RULE_SENT_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            bounds.append((start, end))
        start = end
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds or [(0, len(text))]


_LINE_BREAK = re.compile(r"\n\s*")


def _sentences(doc: Any, text: str | None = None) -> list[tuple[int, int]]:
    text = doc.text if text is None else text
    if not doc.has_annotation("SENT_START"):
        return _rule_sentences(text)
    out = []
    for sent in doc.sents:
        start = sent.start_char
        # The parser runs headlines into the next paragraph; a line break always ends one.
        for m in _LINE_BREAK.finditer(text, sent.start_char, sent.end_char):
            if text[start:m.start()].strip():
                out.append((start, m.end()))
            start = m.end()
        if text[start:sent.end_char].strip():
            out.append((start, sent.end_char))
    return out or [(0, len(text))]


# --------------------------------------------------------------------------- rows

def _date(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    return value


def _span_readers(doc: Any) -> dict[str, Any]:
    """attr -> ``read(start_char, end_char)`` for the span extensions a row needs.

    Reading ``span._.attr`` goes through spaCy's Underscore object for every value, which
    cost more than the fast pipeline's own work. Extensions with a plain default keep
    their values in ``doc.user_data`` under ``("._.", attr, start_char, end_char)``, so
    they are read from there directly; getter extensions (``place``, dates) go through
    the Span as usual.
    """
    from spacy.tokens import Span

    user_data = doc.user_data
    readers: dict[str, Any] = {}
    for attr in ("place", "match", "score", *_ACTIVITY_ATTRS):
        if not Span.has_extension(attr):
            readers[attr] = None
            continue
        default, method, getter, _setter = Span.get_extension(attr)
        if getter is None and method is None:
            readers[attr] = ("data", attr, default)
        else:
            readers[attr] = ("span", attr, None)
    readers["_user_data"] = user_data
    return readers


def _read(readers: dict[str, Any], attr: str, span: Any, start: int, end: int) -> Any:
    how = readers[attr]
    if how is None:
        return None
    kind, name, default = how
    if kind == "data":
        return readers["_user_data"].get(("._.", name, start, end), default)
    return getattr(span._, name)


def _rows_for_doc(doc: Any, article: Article, offset: int, sent_base: int, span_key: str,
                  text: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """The mention rows of one Doc (a piece of ``article`` starting at ``offset``).

    ``text`` is the Doc's text when the caller has it: ``doc.text`` joins every token,
    which is a noticeable cost in the tokenizer-only fast pipeline.
    """
    text = doc.text if text is None else text  # once per doc
    spans = doc.spans[span_key] if span_key in doc.spans else []
    if not len(spans):
        return [], sent_base + len(_sentences(doc, text))
    bounds = _sentences(doc, text)
    starts = [b[0] for b in bounds]
    rows = []
    sentences: dict[int, str] = {}
    readers = _span_readers(doc)
    user_data = doc.user_data
    published = _date(article.published)
    for span in spans:
        start, end = span.start_char, span.end_char
        place = _read(readers, "place", span, start, end)
        k = max(0, bisect.bisect_right(starts, start) - 1)
        s0, s1 = bounds[k]
        row: dict[str, Any] = {
            "doc_id": article.id,
            "published": published,
            "title": article.title,
            "source_name": article.source_name,
            "url": article.url,
            "sent_id": sent_base + k,
            "start": offset + start,
            "end": offset + end,
            "text": text[start:end],
            "place_id": place.id if place else None,
            "name": place.name if place else None,
            "kind": place.kind if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "precision_m": place.precision_m if place else None,
            "approximate": place.approximate if place else None,
            "arabic": (place.arabic or None) if place else None,
            "match": _read(readers, "match", span, start, end)
            or ("unresolved" if place is None else "exact"),
            "score": float(_read(readers, "score", span, start, end) or 0.0),
            "in_aleppo_area": bool(place.in_aleppo_area) if place else False,
        }
        for attr in _ACTIVITY_ATTRS:
            how = readers[attr]
            if how is None:
                row[attr] = None
            elif how[0] == "data":  # inline _read: this runs 8 times per mention
                row[attr] = user_data.get(("._.", attr, start, end), how[2])
            else:
                row[attr] = getattr(span._, attr)
        row["event_date"] = _date(row["event_date"])
        if row["activity"] == "none":
            row["actor"] = None  # the contract: actor is null exactly when activity is none
        if k not in sentences:
            sentences[k] = " ".join(text[s0:s1].split())
        row["sentence"] = sentences[k]
        rows.append(row)
    return rows, sent_base + len(bounds)


def iter_mentions(
    articles_or_texts: Any,
    *,
    nlp: Any = None,
    batch_size: int = 16,
    n_process: int = 1,
    published: _dt.date | str | None = None,
    progress: bool = False,
    fast: bool = False,
    max_chars: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one dict per place mention (keys: :data:`COLUMNS`), article by article.

    Streams: articles are read lazily and piped through ``nlp.pipe(..., as_tuples=True)``
    in batches of ``batch_size``, so memory stays flat however large the corpus.
    ``articles_or_texts``: strings (texts or paths), :class:`~aleppo_geo.corpus.Article`
    records, a path to a file or folder, a DataFrame, an ``ArticleReader``, or a list of
    these. ``nlp`` defaults to :func:`~aleppo_geo.pipeline.load_pipeline` (``fast`` picks
    the gazetteer-only pipeline). ``published`` is the default publication date for
    articles without one. Texts longer than ``max_chars`` (default: 100,000 or
    ``nlp.max_length`` if smaller) are processed in pieces; offsets stay exact.
    """
    if nlp is None:
        nlp = _default_nlp(fast)
    reader = _reader(articles_or_texts, published)
    limit = min(max_chars or DEFAULT_MAX_CHARS, nlp.max_length)
    span_key = _span_key(nlp)
    pending: dict[int, Article] = {}

    def stream() -> Iterator[tuple[Any, tuple[int, int, bool, int]]]:
        for n, article in enumerate(reader):
            pieces = split_long_text(article.text, limit) or [(0, "")]
            pending[n] = article
            for k, (offset, piece) in enumerate(pieces):
                doc = nlp.make_doc(piece)
                doc._.doc_id = article.id
                doc._.published = article.published
                yield doc, (n, offset, k == len(pieces) - 1, len(piece))

    bar = None
    if progress:
        from tqdm import tqdm

        # delay: a run that ends within a second never shows a bar.
        bar = tqdm(unit="article", desc="extract", leave=False, delay=1.0)
    sent_base = 0
    try:
        for doc, (n, offset, last, length) in nlp.pipe(stream(), as_tuples=True,
                                                       batch_size=batch_size,
                                                       n_process=n_process):
            article = pending[n]
            if offset == 0:
                sent_base = 0
            text = article.text[offset:offset + length]
            rows, sent_base = _rows_for_doc(doc, article, offset, sent_base, span_key, text)
            yield from rows
            if last:
                del pending[n]
                if bar is not None:
                    bar.update(1)
    finally:
        if bar is not None:
            bar.close()


def _span_key(nlp: Any) -> str:
    for name in ("aleppo_linker", "aleppo_places"):
        if name in nlp.pipe_names:
            return getattr(nlp.get_pipe(name), "span_key", "places")
    return "places"


def empty_table() -> "Any":
    """A mention table with no rows (all columns, right dtypes)."""
    return to_table([])


def to_table(rows: Iterable[dict[str, Any]]) -> "Any":
    """Build the mention DataFrame (documented dtypes) from row dicts."""
    import pandas as pd

    frame = pd.DataFrame.from_records(list(rows), columns=COLUMNS)
    for column, dtype in _dtypes().items():
        series = frame[column]
        if dtype in ("datetime64[ns]",):
            frame[column] = pd.to_datetime(series, errors="coerce").astype("datetime64[ns]")
        elif dtype in ("Float64", "Int64", "boolean"):
            frame[column] = pd.array(
                [None if _missing(v) else v for v in series], dtype=dtype)
        elif dtype is object:
            frame[column] = series.astype(object).where(series.notna(), None)
        else:
            frame[column] = series.astype(dtype)
    return frame


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return value != value  # NaN
    except Exception:
        return False


def extract(
    articles_or_texts: Any,
    *,
    nlp: Any = None,
    batch_size: int = 16,
    n_process: int = 1,
    published: _dt.date | str | None = None,
    progress: bool = False,
    fast: bool = False,
    max_chars: int | None = None,
) -> "Any":
    """Find and resolve every place mention: a DataFrame, one row per mention.

    Columns and dtypes are listed in the module docstring (:data:`COLUMNS`). Arguments
    as for :func:`iter_mentions`. Inputs that could not be read (binary, empty,
    undecodable files) are skipped with a warning and listed in
    ``frame.attrs["skipped"]`` (as ``"path: reason"`` strings).
    """
    reader = _reader(articles_or_texts, published)
    rows = iter_mentions(reader, nlp=nlp, batch_size=batch_size, n_process=n_process,
                         published=published, progress=progress, fast=fast,
                         max_chars=max_chars)
    frame = to_table(rows)
    frame.attrs["skipped"] = [str(s) for s in reader.skipped]
    return frame
