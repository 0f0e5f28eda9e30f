"""Reading reports: text files, folders, JSONL, CSV, DataFrames and plain strings -> ``Article``.

What you get
------------
``load_articles(*inputs)`` returns an :class:`ArticleReader`: an iterator of :class:`Article`
records that reads one input at a time (the corpus is never held in memory) and keeps a
list of the inputs it could not use in ``reader.skipped``::

    reader = load_articles("reports/", Path("more.jsonl"), published="2016-10-01")
    for article in reader:
        ...
    if reader.skipped:          # e.g. a binary file, an empty file, a Latin-1 file
        print(reader.skipped)

Inputs
------
* ``pathlib.Path`` (or a one-line ``str`` that names an existing path or ends in
  ``.txt``/``.jsonl``/``.ndjson``/``.csv``/``.json``): a file or a folder.
  - ``.txt`` (and any other suffix): one article; its id is the file name
    (``"000_50821b62547c3bf8.txt"``).
  - ``.jsonl`` / ``.ndjson``: one JSON object per line with ``text`` (required) and
    optionally ``id``, ``published``, ``title``, ``source_name`` (or ``outlet``), ``url``.
    A bad line is reported with its line number and skipped.
  - ``.csv``: columns ``text`` (required), ``id``, ``published``, ``title``,
    ``source_name`` (or ``outlet``), ``url``.
  - ``.json`` (other than ``metadata.json``): a list of such objects.
  - a folder: every file in it, sorted by name (not recursive). Hidden files,
    ``metadata.json`` and documentation files (``README*``, ``LICENSE*``, ``NOTICE*``) are
    not articles. An optional ``metadata.json`` -- a list of objects with ``doc`` (or
    ``id``) naming the file, and ``title``, ``outlet`` (or ``source_name``), ``url``,
    ``published`` -- supplies the articles' metadata (the seed corpus uses this shape).
* ``str`` (anything else): the text of one article, id ``text-1``, ``text-2``, ...
* :class:`Article`: passed through.
* ``dict``: like a JSONL object.
* ``pandas.DataFrame``: one article per row, same columns as CSV.
* any other iterable (list, generator) of the above.

Text is kept exactly as read -- line endings are *not* normalised -- so the character
offsets of mentions are offsets into the text the user gave. Only a UTF-8 byte-order mark
is dropped (it is not text).

Bad inputs
----------
A file that is binary, empty (or whitespace only), or not valid UTF-8 is skipped: a
warning ``"skipped <path>: <why>"`` goes to the ``aleppo_geo.corpus`` logger, the input is
recorded in ``reader.skipped`` as a :class:`SkippedInput`, and reading goes on. A path
that does not exist is a user mistake and raises :class:`CorpusNotFoundError` at once.
With ``on_error="raise"`` the first bad input raises :class:`CorpusInputError` instead.

Dates are read strictly: ``YYYY-MM-DD`` or an ISO datetime (``2016-10-03T08:30:00Z``).
A bad date is logged as a warning naming the input and becomes ``None``.

Long texts
----------
spaCy refuses texts longer than ``nlp.max_length``. :func:`split_long_text` cuts a text
into consecutive pieces at paragraph, then sentence, then word boundaries, and returns
each piece with its offset, so mention offsets can be mapped back to the whole text.
"""
from __future__ import annotations

import codecs
import csv
import datetime as _dt
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "Article",
    "ArticleReader",
    "CorpusError",
    "CorpusInputError",
    "CorpusNotFoundError",
    "DEFAULT_MAX_CHARS",
    "SAMPLE_DIR",
    "SkippedInput",
    "load_articles",
    "parse_date",
    "sample_articles",
    "split_long_text",
]

logger = logging.getLogger("aleppo_geo.corpus")

#: The bundled, invented sample dispatches (see ``samples/README.md``).
SAMPLE_DIR: Path = Path(__file__).resolve().parent / "samples"

#: A safe piece size for spaCy (its default ``max_length`` is 1,000,000 characters;
#: the parser and NER need about 1 GB per 100,000 characters, so we stay well below).
DEFAULT_MAX_CHARS = 100_000

METADATA_FILE = "metadata.json"
_PATH_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".json")
_DOC_PREFIXES = ("readme", "license", "licence", "notice")
# How much of a file we look at to decide that it is binary.
_SNIFF_BYTES = 8192


class CorpusError(Exception):
    """Base class for problems reading reports."""


class CorpusNotFoundError(CorpusError, FileNotFoundError):
    """A path given to :func:`load_articles` does not exist (a user mistake: raised)."""


class CorpusInputError(CorpusError, ValueError):
    """An input could not be used; raised only with ``on_error="raise"``.

    ``.skipped`` is the :class:`SkippedInput` describing it.
    """

    def __init__(self, skipped: "SkippedInput") -> None:
        super().__init__(str(skipped))
        self.skipped = skipped


@dataclass(frozen=True)
class Article:
    """One report.

    ``id`` is the file name for files, the ``id`` field for JSONL/CSV/DataFrame rows, or
    ``text-N`` for plain strings. ``text`` is exactly the text read (offsets of mentions
    index into it). ``published`` is the publication date, if known.
    """

    id: str
    text: str
    title: str | None = None
    published: _dt.date | None = None
    source_name: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(f"Article {self.id!r}: text must be str, not {type(self.text).__name__}")
        if isinstance(self.published, _dt.datetime):
            # A datetime is a date subclass; keep the day only so comparisons behave.
            object.__setattr__(self, "published", self.published.date())


@dataclass(frozen=True)
class SkippedInput:
    """An input that was not loaded: ``path`` (file name, or ``"<DataFrame>"`` etc.),
    ``reason`` (why, in words a user can act on) and ``line`` (for JSONL/CSV rows)."""

    path: str
    reason: str
    line: int | None = None

    @property
    def where(self) -> str:
        """``path`` or ``path line N``."""
        return self.path if self.line is None else f"{self.path} line {self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


# --------------------------------------------------------------------------- dates

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ][0-9:.,]+(?:Z|[+-]\d{2}(?::?\d{2})?)?)?")


def parse_date(value: Any) -> _dt.date | None:
    """A publication date from ``value``, strictly.

    Accepts ``None``/empty/NaN (-> ``None``), ``datetime.date``, ``datetime.datetime``
    (and pandas ``Timestamp``; the day is kept), or a string ``YYYY-MM-DD`` or ISO
    datetime. Anything else raises ``ValueError`` -- "03/10/2016" is ambiguous, so we
    refuse to guess.
    """
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN from pandas
        return None
    if type(value).__name__ == "NaTType":
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if not _DATE_RE.fullmatch(text):
            raise ValueError(f"{value!r} is not a date in the form YYYY-MM-DD")
        try:
            if len(text) == 10:
                return _dt.date.fromisoformat(text)
            return _dt.datetime.fromisoformat(text.replace(",", ".")).date()
        except ValueError as exc:
            raise ValueError(f"{value!r} is not a valid date ({exc})") from None
    raise ValueError(f"{value!r} ({type(value).__name__}) is not a date")


def _clean_str(value: Any) -> str | None:
    """Metadata field -> str or None (NaN, None and blank strings are None)."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    text = str(value).strip()
    return text or None


# --------------------------------------------------------------------------- decoding


class _BadFile(Exception):
    """Internal: why a file's bytes cannot be used as article text."""


def _decode(data: bytes, encoding: str) -> str:
    """Bytes of a text file -> str, or ``_BadFile`` saying why not."""
    if not data.strip():
        raise _BadFile("empty file" if not data else "file contains only whitespace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-16 text is full of NUL bytes; the BOM tells us it is text after all.
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _BadFile(f"not valid UTF-16 ({exc.reason} at offset {exc.start})") from None
    else:
        for magic, kind in _MAGIC:
            if data.startswith(magic):
                raise _BadFile(f"binary file ({kind}); save the report as plain text first")
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise _BadFile("binary file (contains NUL bytes)")
        codec = "utf-8-sig" if codecs.lookup(encoding).name == "utf-8" else encoding
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            byte = data[exc.start]
            if _looks_binary(data[:_SNIFF_BYTES]):
                raise _BadFile("binary file (mostly non-text bytes)") from None
            raise _BadFile(
                f"not valid {encoding.upper() if encoding.lower().startswith('utf') else encoding} "
                f"(byte 0x{byte:02x} at offset {exc.start}); re-save as UTF-8"
                + (" or pass encoding=... if you know the file's encoding" if codec == "utf-8-sig" else "")
            ) from None
    if not text.strip():
        raise _BadFile("file contains only whitespace")
    if _mostly_control(text[:_SNIFF_BYTES]):
        raise _BadFile("binary file (mostly control characters)")
    return text


# Formats reports are often saved in by mistake; naming them tells the user what to do.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or Word/OpenDocument file"),
    (b"\xd0\xcf\x11\xe0", "an old-style Word/Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
)


def _looks_binary(sample: bytes) -> bool:
    """Heuristic for files that fail to decode: is this data rather than mis-encoded text?

    Text in a legacy 8-bit encoding is mostly printable ASCII with a few high bytes;
    compressed or image data is spread over the whole byte range.
    """
    if not sample:
        return False
    printable = sum(1 for b in sample if 32 <= b < 127 or b in (9, 10, 13))
    return printable / len(sample) < 0.7


def _mostly_control(sample: str) -> bool:
    if not sample:
        return False
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return control / len(sample) > 0.1


# --------------------------------------------------------------------------- titles


def _headline(text: str) -> str | None:
    """The first non-empty line when it reads like a headline, else ``None``.

    A headline here is a line of at most 200 characters that is followed by more text and
    does not end like a sentence (".", "!" ... are how body paragraphs end). Reports saved
    from web pages almost always start this way; a metadata title always wins over this.
    """
    stripped = text.lstrip()
    first, newline, rest = stripped.partition("\n")
    first = first.strip()
    if not first or not newline or not rest.strip() or len(first) > 200:
        return None
    if first[-1] in ".!?;,":
        return None
    return first


# --------------------------------------------------------------------------- the reader


OnError = Literal["skip", "raise"]


class ArticleReader(Iterator[Article]):
    """Iterates over the articles in ``inputs``, one input at a time.

    Single pass (like a file object). After (or during) iteration, ``skipped`` lists
    every input that was not loaded, and ``count`` says how many articles were yielded.
    See the module docstring for the accepted inputs.

    ``published``: default publication date for articles whose input has none
    (``date``, ``datetime`` or ``"YYYY-MM-DD"``). ``encoding``: of text, JSONL and CSV
    files (default UTF-8; a UTF-8 BOM is dropped). ``on_error``: ``"skip"`` (warn,
    record, go on) or ``"raise"`` (raise :class:`CorpusInputError`).
    """

    def __init__(
        self,
        *inputs: Any,
        published: _dt.date | str | None = None,
        encoding: str = "utf-8",
        on_error: OnError = "skip",
    ) -> None:
        if on_error not in ("skip", "raise"):
            raise ValueError(f"on_error must be 'skip' or 'raise', not {on_error!r}")
        try:
            self.default_published = parse_date(published)
        except ValueError as exc:
            raise CorpusError(f"published: {exc}") from None
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise CorpusError(f"unknown encoding {encoding!r}") from None
        self.encoding = encoding
        self.on_error = on_error
        self.skipped: list[SkippedInput] = []
        self.count = 0
        self._n_strings = 0
        self._n_records = 0
        # Check paths up front: a typo should fail before an hour of processing, not after.
        self._inputs = [self._as_path(item) for item in inputs] if inputs else []
        for item in self._inputs:
            if isinstance(item, Path) and not item.exists():
                raise CorpusNotFoundError(f"no such file or folder: {item}")
        self._iter = self._generate()

    def __iter__(self) -> "ArticleReader":
        return self

    def __next__(self) -> Article:
        article = next(self._iter)
        self.count += 1
        return article

    def __repr__(self) -> str:
        return f"<ArticleReader read={self.count} skipped={len(self.skipped)}>"

    # -- dispatch ---------------------------------------------------------------

    @staticmethod
    def _as_path(item: Any) -> Any:
        if isinstance(item, os.PathLike):
            return Path(item)
        if isinstance(item, str) and "\n" not in item and 0 < len(item) < 4096:
            candidate = item.strip()
            if candidate.lower().endswith(_PATH_SUFFIXES) or os.path.exists(candidate):
                return Path(candidate)
        return item

    def _generate(self) -> Iterator[Article]:
        for item in self._inputs:
            yield from self._read_any(item)

    def _read_any(self, item: Any) -> Iterator[Article]:
        item = self._as_path(item)
        if isinstance(item, Path):
            if not item.exists():
                raise CorpusNotFoundError(f"no such file or folder: {item}")
            if item.is_dir():
                yield from self._read_folder(item)
            else:
                yield from self._read_file(item, metadata=None)
        elif isinstance(item, Article):
            yield self._with_default_date(item)
        elif isinstance(item, str):
            self._n_strings += 1
            ident = f"text-{self._n_strings}"
            if not item.strip():
                self._skip(ident, "empty text")
            else:
                yield self._with_default_date(Article(id=ident, text=item))
        elif isinstance(item, Mapping):
            self._n_records += 1
            article = self._from_record(item, where=f"record-{self._n_records}", line=None,
                                        default_id=f"record-{self._n_records}")
            if article is not None:
                yield article
        elif _is_dataframe(item):
            yield from self._read_dataframe(item)
        elif isinstance(item, (bytes, bytearray)):
            raise TypeError("load_articles got bytes; decode them or pass a Path to the file")
        elif isinstance(item, Iterable):
            for sub in item:
                yield from self._read_any(sub)
        else:
            raise TypeError(
                f"load_articles cannot read a {type(item).__name__}; pass a Path, a str of "
                "text, an Article, a dict, a pandas DataFrame or an iterable of these"
            )

    # -- problems -----------------------------------------------------------------

    def _skip(self, path: str | Path, reason: str, line: int | None = None) -> None:
        entry = SkippedInput(str(path), reason, line)
        if self.on_error == "raise":
            raise CorpusInputError(entry)
        self.skipped.append(entry)
        logger.warning("skipped %s: %s", entry.where, reason)

    def _date(self, value: Any, where: str) -> _dt.date | None:
        try:
            found = parse_date(value)
        except ValueError as exc:
            logger.warning("%s: bad published date ignored: %s", where, exc)
            return self.default_published
        return found if found is not None else self.default_published

    def _with_default_date(self, article: Article) -> Article:
        if article.published is None and self.default_published is not None:
            return replace(article, published=self.default_published)
        return article

    # -- files ----------------------------------------------------------------------

    def _read_folder(self, folder: Path) -> Iterator[Article]:
        metadata = self._read_metadata(folder / METADATA_FILE)
        used: set[str] = set()
        for path in sorted(folder.iterdir(), key=lambda p: p.name):
            name = path.name
            if name.startswith(".") or name == METADATA_FILE or not path.is_file():
                continue
            if name.lower().startswith(_DOC_PREFIXES):
                continue
            meta = None
            if metadata:
                key = name if name in metadata else path.stem if path.stem in metadata else None
                if key is not None:
                    meta = metadata[key]
                    used.add(key)
            yield from self._read_file(path, metadata=meta)
        for key in metadata or {}:
            if key not in used:
                logger.warning("%s: names %r, which is not an article in the folder",
                               folder / METADATA_FILE, key)

    def _read_metadata(self, path: Path) -> dict[str, Mapping[str, Any]] | None:
        """``metadata.json`` -> {file name: object}; a broken one is reported and ignored."""
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            self._skip(path, f"metadata not used: not valid JSON ({exc})")
            return None
        if isinstance(data, Mapping):
            # Also accept {"file.txt": {...}, ...}.
            data = [dict(value, doc=key) for key, value in data.items() if isinstance(value, Mapping)]
        if not isinstance(data, list):
            self._skip(path, "metadata not used: expected a list of objects")
            return None
        found: dict[str, Mapping[str, Any]] = {}
        for number, entry in enumerate(data, start=1):
            key = entry.get("doc") or entry.get("id") if isinstance(entry, Mapping) else None
            if not key:
                logger.warning("%s: entry %d has no 'doc' (file name); ignored", path, number)
                continue
            found[str(key)] = entry
        return found

    def _read_file(self, path: Path, metadata: Mapping[str, Any] | None) -> Iterator[Article]:
        suffix = path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            yield from self._read_jsonl(path)
        elif suffix == ".csv":
            yield from self._read_csv(path)
        elif suffix == ".json":
            yield from self._read_json(path)
        else:
            article = self._read_text(path, metadata)
            if article is not None:
                yield article

    def _read_bytes(self, path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError as exc:
            self._skip(path, f"cannot read ({exc.strerror or exc})")
            return None

    def _read_text(self, path: Path, metadata: Mapping[str, Any] | None) -> Article | None:
        data = self._read_bytes(path)
        if data is None:
            return None
        try:
            text = _decode(data, self.encoding)
        except _BadFile as exc:
            self._skip(path, str(exc))
            return None
        meta = metadata or {}
        where = str(path)
        return Article(
            id=path.name,
            text=text,
            title=_clean_str(meta.get("title")) or _headline(text),
            published=self._date(meta.get("published"), where),
            source_name=_clean_str(meta.get("source_name") or meta.get("outlet")),
            url=_clean_str(meta.get("url")),
        )

    def _from_record(
        self, record: Mapping[str, Any], *, where: str, line: int | None, default_id: str
    ) -> Article | None:
        """A JSONL/CSV/DataFrame/dict record -> Article, or None (reported) when unusable."""
        text = record.get("text")
        if isinstance(text, float) and text != text:
            text = None
        if text is None or (isinstance(text, str) and not text.strip()):
            self._skip(where, "empty text" if text is not None else "no 'text' field", line)
            return None
        if not isinstance(text, str):
            self._skip(where, f"'text' is a {type(text).__name__}, not a string", line)
            return None
        ident = _clean_str(record.get("id")) or _clean_str(record.get("doc")) or default_id
        label = where if line is None else f"{where} line {line}"
        return Article(
            id=ident,
            text=text,
            title=_clean_str(record.get("title")),
            published=self._date(record.get("published"), label),
            source_name=_clean_str(record.get("source_name") or record.get("outlet")),
            url=_clean_str(record.get("url")),
        )

    def _read_jsonl(self, path: Path) -> Iterator[Article]:
        try:
            handle = path.open("rb")
        except OSError as exc:
            self._skip(path, f"cannot read ({exc.strerror or exc})")
            return
        any_line = False
        with handle:
            if b"\x00" in handle.read(_SNIFF_BYTES):
                self._skip(path, "binary file (contains NUL bytes)")
                return
            handle.seek(0)
            for number, raw in enumerate(handle, start=1):
                if number == 1 and raw.startswith(codecs.BOM_UTF8):
                    raw = raw[len(codecs.BOM_UTF8):]
                if not raw.strip():
                    continue
                any_line = True
                try:
                    line = raw.decode(self.encoding)
                except UnicodeDecodeError as exc:
                    self._skip(path, f"not valid {self.encoding} (byte 0x{raw[exc.start]:02x} "
                                     f"at column {exc.start + 1}); re-save as UTF-8", number)
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    self._skip(path, f"not valid JSON ({exc})", number)
                    continue
                if not isinstance(record, Mapping):
                    self._skip(path, f"expected a JSON object, got {type(record).__name__}", number)
                    continue
                article = self._from_record(record, where=str(path), line=number,
                                            default_id=f"{path.name}:{number}")
                if article is not None:
                    yield article
        if not any_line:
            self._skip(path, "empty file")

    def _read_json(self, path: Path) -> Iterator[Article]:
        data = self._read_bytes(path)
        if data is None:
            return
        try:
            records = json.loads(_decode(data, self.encoding))
        except _BadFile as exc:
            self._skip(path, str(exc))
            return
        except ValueError as exc:
            self._skip(path, f"not valid JSON ({exc})")
            return
        if isinstance(records, Mapping):
            records = [records]
        if not isinstance(records, list):
            self._skip(path, "expected a JSON list of objects with a 'text' field")
            return
        for number, record in enumerate(records, start=1):
            if not isinstance(record, Mapping):
                self._skip(path, f"item {number} is not a JSON object")
                continue
            article = self._from_record(record, where=f"{path} item {number}", line=None,
                                        default_id=f"{path.name}:{number}")
            if article is not None:
                yield article

    def _read_csv(self, path: Path) -> Iterator[Article]:
        data_head = self._read_head(path)
        if data_head is None:
            return
        if not data_head.strip():
            self._skip(path, "empty file")
            return
        if b"\x00" in data_head:
            self._skip(path, "binary file (contains NUL bytes)")
            return
        codec = "utf-8-sig" if codecs.lookup(self.encoding).name == "utf-8" else self.encoding
        # Articles are long; the csv module's default field limit (128 KiB) is not.
        csv.field_size_limit(2**31 - 1)
        number = 1
        try:
            with path.open("r", encoding=codec, errors="strict", newline="") as handle:
                reader = csv.DictReader(handle)
                fields = [name.strip() for name in reader.fieldnames or []]
                reader.fieldnames = fields
                if "text" not in fields:
                    self._skip(path, f"no 'text' column (columns: {', '.join(fields) or 'none'})")
                    return
                for record in reader:
                    number = reader.line_num
                    article = self._from_record(record, where=str(path), line=number,
                                                default_id=f"{path.name}:{number}")
                    if article is not None:
                        yield article
        except UnicodeDecodeError as exc:
            self._skip(path, f"not valid {self.encoding} after line {number} (byte "
                             f"0x{exc.object[exc.start]:02x}); rest of file skipped; "
                             "re-save as UTF-8")
        except csv.Error as exc:
            self._skip(path, f"broken CSV after line {number} ({exc}); rest of file skipped")

    def _read_head(self, path: Path) -> bytes | None:
        try:
            with path.open("rb") as handle:
                return handle.read(_SNIFF_BYTES)
        except OSError as exc:
            self._skip(path, f"cannot read ({exc.strerror or exc})")
            return None

    def _read_dataframe(self, frame: Any) -> Iterator[Article]:
        columns = [str(c) for c in frame.columns]
        if "text" not in columns:
            raise CorpusError(f"DataFrame has no 'text' column (columns: {', '.join(columns)})")
        # Row by row: a frame is already in memory, don't make a second copy of it as dicts.
        for index, values in zip(frame.index, frame.itertuples(index=False, name=None)):
            row = dict(zip(columns, values))
            article = self._from_record(row, where=f"DataFrame row {index}", line=None,
                                        default_id=str(index))
            if article is not None:
                yield article


def _is_dataframe(obj: Any) -> bool:
    # Avoid importing pandas just to check (it is slow to import and optional here).
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "to_dict") and hasattr(obj, "columns")


def load_articles(
    *inputs: Any,
    published: _dt.date | str | None = None,
    encoding: str = "utf-8",
    on_error: OnError = "skip",
) -> ArticleReader:
    """Read reports from files, folders, JSONL, CSV, DataFrames, strings or Articles.

    Returns an :class:`ArticleReader` -- iterate it for :class:`Article` records (read
    lazily, one input at a time); its ``skipped`` list names the inputs that could not be
    used and why. Raises :class:`CorpusNotFoundError` at once for a path that does not
    exist. See the module docstring for formats and rules.
    """
    return ArticleReader(*inputs, published=published, encoding=encoding, on_error=on_error)


def sample_articles() -> list[Article]:
    """The invented sample dispatches shipped with the package (for demos and tests).

    Seven short wire-style reports dated 2016-09-24 .. 2016-12-13, written by the
    aleppo-geo developers (not any outlet's prose): see ``SAMPLE_DIR / "README.md"``.
    """
    reader = ArticleReader(SAMPLE_DIR, on_error="raise")
    return list(reader)


# --------------------------------------------------------------------------- long texts

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_WHITESPACE = re.compile(r"\s+")


def split_long_text(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into consecutive pieces of at most ``max_chars`` characters.

    Returns ``[(offset, piece), ...]`` with ``text[offset:offset + len(piece)] == piece``
    and ``"".join(pieces) == text``: nothing is dropped or changed, so a mention at
    ``start`` in a piece is at ``offset + start`` in the text. Cuts are made, in order
    of preference, after a paragraph break, after a sentence end, after whitespace;
    only a run of ``max_chars`` characters with no whitespace at all is cut mid-word.
    The whitespace at a cut stays at the end of the earlier piece. A text that fits is
    returned whole: ``[(0, text)]`` (``[]`` for an empty text).
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    pieces: list[tuple[int, str]] = []
    start = 0
    length = len(text)
    while length - start > max_chars:
        cut = _best_cut(text, start, start + max_chars, max_chars)
        pieces.append((start, text[start:cut]))
        start = cut
    if start < length:
        pieces.append((start, text[start:]))
    return pieces


def _best_cut(text: str, start: int, limit: int, max_chars: int) -> int:
    """The end (exclusive) of the piece that starts at ``start`` and may not pass ``limit``."""
    # A boundary in the last three quarters of the window keeps pieces reasonably full;
    # failing that any boundary of the same kind is still better than a weaker kind.
    floor = start + max_chars // 4
    for pattern in (_PARAGRAPH_BREAK, _SENTENCE_END, _WHITESPACE):
        ends = [m.end() for m in pattern.finditer(text, start, limit) if start < m.end() <= limit]
        # A match that ends exactly at ``limit`` might continue past it (more whitespace);
        # cutting there is still fine: the rest of the run starts the next piece.
        if ends:
            good = [end for end in ends if end >= floor]
            return (good or ends)[-1]
    return limit
