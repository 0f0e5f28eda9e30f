"""The spaCy side of aleppo-geo: finding place mentions and resolving them to the gazetteer.

What you get
------------
``load_pipeline()`` returns a spaCy ``Language``: the English model plus our components,
in this order::

    tok2vec, tagger, aleppo_line_breaks, parser, attribute_ruler, lemmatizer, aleppo_places, ner,
    aleppo_linker, aleppo_activity

After ``doc = nlp(text)``:

* ``doc.spans["places"]`` -- the place mentions, sorted and non-overlapping;
* ``span._.place`` -- the :class:`~aleppo_geo.gazetteer.Place` (``None`` when unresolved);
* ``span._.match`` -- ``"exact"`` (the text is one of the place's listed spellings),
  ``"variant"`` (same normalised key, e.g. "Hay al Huluk" for al-Halak), ``"fuzzy"``
  (close spelling nobody listed) or ``"unresolved"`` (the model's NER saw a place name the
  gazetteer does not know);
* ``span._.score`` -- confidence of the resolution, 0..1;
* ``doc.ents`` also carries the gazetteer mentions (label ``GPE`` or ``FAC``): the finder
  runs *before* the statistical NER and presets them, so the NER cannot swallow
  "Hay al Huluk" into a PERSON; it still predicts around them.

Components (usable one by one: ``nlp = spacy.blank("en"); nlp.add_pipe("aleppo_places");
nlp.add_pipe("aleppo_linker")`` needs no parser and no NER -- the linker then uses only
the words around each mention):

``aleppo_places`` (:class:`PlaceFinder`)
    Matches normalised token n-grams against the gazetteer's keys
    (:func:`aleppo_geo.names.normalize`), then applies the span conventions of the gold
    annotations: facility heads that belong to a name are kept ("Kindi hospital",
    "Handarat Palestinian refugee camp", "Shuqaif industrial area"), and so is a facility
    head right after any local place name ("Hamdaniyeh roundabout", "Salaheddine
    checkpoint", "Sukkari bakery": road, roundabout, crossing, checkpoint, bridge,
    hospital, school, mosque, (pumping/water) station, bakery, market, square, gate, camp,
    prison, factory, academy, college, airbase, airport, stadium, barracks, cemetery --
    never after a city or country: "the Damascus-Aleppo road"); administrative
    descriptors are not ("Sheikh Saeed district" -> "Sheikh Saeed"). "east/eastern/west/
    western Aleppo" is one span while other compass words are left out, compounds too
    ("south-western Aleppo" -> "Aleppo"), and "Old City of Aleppo" is two mentions.
    Guards keep out organisations ("Syrian Observatory for Human Rights", "Failaq
    al-Sham"), outlets named after places ("the Tishreen daily", "an Emirates airline
    flight"), demonyms ("Syrian", "Iraqi"), people ("Baraa al-Halabi", "Mohammed
    al-Shaar"), lowercase English words that look like short names ("us", "bab"), outlets
    named after a quarter or town when they report or are quoted ("Tishreen said",
    "according to Tishreen", "Al Mayadeen said", "Aleppo 24 reported" -- capitals keep
    their metonymy: "Moscow said"), quarters of another city that share a name with one of
    Aleppo's ("Hama's Hamidiyeh", "Marjeh square in Damascus"), and a listed generic word
    opening a longer unknown name ("Bab Touma"). A bounded fuzzy fallback proposes
    capitalised names (whole "X al-Y" runs) that no gazetteer spelling matches, only when
    the match is close and the place is a local one (never a country).

``aleppo_linker`` (:class:`PlaceLinker`)
    Resolves every span: exact/variant lookup (a span with a facility head is looked up
    whole first; a facility the gazetteer lacks -- "Jamiliyeh square" -- is placed at the
    place it is named after, match ``"variant"``, score 0.6, so a map shows it near the
    right spot), the fuzzy fallback, and context for names
    several places claim ("Aleppo province" -> the governorate, "the town of al-Bab" -> the
    town, "the city's al-Bab district" -> a city quarter of that name, or -- when the
    gazetteer has none -- the city itself with score 0.5, never the town 40 km away).
    With an NER in the pipeline,
    GPE/LOC/FAC entities that resolve to nothing are added as ``"unresolved"`` spans
    (organisations -- any word a group/agency head such as Helmets, Council, Front,
    Crescent --, outlets and demonyms filtered), and so are capitalised names after a
    locative preposition ("into al-Mashatiyeh", "from X and Tal al-Sawda"), so curators
    see what the gazetteer lacks. Not added: live-blog clock stamps and the entry's first
    word ("14:05 GMT - Rebels"), feasts and prayer times ("Eid al-Adha", "Maghrib"),
    sects ("Alawite"), outlets ("a report in Qasioun"), kunya names before 's or a verb
    of saying ("Abu Omar's house"). The fast pipeline has no NER and adds none.

Publication metadata
--------------------
``doc._.doc_id`` and ``doc._.published`` are registered here.
:func:`aleppo_geo.mentions.extract` sets them on each Doc (made with ``nlp.make_doc``)
before the Doc enters ``nlp.pipe``, so every later component -- the activity tagger in
particular -- can read them, with ``n_process > 1`` too (Doc user data travels with the Doc).
spaCy ships Docs between processes as msgpack, so what we keep in user data must be plain:
``span._.place`` is stored as (gazetteer, place id) and ``doc._.published`` as an ISO
string; the extension getters hand back a ``Place`` and a ``datetime.date``. (Component
authors: store dates the same way, or ``n_process > 1`` fails to serialise the Doc.)

Speed
-----
The finder sees every token of a corpus. Each word's class (can it be part of a
gazetteer name? is it a capitalised word for the fuzzy fallback?) is computed once per
vocabulary entry and cached in spaCy lexeme flags (``FLAG50``..``FLAG55``, the range spaCy
leaves to users), so one ``doc.to_array`` call classifies a document and Python only
visits the few tokens that can start a name.
"""
from __future__ import annotations

import bisect
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import (ENT_TYPE, FLAG50, FLAG51, FLAG52, FLAG53, FLAG54, FLAG55, IS_SPACE,
                         IS_TITLE, LOWER, ORTH, SPACY)
from spacy.lang.en.stop_words import STOP_WORDS as _EN_STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from aleppo_geo.names import normalize, skeleton

__all__ = [
    "PlaceFinder",
    "PlaceLinker",
    "PipelineError",
    "load_pipeline",
    "make_place_finder",
    "make_place_linker",
    "get_gazetteer",
]

logger = logging.getLogger("aleppo_geo.pipeline")

DEFAULT_SPAN_KEY = "places"


class PipelineError(ValueError):
    """A component was configured with something it cannot use (e.g. a bad gazetteer path)."""


# --------------------------------------------------------------------------- extensions

# spaCy ships a Doc between processes (``nlp.pipe(n_process=2)``) as msgpack, which knows
# neither dates nor our Place records. So ``span._.place`` stores a reference (gazetteer
# token, place id) and ``doc._.published`` an ISO date string; the getters turn them back
# into a Place and a ``datetime.date``. Users see the documented types.
_PLACE_KEY = "aleppo_place_ref"
_PUBLISHED_KEY = "aleppo_published"
_GAZ_BY_TOKEN: dict[str, Any] = {}


def _gazetteer_token(gazetteer: Any) -> str:
    for token, known in _GAZ_BY_TOKEN.items():
        if known is gazetteer:
            return token
    token = f"gazetteer-{id(gazetteer)}"
    _GAZ_BY_TOKEN[token] = gazetteer
    return token


def _get_place(span: Span) -> Any:
    ref = span.doc.user_data.get(("._.", _PLACE_KEY, span.start_char, span.end_char))
    if ref is None:
        return None
    token, place_id = ref
    gazetteer = _GAZ_BY_TOKEN.get(token)
    if gazetteer is None:  # made in another process from the bundled data
        gazetteer = get_gazetteer()
    try:
        return gazetteer.get(place_id)
    except KeyError:
        return None


def _set_place(span: Span, place: Any) -> None:
    key = ("._.", _PLACE_KEY, span.start_char, span.end_char)
    if place is None:
        span.doc.user_data.pop(key, None)
        return
    gazetteer = _PLACE_OWNER.get(place.id)
    token = _gazetteer_token(gazetteer) if gazetteer is not None else "bundled"
    span.doc.user_data[key] = (token, place.id)


def _store_place(span: Span, place: Any, token: str) -> None:
    """Set ``span._.place`` as a reference into the gazetteer known by ``token``."""
    key = ("._.", _PLACE_KEY, span.start_char, span.end_char)
    if place is None:
        span.doc.user_data.pop(key, None)
    else:
        span.doc.user_data[key] = (token, place.id)


def _get_published(doc: Doc) -> Any:
    import datetime as _dt

    value = doc.user_data.get(("._.", _PUBLISHED_KEY, None, None))
    return _dt.date.fromisoformat(value) if value else None


def _set_published(doc: Doc, value: Any) -> None:
    import datetime as _dt

    if isinstance(value, _dt.datetime):
        value = value.date()
    if value is not None and not isinstance(value, _dt.date):
        raise TypeError(f"doc._.published must be a datetime.date or None, not {value!r}")
    doc.user_data[("._.", _PUBLISHED_KEY, None, None)] = value.isoformat() if value else None


# place id -> the gazetteer object it was resolved from (last one loaded wins for an id)
_PLACE_OWNER: dict[str, Any] = {}


def _register_extensions() -> None:
    if not Span.has_extension("place"):
        Span.set_extension("place", getter=_get_place, setter=_set_place)
    for name in ("match", "score"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    if not Doc.has_extension("doc_id"):
        Doc.set_extension("doc_id", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", getter=_get_published, setter=_set_published)


_register_extensions()


# --------------------------------------------------------------------------- word lists
# These are English function words and descriptor nouns, not place names: they encode the
# span conventions and guards, so they apply to any report, not just the seeds.

# Tokens that may sit *inside* a multi-word name without being content of their own.
_ARTICLES = frozenset("al el il ul ash as ad adh ar at ath az an aj es esh ed er et ez en".split())
_JOINERS = frozenset({"-", "‐", "‑", "–", "'", "’", "of"})
_QUARTER = frozenset({"hay", "hayy", "hai"})
# Words that may open a span although they are not capitalised content.
_DIRECTION_PREFIX = frozenset({"east", "eastern", "west", "western"})
_COMPASS = {
    "east": "east", "eastern": "east", "west": "west", "western": "west",
    "north": "north", "northern": "north", "south": "south", "southern": "south",
}
# Administrative descriptors: left out of spans, but they steer the linker.
_DESCRIPTORS = {
    "province": "governorate", "governorate": "governorate", "countryside": "governorate",
    "city": "city", "town": "town", "village": "village",
    "district": "quarter", "neighbourhood": "quarter", "neighborhood": "quarter",
    "quarter": "quarter", "area": None, "districts": "quarter", "neighbourhoods": "quarter",
    "neighborhoods": "quarter",
}
# Facility head nouns that belong to a name, per place kind (gold: "Kindi hospital",
# "Handarat Palestinian refugee camp", "Shuqaif industrial area", "Castello Road").
_FACILITY_HEADS: dict[str, tuple[tuple[str, ...], ...]] = {
    "camp": (("camp",), ("refugee", "camp"), ("palestinian", "refugee", "camp"),
             ("palestinian", "camp"), ("refugees", "camp")),
    "hospital": (("hospital",), ("field", "hospital"), ("children", "'s", "hospital")),
    "industrial_area": (("industrial", "area"), ("industrial", "zone"), ("industrial", "city")),
    "road": (("road",), ("highway",), ("street",), ("motorway",)),
    "airport": (("airport",), ("international", "airport"), ("military", "airport"),
                ("airbase",), ("air", "base")),
    "military_base": (("academy",), ("military", "academy"), ("base",), ("college",),
                      ("school",)),
    "landmark": (("mosque",), ("station",), ("water", "station"), ("bridge",),
                 ("roundabout",), ("square",), ("stadium",)),
}
# Facility heads that name a facility *at* a named place of any local kind ("Hamdaniyeh
# roundabout", "Salaheddine checkpoint", "Shaar hospital", "Bab al-Salameh crossing"):
# per the gold conventions the head is part of the name, unlike the administrative
# descriptors above. Longest first. When the gazetteer has no such facility the mention
# is placed at the named place with a lower score (see PlaceLinker.resolve).
_GENERIC_FACILITY_HEADS: tuple[tuple[str, ...], ...] = tuple(sorted((
    ("road",), ("roundabout",), ("crossing",), ("border", "crossing"), ("checkpoint",),
    ("bridge",), ("hospital",), ("field", "hospital"), ("school",), ("mosque",),
    ("station",), ("pumping", "station"), ("water", "station"), ("power", "station"),
    ("bakery",), ("market",), ("square",), ("gate",), ("camp",), ("refugee", "camp"),
    ("prison",), ("factory",), ("academy",), ("military", "academy"), ("college",),
    ("airbase",), ("air", "base"), ("airport",), ("military", "airport"),
    ("international", "airport"), ("stadium",), ("barracks",), ("cemetery",),
), key=len, reverse=True))
# Kinds that take a generic facility head: places inside or around the city, and
# villages/towns ("Anadan checkpoint"). Never cities, regions, governorates or countries:
# "the Damascus-Aleppo road" is a road between two cities, not a facility of Aleppo.
_GENERIC_FACILITY_KINDS = frozenset({"neighbourhood", "district", "camp", "hospital",
                                     "landmark", "industrial_area", "road", "military_base",
                                     "town", "village"})
_ALL_FACILITY_HEADS = frozenset(h for heads in _FACILITY_HEADS.values() for h in heads) \
    | frozenset(_GENERIC_FACILITY_HEADS)
_FAC_HEAD_FIRST = frozenset(h[0] for heads in _FACILITY_HEADS.values() for h in heads) \
    | frozenset(h[0] for h in _GENERIC_FACILITY_HEADS)
_FAC_HEAD_WORDS = frozenset(w for heads in _FACILITY_HEADS.values() for h in heads for w in h) \
    | frozenset(w for h in _GENERIC_FACILITY_HEADS for w in h)
_FAC_KINDS = frozenset({"camp", "hospital", "industrial_area", "road", "airport",
                        "military_base", "landmark"})
# Kinds whose common-noun names may be written in lower case ("the citadel", "the old
# city", "the airport"): unique landmarks of the city.
_LOWERCASE_OK_KINDS = frozenset({"landmark", "district", "airport", "military_base"})
# Determiners that make a common noun indefinite or plural: not a unique landmark.
_INDEFINITE = frozenset("a an one two three four five several many some other another "
                        "any each every".split())
# The fuzzy fallback may only propose places of these kinds: local places reporters spell
# freely. Countries and foreign cities are always written the English way.
_FUZZY_KINDS = frozenset({"neighbourhood", "district", "camp", "hospital", "landmark",
                          "industrial_area", "road", "airport", "military_base", "town",
                          "village"})
_CITY_QUARTER_KINDS = frozenset({"neighbourhood", "district"})
# Places that are whole settlements: a "city's X district" context cannot mean one of
# these when it lies outside the city.
_SETTLEMENT_KINDS = frozenset({"town", "village", "city"})
# ("areas in Aleppo" are the city's: "restored security to new areas in Aleppo".)
_PLURAL_SETTLEMENTS = frozenset({"villages", "towns", "communities"})
# Heads of organisation names: a place name followed (within a capitalised run) by one
# of these is part of an organisation ("Aleppo Media Center", "Levant Front").
_ORG_HEADS = frozenset("""
    observatory army front brigade brigades battalion battalions division regiment
    council committee society association union movement network center centre
    institute university college media agency forces force party organisation
    organization group commission foundation authority ministry office police guard
    guards post times news today tv channel radio press company corporation bank
    federation league coalition alliance department service services helmets crescent
    command committees councils programme program fund mission agencies association
    coordination trust campaign defence defense legion
""".split())
# Outlets named after places ("Tishreen" the daily, "Emirates" the airline, "Al-Watan"):
# a name right after or before one of these words is the outlet or company.
_OUTLET_WORDS = frozenset("""
    newspaper newspapers daily paper airline airlines airways magazine tv television
    channel broadcaster radio website weekly agency
""".split())
# Words that open organisation names before an Arabic place-like word ("Failaq al-Sham",
# "Jaish al-Fatah", "Ahrar al-Sham"): Arabic for corps, army, front, free men, movement...
_ORG_OPENERS = frozenset("""
    failaq jaish jabhat jabha ahrar harakat harakat liwa liwaa jund kataib katibat
    hayat hayat tahrir fastaqim nour nur ansar saraya thuwar tajammu fatah fath jaysh
    jamaat kataeb firqat ghazwat
""".split())
_PERSON_TITLES = frozenset("""
    mr mrs ms dr president minister general gen col colonel commander sheikh imam
    king prince emir secretary envoy spokesman spokeswoman ambassador
""".split())
# English demonym endings: "Syrian" is not "Syria", "Iraqi" not "Iraq".
_DEMONYM_SUFFIXES = ("n", "an", "ian", "ians", "ans", "ns", "i", "is", "ese", "ish", "ite",
                     "ites", "ean", "eans")
# Nouns after a name that make it a group's name: "the Zinki commander".
_GROUP_NOUNS = frozenset("""
    group groups commander commanders fighters fighter faction factions militia militias
    spokesman spokeswoman official officials leader leaders member members brigade rebels
    movement unit units
""".split())
# First words of Arabic place names (village, hill, monastery, inn, spring, bridge, head,
# house, well, mountain, gate, farm, field): a capitalised pair starting with one is a place.
_TOPONYM_GENERICS = frozenset("kafr kfar kafar tal tall tell deir dayr khan ain ayn jisr ras "
                              "beit bayt bir jabal jebel bab maarat marat mazraat arab tel "
                              "qasr hayyan".split())
# Words before a name that make it a person's (the fuzzy fallback must not turn a
# photographer into a quarter), and verbs of saying after a name.
_PERSON_CONTEXT_BEFORE = frozenset("""
    by photographer photojournalist journalist reporter correspondent activist doctor
    surgeon nurse rescuer volunteer resident residents teacher official spokesman
    spokeswoman commander fighter director head chief leader father mother son daughter
    brother sister cousin wife husband friend named called mr mrs ms dr
""".split())
# Feasts, prayer times and sects: capitalised, after "in"/"at"/"to", and never places.
_HOLIDAYS = frozenset("eid adha fitr ramadan ashura mawlid christmas easter nowruz fajr dhuhr "
                      "asr maghrib isha jumaa juma".split())
_SECTS = frozenset("sunni sunnis shia shias shiite shiites alawite alawites alawi druze "
                   "ismaili ismailis christian christians yazidi yazidis".split())
# Syrian and regional outlets whose names look like Arabic place names: "a report in
# Qasioun", "In Al-Watan, a columnist ...".
_OUTLET_NAMES = frozenset("watan tishreen qasioun baladi orient sana thawra mayadeen manar "
                          "ikhbariya jazeera arabiya hawar anha baath".split())
# People and parts of an outlet: "Tishreen's correspondent" is the newspaper's.
_MEDIA_ROLES = frozenset("correspondent correspondents reporter reporters editor editors "
                         "journalist journalists website coverage presenter anchor "
                         "columnist columnists editorial".split())
# Arabic kunya and filiation words: "Abu Omar's house" is a person's.
_KUNYA = frozenset("abu umm um ibn bin bint".split())
# Labels of picture and writing credits: the name after "Photo:" is a person's.
_CREDIT_WORDS = frozenset("photo photograph photos picture image pictures credit credits "
                          "photographer video footage".split())
_SPEECH_VERBS = frozenset("said says told tells added adds explained wrote writes tweeted "
                          "recalled asked warned claimed insisted".split())
# Prepositions after which a capitalised name is most likely a place.
# What outlets do: a city quarter's name before one of these is a newspaper or site.
_REPORT_VERBS = _SPEECH_VERBS | frozenset("reported reports quoted quotes cited cites "
                                          "published publishes carried carries broadcast "
                                          "aired posted posts".split())
_LOCATIVE_PREPS = frozenset("in into from to towards toward near around outside inside "
                            "through via between at across".split())
# Nouns (and compass words) after which "of <Name>" names a place.
_OF_PLACE_HEADS = frozenset("""
    village villages town towns city district districts neighbourhood neighborhood
    neighbourhoods neighborhoods suburb suburbs outskirts edge edges area areas region
    countryside province hamlet quarter north south east west northeast northwest
    southeast southwest
""".split())
# Prepositions of motion or position that people are rarely the object of: after these
# the small model's PERSON on an unknown Arabic name ("into al-Mashatiyeh") is overruled.
_MOTION_PREPS = frozenset("into towards toward near outside inside through via around".split())
_NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_GENERIC_NER = frozenset("""
    the city east west north south northeast northwest southeast southwest the east
    the west the north the south earth world region area
""".split())
_WEEKDAYS_MONTHS = frozenset("""
    monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december
""".split())
# Time zones of live-blog clock stamps ("14:05 GMT - Rebels said ..."): never part of a
# place name, and the capitalised word after the stamp's dash is capitalised by position.
_TIME_ZONES = frozenset("gmt utc bst eet eest cet cest est edt ast msk z".split())
_DASHES = frozenset({"-", "–", "—", "‐", "‑", "--"})


# Neighbouring words that some guard of PlaceFinder._accept reads: a single known word
# next to none of these is accepted without running the guards (see _plain_single).
_PLAIN_BLOCK = (_ARTICLES | _JOINERS | _QUARTER | _OUTLET_WORDS | _FAC_HEAD_FIRST
                | _PERSON_TITLES | _ORG_OPENERS | _ORG_HEADS | _COMPASS.keys()
                | frozenset(_DESCRIPTORS)  # "the Midan district of Damascus"
                | frozenset({"of", "for", "and", "'s", "’s", "-", "al", "el", "in"}))


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """Case-, diacritic- and apostrophe-insensitive literal form (not a normalised key)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[’‘ʿʾ`´]", "'", text.casefold())
    return re.sub(r"[\s\-‐‑–]+", " ", text).strip()


def _is_cap(text: str) -> bool:
    """A capitalised word: "Aleppo", "UK", "M10", "al-Bab"'s "Bab", "ʿAziziyeh"."""
    head, dash, rest = text.partition("-")
    if dash and rest and head.lower() in _ARTICLES:
        text = rest  # one token "al-’Ourubeh": the name's capital is after the article
    if text[:1] in _AYN_MARKS:
        text = text.lstrip("ʿʾ'’‘`")  # a transliterated ayn/hamza before the capital
    return bool(text) and (text[0].isupper() or text[0].isdigit())


_AYN_MARKS = frozenset("ʿʾ'’‘`")


# --------------------------------------------------------------------------- gazetteer

_GAZETTEERS: dict[tuple[str | None, bool], Any] = {}


def _gazetteer_spec(path: str | None, extend: bool) -> tuple[str | None, bool]:
    if path and not Path(path).exists():
        raise PipelineError(f"gazetteer not found: {path}")
    return (path or None, bool(extend))


def get_gazetteer(path: str | Path | None = None, extend: bool = False):
    """Load (once per process) the gazetteer at ``path`` (``None`` = the bundled one)."""
    from aleppo_geo.gazetteer import Gazetteer, GazetteerError

    key = (str(Path(path).resolve()) if path else None, bool(extend))
    if key not in _GAZETTEERS:
        try:
            _GAZETTEERS[key] = Gazetteer.load(path, extend=extend) if path else Gazetteer.load()
        except (GazetteerError, FileNotFoundError) as exc:
            raise PipelineError(f"cannot load gazetteer {path}: {exc}") from None
        if key == (None, False):
            _GAZ_BY_TOKEN["bundled"] = _GAZETTEERS[key]
        else:
            _GAZ_BY_TOKEN[f"path:{key[0]}:{key[1]}"] = _GAZETTEERS[key]
    return _GAZETTEERS[key]


@dataclass(frozen=True)
class _Resolution:
    place: Any
    match: str
    score: float


class _Index:
    """What both components need from a gazetteer, precomputed once.

    ``keys``: normalised key -> places (owner first); ``words``: every word that occurs in a
    key, to skip most tokens of running text with one set lookup; ``literal``: folded
    literal spellings -> place ids, to tell an exact spelling from a variant.
    """

    def __init__(self, gazetteer: Any) -> None:
        self.gazetteer = gazetteer
        _gazetteer_token(gazetteer)
        for place in gazetteer:
            _PLACE_OWNER[place.id] = gazetteer
        self.keys: dict[str, list[Any]] = {k: list(v) for k, v in gazetteer.keys().items()}
        self.literal: dict[str, set[str]] = {}
        self.cased: dict[str, set[str]] = {}
        for place in gazetteer:
            spellings = (place.name, *place.aliases, *place.shared_aliases)
            for spelling in spellings:
                self.literal.setdefault(_fold(spelling), set()).add(place.id)
                self.cased.setdefault(spelling.strip(), set()).add(place.id)
            # "East Aleppo" is also written "eastern Aleppo" / "east Aleppo".
            if place.kind == "region":
                for spelling in spellings:
                    first, _, rest = spelling.partition(" ")
                    direction = _COMPASS.get(first.lower())
                    if direction in ("east", "west") and rest:
                        for word in (direction, direction + "ern"):
                            alias = f"{word} {rest}"
                            self._add_key(normalize(alias), place)
                            self.literal.setdefault(_fold(alias), set()).add(place.id)
        self.words: set[str] = set()
        for key in self.keys:
            self.words.update(key.split())
        self._search_cache: dict[str, tuple[Any, float] | None] = {}

    def _add_key(self, key: str, place: Any) -> None:
        places = self.keys.setdefault(key, [])
        if place not in places:
            places.append(place)

    @staticmethod
    def _close_key(key: str, place: Any) -> bool:
        """A second, plain edit-distance check: the consonant skeletons that
        ``Gazetteer.search`` also scores can make unrelated words look alike."""
        from rapidfuzz import fuzz

        return any(fuzz.ratio(key, normalize(n)) >= 80 for n in (place.name, *place.aliases))

    @staticmethod
    def _keeps_nisba(key: str, place: Any) -> bool:
        """"Khaled" is not al-Khalidiyeh, "Amira" not al-Amiriyeh: when every spelling of
        the place ends in the -iya/-iyeh suffix (normalised "ia"), so must the text --
        the suffix is what turns a given name into a place name."""
        if key.endswith("ia"):
            return True
        return not all(normalize(n).endswith("ia") for n in (place.name, *place.aliases))

    def candidates(self, text: str) -> list[Any]:
        return self.keys.get(normalize(text), [])

    def is_literal(self, text: str, place: Any) -> bool:
        return place.id in self.literal.get(_fold(text), ())

    def fuzzy(self, text: str, threshold: float) -> tuple[Any, float] | None:
        """The best local place whose spelling is within ``threshold`` of ``text``."""
        cache_key = f"{threshold}\x00{text}"
        if cache_key in self._search_cache:
            return self._search_cache[cache_key]
        best = None
        try:
            hits = self.gazetteer.search(text, limit=5)
        except Exception:  # a bad query string is simply "no fuzzy match"
            hits = []
        key = normalize(text)
        for place, score in hits:
            if score >= threshold and place.kind in _FUZZY_KINDS and self._close_key(key, place) \
                    and self._keeps_nisba(key, place):
                best = (place, float(score))
                break
        if best is None:
            # A vowel written differently ("Jamaliya" for Jamiliyeh) costs a lot of edit
            # score in a short name. Same consonant skeleton, word for word, with at least
            # three consonants, lets a slightly lower score through.
            sk = skeleton(text)
            if len(sk.replace(" ", "")) >= 3:
                for place, score in hits:
                    if score >= threshold - 0.05 and place.kind in _FUZZY_KINDS \
                            and self._close_key(key, place) and self._keeps_nisba(key, place) \
                            and any(skeleton(n) == sk for n in (place.name, *place.aliases)):
                        best = (place, float(score))
                        break
        if len(self._search_cache) > 100_000:
            self._search_cache.clear()
        self._search_cache[cache_key] = best
        return best


_INDEXES: dict[int, _Index] = {}


def _index_for(gazetteer: Any) -> _Index:
    index = _INDEXES.get(id(gazetteer))
    if index is None or index.gazetteer is not gazetteer:
        index = _INDEXES[id(gazetteer)] = _Index(gazetteer)
    return index


# --------------------------------------------------------------------------- the finder

# Per-token classes, cached by the token's orth id (computed once per vocabulary string).
_SKIP, _CONTENT, _JOIN, _OPENER = 0, 1, 2, 3

# Lexeme flags (spaCy reserves FLAG19..FLAG63 for users) caching each word's class:
# seen (classified), candidate (may start a name), inside (may be part of a name),
# content (a word of some gazetteer key), cap (capitalised word), fuzzy (a capitalised
# word the spelling fallback should try).
_F_SEEN, _F_CANDIDATE, _F_INSIDE, _F_CONTENT, _F_CAP, _F_FUZZY = (
    FLAG50, FLAG51, FLAG52, FLAG53, FLAG54, FLAG55)
_FLAGS = [_F_SEEN, _F_CANDIDATE, _F_INSIDE, _F_CONTENT, _F_CAP, _F_FUZZY, SPACY, IS_SPACE, ORTH,
          LOWER]
# id(vocab) -> the _Index whose classes its lexeme flags hold.
_FLAG_OWNERS: dict[int, Any] = {}


class _GazetteerBacked:
    """What the finder and the linker share: a gazetteer index loaded on first use.

    Subclasses set ``self._spec`` (see ``_gazetteer_spec``) and ``self._index = None`` in
    ``__init__`` and react to a new gazetteer in ``_on_new_gazetteer``.
    """

    _spec: tuple
    _index: "_Index | None"

    @property
    def index(self) -> "_Index":
        # Loaded on first use, so that load_pipeline(gazetteer=<object>) never reads the
        # bundled data it is about to replace.
        if self._index is None:
            self.use_gazetteer(get_gazetteer(*self._spec))
        return self._index

    def use_gazetteer(self, gazetteer: Any) -> None:
        """Switch to another :class:`~aleppo_geo.gazetteer.Gazetteer` object."""
        self._index = _index_for(gazetteer)
        self._on_new_gazetteer(gazetteer)

    def _on_new_gazetteer(self, gazetteer: Any) -> None:
        pass


class PlaceFinder(_GazetteerBacked):
    """Finds candidate place mentions from the gazetteer (component ``aleppo_places``).

    Sets ``doc.spans[span_key]`` (sorted, non-overlapping spans; ``span._.place`` is left
    for the linker) and, with ``set_ents``, presets the spans as ``doc.ents`` so a later
    NER keeps them. Settings: ``gazetteer`` (path of a CSV file or folder; empty = the
    bundled gazetteer), ``extend_gazetteer`` (bundled + yours), ``max_ngram`` (longest
    name in tokens; spaCy splits "al-Bab" into three), ``fuzzy`` and ``fuzzy_threshold``
    (the spelling fallback for capitalised names, 0..1).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "aleppo_places",
        *,
        gazetteer: str | None = None,
        extend_gazetteer: bool = False,
        max_ngram: int = 8,
        span_key: str = DEFAULT_SPAN_KEY,
        fuzzy: bool = True,
        fuzzy_threshold: float = 0.9,
        set_ents: bool = True,
    ) -> None:
        if max_ngram < 1:
            raise PipelineError(f"max_ngram must be at least 1, not {max_ngram}")
        if not 0 < fuzzy_threshold <= 1:
            raise PipelineError(f"fuzzy_threshold must be in (0, 1], not {fuzzy_threshold}")
        self.name = name
        self.vocab = nlp.vocab
        self.max_ngram = max_ngram
        self.span_key = span_key
        self.fuzzy = fuzzy
        self.fuzzy_threshold = fuzzy_threshold
        self.set_ents = set_ents
        self._spec = _gazetteer_spec(gazetteer, extend_gazetteer)
        self._index: _Index | None = None
        self._token_class: dict[int, int] = {}
        self._capital: dict[int, bool] = {}
        self._fuzzy_block: dict[str, bool] = {}
        self._w: Any = []
        self._l: Any = []
        self._sp: list[int] = []
        self._stop_words = frozenset(getattr(nlp.Defaults, "stop_words", ()) or ())
        self._orths: list[int] = []
        self._breaks: list[int] = []
        self._lines: dict[int, bool] = {}
        self._inside: Any = None

    def _on_new_gazetteer(self, gazetteer: Any) -> None:
        self._token_class = {}
        if _FLAG_OWNERS.get(id(self.vocab)) is not self._index:
            _FLAG_OWNERS.pop(id(self.vocab), None)
            for lex in self.vocab:  # words were classified against the old gazetteer
                lex.set_flag(_F_SEEN, False)

    # -- per-token classification (cached: running text repeats its words) ----------

    def _classify(self, orth: int, text: str) -> int:
        low = text.lower()
        if low in _JOINERS:
            cls = _JOIN
        elif low in ("al", "el") or low in _QUARTER:
            cls = _OPENER  # may open or sit inside a name, never stand alone
        elif low in _ARTICLES:
            cls = _JOIN
        else:
            norm = normalize(text)
            words = norm.split()
            if words and all(w in self.index.words for w in words):
                cls = _CONTENT
            elif low in _DIRECTION_PREFIX:
                cls = _CONTENT
            else:
                cls = _SKIP
        self._token_class[orth] = cls
        return cls

    def _flag_lexeme(self, orth: int) -> None:
        """Record a word's class in its lexeme's flags (see :data:`_FLAGS`)."""
        word = self.vocab.strings[orth]
        cls = self._token_class.get(orth)
        if cls is None:
            cls = self._classify(orth, word)
        lex = self.vocab[orth]
        lex.set_flag(_F_SEEN, True)
        lex.set_flag(_F_CANDIDATE, cls in (_CONTENT, _OPENER))
        lex.set_flag(_F_INSIDE, cls != _SKIP)
        lex.set_flag(_F_CONTENT, cls == _CONTENT)
        cap = _is_cap(word) and word.isalpha()
        lex.set_flag(_F_CAP, cap)
        lex.set_flag(_F_FUZZY, cap and cls == _SKIP and not self._blocks_fuzzy(word))

    def _claim_flags(self) -> None:
        # Lexeme flags belong to the vocabulary, which two finders with different
        # gazetteers could share: the one running now makes sure they are its own.
        owner = _FLAG_OWNERS.get(id(self.vocab))
        if owner is not self.index:
            if owner is not None:
                for lex in self.vocab:
                    lex.set_flag(_F_SEEN, False)
            _FLAG_OWNERS[id(self.vocab)] = self.index

    def __call__(self, doc: Doc) -> Doc:
        spans = self.find(doc)
        doc.spans[self.span_key] = spans
        if self.set_ents and spans:
            _preset_ents(doc, spans)
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def _headline(self, doc: Doc, i: int) -> bool:
        """Is token i in a headline line written In Title Case?"""
        breaks = self._breaks
        k = bisect.bisect_right(breaks, i)
        start = breaks[k - 1] + 1 if k else 0
        answer = self._lines.get(start)
        if answer is None:
            end = breaks[k] if k < len(breaks) else len(doc)
            answer = self._lines[start] = _title_case_text(self._surface(start, end) if end > start else "")
        return answer

    def find(self, doc: Doc) -> list[Span]:
        """The candidate spans in ``doc`` (no linking), sorted and non-overlapping.

        Speed matters here (the finder sees every token of the corpus): the class of a
        word -- may it be part of a gazetteer name, is it a capitalised word the fuzzy
        fallback should try -- is computed once per vocabulary entry and kept in lexeme
        flags, so that one ``doc.to_array`` call classifies a whole document and Python
        only looks at the few tokens that can start a name.
        """
        n = len(doc)
        if not n:
            return []
        self._claim_flags()
        self._doc = doc
        arr = doc.to_array(_FLAGS)
        if not arr[:, 0].all():
            for orth in set(arr[arr[:, 0] == 0, 8].tolist()):
                self._flag_lexeme(orth)
            arr = doc.to_array(_FLAGS)
        strings = self.vocab.strings
        orths = arr[:, 8].tolist()
        self._orths = orths
        self._sp = arr[:, 6].tolist()
        # Every word's text and lower-case text as plain lists: one C lookup per token is
        # cheaper than indexing the Doc (a Token object each time) or a lazy cache.
        self._w = [strings[o] for o in orths]
        self._l = [strings[o] for o in arr[:, 9].tolist()]
        self._inside = inside = arr[:, 2]
        content = arr[:, 3]
        space_pos = numpy.flatnonzero(arr[:, 7]).tolist()
        self._breaks = [p for p in space_pos if "\n" in strings[orths[p]]]
        self._lines = {}
        found: list[tuple[int, int]] = []
        labels: dict[tuple[int, int], str] = {}
        keys = self.index.keys
        next_free = 0
        for i in numpy.flatnonzero(arr[:, 1]).tolist():
            if i < next_free:
                continue
            best = None
            j = i
            limit = min(n, i + self.max_ngram)
            while j < limit and inside[j]:
                j += 1
                if not content[j - 1]:
                    continue
                key = normalize(self._surface(i, j))
                if key in keys:
                    span = self._accept(doc, i, j, keys[key])
                    if span is not None:
                        best = span  # keep the longest acceptable
            if best is not None:
                for piece in self._split_of(doc, *best):
                    found.append(piece)
                    pkey = normalize(self._surface(*piece))
                    kind = keys[pkey][0].kind if pkey in keys else ""
                    if not kind and self._l[piece[1] - 1] in _FAC_HEAD_WORDS:
                        kind = "landmark"  # a facility head taken in ("Shaar hospital")
                    labels[piece] = "FAC" if kind in _FAC_KINDS else "GPE"
                next_free = best[1]
        spans = [Span(doc, s, e, label=labels[(s, e)]) for s, e in found]
        if self.fuzzy:
            spans.extend(self._fuzzy_spans(doc, arr, found))
        spans = sorted(filter_spans(spans), key=lambda s: s.start)
        return spans

    # -- acceptance guards ------------------------------------------------------------

    # The guards below read words through self._w (text) and self._l (lower case), lists
    # built once per doc in find(): indexing a Doc makes a Token object each time, which
    # was most of the finder's cost.

    def _accept(self, doc: Doc, i: int, j: int, places: list[Any]) -> tuple[int, int] | None:
        """(start, end) of an acceptable mention for tokens i..j, or None."""
        W, L = self._w, self._l
        n = len(W)
        if j - i == 1 and 0 < i and j < n and L[i - 1] not in ("to", "told", "tells") \
                and self._plain_single(i, places):
            return i, j
        # Leading "al"/"Hay" only when they are the name's own ("al-Bab", "Hay al Huluk").
        if L[i] in ("al", "el") and not (i + 1 < n and W[i + 1] == "-" or _is_cap(W[i])
                                         or i + 1 < n and _is_cap(W[i + 1])):
            return None
        surface = self._surface(i, j)
        contents = [k for k in range(i, j) if L[k] not in _JOINERS
                    and L[k] not in _ARTICLES and L[k] not in _QUARTER]
        if not contents:
            return None
        if not _is_cap(W[contents[0]]):
            if L[contents[0]] in _DIRECTION_PREFIX:
                # "eastern Aleppo" is the region East Aleppo: the rest must be a name.
                if len(contents) < 2 or not _is_cap(W[contents[1]]):
                    return None
                if not any(p.kind == "region" for p in places):
                    return None
                if self._compound_compass(i):
                    return None  # "south-western Aleppo" is not West Aleppo: only "Aleppo"
                if j < n and _DESCRIPTORS.get(L[j]) == "governorate":
                    return None  # "the western Aleppo countryside": a part of the province
            elif all(not _is_cap(W[k]) for k in contents):
                # "the citadel", "the old city": only unique landmarks, spelt as listed.
                ok = [p for p in places if p.kind in _LOWERCASE_OK_KINDS
                      and self.index.is_literal(surface, p)]
                if not ok:
                    return None
                if self._of_other_place(doc, j, ok[0]) or self._after_other_name(doc, i):
                    return None
                if any(L[k] in _INDEFINITE or W[k].isdigit() for k in range(max(0, i - 2), i)):
                    return None  # "an artillery college", "the two military academies"
            else:
                return None
        # Short or English-looking keys ("US", "UK", "Bab") must be written as listed,
        # with their capitals: "us" is a pronoun.
        cased = self.index.cased.get(surface, ())
        literal_cased = any(p.id in cased for p in places)
        if len(normalize(surface).replace(" ", "")) <= 3 or L[i] in self._stop_words:
            if not literal_cased:
                return None
        literal = self._literal_any(surface, places)
        if j - i == 1 and surface.isupper() and len(surface) <= 4 \
                and not any(p.kind == "country" for p in places):
            return None  # "an ALP spokesman": short capitals are acronyms, not airport codes
        if self._after_given_name(i, places):
            return None
        if i >= 1 and L[i - 1] in _TOPONYM_GENERICS and _is_cap(W[i - 1]) and self._sp[i - 1]:
            return None  # "Kafr Halab", "Tal Aleppo": a village named after the place
        if not literal and self._looks_like_demonym(surface, places):
            return None
        if self._is_organisation(doc, i, j) or self._is_person(doc, i, j, places):
            return None
        if self._is_outlet(i, j) or self._is_news_source(i, j, places):
            return None
        if self._continues_unknown_name(doc, j, literal=literal):
            return None
        end = self._extend_facility(doc, j, places)
        if self._in_other_city(doc, i, end, places):
            return None
        return i, self._trim_descriptor(doc, i, end)

    def _plain_single(self, i: int, places: list[Any]) -> bool:
        """The common case, decided in a few set lookups: one capitalised word spelt
        exactly as listed ("Aleppo", "Hanano"), between two lower-case words that none of
        the guards below looks at (no article, joiner, title, outlet, facility head or
        organisation link). Every guard of :meth:`_accept` is False for it."""
        W, L = self._w, self._l
        word, prev, nxt = W[i], W[i - 1], W[i + 1]
        if not word[:1].isupper() or word.isupper() or prev != L[i - 1] or nxt != L[i + 1]:
            return False
        if L[i] in self._stop_words or nxt in _PLAIN_BLOCK:
            return False
        if prev in _PLAIN_BLOCK and not (prev in ("of", "for") and i >= 2
                                         and L[i - 2] not in _ORG_HEADS):
            return False
        cased = self.index.cased.get(word)
        return bool(cased) and any(p.id in cased for p in places)

    def _compound_compass(self, i: int) -> bool:
        """Is the compass word at i the second half of "south-western", "north-east"?"""
        W, L, SP = self._w, self._l, self._sp
        return i >= 2 and W[i - 1] in ("-", "‐", "‑", "–") and not SP[i - 1] \
            and not SP[i - 2] and L[i - 2] in _COMPASS

    def _after_given_name(self, i: int, places: list[Any]) -> bool:
        """"Fatima Zahra": a capitalised word inside a sentence, right before the match,
        that is neither a place word, a compass word nor a demonym ("Kurdish Sheikh
        Maqsoud") makes the pair a person's (or an unknown place's) name."""
        W, L = self._w, self._l
        # "Zaid al-Sukkari", "Mohammed al-Shaar": look past the article to the word
        # before the whole "al-X". A given name before an article-led name is a person's
        # even when it opens the sentence (a sentence does not start "Fighters al-Shaar").
        article = False
        if i >= 3 and W[i - 1] == "-" and L[i - 2] in ("al", "el") and not self._sp[i - 2]:
            i -= 2
            article = True
        elif i >= 1 and L[i] in ("al", "el"):
            article = True
        if i < 1 or i < 2 and not article:
            return False
        prev, low = W[i - 1], L[i - 1]
        # A word that belongs to some listed name ("Zaid" of Bani Zaid) still counts
        # before an article: the longest match would have taken "X al-Y" were it listed.
        if not (prev.isalpha() and _is_cap(prev)) or prev.isupper() \
                or self._inside[i - 1] and not article or not self._sp[i - 1]:
            return False
        if article and (low in _TOPONYM_GENERICS or low in _QUARTER or low in _DESCRIPTORS
                        or low in _FAC_HEAD_WORDS):
            return False  # "Mazraat al-X", "Hay al-X", "Karm al-X" name places
        if article and self._inside[i - 1] and self.index.candidates(prev):
            return False  # "in Aleppo al-Sukkari": two places side by side
        if low in _COMPASS or low in self._stop_words or low in _PERSON_TITLES \
                or low.endswith(("ish", "ian", "ean", "an", "i", "ese")):
            return False
        before = W[i - 2] if i >= 2 else ""
        if (not before.isalnum() or before.isspace()) and not (
                article and low not in _WEEKDAYS_MONTHS and low not in _GROUP_NOUNS
                and not low.endswith("s")):
            return False  # the capital opens a sentence or a line: it proves nothing
        return not self._headline(self._doc, i)

    def _surface(self, i: int, j: int) -> str:
        """The text of tokens i..j (exclusive), without trailing whitespace."""
        W, SP = self._w, self._sp
        if j - i == 1:
            return W[i]
        # A token's trailing whitespace is "" or " " (longer runs are tokens of their
        # own), so this is exactly the document's text.
        return "".join([W[k] + " " if SP[k] else W[k] for k in range(i, j - 1)]) + W[j - 1]

    def _continues_unknown_name(self, doc: Doc, j: int, literal: bool) -> bool:
        """"Bab al-Hawa" when only "al-Bab" is known: the match is the first word of a
        longer name nobody listed, not a mention of the known place."""
        W, L, SP = self._w, self._l, self._sp
        n = len(W)
        if j >= n:
            return False
        nxt, low = W[j], L[j]
        if low in ("al", "el") or (low in _ARTICLES and j + 1 < n and W[j + 1] == "-"):
            k = j + 1
            while k < n and W[k] == "-":
                k += 1
            return k < n and _is_cap(W[k]) and bool(SP[j - 1]) \
                or (nxt == low and k < n and _is_cap(W[k]) and not SP[j] and bool(SP[j - 1]))
        # "Bab Touma", "Tal Abyad": a listed one-word generic ("Bab" for al-Bab) followed
        # by a capital opens a longer name nobody listed.
        if literal and L[j - 1] in _TOPONYM_GENERICS and (j < 2 or W[j - 2] != "-") \
                and nxt.isalpha() and _is_cap(nxt) and not nxt.isupper() and SP[j - 1] \
                and low not in _WEEKDAYS_MONTHS and low not in _DESCRIPTORS \
                and low not in _FAC_HEAD_WORDS:
            return True
        # A listed spelling followed by a capital ("Syria October 4", "U.S. Secretary")
        # is still the place; a bare variant ("Bab Qinnasrin") is not.
        if (not literal and nxt.isalpha() and _is_cap(nxt) and not nxt.isupper()
                and low not in _WEEKDAYS_MONTHS and SP[j - 1]
                and low not in _DESCRIPTORS and low not in _FAC_HEAD_WORDS
                and not self._inside[j]
                and not self._headline(doc, j)):
            return True
        return False

    def _literal_any(self, surface: str, places: list[Any]) -> bool:
        return any(self.index.is_literal(surface, p) for p in places)

    def _looks_like_demonym(self, surface: str, places: list[Any]) -> bool:
        written = _fold(surface).split()[-1] if surface.strip() else ""
        for place in places:
            for spelling in (place.name, *place.aliases):
                base = _fold(spelling).split()[-1] if spelling.strip() else ""
                if not base or not written.startswith(base[:-1] if base.endswith("a") else base):
                    continue
                stem = base[:-1] if base.endswith("a") else base
                extra = written[len(stem):]
                if written != base and extra in _DEMONYM_SUFFIXES:
                    return True
                if base.endswith("a") and written in (base + "n", stem + "ian", stem + "an"):
                    return True
        return False

    def _is_organisation(self, doc: Doc, i: int, j: int) -> bool:
        W, L = self._w, self._l
        n = len(W)
        # An Arabic faction name opening the phrase: "Failaq al-Sham", "Jaish al-Fatah".
        k = i - 1
        while k >= 0 and (L[k] in _ARTICLES or L[k] in ("-", "al", "el")):
            k -= 1
        if k >= 0 and L[k] in _ORG_OPENERS and _is_cap(W[k]):
            return True
        # A capitalised run continuing into an organisation head: "Aleppo Media Center".
        k = j
        steps = 0
        while k < n and steps < 4 and (_is_cap(W[k]) or L[k] in ("-", "of", "for", "and", "'s")):
            if L[k] in _ORG_HEADS and _is_cap(W[k]):
                return not self._headline(doc, i)
            k += 1
            steps += 1
        # "<Org head> of/for X": "University of Aleppo", "Bank of Syria".
        if i >= 2 and L[i - 1] in ("of", "for") and L[i - 2] in _ORG_HEADS and _is_cap(W[i - 2]):
            return not self._headline(doc, i)
        return False

    def _is_outlet(self, i: int, j: int) -> bool:
        """"state newspaper Tishreen", "the Tishreen daily", "an Emirates airline flight":
        the name of a newspaper, channel or airline, not the place it is named after."""
        L = self._l
        if j < len(L) and L[j] in _OUTLET_WORDS:
            return True
        return i >= 1 and L[i - 1] in _OUTLET_WORDS and L[i - 1] not in ("daily", "weekly")

    def _is_news_source(self, i: int, j: int, places: list[Any]) -> bool:
        """"Aleppo 24 reported", "Al-Watan, Tishreen and SANA said", "according to
        Tishreen": outlets named after a place (with a number, or a city quarter's name)
        doing what outlets do -- reporting. A quarter is never the source of a report;
        "residents of Hanano said" keeps its place (the list follows a preposition)."""
        W, L = self._w, self._l
        n = len(W)
        # The list the name stands in: "Al-Watan, Tishreen and SANA".
        start = i
        while start > 0 and i - start < 10 and (L[start - 1] in (",", "and", "-", "al", "el")
                                                or W[start - 1].isalpha() and _is_cap(W[start - 1])):
            start -= 1
        # Quarters, towns and villages do not speak; capitals and countries do, by
        # metonymy ("Moscow said"), so those keep their place.
        quarter = bool(places) and all(p.kind in _CITY_QUARTER_KINDS or p.kind in ("town", "village")
                                       for p in places)
        according = i >= 2 and L[i - 1] == "to" and L[i - 2] == "according"
        if quarter and (according or i >= 1 and L[i - 1] in ("told", "tells")):
            return True
        if according and j < n and W[j].isdigit() and len(W[j]) <= 3:
            return True  # "according to Aleppo 24, five were killed"
        if quarter and j + 1 < n and L[j] in ("'s", "’s") and L[j + 1] in _MEDIA_ROLES:
            return True  # "Tishreen's correspondent": the daily's, not the quarter's
        before = L[start - 1] if start > 0 else ""
        if before in _LOCATIVE_PREPS or before in ("of", "on", "for", "by", "the"):
            return False
        if start > 0 and self._doc[start - 1].tag_ in ("VBZ", "VBD", "VBP", "VBN", "VB") and before.isalpha() \
                and before not in _REPORT_VERBS and before not in ("is", "was", "are", "were", "be", "been"):
            return False  # "the militia that controls Sheikh Maqsoud said": the verb's object

        def reports_follow(m: int, strict: bool = False) -> bool:
            steps = 0
            while m < n and steps < 8 and (L[m] in (",", "and", "-", "al", "el")
                                           or W[m].isalnum() and _is_cap(W[m])):
                m += 1
                steps += 1
            if m >= n or L[m] not in _REPORT_VERBS:
                return False
            # "Shaar and Hanano reported shortages": residents, by metonymy -- a place.
            # Only saying, quoting or "reported that" makes the quarter's name an outlet.
            return not strict or L[m] in _SPEECH_VERBS or L[m] in ("quoted", "quotes", "cited",
                                                                    "cites") \
                or m + 1 < n and L[m + 1] in ("that", ":")

        if j + 1 < n and W[j].isdigit() and len(W[j]) <= 3:
            nxt = L[j + 1]
            line_start = i == 0 or "\n" in W[i - 1] or not W[i - 1].strip()
            if nxt in _REPORT_VERBS or nxt in _OUTLET_WORDS or nxt in _ORG_HEADS \
                    or nxt in (",", "and") and reports_follow(j + 1) \
                    or nxt in (":", "|") and line_start:
                return True  # "Aleppo 24", a channel: not "in Aleppo 24 hours later"
        if not quarter:
            return False
        return reports_follow(j, strict=True)

    def _is_person(self, doc: Doc, i: int, j: int, places: list[Any]) -> bool:
        if i == 0:
            return False
        W, L = self._w, self._l
        prev, prev_low = W[i - 1], L[i - 1]
        if prev_low.rstrip(".") in _PERSON_TITLES and _is_cap(prev) \
                and not self._literal_any(f"{prev} {self._surface(i, j)}", places):
            return True
        # "Baraa al-Halabi", "Bashar al-Assad": a capitalised given name before an
        # "al-" name. Place names with their own first word ("Bab al-Antakya") were
        # matched whole before we get here.
        if L[i] in ("al", "el") and _is_cap(prev) and prev.isalpha() \
                and prev_low not in _QUARTER and prev_low not in _COMPASS \
                and not doc[i - 1].is_sent_start and not self._headline(doc, i):
            return True
        return False

    def _of_other_place(self, doc: Doc, j: int, landmark: Any) -> bool:
        """"the old city of Damascus": a landmark word that belongs to another place."""
        if j + 1 < len(doc) and doc[j].lower_ == "of" and _is_cap(doc[j + 1].text):
            other = self.index.candidates(doc[j + 1].text)
            if other and not any(p.id == landmark.parent or p.in_aleppo_area for p in other):
                return True
            if not other:
                return True
        return False

    def _other_settlement(self, text: str) -> bool:
        """Is ``text`` a known town or city outside the Aleppo area (Damascus, Hama)?"""
        other = self.index.candidates(text)
        return bool(other) and other[0].kind in _SETTLEMENT_KINDS and not other[0].in_aleppo_area

    def _in_other_city(self, doc: Doc, i: int, end: int, places: list[Any]) -> bool:
        """"Hama's Hamidiyeh quarter", "Marjeh square in Damascus", "the Midan district
        of Damascus": a quarter of another city that shares a name with one of Aleppo's."""
        if not places or not all(p.kind in _CITY_QUARTER_KINDS and p.in_aleppo_area
                                 for p in places):
            return False
        W, L = self._w, self._l
        n = len(W)
        if i >= 2 and L[i - 1] in ("'s", "’s") and _is_cap(W[i - 2]) \
                and self._other_settlement(W[i - 2]):
            return True
        k = end
        while k < n and (L[k] in _DESCRIPTORS or L[k] in _FAC_HEAD_WORDS):
            k += 1
        if k + 1 < n and L[k] in ("in", "of") and _is_cap(W[k + 1]) \
                and self._other_settlement(W[k + 1]):
            return True
        # "In Damascus, shells fell on the Midan district": the sentence is set in
        # another city (and names no Aleppo-area place before the quarter).
        k = i - 1
        while k > 0 and i - k < 40 and W[k] not in (".", "!", "?") and "\n" not in W[k]:
            k -= 1
        start = k + 1 if k > 0 or W[0] in (".", "!", "?") or "\n" in W[0] else 0
        if start + 2 < i and L[start] == "in" and W[start + 2] == "," \
                and self._other_settlement(W[start + 1]):
            return not any(self._inside[m] and any(p.in_aleppo_area for p in
                                                  self.index.candidates(W[m]))
                           for m in range(start + 3, i))
        return False

    def _after_other_name(self, doc: Doc, i: int) -> bool:
        """"Damascus airport", "Kuweires airport": a lowercase landmark word qualified by
        a name is that name's landmark, not Aleppo's."""
        k = i - 1
        if k >= 0 and doc[k].lower_ in ("'s", "’s"):
            k -= 1
            if k >= 0:
                other = self.index.candidates(doc[k].text)
                if not other:
                    # "the city's international airport": a common noun names no other
                    # place; an unknown capitalised name ("Kuweires's airport") does.
                    return _is_cap(doc[k].text) and doc[k].lower_ not in ("city", "town")
                return not other[0].in_aleppo_area
            return False
        return k >= 0 and _is_cap(doc[k].text) and doc[k].is_alpha \
            and doc[k].lower_ not in ("the", "its", "their", "this", "that", "his", "her")

    def _extend_facility(self, doc: Doc, j: int, places: list[Any]) -> int:
        """Take in a facility head that is part of the name: "Kindi" + "hospital"."""
        L = self._l
        n = len(L)
        if j >= n or L[j] not in _FAC_HEAD_FIRST:
            return j  # most names are followed by an ordinary word: one set lookup
        kinds = {p.kind for p in places[:1]}
        best = j
        for kind in kinds:
            for head in _FACILITY_HEADS.get(kind, ()):
                end = j + len(head)
                if end <= n and all(L[j + k] == w for k, w in enumerate(head)):
                    best = max(best, end)
        # Only one head: "Ramouseh roundabout checkpoint" is a checkpoint *at* the
        # roundabout, and the name stays "Ramouseh roundabout".
        if best == j and kinds & _GENERIC_FACILITY_KINDS and L[j - 1] not in _FAC_HEAD_WORDS:
            for head in _GENERIC_FACILITY_HEADS:
                end = j + len(head)
                if end <= n and all(L[j + k] == w for k, w in enumerate(head)):
                    best = end
                    break
        return best

    def _trim_descriptor(self, doc: Doc, i: int, j: int) -> int:
        """Drop a trailing administrative word a gazetteer alias may include
        ("Aleppo city" -> "Aleppo"), when what remains is still a name."""
        while j - i > 1 and self._l[j - 1] in _DESCRIPTORS:
            if j - i > 2 and (self._l[j - 2], self._l[j - 1]) in _ALL_FACILITY_HEADS:
                break  # "Jibreen industrial area": the head is part of the name
            rest = self._surface(i, j - 1)
            if normalize(rest) in self.index.keys:
                j -= 1
            else:
                break
        return j

    def _split_of(self, doc: Doc, i: int, j: int) -> list[tuple[int, int]]:
        """"Old City of Aleppo" is two mentions (Old City + Aleppo), when both are names."""
        L = self._l
        for k in range(i + 1, j - 1):
            if L[k] == "of":
                left, right = self._surface(i, k), self._surface(k + 1, j)
                if normalize(left) in self.index.keys and normalize(right) in self.index.keys:
                    return [(i, k), (k + 1, j)]
        return [(i, j)]

    # -- fuzzy fallback ---------------------------------------------------------------

    def _fuzzy_spans(self, doc: Doc, arr: Any, found: list[tuple[int, int]]) -> list[Span]:
        covered = set()
        for s, e in found:
            covered.update(range(s, e))
        out: list[Span] = []
        W, L, SP = self._w, self._l, self._sp
        n = len(doc)
        caps = arr[:, 4]
        next_free = 0
        for i in numpy.flatnonzero(arr[:, 5]).tolist():
            if i < next_free or i in covered:
                continue
            # The whole capitalised run this word belongs to, with Arabic articles and
            # hyphens inside.
            # ("Karm al-Jabel": spaCy splits "al-Jabel" into "al", "-", "Jabel".)
            while i > 0 and i - 1 not in covered and (caps[i - 1] or (
                    L[i - 1] in ("al", "el", "-") and i > 1 and caps[i - 2]) or (
                    L[i - 1] == "-" and i > 2 and L[i - 2] in ("al", "el") and caps[i - 3])):
                i -= 1
            if i < next_free:
                continue
            j = i + 1
            while j < n and j not in covered:
                if caps[j]:
                    j += 1
                elif L[j] in ("al", "el", "-", "'") and j + 1 < n and caps[j + 1]:
                    j += 1
                elif L[j] in ("al", "el") and j + 2 < n and L[j + 1] == "-" and caps[j + 2] \
                        and j + 1 not in covered:
                    j += 2
                elif W[j].startswith(("'", "’")) and not SP[j - 1]:
                    j += 1
                else:
                    break
            next_free = j
            if self._fuzzy_candidate(doc, i, j):
                hit = self.index.fuzzy(self._surface(i, j), self.fuzzy_threshold)
                if hit is not None:
                    label = "FAC" if hit[0].kind in _FAC_KINDS else "GPE"
                    end = j
                    if hit[0].kind in _GENERIC_FACILITY_KINDS:
                        end = self._extend_facility(doc, j, [hit[0]])  # "Jamaliya roundabout"
                    out.append(Span(doc, i, end, label=label))
        return out

    def _fuzzy_candidate(self, doc: Doc, i: int, j: int) -> bool:
        W = self._w
        words = [W[k] for k in range(i, j)]
        content = [w for w in words if w.isalpha() and w.lower() not in ("al", "el")]
        if not 1 <= len(content) <= 4 or words[0].lower() in ("al", "el"):
            return False
        prev = W[i - 1] if i > 0 else ""
        if prev.endswith("/") or prev.lower() in _PERSON_CONTEXT_BEFORE:
            # photo credits, bylines and roles: "AFP/Karam al-Masri", "by Zein Khalil",
            # "the photographer Karam al-Masri"
            return False
        if j < len(doc) and self._l[j] in _SPEECH_VERBS:
            return False  # "Karam al-Masri said": a speaker, not a misspelt place
        if j < len(doc) and W[j].startswith("/") or prev in ("©", "(c)") \
                or i >= 2 and prev == ":" and W[i - 2].lower() in _CREDIT_WORDS:
            return False  # "Photograph: Karam al-Masri/AFP": a credit names a person
        if len(content) == 1 and (not prev or not prev.isalpha()):
            return False  # a lone capitalised word opening a sentence is just a sentence
        if prev and (_is_cap(prev) and prev.isalpha() or prev.lower().rstrip(".") in _PERSON_TITLES):
            return False  # part of a longer name, or a person's ("President X")
        for w in content:
            if self._blocks_fuzzy(w):
                return False
        if j < len(doc) and self._l[j] in _ORG_HEADS:
            return False
        if self._headline(doc, i):
            return False
        key = normalize(self._surface(i, j)).replace(" ", "")
        return len(key) >= 5

    def _blocks_fuzzy(self, word: str) -> bool:
        """English function words, titles, dates, compass words and acronyms are never
        a misspelt place name."""
        answer = self._fuzzy_block.get(word)
        if answer is None:
            low = word.lower()
            answer = (low in self._stop_words or low in _ORG_HEADS or low in _PERSON_TITLES
                      or low in _WEEKDAYS_MONTHS or low in _COMPASS or word.isupper())
            self._fuzzy_block[word] = answer
        return answer


def _title_case_text(line: str) -> bool:
    """Is this line a headline written In Title Case (where capitals prove nothing)?"""
    # Function words ("with", "from", "into") are left out: styles differ on capitalising
    # them. What is left must be almost all capitals: a short sentence naming places
    # ("Shelling hit the Jamaliya district on Monday.") is not a headline.
    # "al-Quds" counts by its name's capital, as "Quds".
    words = [re.sub(r"^(?:al|el|Al|El)-(?=[A-Za-z])", "", w)
             for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", line)]
    words = [w for w in words if len(w) > 3 and w.lower() not in _EN_STOP_WORDS]
    if len(words) < 4 or (len(words) > 8 and line.rstrip().endswith((".", ".\"", ".”"))):
        return False  # short phrases and full sentences are not headlines
    if line.rstrip().endswith((".", ".\"", ".”")) and any(w.islower() for w in words):
        # "The Free Idlib Army and Sham Legion were also present at Khan Tuman.": a
        # sentence full of names still has a lower-case word and its full stop.
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.85


def _line_of(doc: Doc, char: int) -> str:
    """The text of the line holding character offset ``char``."""
    text = doc.text
    start = text.rfind("\n", 0, char) + 1
    end = text.find("\n", char)
    return text[start:] if end < 0 else text[start:end]


def _preset_ents(doc: Doc, spans: list[Span]) -> None:
    """Put our spans into ``doc.ents`` (GPE / FAC) so the statistical NER keeps them."""
    labelled = [Span(doc, span.start, span.end, label=span.label_ or "GPE") for span in spans]
    if doc.has_annotation("ENT_IOB"):
        # The NER already ran (the finder was added after it): ours win, theirs fill in.
        ours = {i for s in labelled for i in range(s.start, s.end)}
        kept = [e for e in doc.ents if not any(i in ours for i in range(e.start, e.end))]
        doc.ents = sorted(labelled + kept, key=lambda s: s.start)
    else:
        doc.set_ents(labelled, default="unmodified")


# --------------------------------------------------------------------------- the linker

class PlaceLinker(_GazetteerBacked):
    """Resolves the spans in ``doc.spans[span_key]`` to places (component ``aleppo_linker``).

    Sets ``span._.place``, ``span._.match`` and ``span._.score`` on every span; with an NER
    earlier in the pipeline, adds its GPE/LOC/FAC entities that resolve to nothing as
    ``"unresolved"`` spans (``place`` None), keeping the group sorted and non-overlapping.
    Settings mirror :class:`PlaceFinder` (``gazetteer``, ``extend_gazetteer``,
    ``fuzzy_threshold``, ``span_key``) plus ``add_unresolved``.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "aleppo_linker",
        *,
        gazetteer: str | None = None,
        extend_gazetteer: bool = False,
        span_key: str = DEFAULT_SPAN_KEY,
        fuzzy_threshold: float = 0.9,
        add_unresolved: bool = True,
    ) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.span_key = span_key
        self.fuzzy_threshold = fuzzy_threshold
        self.add_unresolved = add_unresolved
        self._nlp = nlp
        self._ner_for: tuple[str, ...] | None = None
        self._ner = False
        self._prep_hashes = numpy.array(
            [nlp.vocab.strings.add(w) for w in sorted(_LOCATIVE_PREPS)], dtype="uint64")
        self._article_hashes = numpy.array(
            [nlp.vocab.strings.add(w) for w in ("al", "el")], dtype="uint64")
        self._hyphen_hash = nlp.vocab.strings.add("-")
        self._of_hash = nlp.vocab.strings.add("of")
        self._of_head_hashes = numpy.array(
            [nlp.vocab.strings.add(w) for w in sorted(_OF_PLACE_HEADS)], dtype="uint64")
        self._head_hashes = frozenset(nlp.vocab.strings.add(h[0]) for h in _GENERIC_FACILITY_HEADS)
        self._spec = _gazetteer_spec(gazetteer, extend_gazetteer)
        self._index: _Index | None = None

    def _on_new_gazetteer(self, gazetteer: Any) -> None:
        self._token = _gazetteer_token(gazetteer)

    def _has_ner(self) -> bool:
        """Is a statistical NER in the pipeline (its entities are more than our presets)?"""
        nlp = self._nlp
        if nlp is None:
            return True
        names = tuple(nlp.pipe_names)
        if self._ner_for != names:
            # Components that declare they set doc.ents (spaCy's NER, an entity ruler);
            # our finder presets ents too, but those are our own spans.
            self._ner_for = names
            self._ner = any("doc.ents" in nlp.get_pipe_meta(name).assigns
                            for name in names if not isinstance(nlp.get_pipe(name), PlaceFinder))
        return self._ner

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.spans[self.span_key]) if self.span_key in doc.spans else []
        out: list[Span] = []
        # Extension values are written straight into doc.user_data (where span._.x keeps
        # them): going through spaCy's Underscore object per value was most of the
        # linker's cost in the fast pipeline.
        user_data = doc.user_data
        ner = self._has_ner()
        person = self.vocab.strings["PERSON"] if ner else None
        ent_types = doc.to_array(ENT_TYPE).tolist() if ner and spans else None
        for span in spans:
            start_char, end_char = span.start_char, span.end_char
            if ent_types is not None and span.start > 0 and ent_types[span.start - 1] == person \
                    and user_data.get(("._.", "match", start_char, end_char)) is None:
                prev = doc[span.start - 1]
                if prev.is_title and not prev.is_sent_start and prev.whitespace_ == " " \
                        and not _title_case_text(_line_of(doc, start_char)):
                    # "Fatima Zahra": the NER reads the pair as a person. (Not in a Title
                    # Case headline: "Jets Pound Hanano" has capitals by style.)
                    continue
            res = self.resolve(span)
            if res is None:
                continue  # the finder proposed it, but nothing is close enough
            user_data[("._.", _PLACE_KEY, start_char, end_char)] = (self._token, res.place.id)
            user_data[("._.", "match", start_char, end_char)] = res.match
            user_data[("._.", "score", start_char, end_char)] = res.score
            out.append(span)
        if self.add_unresolved and ner and doc.has_annotation("ENT_IOB"):
            out.extend(self._unresolved(doc, out))
        out = sorted(filter_spans(out), key=lambda s: s.start)
        doc.spans[self.span_key] = out
        # filter_spans returns the same Span objects, but a SpanGroup stores copies keyed
        # by offsets; extension values live in doc.user_data under those offsets, so they
        # survive the copy.
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def resolve(self, span: Span) -> _Resolution | None:
        """The place a span names, with match type and score (None if nothing fits)."""
        text = span.text
        places = self.index.candidates(text)
        facility_of_place = False
        if not places and len(span) > 1:
            # A facility head the finder took in ("Handarat Palestinian refugee camp"):
            # the name is the longest known prefix.
            for end in range(span.end - 1, span.start, -1):
                places = self.index.candidates(span.doc[span.start:end].text)
                if places:
                    text = span.doc[span.start:end].text
                    head = tuple(t.lower_ for t in span.doc[end:span.end])
                    # "Handarat camp" names the camp Handarat itself; "Shaar hospital" names
                    # a hospital the gazetteer lacks, *in* al-Shaar.
                    facility_of_place = head not in _FACILITY_HEADS.get(places[0].kind, ())
                    break
        if not places:
            hit = self.index.fuzzy(text, self.fuzzy_threshold)
            if hit is None and len(span) > 1:
                # A misspelt name with a facility head: "Jamaliya roundabout".
                doc = span.doc
                for end in range(span.end - 1, span.start, -1):
                    head = tuple(t.lower_ for t in doc[end:span.end])
                    if head in _GENERIC_FACILITY_HEADS:
                        found = self.index.fuzzy(doc[span.start:end].text, self.fuzzy_threshold)
                        if found is not None:
                            place, score = found
                            return _Resolution(place, "fuzzy", round(min(score * 0.9, 0.6), 3))
            if hit is None:
                return None
            place, score = hit
            return _Resolution(place, "fuzzy", round(min(score, 0.99) * 0.9, 3))
        place, decided = self._choose(span, places)
        if decided is None:  # placed in its container only (see _choose)
            return _Resolution(place, "variant", 0.5)
        if facility_of_place:
            # The facility is not in the gazetteer: placed at the place it is named after
            # (a user sees it near the right spot), with match "variant" and score 0.6.
            return _Resolution(place, "variant", 0.6)
        match = "exact" if self.index.is_literal(text, place) else "variant"
        score = 1.0 if match == "exact" else 0.9
        if len(places) > 1 and not decided:
            score *= 0.9  # several places claim the name and the context said nothing
        return _Resolution(place, match, round(score, 3))

    def _choose(self, span: Span, places: list[Any]) -> tuple[Any, bool | None]:
        """Pick among places sharing a key, from the words around the span.

        Returns (place, decided): decided is True when the context (or a single claimant)
        settled it, False when the default owner was taken, None when the text only
        supports the containing city.
        """
        if len(places) == 1 and places[0].kind not in _SETTLEMENT_KINDS:
            return places[0], True
        doc = span.doc
        want = None
        nxt = doc[span.end].lower_ if span.end < len(doc) else ""
        if nxt in _DESCRIPTORS and _DESCRIPTORS[nxt]:
            want = _DESCRIPTORS[nxt]
        before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
        if before[-2:] in (["city", "'s"], ["city", "’s"]) or before[-1:] == ["city's"]:
            want = "quarter"  # "the city's al-Bab district"
        elif before[-2:] in (["town", "of"], ["village", "of"]):
            want = "town"
        elif before[-2:] in (["province", "of"], ["governorate", "of"], ["countryside", "of"]):
            want = "governorate"  # "the northern countryside of Aleppo"
        elif before[-2:] == ["city", "of"]:
            want = "city"
        elif before[-1:] == ["in"] and before[-3:-1] and set(before[-3:-1]) & _PLURAL_SETTLEMENTS:
            want = "governorate"  # "two villages in Idlib": a region that holds villages
        if want is None:
            want = self._appositive_kind(span)  # "Nubl and Zahraa, two Shi'ite towns"
        if want is None:
            return places[0], len(places) == 1
        kinds = {
            "quarter": _CITY_QUARTER_KINDS,
            "governorate": {"governorate"},
            "city": {"city"},
            "town": {"town", "village"},
            "village": {"village", "town"},
        }[want]
        for place in places:
            if place.kind in kinds and (want != "quarter" or place.in_aleppo_area):
                return place, True
        if len(places) == 1 and not (want == "quarter" and places[0].kind in _SETTLEMENT_KINDS
                                     and not places[0].in_aleppo_area):
            return places[0], True
        if want == "quarter" and before[-2:] in (["city", "'s"], ["city", "’s"]):
            # "the city's al-Bab district": a quarter of the city the report is about, but
            # not one the gazetteer knows under this name (al-Bab is also a town 40 km
            # away). Placing it in that city is all the text supports.
            city = self._doc_city(doc)
            if city is not None:
                return city, None
        return places[0], False

    @staticmethod
    def _appositive_kind(span: Span) -> str | None:
        """The kind an apposition gives a name list: "X and Y, two Shi'ite towns north of
        Aleppo" makes X and Y towns."""
        doc = span.doc
        k = span.end
        # Skip over the rest of a coordinated list of names ("and Zahraa", ", Azaz").
        for _ in range(6):
            if k < len(doc) and (doc[k].lower_ in ("and", "-") or doc[k].is_title
                                 or doc[k].lower_ in ("al", "el")):
                k += 1
            else:
                break
        if k >= len(doc) or doc[k].text != ",":
            return None
        for t in doc[k + 1:k + 5]:
            if t.lower_ in ("towns", "town", "villages", "village"):
                return "town"
            if t.is_punct:
                break
        return None

    def _doc_city(self, doc: Doc) -> Any:
        """The city a report is about: the city-kind place its mentions name most often."""
        counts: dict[str, int] = {}
        found: dict[str, Any] = {}
        for span in doc.spans[self.span_key] if self.span_key in doc.spans else ():
            for place in self.index.candidates(span.text)[:1]:
                if place.kind == "city" and place.in_aleppo_area:
                    counts[place.id] = counts.get(place.id, 0) + 1
                    found[place.id] = place
        if not counts:
            return None
        return found[max(counts, key=counts.get)]

    def _unresolved(self, doc: Doc, ours: list[Span]) -> list[Span]:
        taken = set()
        for s in ours:
            taken.update(range(s.start, s.end))
        extra = []
        for ent in doc.ents:
            if ent.label_ not in _NER_PLACE_LABELS:
                continue
            if any(i in taken for i in range(ent.start, ent.end)):
                continue
            span = _strip_determiner(ent)
            if span is None or not self._plausible_place(span):
                continue
            if self.index.candidates(span.text):
                continue  # a known name the finder's guards rejected: trust the guards
            if self.index.fuzzy(span.text, self.fuzzy_threshold) is not None:
                continue
            end = _facility_head_end(doc, span.end, taken)
            span = Span(doc, span.start, end, label="FAC" if end > span.end else ent.label_)
            _store_place(span, None, self._token)
            span._.match, span._.score = "unresolved", 0.0
            extra.append(span)
            taken.update(range(span.start, span.end))
        for start, end in self._locative_names(doc, taken):
            head_end = _facility_head_end(doc, end, taken)
            span = Span(doc, start, head_end, label="FAC" if head_end > end else "GPE")
            _store_place(span, None, self._token)
            span._.match, span._.score = "unresolved", 0.0
            extra.append(span)
            taken.update(range(span.start, span.end))
        for start, end in self._facility_names(doc, taken):
            span = Span(doc, start, end, label="FAC")
            _store_place(span, None, self._token)
            span._.match, span._.score = "unresolved", 0.0
            extra.append(span)
        return extra

    def _facility_names(self, doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
        """"the Bayan hospital", "at Omar Ibn al-Khattab mosque": a capitalised name
        before a facility head is a named facility, whatever the NER thought of the name
        (it tags them as people or organisations). Only after "the" or a locative
        preposition, and not when the name is a demonym, an acronym or an organisation."""
        found: list[tuple[int, int]] = []
        n = len(doc)
        arr = doc.to_array(LOWER).tolist()
        heads = self._head_hashes
        for j in range(1, n):
            if arr[j] not in heads or j in taken or j - 1 in taken:
                continue
            end = _facility_head_end(doc, j, taken)
            if end == j or not doc[j - 1].is_title:
                continue
            i = j - 1
            while i > 0 and j - i < 5 and i - 1 not in taken and (
                    doc[i - 1].is_title and doc[i - 1].is_alpha
                    or doc[i - 1].lower_ in ("al", "el", "-") and i > 1 and doc[i - 2].is_title
                    or doc[i - 1].text == "-" and i > 1 and doc[i - 2].lower_ in ("al", "el")):
                i -= 1
            if i == 0 or doc[i].lower_ in ("al", "el", "-"):
                continue
            before = doc[i - 1].lower_
            if before != "the" and before not in _LOCATIVE_PREPS and before not in ("at", "on"):
                continue
            words = [t for t in doc[i:j] if t.is_alpha and t.lower_ not in ("al", "el")]
            if not words or any(
                    t.is_stop or t.is_upper or t.lower_ in _ORG_HEADS or t.lower_ in _PERSON_TITLES
                    or t.lower_ in _WEEKDAYS_MONTHS or t.lower_ in _COMPASS
                    or t.lower_ in _ORG_OPENERS
                    or t.lower_.endswith(("ish", "ian", "ese", "ean", "ic")) for t in words):
                continue
            if words[0].is_sent_start:
                continue
            if not self._plausible_place(doc[i:j]) or self.index.candidates(doc[i:j].text):
                continue
            found.append((i, end))
            taken.update(range(i, end))
        return found

    def _locative_names(self, doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
        """Capitalised names right after a locative preposition ("evacuees from Foua and
        Kefraya") that neither the gazetteer nor the NER knows as anything: the small
        English model misses many village names, and a curator wants to see them."""
        found: list[tuple[int, int]] = []
        n = len(doc)
        if not n:
            return found
        # Only prepositions followed by a capitalised word need a look (vectorised: this
        # runs over every token of the corpus).
        arr = doc.to_array([LOWER, IS_TITLE])
        preps = numpy.isin(arr[:, 0], self._prep_hashes)
        # "of" after a place noun or a compass word: "the village of Urum al-Sughra",
        # "north of Tal Hasil", "the outskirts of Minyan".
        of_place = arr[:, 0] == self._of_hash
        if of_place.any():
            of_place[1:] &= numpy.isin(arr[:-1, 0], self._of_head_hashes)
            of_place[0] = False
            preps |= of_place
        title = arr[:, 1].astype(bool)
        # The next word is a capital, or "al-"/"el-" joined to one ("into al-Mashatiyeh").
        starts_name = title.copy()
        if n >= 3:
            starts_name[:-2] |= (numpy.isin(arr[:-2, 0], self._article_hashes)
                                 & (arr[1:-1, 0] == self._hyphen_hash) & title[2:])
        preps[:-1] &= starts_name[1:]
        preps[-1] = False
        queue = [(k, doc[k].lower_ in _MOTION_PREPS or bool(of_place[k]))
                 for k in numpy.flatnonzero(preps).tolist()]
        # A list after a locative preposition goes on past a known name: "from Urum
        # al-Kubra and Tal al-Sawda" -- the second name is a place like the first.
        for span in doc.spans[self.span_key] if self.span_key in doc.spans else ():
            if span.start > 0 and preps[span.start - 1] and span.end + 1 < n \
                    and doc[span.end].lower_ in ("and", "or") and starts_name[span.end + 1]:
                queue.append((span.end, doc[span.start - 1].lower_ in _MOTION_PREPS))
        queue.sort()
        pos = 0
        while pos < len(queue):
            k, motion = queue[pos]
            pos += 1
            if doc[k].is_title and doc.has_annotation("SENT_START") \
                    and _title_case_text(doc[k].sent.text):
                continue  # a headline's words are all capitals: "Inside Story - What ..."
            i = j = k + 1
            while j < n and j - i < 5 and j not in taken and (
                    (doc[j].is_title and doc[j].is_alpha)
                    or (doc[j].lower_ in ("al", "el", "-") and j + 1 < n and starts_name[j + 1])
                    or (doc[j].lower_ in ("al", "el") and j + 2 < n and doc[j + 1].text == "-"
                        and doc[j + 2].is_title)):
                j += 1
            if doc[k].is_title and j < n and not (doc[j].text == "," or doc[j].is_lower):
                # A capitalised preposition opening a line: "In Minyan, rebels ..." is a
                # place; "Inside Story - What ..." is a programme's title.
                continue
            if j > i and doc[j - 1].is_title and self._plausible_unknown(doc, i, j, taken, motion):
                found.append((i, j))
                taken.update(range(i, j))
                # "from Foua and Kefraya": the next name in the list counts too.
                if j + 1 < n and doc[j].lower_ in ("and", "or") and starts_name[j + 1]:
                    queue.insert(pos, (j, motion))
        return found

    def _plausible_unknown(self, doc: Doc, i: int, j: int, taken: set[int],
                           motion: bool = False) -> bool:
        words = [t for t in doc[i:j] if t.is_alpha and t.lower_ not in ("al", "el")]
        if not words or len(doc[i:j].text) < 4 or any(t in taken for t in range(i, j)):
            return False
        # "Kafr Naseh", "Tal Rifaat", "Deir Hafer": Arabic place-name generics make a
        # place whatever label the NER guessed.
        toponym = len(words) >= 2 and words[0].lower_ in _TOPONYM_GENERICS
        for t in words:
            low = t.lower_
            if (t.is_stop or low in _ORG_HEADS or low in _PERSON_TITLES or low in _ORG_OPENERS
                    or low in _WEEKDAYS_MONTHS or low in _COMPASS or t.is_upper
                    or low.endswith(("ish", "ian", "ese", "ic", "ean"))):
                return False
            if not toponym and t.ent_type_ not in ("", "GPE", "LOC", "FAC", "NORP") \
                    and not (motion and t.ent_type_ == "PERSON"):
                # The NER says person, organisation, date...: trust it. (Its NORP on
                # unknown Arabic names is mostly wrong -- "on Minyan": NORP -- and
                # demonyms were filtered above.)
                return False
        nxt = doc[j] if j < len(doc) else None
        if nxt is not None and (nxt.lower_ in _ORG_HEADS or nxt.lower_ in _GROUP_NOUNS
                                or nxt.lower_ in ("'s", "’s") or nxt.is_title):
            return False
        span = doc[i:j]
        return self._plausible_place(span) and not self.index.candidates(span.text)

    def _plausible_place(self, span: Span) -> bool:
        words = [t for t in span if t.is_alpha]
        if len(words) > 1 and words[0].lower_ in ("al", "el") and words[0].nbor(1).text == "-":
            words = words[1:]  # "al-Mashatiyeh": the capital is the name's, after the article
        if not words or not _is_cap(words[0].text) or len(span.text) < 3:
            return False
        lows = {t.lower_ for t in span}
        if lows & (_ORG_HEADS | _PERSON_TITLES | _WEEKDAYS_MONTHS) or span.text.lower() in _GENERIC_NER:
            return False
        if lows & _HOLIDAYS or lows & _SECTS or lows & _OUTLET_NAMES:
            return False  # "Eid al-Adha", "Maghrib prayers", "Alawite areas", "in Qasioun"
        if span[0].lower_ in _KUNYA and span.end < len(span.doc) \
                and span.doc[span.end].lower_ in ("'s", "’s", *_SPEECH_VERBS):
            return False  # "Abu Omar's house", "Umm Ahmad said": people
        if lows & _TIME_ZONES or any(t.text in _DASHES and t.whitespace_ and t.i > span.start
                                     and t.doc[t.i - 1].whitespace_ for t in span):
            return False  # "GMT - Rebels": a clock stamp and the entry's first word
        if _opens_log_entry(span):
            return False
        if words[0].lower_ in _ORG_OPENERS:
            return False  # "Failaq al-Sham", "Nour al-Din al-Zinki": factions
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in _GROUP_NOUNS:
            return False  # "the Zinki commander", "the Tiger fighters": a group, not a place
        if span.end < len(doc) and doc[span.end].lower_ in _OUTLET_WORDS:
            return False  # "the Tishreen daily", "an Emirates airline flight"
        if span.start > 0 and doc[span.start - 1].lower_ in _OUTLET_WORDS - {"daily", "weekly"}:
            return False  # "state newspaper Tishreen"
        if any(t.like_num for t in span) or "@" in span.text or "/" in span.text:
            return False
        if len(span) == 1:
            # "ALEPPO, Syria - Rebels and the government agreed": a word the same report
            # also writes in lower case ("rebel-held", "rebels") is a common noun that is
            # capitalised by position, not a name.
            low = span[0].lower_
            stems = {low, low[:-1] if low.endswith("s") else low, low[:-2] if low.endswith("es") else low}
            if any(t.lower_ in stems and t.text == t.lower_ for t in doc):
                return False
        doc = span.doc
        if span.end < len(doc) and doc[span.end].lower_ in _ORG_HEADS and _is_cap(doc[span.end].text):
            return False
        # Demonyms the NER sometimes labels GPE: "Syrian" when "Syria" is a known name.
        low = span.text.lower()
        for suffix in ("ian", "ean", "an", "n", "i", "ese", "ish"):
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                stem = low[: -len(suffix)]
                if self.index.candidates(stem) or self.index.candidates(stem + "a"):
                    return False
        return True


def _opens_log_entry(span: Span) -> bool:
    """A one-word name right after a live-blog stamp's dash ("14:05 GMT - Rebels",
    "11:15 local time - Activists", "0905 - Residents"): capitalised by position, so an
    unknown word there is no evidence of a place."""
    doc = span.doc
    k = span.start - 1
    if len(span) != 1 or k < 1 or doc[k].text not in _DASHES:
        return False
    prev = doc[k - 1]
    return (prev.lower_ in _TIME_ZONES or prev.lower_ in ("time", "am", "pm", "a.m.", "p.m.")
            or prev.like_num or ":" in prev.text or prev.text == "\n" or prev.is_space)


def _facility_head_end(doc: Doc, j: int, taken: set[int]) -> int:
    """The end of a generic facility head starting at token j ("hospital", "pumping
    station"), or j when there is none."""
    for head in _GENERIC_FACILITY_HEADS:
        end = j + len(head)
        if end <= len(doc) and not any(k in taken for k in range(j, end)) \
                and all(doc[j + k].lower_ == w for k, w in enumerate(head)):
            return end
    return j


def _strip_determiner(span: Span) -> Span | None:
    """The name inside an NER entity, by the gold span rules: no determiner, possessive,
    leading lower-case compass word ("northern X") or trailing administrative
    descriptor ("X district", "X countryside")."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct
                           or (doc[start].lower_ in _COMPASS and doc[start].is_lower)):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s") or doc[end - 1].is_punct
                           or (doc[end - 1].lower_ in _DESCRIPTORS and doc[end - 1].is_lower)):
        end -= 1
    if start >= end:
        return None
    return doc[start:end]


# --------------------------------------------------------------------------- factories

@Language.factory(
    "aleppo_places",
    default_config={
        "gazetteer": "",
        "extend_gazetteer": False,
        "max_ngram": 8,
        "span_key": DEFAULT_SPAN_KEY,
        "fuzzy": True,
        "fuzzy_threshold": 0.9,
        "set_ents": True,
    },
)
def make_place_finder(
    nlp: Language,
    name: str,
    gazetteer: str,
    extend_gazetteer: bool,
    max_ngram: int,
    span_key: str,
    fuzzy: bool,
    fuzzy_threshold: float,
    set_ents: bool,
) -> PlaceFinder:
    """Factory of the ``aleppo_places`` component (see :class:`PlaceFinder`)."""
    return PlaceFinder(nlp, name, gazetteer=gazetteer or None, extend_gazetteer=extend_gazetteer,
                       max_ngram=max_ngram, span_key=span_key, fuzzy=fuzzy,
                       fuzzy_threshold=fuzzy_threshold, set_ents=set_ents)


@Language.factory(
    "aleppo_linker",
    default_config={
        "gazetteer": "",
        "extend_gazetteer": False,
        "span_key": DEFAULT_SPAN_KEY,
        "fuzzy_threshold": 0.9,
        "add_unresolved": True,
    },
)
def make_place_linker(
    nlp: Language,
    name: str,
    gazetteer: str,
    extend_gazetteer: bool,
    span_key: str,
    fuzzy_threshold: float,
    add_unresolved: bool,
) -> PlaceLinker:
    """Factory of the ``aleppo_linker`` component (see :class:`PlaceLinker`)."""
    return PlaceLinker(nlp, name, gazetteer=gazetteer or None, extend_gazetteer=extend_gazetteer,
                       span_key=span_key, fuzzy_threshold=fuzzy_threshold,
                       add_unresolved=add_unresolved)


# --------------------------------------------------------------------------- load_pipeline

# What fast mode keeps of the model: the tokenizer only (no tok2vec, tagger, parser, NER).
_FAST_EXCLUDE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
                 "senter")


def load_pipeline(
    *,
    activity: bool = True,
    fast: bool = False,
    gazetteer: Any = None,
    fuzzy: bool = True,
    classifier: str | Path | None = "bundled",
) -> Language:
    """The English model with aleppo-geo's components, ready for ``nlp(text)`` / ``nlp.pipe``.

    ``activity``: add the ``aleppo_activity`` tagger (needs the parser; skipped with a debug
    log if the module is not available). ``fast``: tokenizer + ``aleppo_places`` +
    ``aleppo_linker`` only -- several times quicker, no NER (so no ``unresolved``
    mentions), no parser (so no activity and sentences by punctuation).
    ``gazetteer``: a :class:`~aleppo_geo.gazetteer.Gazetteer`, or a path to CSV file(s)
    (``None`` = the bundled gazetteer).
    ``classifier``: the activity classifier that revises the rules' labels ("bundled", a
    path to a file written by ``aleppo-geo train-activity``, or ``None`` for the rules
    alone).
    """
    from aleppo_geo.model import load_english_model

    path_config = ""
    gaz_object = None
    if gazetteer is not None:
        if isinstance(gazetteer, (str, Path)):
            path_config = str(gazetteer)
        else:
            gaz_object = gazetteer
    if fast:
        nlp = load_english_model(exclude=list(_FAST_EXCLUDE))
    else:
        nlp = load_english_model()
    finder_cfg = {"gazetteer": path_config, "fuzzy": fuzzy}
    linker_cfg = {"gazetteer": path_config}
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("aleppo_places", before="ner", config=finder_cfg)
        nlp.add_pipe("aleppo_linker", after="ner", config=linker_cfg)
    else:
        nlp.add_pipe("aleppo_places", config=finder_cfg)
        nlp.add_pipe("aleppo_linker", config=linker_cfg)
    if gaz_object is not None:
        nlp.get_pipe("aleppo_places").use_gazetteer(gaz_object)
        nlp.get_pipe("aleppo_linker").use_gazetteer(gaz_object)
    else:
        # Load now, so a broken gazetteer file is reported before any text is read.
        nlp.get_pipe("aleppo_places").index
        nlp.get_pipe("aleppo_linker").index
    activity_module = None
    if not fast:
        try:
            import aleppo_geo.activity as activity_module  # registers the factories
        except ImportError as exc:
            logger.debug("aleppo_geo.activity not available (%s); continuing without it", exc)
    if activity_module is not None and "parser" in nlp.pipe_names:
        # Headlines, captions and standfirsts carry no final full stop: without preset
        # sentence starts at line breaks the parser runs a heading into the next
        # paragraph, and the activity tagger reads the pair as one clause.
        nlp.add_pipe("aleppo_line_breaks", before="parser")
    if activity and activity_module is not None:
        from aleppo_geo.classifier import ClassifierFileError

        try:
            nlp.add_pipe("aleppo_activity", last=True,
                         config={"classifier": str(classifier) if classifier is not None else None})
        except ClassifierFileError as exc:
            raise PipelineError(f"activity classifier: {exc}") from None
    return nlp
