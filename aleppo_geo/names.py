"""Normalising the English spellings of Arabic-derived place names.

Reporters write the same quarter of Aleppo as "Hay al-Heluk", "al-Hellok" or
"Heluk"; "Sheikh Saeed" and "Shaykh Said"; "Bab al-Antakya" and "Bab Antakya".
:func:`normalize` turns every such spelling into one *key*, so that the gazetteer
can be looked up with whatever a text says. :func:`skeleton` is a coarser key for
fuzzy candidate generation, and :func:`variants` lists surface spellings that
share a name's key (for display and for building text patterns).

The key is deliberately *not* a phonetic hash: it keeps every vowel class
(a / i / u) and every consonant, because the spaCy pipeline compares keys of
running English text against gazetteer keys, and a key that dropped vowels would
let ordinary English words collide with place names. Everything a rule merges is
a difference English transliterations of Arabic really show; anything rarer
(Farafra / Farafira, Karam / Karm) is left to the gazetteer's alias lists.

Pure Python, no third-party imports.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from itertools import product

__all__ = ["normalize", "skeleton", "variants", "tokens"]

# Marks that transliterate ayn (ʿ) and hamza (ʾ): reporters use any of these or
# nothing at all ("Sa'eed", "Sa’eed", "Saeed"), so they carry no information.
_AYN_HAMZA = dict.fromkeys(map(ord, "'’‘ʿʾʼʻ`´′ꞌ"), None)

# Letters NFKD does not decompose into an ASCII base letter; seen in Turkish and
# Kurdish spellings of Aleppo places (e.g. Turkish dotless ı).
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ŧ": "t",
                       "æ": "ae", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th"})

# The Arabic article and its assimilated forms before "sun letters"
# (al-Sakhour = as-Sakhour = ash-Shaar's "ash-"). Reporters include or omit it at
# will ("Bab al-Antakya" / "Bab Antakya"), so it is dropped at the start of every
# word. Only when *hyphenated* do the short forms count as the article: a bare
# "as", "at", "an" is far more likely the English word.
_HYPHEN_ARTICLES = frozenset(
    "al el il ul ash as ad adh ar at ath az an aj es esh ed er et ez en".split()
)
# Written as a separate word ("Hay al Huluk", "Al Bab", "El Bab") only these two
# forms are common, and they are not English words.
_WORD_ARTICLES = frozenset({"al", "el"})

# "Hay"/"Hayy" (Arabic hayy, "quarter") is a prefix reporters add or leave out:
# "Hay al-Heluk" = "Heluk". It is only dropped when a name follows it.
_QUARTER_PREFIXES = frozenset({"hay", "hayy", "hai", "hayi"})

# Arabic feminine/relative endings -iyya(h) with ta marbuta, spelled every way
# ("Khalidiya", "Khalidiyeh", "al-Khalidiyah", "Haidarieh"), also after a
# consonant ("Antakya" / "Antakeya" / "Antakia"). All become "ia".
_IYA_ENDING = re.compile(r"(?:iyy?[ae]h?|iy[ae]|ie?h|iah|eyy?ah?|(?<=[^aeiouy])y[ae]h?)$")
# A ta marbuta written -eh or -ah: "Marjeh" = "Marja", "Rasafeh" = "Rasafa". A bare
# final -e ("Jdayde") is *not* merged with -a: English words end in a silent e, and
# "male", "rake", "dome" would become the keys of Mallah, Raqqa and Douma.
_TA_MARBUTA = re.compile(r"(?<=[^aeiouy])[ae]h$")

_SHEIKH_FORMS = frozenset({"shaikh", "shikh", "chaikh", "chikh", "shaik", "shaiikh"})
# After the vowel rules Sheikh/Shaykh/Shaikh/Shekh/Cheikh/Sheik come out as one of
# the forms above; they all mean the same title, so they share one spelling.
_SHEIKH = "shaikh"

_ROMAN_NUMERALS = frozenset("i ii iii iv v vi vii viii ix x xi xii".split())

_MAX_ROUNDS = 6


# Dashes of every width join words like a hyphen; stops vanish, because
# abbreviations are written with or without them ("U.S." = "US").
_DASHES = str.maketrans({**dict.fromkeys(map(ord, "‐‑‒–—_"), "-"), ord("."): None,
                         ord("\u0640"): None})  # tatweel: pure stretching
# Anything else that is not a letter or digit separates words
# ("Bab al-Nairab," = "Bab al-Nairab").
_SEPARATOR = re.compile(r"[^\w-]|_")


def _fold_text(text: str) -> str:
    """Lowercase, strip diacritics and ayn/hamza marks; keep letters, digits, '-' and spaces."""
    text = text.translate(_AYN_HAMZA).lower()
    if not text.isascii():
        text = text.translate(_FOLD)
        # NFKD splits "ê" into "e" + combining circumflex, "أ" into "ا" + hamza
        # above; dropping the combining marks leaves the base letters.
        text = "".join(
            ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
        ).lower()  # again: NFKD can produce capitals (e.g. Roman numeral signs)
    return _SEPARATOR.sub(" ", text.translate(_DASHES))


def _strip_articles(word: str) -> list[str]:
    """Split a hyphenated word into parts, dropping a leading article on each part."""
    parts = [p for p in word.split("-") if p]
    kept: list[str] = []
    for i, part in enumerate(parts):
        hyphen_follows = i + 1 < len(parts)
        if hyphen_follows and part in _HYPHEN_ARTICLES:
            continue
        kept.append(part)
    return kept


@functools.lru_cache(maxsize=65536)
def _spell(word: str) -> str:
    """Merge the vowel and consonant spellings of one word into one form."""
    if word in _ROMAN_NUMERALS:
        # "al-Hamdaniyeh II" and "III" are different quarters: numerals are not
        # spellings, so no rule (least of all collapsing "ii") may touch them.
        return word
    if len(word) < 3:
        # Two-letter words are mostly English or abbreviations ("OK" is not "UK",
        # "US", "Ad"); spelling rules would only make them collide.
        return word
    if _is_arabic(word):
        return _spell_arabic(word)
    if not word.isascii() or not word.isalpha():
        # Digits, mixed tokens ("m10", "1070") or other scripts: only the generic
        # collapsing applies; the Latin vowel rules would be meaningless.
        return _collapse(word) if word.isascii() else word
    w = _IYA_ENDING.sub("ia", word) if len(word) > 4 else word
    w = _TA_MARBUTA.sub("a", w) if len(w) > 3 else w
    # dh (dhal) is written d as often as dh: "al-Hadher" / "al-Hader".
    w = w.replace("dh", "d")
    # q (qaf) is written k in older and French-influenced spellings: "Kasr" / "Qasr",
    # "Maksud" / "Maqsoud". "kh" (kha) is a separate letter and is left alone.
    w = w.replace("q", "k")
    # Vowels: u is written ou (French), oo (English) or o ("Karm Homad" / "Houmid").
    w = w.replace("ou", "u").replace("oo", "u").replace("o", "u")
    # Long i is written ee ("Saeed", "Jibreen") and ie.
    w = w.replace("ee", "i").replace("ie", "i")
    # The diphthong ay is written ei/ey as well as ai/ay ("Sheikh" / "Shaykh",
    # "Neirab" / "Nayrab", "Ein" / "Ayn", "Zeid" / "Zayd").
    w = w.replace("ei", "ai").replace("ey", "ay")
    # Short i is written e ("Heluk", "Helwaniyeh", "Fares" / "Faris"). Not before
    # a, where "ea" is an English spelling ("read" must not become Riyadh's "riad").
    w = re.sub(r"e(?!a)", "i", w)
    # y after a vowel closes the diphthong ("Shaykh" = "Shaikh", "Haydariya" =
    # "Haidariya", "Bayyada" = "Bayada"), and word-final y is the vowel i
    # ("Sukkary" = "Sukkari"). Elsewhere y stays: it is a consonant word-initially
    # ("Yaqoub") and before a vowel ("Siryan", "Myassar"), and keeping it keeps the
    # English "Syrian" apart from the quarter al-Siryan.
    w = _glide_y(w)
    # au and aw are the same diphthong ("Dauleh" / "Dawla").
    w = w.replace("au", "aw")
    return _collapse(w)


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


# Arabic letters written interchangeably in place names: ta marbuta and ha
# ("الحلوانية" / "الحلوانيه"), alif maqsura and ya. (Hamza seats and madda
# are already gone: NFKD splits them off as combining marks.)
_ARABIC_FOLD = str.maketrans({"ة": "ه", "ى": "ي"})


def _spell_arabic(word: str) -> str:
    w = word.translate(_ARABIC_FOLD)
    # The article ال is written or left out as in Latin spellings ("شيخ مقصود" /
    # "الشيخ مقصود"); only dropped when at least two letters remain.
    if w.startswith("ال") and len(w) > 3:
        w = w[2:]
    return w


def _glide_y(word: str) -> str:
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        if ch == "y" and i > 0 and (out[-1] in "aeiou" or i == last):
            ch = "i"
        out.append(ch)
    return "".join(out)


def _collapse(word: str) -> str:
    """Collapse doubled letters: "Bustan al-Basha" vs "Bassha", "Karm Hommad" vs "Homad",
    "Saeed" vs "Said". Arabic gemination is written or not at the writer's whim."""
    if len(word) < 2:
        return word
    out = [word[0]]
    for ch in word[1:]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out)


def _normalize_once(text: str) -> str:
    words: list[str] = []
    for raw in _fold_text(text).split():
        for part in _strip_articles(raw):
            words.append(part)
    # Separate-word article: "Hay al Huluk", "Al Bab", "Bustan al Qasr".
    # Dropped only if a word follows it, so a lone "Al" stays "al".
    words = [w for i, w in enumerate(words)
             if not (w in _WORD_ARTICLES and i + 1 < len(words))]
    if len(words) > 1 and words[0] in _QUARTER_PREFIXES:
        words = words[1:]
    # A leading English article is part of how a name is quoted ("the Citadel"),
    # not of the name.
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    spelled = [_spell(w) for w in words]
    spelled = [_SHEIKH if w in _SHEIKH_FORMS else w for w in spelled]
    return " ".join(w for w in spelled if w)


@functools.lru_cache(maxsize=131072)
def normalize(name: str) -> str:
    """Return the lookup key of a place name.

    Two spellings of the same Arabic name that differ only by the variation
    reporters show get the same key::

        >>> normalize("Hay al-Heluk") == normalize("Heluk") == normalize("al Hellok")
        True
        >>> normalize("Sheikh Saeed") == normalize("Shaykh Said")
        True
        >>> normalize("Bab al-Antakya") == normalize("Bab Antakya")
        True

    The key is lowercase ASCII for Latin-script names (Arabic script passes
    through with diacritics removed), words separated by single spaces.
    ``normalize(normalize(x)) == normalize(x)`` for every string.
    """
    if not isinstance(name, str):
        raise TypeError(f"normalize() expects a str, got {type(name).__name__}")
    current = name
    # Some rules can enable others once applied (collapsing "ahh" exposes an
    # "ah" ending, dropping "Hay" exposes an article), so rules run until the key
    # stops changing; this is what makes the key idempotent.
    for _ in range(_MAX_ROUNDS):
        nxt = _normalize_once(current)
        if nxt == current:
            break
        current = nxt
    return current


def tokens(name: str) -> list[str]:
    """The words of a name's key: ``tokens("Bab al-Nairab") == ["bab", "nairab"]``."""
    return normalize(name).split()


_VOWELS = frozenset("aiu")


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """A coarse consonant skeleton of a name, for fuzzy candidate generation.

    Vowels and the glides w/y next to them are dropped (except a word's first
    letter), so "Farafra" and "al-Farafira" both give ``"frfr"`` and "Karam
    Houmid" and "Karm Homad" both give ``"krm hmd"``. Too coarse to identify a
    place on its own: use it to propose candidates, then score them on the key.
    """
    out_words = []
    for word in normalize(name).split():
        if not word.isascii():
            out_words.append(word)
            continue
        kept = [word[0]]
        for i, ch in enumerate(word[1:], start=1):
            if ch in _VOWELS:
                continue
            if ch in "wy":
                prev = word[i - 1]
                nxt = word[i + 1] if i + 1 < len(word) else ""
                if prev in _VOWELS or nxt in _VOWELS:
                    continue
            kept.append(ch)
        out_words.append(_collapse("".join(kept)))
    return " ".join(out_words)


# Surface alternatives used by variants(): each maps a written form to forms
# that normalise the same way.
_SHEIKH_SPELLINGS = ("Sheikh", "Shaykh", "Shaikh", "Sheik")
_ARTICLE_SPELLINGS = ("al-", "al ", "el-", "")
_SUN_LETTERS = frozenset("tdrzsn")  # plus sh/th/dh, handled below
_ENDING_SPELLINGS = ("iyeh", "iya", "iyah", "iyya")

_MAX_VARIANTS = 64


def _article_forms(word: str) -> list[str]:
    """Ways to write the article before ``word`` (assimilated before sun letters)."""
    forms = list(_ARTICLE_SPELLINGS)
    low = word.lower()
    for digraph in ("sh", "th", "dh"):
        if low.startswith(digraph):
            forms.append(f"a{digraph}-")
            break
    else:
        if low[:1] in _SUN_LETTERS:
            forms.append(f"a{low[0]}-")
    return forms


def _word_options(word: str) -> list[str]:
    """Alternative spellings of one word that keep its key."""
    low = word.lower()
    if normalize(low) == _SHEIKH:
        return list(_SHEIKH_SPELLINGS)
    options = [word]
    m = _IYA_ENDING.search(low)
    if m and len(low) > 4 and low[m.start():].startswith("i"):
        stem = word[: m.start()]
        options = [word] + [stem + e for e in _ENDING_SPELLINGS]
    # Each swap is one a reporter makes; applied on top of the earlier ones.
    swaps = (
        (re.compile(r"ou"), "u"),             # Sakhour / Sakhur
        (re.compile(r"(?<![aeiou])o(?=[b-df-hj-np-tv-z])"), "ou"),  # Homad / Houmad
        (re.compile(r"q"), "k"),              # Qasr / Kasr
        (re.compile(r"ee"), "i"),             # Jibreen / Jibrin
    )
    for pattern, repl in swaps:
        options += [_keep_case(o, pattern, repl) for o in options if pattern.search(o.lower())]
    return list(dict.fromkeys(options))


def _keep_case(word: str, pattern: re.Pattern, repl: str) -> str:
    """Apply a lowercase substitution to ``word``, keeping a capital first letter."""
    out = pattern.sub(repl, word.lower())
    return out[:1].upper() + out[1:] if word[:1].isupper() else out


_ARTICLE_PREFIX = re.compile(r"(?i)^(al|el|ash|ath|adh|a[sdrtznj])[-‐‑](.+)$")


def variants(name: str) -> set[str]:
    """Spellings of ``name`` that reporters use and that share its key.

    Re-dresses the words that carry the article with its other forms (al-, al ,
    el-, none, and the assimilated as-/ash-/ad-/an-... before sun letters), adds
    and drops a leading "Hay", and varies Sheikh/Shaykh/Shaikh, the
    -iyeh/-iya/-iyah endings, ou/u, o/ou, q/k and ee/i. The original name is
    always included; the set is bounded (at most 64) and every member satisfies
    ``normalize(v) == normalize(name)``.
    """
    key = normalize(name)
    parsed: list[tuple[str, bool]] = []  # (bare word, carries the article)
    pending = False
    for w in name.split():
        if w.lower() in _WORD_ARTICLES:
            pending = True  # "al Qasr": the article is the next word's
            continue
        m = _ARTICLE_PREFIX.match(w)
        parsed.append((m.group(2), True) if m else (w, pending))
        pending = False
    if not parsed or pending:
        return {name}
    hay = len(parsed) > 1 and parsed[0][0].lower() in _QUARTER_PREFIXES and not parsed[0][1]
    if hay:
        parsed = parsed[1:]
    per_word: list[list[str]] = []
    for i, (word, article) in enumerate(parsed):
        spellings = _word_options(word)
        if article or (hay and i == 0):
            per_word.append([a + sp for sp in spellings for a in _article_forms(sp)])
        else:
            per_word.append(spellings)
    result: set[str] = {name}
    for prefix in (["", "Hay "] if hay else [""]):
        for combo in product(*per_word):
            candidate = prefix + " ".join(combo)
            if normalize(candidate) == key:
                result.add(candidate)
                if len(result) >= _MAX_VARIANTS:
                    return result
    return result
