"""What each report says happened at each place: the ``aleppo_activity`` component.

For every place mention in ``doc.spans["places"]`` the component reads the dependency
parse and sets on the span:

``_.activity``
    airstrike, shelling, ground_advance, capture, repelled, clashes, casualties,
    siege, humanitarian, evacuation or none.
``_.actor``
    government, opposition, other or unknown; None exactly when activity is none.
``_.event_date`` / ``_.date_precision``
    the day of the event (``datetime.date``) when the text lets it be resolved
    against ``doc._.published``, and day/week/month/season/unknown.
``_.attributed_to``
    who says so (``"Syrian Observatory for Human Rights"``, ``"Syrian army"``,
    ``"rebels"``, ``"AFP"`` ...), or None.
``_.contested``
    True when the text disputes the claim ("a claim denied by ...").
``_.casualties_killed`` / ``_.casualties_injured``
    figures given in the same clause, or None.

How the activity is found: from the mention, climb the parse to the predicate that
governs it (through prepositions such as in/on/at/into/near/of, conjunctions and
compounds) and look its lemma up in per-activity lexicons of verbs and event nouns.
On the way the climb checks the annotation rules of ``shared/gold/README.md``:
hypotheticals, plans, appeals and future statements are none; reference points
("north of X", "the northern edge of X"), origins ("from X") and containers ("Karam
Houmid neighbourhood in Aleppo") are none; the location of a speaker or an
organisation is none. The actor comes from the predicate's subject or agent, the
side of the speaker for "they"/"we" in reported claims, and defaults per activity
(air strikes and sieges on rebel-held Aleppo are government's; casualties and
clashes with no stated side are unknown).

Then, unless the component is configured with ``classifier: null``, a learned model
(:mod:`aleppo_geo.classifier`, trained on the hand-annotated sets) reads the rules'
decision, its reason and the mention's context, and replaces the activity or the actor
where it is at least ``classifier_threshold`` sure of another; a mention it moves from
none to an event gets its date from the same date rules.

Decisions worth knowing:

* ``contested`` is True for a denial or dispute in the sentence or in the next
  sentence of the paragraph ("Opposition activists denied the report"), for a side's
  claim of taking a place back ("rebels said they had recovered X"), and when two
  sides make claims in one sentence. "Could not be independently verified" is a
  caveat about sourcing, not a dispute: it does not set ``contested``.
* Dates: a time expression applies to a mention when it hangs (through a
  preposition or possessive) from a word on the mention's path up the parse; a date
  of saying does not date a pluperfect event ("said on Sunday that troops had
  taken X"). A sentence with no time expression continues the last dated sentence
  of the body (narrative context); headlines, captions, sub-headings and purely
  quoted sentences neither borrow nor lend such dates.
* Casualty figures are numbers attached to kill/wound words of the same clause;
  vague quantities ("dozens") give None.
* Datelines ("BEIRUT (Reuters) -", "ALEPPO, Syria (AP) —", "DAMASCUS, Syria -") are
  found by their shape (:func:`dateline_spans`): their places are none and never a
  source; ``aleppo_line_breaks`` also cuts them off from the first sentence.
* The main clause decides a toll: a place in a "when"/"as" clause takes a casualties
  main predicate ("killed when bombs hit X" -> casualties), but "residents fled as
  bombs hit X" is the bombing of X; "after"/"before" clauses are
  other events with their own predicate (and "a day after ..." dates them a day
  before the main clause). Describing adjectives ("besieged", "rebel-held") and
  vehicles/goods ("the convoy near X") yield to a predicate above them.
* Leaving a place: an armed subject ("rebels pulled out of / withdrew from /
  abandoned X") is a capture by the other side; civilians, evacuees and their buses
  are an evacuation, coded with the evacuees' side (fighters -> opposition,
  civilians, the wounded or a mixed convoy -> unknown). Where a retreating force went
  is none. Where evacuees' buses or a convoy set off from, crossed and headed to are
  all evacuation sites (also when the parser hangs "set off" under "crossed"); buses
  that stood empty or sat idle at a place are none; whoever brokered the deal
  ("under a deal brokered by Russia") does not give the evacuation a side. "Thousands
  fled, some to X and others to Y" makes X and Y evacuation destinations.
* Car, truck and suicide bombs and IEDs are ground weapons of an assault
  (ground_advance), never air strikes; an unarmed "rebels targeted/pounded X" is
  ground fire (rebels had no aircraft).
* Casualties: the dead are never the side; only an agent ("killed by government
  shelling") or an active subject of "kill" names who did it. A weapon that killed
  ("rebel rocket fire killed three in X") makes a casualties report: the killing is
  the main predicate. An air weapon alone ("killed in air raids on X") names no
  perpetrator: the guidelines code such casualties unknown, while the air strike
  itself ("air raids hit X") is inferred to be the government's.
* Sides are read in every register: opposition media ("revolutionaries", "Free Army",
  "Assad's militias", "the Russian occupation"), state media ("terrorists", "armed
  groups", "gunmen" vs "army units", "allied forces", "popular defence groups") and
  humanitarian updates ("NSAGs" vs "GoS forces"). At the same position in a phrase
  the longer name wins ("Army of Conquest" is opposition).
* Non-events: stopping strikes ("halted strikes on X"), plans with will/would,
  holdings ("rebels hold a pocket around X"), where attackers were stationed ("from
  positions in X"), roads' destinations ("the road south to X") and landmarks ("a
  hill that overlooks the X road") are none. People sheltering or sleeping in a
  place are humanitarian unless they fled or arrived there.
* Changing hands: "pushed the rebels out of X" is a capture by the side that pushed
  (or the enemy of the side driven out); "after the loss of X" flips the side named
  (it lost X); "pushed/beat back an attack on X" is repelled.
* Moving people: "bussed out of X", "carrying the wounded towards X", displaced
  people arriving in X are evacuations; reinforcements arriving are an advance, aid
  arriving is humanitarian. A stated mover ("taken by the army", "a corridor set up
  by the army", "Russian military police escorted ...") is the evacuation's actor.
* List lines and verbless headlines: "X: troops seized the southern half" gives X
  the clause after the colon; "X after the fall" gives X the event noun.
* Dates: a time expression inside a subordinate clause ("a week after seizing Y on
  Saturday", "the assault, which began on 1 September") dates that clause only; an
  announced capture is dated by its announcement ("On Monday the army announced it
  had taken X"); a year alone ("in 2012") or a span ("within two weeks") dates the
  clause to no day and stops it borrowing the narrative's day; a pluperfect
  flashback does not move the narrative's day.
* Narrative dates: only a sentence whose time expression dates a war event (or a
  report of one) lends its day to the following sentences; meetings, agreements and
  background "since ..." clauses do not. Quotations borrow the narrative's day but do
  not lend theirs. A live blog's timestamped entry ("18:40 -") is the publication
  day. "The previous day" counts back from the narrative's day.

* Evacuation stories: a convoy blocked, stopped or turned back at a checkpoint is an
  evacuation there, the blockers' doing when their side is named (a casualties report
  when the militia also shot someone); in a story
  that mentions an evacuation a plain "the convoy" is the evacuees' convoy; the place
  people were displaced from or fled from is the departure point; talks "to discuss a
  possible withdrawal" are a plan. Where shooters were positioned, a landmark passed
  ("past the X"), celebrations and the reporters' own whereabouts are none.
* Headlines whose present-tense bombing verb the parser read as a noun ("Warplanes
  pound rebel-held Aleppo") are air strikes; "rebel-held" after the subject describes
  the target, never the actor. "Died in rebel shelling of X" is casualties by the
  shelling's side.
* Narrative dates: a lead also lends its day when it is dated beside an advance ("as
  troops advanced"), inside "on the verge of retaking", or on a siege imposed ("reimposed
  the siege on September 4"); list lines ("X: ... on September 6") take the date of the
  clause after the colon.

* Sieges and their ends: the place a cut supply route led into is besieged ("cut the
  last route into X"); a side "hemmed in"/"bottled up"/"penned" around X and the
  remaining "pocket" (and the districts it includes) are besieged, not where buses left
  from; breaking a siege is an advance by whoever broke it, a battle "to break" it is a
  goal. Collapsing defences, districts that "fall" or "were lost", a place "split in
  two", held "since Saturday" or "in government hands by the afternoon" changed hands;
  the side a capture was "a blow to" lost it; a bare "X is in Kurdish hands" is a state.
* Corridors and crossings "opened" at X are evacuation sites with the opener's side
  (the government's when none is named); rebels "opening a corridor" forced one open
  (their advance). Aid delivered by the UN, WHO, the Red Crescent or an NGO is a third
  party's (other).
* Nothing happened: a subject that says nobody ("no civilians left through X", "not a
  single resident has used the corridor"), snow falling on X, fighters fleeing towards
  X, the description of a speaker ("said X, an activist now sheltering in Y"; a flight
  told in a relative clause still counts), a relative clause about someone else ("the
  YPG, which controls X, took Y").
* Other readings: "the districts of X" and "the direction of X" stand for X; a "where"
  clause on a place says what happened there when the place's own clause says nothing;
  capitalised plurals ("Airstrikes ...", "Evacuations from X") are looked up by their
  singular; tunnel bombs and "blew up" are ground assaults; "opened fire on X" is fire
  (not when the target is a convoy); bodies recovered are casualties; people "walking"
  in a story of flight, a head count that "moved in with relatives" and "40,000 people
  who left X" are evacuations; "forces were reported to be massing near X" is a report,
  not an aim; "an offensive to take X", announced or launched, is an offensive on X;
  "managed to take X" succeeded; "X changed hands" is a capture; places listed before
  "neighborhoods" share its event and the part-of phrase after them is their container;
  a speaker "reached by phone in X" is where they were; any attack that was repelled is
  repelled ("halted strikes" is not); forces "entering homes in X and killing" are
  casualties; places listed after "four neighbourhoods -" share that noun's event. Place names never name a side ("Dahiyet al-Assad"); a sentence-opening
  "they" is the narrative's last actor; the holder of an attack's target ("an offensive
  on government academies") is not the attacker.
* More dates: a month ("since July", "until December") dates a clause to no day; a
  state in the present tense ("250,000 people remain trapped in X") borrows no day; a
  paragraph dated earlier than the narrative is a flashback after which the narrative
  resumes at the day it had reached; when the parse cuts a mention off from every time
  expression, the sentence's own day comes before the narrative's; a live-blog entry
  opening with a bare clock time ("19:15 The army ...") is the blog's day; a dateline
  dated "30 November 2016" is a dateline and dates nothing.

The component needs a dependency parser earlier in the pipeline (the statistical
English model's ``parser``); it raises :class:`MissingParserError` otherwise.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from aleppo_geo.classifier import BUNDLED_PATH, DEFAULT_THRESHOLD, ActivityClassifier
from aleppo_geo.dates import TimeExpression, find_time_expressions, parse_publication_date

__all__ = [
    "ACTIVITIES",
    "ACTORS",
    "ActivityTagger",
    "MissingParserError",
    "make_activity_tagger",
    "register_extensions",
    "SPANS_KEY",
]

SPANS_KEY = "places"

ACTIVITIES = (
    "airstrike", "shelling", "ground_advance", "capture", "repelled", "clashes",
    "casualties", "siege", "humanitarian", "evacuation", "none",
)
ACTORS = ("government", "opposition", "other", "unknown")

_SPAN_EXTENSIONS = {
    "activity": None,
    "actor": None,
    "event_date": None,
    "date_precision": None,
    "attributed_to": None,
    "contested": None,
    "casualties_killed": None,
    "casualties_injured": None,
}


class MissingParserError(ValueError):
    """The pipeline has no dependency parse for the activity component to read."""


_DATE_KEY = "aleppo_event_date"


def _get_event_date(span: Span) -> _dt.date | None:
    value = span.doc.user_data.get(("._.", _DATE_KEY, span.start_char, span.end_char))
    return _dt.date.fromisoformat(value) if value else None


def _set_event_date(span: Span, value: _dt.date | None) -> None:
    if isinstance(value, _dt.datetime):
        value = value.date()
    if value is not None and not isinstance(value, _dt.date):
        raise TypeError(f"span._.event_date must be a datetime.date or None, not {value!r}")
    # Stored as ISO text: Docs cross process boundaries (nlp.pipe(n_process=2)) as
    # msgpack, which has no date type.
    span.doc.user_data[("._.", _DATE_KEY, span.start_char, span.end_char)] = value.isoformat() if value else None


def register_extensions() -> None:
    """Register the Span and Doc extensions this module sets or reads (idempotent).

    ``doc._.doc_id``/``doc._.published`` belong to :mod:`aleppo_geo.pipeline`; it is
    imported first so its getter/setter versions win, with plain fallbacks when it
    cannot be imported.
    """
    try:  # the pipeline owns the Doc extensions; let it register them first
        import aleppo_geo.pipeline  # noqa: F401
    except Exception:  # pragma: no cover - pipeline unavailable: plain attributes
        pass
    for name, default in _SPAN_EXTENSIONS.items():
        if Span.has_extension(name):
            continue
        if name == "event_date":
            Span.set_extension(name, getter=_get_event_date, setter=_set_event_date)
        else:
            Span.set_extension(name, default=default)
    for name in ("doc_id", "published"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()

# ---------------------------------------------------------------------------
# Lexicons. Keys are lemmas (lower case). Verbs and event nouns share a table
# where the word means the same thing either way.
# ---------------------------------------------------------------------------

#: Words that name an attack whose type depends on the weapon (air vs ground fire).
_BOMBARD = {
    "hit", "target", "strike", "pound", "bombard", "bombardment", "burn", "blast", "pummel",
    "drop", "rain", "attack", "bombing", "bomb", "raid", "strafe", "batter", "blitz", "fire",
}
_AIR_CUES = {
    "air", "airstrike", "airstrikes", "aerial", "warplane", "warplanes", "jet", "jets", "plane",
    "planes", "aircraft", "helicopter", "helicopters", "barrel", "bomb", "bombs", "bombing",
    "bombings", "raid", "raids", "sortie", "sorties", "air-strike", "air-strikes", "bunker-busting",
    "phosphorus", "phosphorous", "cluster", "airpower",
}
#: Air weapons that name their side: in Aleppo in 2016 only the government and Russia
#: flew ("air raids", "barrel bombs", "warplanes"); a bare "bomb" may be a car bomb.
_AIR_SIDE_CUES = _AIR_CUES - {"bomb", "bombs", "bombing", "bombings", "cluster", "phosphorus", "phosphorous"}
#: Nouns for what killed people; the side describing them is the perpetrator.
_WEAPON_NOUNS = {
    "shell", "shelling", "rocket", "mortar", "fire", "bombardment", "missile", "attack", "strike",
    "airstrike", "raid", "bomb", "artillery", "barrage", "salvo", "cannon", "projectile", "gunfire",
}
#: Quarters of Aleppo that the government (or, for Sheikh Maqsoud, the Kurdish YPG)
#: held throughout 2016, so that unattributed shells landing there were rebel fire.
#: Front-line quarters that changed hands (Ramouseh, the 1070 project, Dahiyet
#: al-Assad, Salaheddine, Suleiman al-Halabi) are deliberately left out.
_HELD_AGAINST_REBELS = frozenset({
    "west_aleppo", "new_aleppo", "hamdaniya", "midan", "furqan", "zahraa", "shahba",
    "jamiliyeh", "suleimaniyeh", "aziziyeh", "muhafaza", "ashrafiyeh", "khalidiya",
    "sabil", "mashariqa", "sayf_al_dawla", "sheikh_maqsoud",
})
_GROUND_FIRE_CUES = {
    "shell", "shells", "shelling", "artillery", "mortar", "mortars", "rocket", "rockets",
    "howitzer", "tank", "cannon", "gas", "cylinder", "grad", "missile", "missiles",
}

_LEXICON: dict[str, str] = {}


#: Nouns for a siege line: breaking one is an offensive that got through.
_ENCIRCLEMENT = frozenset({"siege", "blockade", "encirclement"})
#: Nouns completed by "of <place>" that stand for the place: "the districts of X".
_NAMED_BY_OF = frozenset({"district", "districts", "neighbourhood", "neighbourhoods", "neighborhood", "neighborhoods",
                          "area", "areas", "quarter", "quarters", "direction", "town", "village", "suburb",
                          "suburbs"})
#: Verbs of a defence giving way: "rebel lines in X collapsed" is a capture.
_COLLAPSE = frozenset({"collapse", "crumble", "disintegrate"})
#: Nouns of time: "in recent weeks" dates a clause, it places nothing.
_TIME_NOUNS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
                         "night", "morning", "evening", "afternoon", "weekend", "january", "february", "march",
                         "april", "may", "june", "july", "august", "september", "october", "november",
                         "december", "past", "time", "period", "aftermath", "wake"})
#: What _predicate_side answers for a sentence-opening "they": the narrative's last side.
_PRONOUN = "pronoun"
#: Words naming a day or a time of day: "since Saturday", "by nightfall".
_DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "nightfall",
                        "dusk", "dawn", "noon", "midday", "afternoon", "evening", "morning", "night", "midnight",
                        "sunset", "sunrise", "yesterday", "today"})
#: Nouns of an offensive: "an offensive to take X" is an offensive on X (gold README).
_OFFENSIVE_NOUNS = frozenset({"offensive", "assault", "onslaught", "operation", "push", "campaign", "drive",
                              "attack"})
#: Verbs that make their object part of their subject: "the pocket, which includes X".
_INCLUDE = frozenset({"include", "comprise", "contain", "encompass", "cover", "span", "incorporate"})


def _includes(tok: Token) -> bool:
    """A verb of inclusion: "the pocket, which includes X", "a pocket that takes in X"."""
    return tok.lemma_.lower() in _INCLUDE or (
        tok.lemma_.lower() == "take" and any(c.dep_ == "prt" and c.lower_ == "in" for c in tok.children))


# Nouns whose "to"/"for" phrase names the side that suffered: "a blow to the rebels".
_SETBACK = frozenset({"blow", "setback", "defeat", "loss", "humiliation", "disaster", "catastrophe",
                      "reverse", "embarrassment"})


def _add(activity: str, words: Iterable[str]) -> None:
    for word in words:
        _LEXICON[word] = activity


_add("airstrike", [
    "airstrike", "air-strike", "bomb", "bombing", "bombardment", "raid", "strafe", "warplane",
    "sortie", "blitz", "bunker-buster", "buster", "bomblet",
])
_add("shelling", ["shell", "shelling", "mortar", "artillery", "rocket", "barrage"])
_add("ground_advance", [
    "advance", "advancement", "push", "offensive", "assault", "attack", "storm", "reach", "mass",
    "reinforce", "reinforcement", "mobilize", "mobilise", "mobilization", "mobilisation",
    "thrust", "incursion", "operation", "enter", "cross", "press", "drive", "onslaught",
    "penetrate", "infiltrate", "progress", "counterattack", "counter-attack", "counteroffensive",
    "counter-offensive", "march", "move", "pushing", "advancing", "deploy", "deployment", "buildup", "build-up",
    "link", "breach", "breakthrough",
])
_add("capture", ["retook", "retaken", "overran", "recaptured", "took", "taken", "seized", "fallen", "fell", "comb",

    "capture", "seize", "seizure", "take", "retake", "recapture", "recover", "regain", "fall",
    "secure", "overrun", "liberate", "liberation", "conquer", "win", "gain", "wrest", "reconquer",
    "takeover", "restore", "control",
])
_add("repelled", ["repel", "repulse", "thwart", "foil", "rebuff", "halt"])
_add("clashes", [
    "clash", "battle", "fighting", "fight", "combat", "skirmish", "firefight", "confrontation",
    "gunfight", "engagement", "gunfire",
])
_add("casualties", [
    "body", "corpse",
    "kill", "die", "wound", "injure", "hurt", "dead", "death", "casualty", "massacre", "carnage",
    "execute", "execution", "killing",
    "slaughter", "toll", "martyr", "bloodshed",
])
_add("siege", [
    "besiege", "siege", "encircle", "encirclement", "blockade", "trap", "surround", "tighten",
    "starve", "cordon", "box", "strand", "pocket", "confine",
])
_add("humanitarian", [
    "aid", "convoy", "humanitarian", "food", "medicine", "supply", "doctor", "hunger", "starvation",
    "shortage", "catastrophe", "hell", "suffering", "health", "malnutrition", "famine", "relief",
    "misery", "depend", "rely", "deliver", "delivery", "airdrop", "trucking", "distribute",
    "distribution", "ration", "price", "bread", "flour",
])
#: Staples whose price reporters quote as the measure of a siege.
_STAPLES = {"bread", "flour", "sugar", "rice", "fuel", "diesel", "oil", "milk", "bulgur", "lentil", "lentils",
            "vegetable", "vegetables", "food", "kilogram", "kilo", "bundle", "loaf", "litre", "liter"}
_add("evacuation", [
    "arrive", "evacuate", "evacuation", "evacuee", "bus", "corridor", "exodus", "flee", "depart",
    "departure", "withdraw", "withdrawal", "leave", "exit", "displace", "shelter", "refuge",
])

#: Adjectives/participles that, modifying a noun on the path, name what happened there.
_MODIFIER_LEXICON = {
    "besieged": "siege", "encircled": "siege", "trapped": "siege", "surrounded": "siege", "confined": "siege",
    "bombed": "airstrike", "destroyed": "airstrike", "bombarded": "airstrike", "shelled": "shelling",
    "captured": "capture", "seized": "capture", "recaptured": "capture", "retaken": "capture",
    "evacuated": "evacuation", "vacated": "capture", "abandoned": "capture",
    "dire": "humanitarian", "desperate": "humanitarian", "catastrophic": "humanitarian",
    "starving": "humanitarian",
}

#: Noun states: true whatever the surrounding appeal or plan says.
_STATE_ACTIVITIES = {"humanitarian", "siege"}
#: Activities a relative clause on a place can report about it ("X, which rebels overran").
_EVENT_ACTIVITIES = {"capture", "airstrike", "shelling", "repelled", "casualties", "ground_advance"}

#: Words whose complement is a plan, a wish or an appeal, not an event.
_INTENT = {
    "aim", "plan", "intend", "want", "threaten", "seek", "hope", "vow", "call", "urge", "demand",
    "ask", "appeal", "warn", "promise", "pledge", "prepare", "expect", "order", "tell", "wish",
    "determine", "propose", "offer", "goal", "bid", "need", "must", "would", "could",
    "discuss", "negotiate", "debate",
}
#: Words whose infinitive complement is a plan ("agreed to allow the evacuation"), while a
#: that-clause is a statement ("agreed that the road was cut").
#: Verbs that stop strikes or fighting: "halted air strikes on X" reports no strike.
_CESSATION = {"halt", "suspend", "pause", "stop", "cease", "end", "freeze"}
_INTENT_INF = {"agree", "agreement", "deal", "accord", "arrangement", "consent"}
#: Words whose infinitive complement did happen ("attempted to attack X").
_ATTEMPT = {"attempt", "try", "effort", "start", "begin", "continue", "keep", "manage", "launch"}
#: Verbs that carry an event noun: "launched an offensive on X".
_LIGHT_VERBS = {
    "launch", "carry", "mount", "stage", "wage", "conduct", "begin", "start", "make", "unleash",
    "undertake", "intensify", "resume", "step", "continue", "escalate", "renew", "see", "open",
}
_MODALS = {"could", "would", "might", "may", "should", "can", "will", "shall", "'ll", "wo", "ca", "must"}
#: "will continue" reports an ongoing event, not a future one.
_ONGOING = {"continue", "keep", "remain", "press", "persist", "go", "rage", "rag", "intensify", "resume",
            "escalate"}
#: Verbs whose subject is the event ("clashes erupted in X").
_ERUPT = {"erupt", "break", "flare", "occur", "happen", "spread", "rage", "intensify", "resume"}

_REPORTING = {
    "say", "tell", "report", "confirm", "add", "claim", "state", "announce", "quote", "write",
    "allege", "insist", "explain", "note", "describe", "believe", "accord", "cite", "suggest",
    "deny", "admit", "acknowledge", "declare", "reveal", "warn",
}

_DISPUTING = {"deny", "dispute", "reject", "refute"}
#: What state television broadcast from a place its troops had just entered.
_FOOTAGE = {"footage", "image", "picture", "video", "images", "pictures"}
#: Verbs state media put before their weapon: "targeted with rocket shells X".
_STRUCK_WITH = {"target", "hit", "strike", "destroy", "pound", "shell", "bomb", "attack", "bombard"}
#: Aid getting into a place; "no aid has entered X" is a siege's measure.
_AID_ENTRY = {"enter", "reach", "arrive", "get", "cross"}
_AID_WORDS = {"aid", "food", "fuel", "supply", "supplies", "medicine", "medicines", "convoy", "assistance",
              "humanitarian", "medical", "truck", "relief"}
#: "accused rebels of shelling X": the verb's object, not its subject, is who acted.
_ACCUSE = {"accuse", "blame", "charge"}

_CIVILIANS = {
    "civilian", "resident", "family", "people", "child", "woman", "refugee", "patient", "inhabitant",
    "evacuee", "evacuees", "wounded", "sick", "hundred", "thousand", "others", "other", "many", "some",
}
#: People moved by an evacuation deal (civilians, the wounded, fighters and their families)
#: and the vehicles that move them: "buses carrying gunmen crossed at X" is an evacuation.
_EVACUEES = _CIVILIANS | {
    "fighter", "gunman", "gunmen", "bus", "buses", "ambulance", "convoy", "evacuee", "injured",
    "person", "persons", "men", "women", "children", "families", "dependant", "dependent",
}
#: Armed actors: "rebels pulled out of X" is a capture by the other side, "civilians
#: left X" an evacuation.
_ARMED = {
    "rebel", "fighter", "troop", "soldier", "force", "army", "militant", "insurgent", "gunman", "gunmen",
    "militia", "jihadist", "unit", "faction", "group", "brigade", "opposition", "regime",
}


def _span_of_time_to_its_object(tok: Token) -> Token:
    """"weeks of bombardment" -> "bombardment": what a stretch of time was spent under."""
    if tok.lemma_.lower() in {"day", "week", "month", "year", "hour", "night"} and tok.dep_ == "pobj":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return obj
    return tok


def _idle_vehicle(tok: Token) -> bool:
    """Whether ``tok`` is a bus, convoy or ambulance that stood, waited or stayed empty or idle:
    "buses stood empty at the crossing in X" reports that no one left."""
    if tok.lemma_.lower() not in {"bus", "buses", "convoy", "ambulance", "vehicle"} or tok.dep_ != "nsubj":
        return False
    # Buses merely waiting ("buses wait at X to carry evacuees out") belong to an
    # evacuation under way; only empty or idle ones say that nobody left.
    verb = tok.head
    return verb.lemma_.lower() in {"stand", "sit", "wait", "remain", "stay", "be", "lie"} and any(
        c.lower_ in {"empty", "idle", "unused"} for c in verb.children)


#: Pronouns that split a group over places ("some to X, others to Y").
_DISTRIBUTIVES = {"some", "others", "many", "most", "several", "thousands", "hundreds", "dozens"}

#: Times a change is reached "by": "by Monday the army controlled X".
_DEADLINE_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "nightfall",
                   "dawn", "morning", "afternoon", "evening", "night", "midday", "noon", "then", "now"}

#: Nouns for a city's quarters ("the X and Y districts", "neighborhoods of X").
_QUARTER_NOUNS = {"neighbourhood", "neighborhood", "district", "quarter", "area"}

#: Feature kinds whose pairs the activity classifier sees (see ``ActivityTagger._features``).
_FEATURE_PAIRS = (("rule", "prep"), ("rule", "governor"), ("prep", "governor"), ("dep", "governor"),
                  ("rule", "dep"), ("reason", "prep"))

#: What the state media say the army "restored" to a place it took ("restored security to X").
_RESTORED_ORDER = {"security", "control", "order", "authority", "calm", "stability", "sovereignty"}

#: Verbs confining people to a pocket ("penned into", "squeezed into", "confined to").
_CONFINE = {"pen", "squeeze", "confine", "cram", "crowd", "trap", "hem", "box", "bottle", "restrict"}

#: Routes and strips of ground: what one "links" is a description, not an advance.
_ROUTE_NOUNS = {"route", "road", "highway", "corridor", "artery", "lifeline", "line", "strip", "territory",
                "bridge", "crossing", "passage", "link", "path", "track"}

#: Agreements: who brokered or signed one is not who moved the evacuees.
_DEAL_NOUNS = {"deal", "agreement", "accord", "truce", "ceasefire", "arrangement", "plan", "mediation",
               "negotiation", "talks", "understanding"}

#: Vehicles and goods: a place hanging on one of these ("the convoy near X") takes the
#: event of the verb above when there is one ("gunmen fired at the convoy near X, wounding").
_ENTITY_NOUNS = {"convoy", "bus", "aid", "food", "medicine", "supply", "doctor", "corridor", "evacuee",
                 "relief"}
#: People who are sources when they speak ("activists in X said") but only people otherwise
#: ("residents in X depend on aid").
_PEOPLE_SOURCES = {"activist", "activists", "resident", "residents", "doctor", "journalist", "official",
                   "correspondent", "reporter"}
#: Verbs of holding a place: a state of control, not a change.
_HOLDING = {"hold", "control", "keep", "have", "continue", "remain"}
#: Weapons whose strike on a place is the event there, even when people died in it.
_HEAVY_WEAPONS = {"shell", "shelling", "rocket", "mortar", "missile", "artillery", "bomb", "barrel", "strike",
                  "airstrike", "raid", "warplane", "jet", "aircraft", "plane", "helicopter", "projectile"}
#: Who a headline's closing ", X says" names besides people: "..., monitor says".
_SOURCE_NOUNS = {"monitor", "group", "observatory", "source", "sources", "media", "agency", "army", "rebels"}
#: Verbs of driving a force out of a place: "pushed the rebels out of X" is a capture.
_EXPEL = {"push", "drive", "force", "kick", "expel", "oust", "evict", "chase", "flush", "dislodge", "throw"}
#: Verbs of leaving a place: with an armed subject the place changes hands.
_LEAVE_PLACE = {"withdraw", "withdrawal", "retreat", "abandon", "vacate", "evacuate", "leave", "pull", "exit",
                "quit", "flee"}
_FACILITY = {
    "hospital", "camp", "school", "mosque", "base", "academy", "college", "station", "airport",
    "citadel", "bakery", "market", "prison", "university", "factory", "plant", "stadium", "area",
}
#: Verbs whose subject undergoes the event ("Handarat has fallen").
#: Verbs whose subject can be the site of an event ("Aleppo saw heavy fighting").
_SITE_SUBJECT = {"see", "witness", "experience", "endure", "suffer", "face", "receive", "get", "undergo",
                 "host", "have", "remain", "stay", "come", "go", "lie", "sit"}
_UNACCUSATIVE = {"fall", "fallen", "fell", "die", "burn", "suffer", "trap", "remain"}
_COMPASS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west", "northern", "southern", "eastern",
    "western", "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
    "north-western", "south-eastern", "south-western",
}
_EDGE = {"edge", "border", "side", "boundary", "limit"}
_ADMIN = {
    "neighbourhood", "neighborhood", "district", "area", "quarter", "province", "city", "town",
    "village", "camp", "governorate", "suburb", "region", "countryside", "sector", "part", "parts",
    "enclave", "zone", "outskirts", "road", "highway", "street", "square",
}

# Actor cues: checked on lower-cased noun-phrase text. Order matters: the first
# side whose pattern matches earliest in the phrase wins.
_GOV_RE = re.compile(
    r"\b(?:pro-?(?:government|assad|regime|damascus)|government|regime|army|assad|russian?s?|russia'?s?"
    r"|iran(?:ian)?s?|iranian-backed|hezbollah|hizbollah|loyalists?|shi['’]?ite militias?|shia militias?"
    r"|iraqi militias?|syrian (?:forces|troops|military|jets|warplanes|aircraft|soldiers|air force)"
    r"|(?:iraqi|shi['’]?ite|shia|afghan|pakistani|iranian|palestinian|lebanese) (?:militiamen|fighters|militias?"
    r"|paramilitaries)|nujaba|liwa al-quds|fatemiyoun|zainabiyoun|republican guard|4th division"
    r"|fourth division|national defen[cs]e forces|ndf|desert hawks|qods force|quds force|irgc"
    r"|troops|soldiers|military|air force|tiger forces|damascus|sana|general command|state media"
    r"|armed forces|allied forces|allied militias?|popular defen[cs]e(?: groups?| committees?)?|gos|goss?"
    r"|militias?|militiamen|(?:russian|iranian) occupation|putin|shoigu|lavrov|konashenkov|kremlin"
    r"|state (?:tv|television|news agency)|syrian (?:authorities|officials|government officials)"
    r"|(?:local|aleppo) authorities)\b"
)
_OPP_RE = re.compile(
    r"\b(?:rebels?|opposition|insurgents?|fsa|free syrian army|nusra|fateh al-sham|fatah al-sham|jabhat"
    r"|jaish|ahrar|zinki|zenki|failaq|jihadists?|islamists?|terrorists?|militants?|fighters from the"
    r"|levant front|fastaqim|nour al-din|al-qaeda|al qaeda|qaeda|sultan murad|fatah halab|jaish al-fatah"
    r"|jaish al-fateh|army of conquest|ansar|mujahideen|mujahedeen|mujahidin|faylaq|thuwar"
    r"|revolutionar(?:y|ies)|free army|gunmen|gunman|armed (?:groups?|opposition|factions?|men)"
    r"|terrorist (?:groups?|organi[sz]ations?)|nsags?|non-state armed groups?|anti-government|factions?)\b"
)
_OTHER_RE = re.compile(
    r"\b(?:is|isis|isil|islamic state|daesh|kurdish|kurds|ypg|sdf|syrian democratic forces|pkk"
    r"|turkish(?!-backed)|turkey(?!-backed)|turkish army|(?:us|u\.s\.|american|western)[- ]led coalition"
    r"|international coalition)\b"
)
#: Third parties that deliver aid: the UN and its agencies, the Red Cross/Crescent, NGOs.
_AID_AGENCY_RE = re.compile(
    r"\b(?:UN|U\.N\.|United Nations|WHO|World Health|UNICEF|WFP|World Food|OCHA|UNHCR|ICRC|Red Cross"
    r"|Red Crescent|SARC|UNRWA|NRC|Norwegian Refugee Council|Oxfam|MSF|M[ée]decins Sans Fronti[èe]res"
    r"|Save the Children|Mercy Corps|International Rescue Committee|[Vv]olunteers?"
    r"|aid (?:agencies|agency|groups?|workers?|organi[sz]ations?)|charit(?:y|ies)"
    r"|NGOs?|humanitarian (?:agencies|partners|organi[sz]ations?))\b")
_HELD_RE = re.compile(r"\b[\w'’]+\s*-?\s*(?:held|controlled|run|besieged|dominated)\b")


def classify_actor(text: str) -> str | None:
    """The side a noun phrase names: government, opposition, other, or None.

    "rebel-held", "government-controlled" and the like describe a place, not who
    acted, and are ignored.
    """
    low = _HELD_RE.sub(" ", text.lower().replace("’", "'"))
    hits = []
    for side, rx in (("government", _GOV_RE), ("opposition", _OPP_RE)):
        m = rx.search(low)
        if m:
            # (At the same start the longer name wins: "Army of Conquest" is not "army".)
            hits.append((m.start(), -len(m.group(0)), side))
    # IS in capitals only: "is" is a verb.
    m = _OTHER_RE.search(low)
    if m and (m.group(0) != "is" or re.search(r"\bIS\b", text)):
        hits.append((m.start(), -len(m.group(0)), "other"))
    if not hits:
        return None
    hits.sort()
    return hits[0][2]


# Sources for ``attributed_to``: (pattern on the speaker phrase, canonical label).
_SOURCES = [
    (r"syrian observatory|sohr|\bobservatory\b|\bmonitor\b|monitoring group", "Syrian Observatory for Human Rights"),
    (r"civil defen[cs]e|white helmets", "civil defence"),
    (r"\bsana\b|state (?:news|media|television|tv)|pro-government media", "state media"),
    (r"defen[cs]e ministry|ministry of defen[cs]e", "defence ministry"),
    (r"russian (?:military|army|air force|forces|officers?|general)|kremlin|russia'?s? military", "Russian military"),
    (r"\barmy\b|military|\bgeneral\b|regime|government|commander of an? (?:iraqi|iranian)|militia commander",
     "Syrian army"),
    (r"rebels?|opposition|fsa|free syrian army|insurgent|fighter|faction|zinki|failaq|levant front|commander",
     "rebels"),
    (r"activists?", "activists"),
    (r"\bresidents?\b|\bwitness(?:es)?\b", "residents"),
    (r"\bafp\b|agence france", "AFP"),
    (r"reuters", "Reuters"),
    (r"associated press|\bap\b", "AP"),
    (r"al jazeera", "Al Jazeera"),
    (r"\bun\b|\bu\.n\.|united nations|o'brien|ocha|de mistura|unicef|world health|\bwfp\b|world food",
     "United Nations"),
    (r"medical|\bdoctors?\b|\bmedics?\b|physician|\bnurses?\b|sams|msf|hospital|m[ée]decins", "medical sources"),
]


def canonical_source(phrase: str) -> str:
    """A short, stable label for a speaker phrase ("a rebel commander" -> "rebels")."""
    low = phrase.lower().replace("’", "'")
    for pattern, label in _SOURCES:
        if re.search(pattern, low):
            return label
    # Otherwise the phrase itself, without a leading article: "the Aleppo Media Centre" ->
    # "Aleppo Media Centre".
    return re.sub(r"^(?:the|a|an)\s+", "", phrase.strip(" ,\"“”'"), flags=re.IGNORECASE)[:80]


# ---------------------------------------------------------------------------
# The component
# ---------------------------------------------------------------------------


@dataclass
class _Finding:
    activity: str = "none"
    predicate: Token | None = None
    reason: str = ""
    hypothetical: bool = False


@dataclass
class _DocContext:
    """Per-document facts computed once: headings, sentence dates, actor memory."""

    published: _dt.date | None
    heading_lines: set[int] = field(default_factory=set)
    line_starts: list[int] = field(default_factory=list)
    sent_dates: dict[int, tuple[_dt.date | None, str]] = field(default_factory=dict)
    sent_exprs: dict[int, list[tuple[TimeExpression, Token]]] = field(default_factory=dict)
    inherited: dict[int, tuple[_dt.date | None, str]] = field(default_factory=dict)
    last_actor: dict[int, Any] = field(default_factory=dict)
    last_source: dict[int, str | None] = field(default_factory=dict)
    place_actor: dict[str, str] = field(default_factory=dict)
    segment_of: dict[int, int] = field(default_factory=dict)
    datelines: list[tuple[int, int]] = field(default_factory=list)
    dateline_tokens: set[int] = field(default_factory=set)
    #: Tokens inside place mentions: a place name never names a side ("Dahiyet al-Assad").
    place_tokens: frozenset[int] = frozenset()
    #: The previous mention and what was found for it (conjoined places share it).
    previous: tuple[Span, Any] | None = None
    #: What the rules found for each mention (by start token), for the classifier.
    findings: dict[int, "_Finding"] = field(default_factory=dict)
    #: The rules' activity for each mention (by start token), before any revision, and
    #: each sentence's mentions (by the sentence's start), for the classifier.
    rule_activity: dict[int, str] = field(default_factory=dict)
    sentence_mentions: dict[int, list[Span]] = field(default_factory=dict)
    place_mentions: dict[str, list[Span]] = field(default_factory=dict)


class ActivityTagger:
    """spaCy component: activity, actor, date, source and figures for each place mention.

    Reads ``doc.spans[spans_key]`` (set by the place finder/linker, or by hand) and
    ``doc._.published``. Spans keep any ``_.place`` the linker set; when it is a
    gazetteer Place its ``kind`` helps the container rule.

    ``inferred_actors``: when True (default), air strikes and sieges with no stated
    actor are coded government, as the annotation guidelines do for rebel-held Aleppo
    in 2016; set False to leave them unknown for other wars. (Casualties with no stated
    perpetrator stay unknown either way, as the guidelines say.)
    """

    def __init__(self, nlp: Language, name: str = "aleppo_activity", *, spans_key: str = SPANS_KEY,
                 inferred_actors: bool = True, classifier: str | None = "bundled",
                 classifier_threshold: float = DEFAULT_THRESHOLD) -> None:
        self.name = name
        self.spans_key = spans_key
        self.inferred_actors = inferred_actors
        #: The learned second opinion (see aleppo_geo.classifier); None: the rules alone.
        self.classifier: ActivityClassifier | None = None
        if classifier:
            self.classifier = ActivityClassifier.load(BUNDLED_PATH if classifier == "bundled" else classifier)
        self.classifier_threshold = classifier_threshold
        register_extensions()

    # -- spaCy API ---------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        spans = doc.spans[self.spans_key] if self.spans_key in doc.spans else []
        if not len(spans):
            return doc
        if not doc.has_annotation("DEP"):
            raise MissingParserError(
                "aleppo_activity needs a dependency parse: add it after the model's 'parser' "
                "(e.g. load_english_model() keeps it; do not exclude or disable 'parser')"
            )
        ctx = self._tag_by_rules(doc, spans)
        if self.classifier is not None:
            for span in spans:
                self._revise(span, ctx)
        return doc

    def _tag_by_rules(self, doc: Doc, spans: Iterable[Span]) -> _DocContext:
        ctx = self._doc_context(doc)
        for span in spans:
            self._tag(span, doc, ctx)
        # "How Aleppo fell" (a headline before the story says who took it): a capture
        # with no stated side takes the side the rest of the report gives for the place.
        for span in spans:
            if span._.activity == "capture" and span._.actor == "unknown":
                side = ctx.place_actor.get(self._place_key(span))
                if side is not None:
                    span._.actor = side
        for span in spans:
            ctx.rule_activity[span.start] = span._.activity or "none"
            ctx.sentence_mentions.setdefault(span.sent.start, []).append(span)
            ctx.place_mentions.setdefault(self._place_key(span), []).append(span)
        return ctx

    def mention_features(self, doc: Doc) -> list[tuple[Span, list[str]]]:
        """Each mention with the features the classifier reads, after the rules alone have
        tagged ``doc`` (for training: ``aleppo-geo train-activity``)."""
        spans = doc.spans[self.spans_key] if self.spans_key in doc.spans else []
        if not len(spans):
            return []
        ctx = self._tag_by_rules(doc, spans)
        return [(span, self._features(span, ctx)) for span in spans]

    # -- the learned second opinion ------------------------------------------
    def _features(self, span: Span, ctx: _DocContext) -> list[str]:
        """Sparse features of a mention: the rules' decision and its reason, the words that
        govern the mention, its neighbours, the content words of its sentence, and the
        sides named around it."""
        finding = ctx.findings.get(span.start) or _Finding()
        rule = span._.activity or "none"
        feats = {f"rule={rule}", f"rule_actor={span._.actor}", f"reason={finding.reason}",
                 f"rule+reason={rule}|{finding.reason}"}
        if finding.predicate is not None:
            lemma = finding.predicate.lemma_.lower()
            feats |= {f"pred={lemma}", f"rule+pred={rule}|{lemma}"}
        root = span.root
        feats.add(f"dep={root.dep_}")
        if root.head.pos_ == "ADP":
            feats |= {f"prep={root.head.lower_}", f"prep_head={root.head.head.lemma_.lower()}"}
        cur = root
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in {"VERB", "NOUN", "ADJ", "AUX"}:
                feats.add(f"governor={cur.lemma_.lower()}")
        places = ctx.place_tokens
        doc = span.doc
        feats |= {f"sent={t.lemma_.lower()}" for t in span.sent
                  if t.i not in places and t.pos_ in {"NOUN", "VERB", "ADJ", "ADV", "ADP"}}
        feats |= {f"left={t.lemma_.lower()}" for t in doc[max(0, span.start - 5):span.start] if t.i not in places}
        feats |= {f"right={t.lemma_.lower()}" for t in doc[span.end:span.end + 5] if t.i not in places}
        side = classify_actor(" ".join(t.text if t.i not in places else "|" for t in span.sent))
        feats.add(f"sentence_side={side}")
        if self._line_of(ctx, span.start_char) in ctx.heading_lines:
            feats.add("heading")
        # The nearest verbs before and after the mention in its sentence, whatever the
        # parse made of them ("had earlier secured X, Y and Z neighborhoods", where the
        # small model read "secured" as an adjective).
        sent = span.sent
        before = next((t for t in reversed(doc[sent.start:span.start]) if t.tag_.startswith("VB")
                       and t.i not in places), None)
        after = next((t for t in doc[span.end:sent.end] if t.tag_.startswith("VB") and t.i not in places), None)
        if before is not None:
            feats.add(f"verb_before={before.lemma_.lower()}")
        if after is not None:
            feats.add(f"verb_after={after.lemma_.lower()}")
        # What the rules made of the mentions listed just before and after it: a list the
        # parser broke keeps one event ("captured A, B and several positions in C").
        near = [o for o in ctx.sentence_mentions.get(sent.start, ()) if o.start != span.start]
        prev = [o for o in near if o.end <= span.start and span.start - o.end <= 6]
        nxt = [o for o in near if o.start >= span.end and o.start - span.end <= 6]
        if prev:
            feats.add(f"previous_mention={ctx.rule_activity.get(prev[-1].start, 'none')}")
        if nxt:
            feats.add(f"next_mention={ctx.rule_activity.get(nxt[0].start, 'none')}")
        # What the rules found at the same place elsewhere in the report: a capture in the
        # lead colours the later "in X" of the same story.
        others = [o for o in ctx.place_mentions.get(self._place_key(span), ()) if o.start != span.start]
        feats |= {f"same_place={ctx.rule_activity.get(o.start, 'none')}" for o in others}
        earlier = [o for o in others if o.start < span.start]
        if earlier:
            feats.add(f"same_place_before={ctx.rule_activity.get(earlier[-1].start, 'none')}")
        # Pairs a linear model cannot form from single features: the rules' label with the
        # preposition and the governing words, the preposition with its governor, ...
        values = {}
        for f in feats:
            kind, _, value = f.partition("=")
            values.setdefault(kind, []).append(value)
        for a, b in _FEATURE_PAIRS:
            feats |= {f"{a}*{b}={x}|{z}" for x in values.get(a, ()) for z in values.get(b, ())}
        return sorted(feats)

    def _revise(self, span: Span, ctx: _DocContext) -> None:
        """Let the classifier revise the rules' activity and actor for ``span``."""
        if span.start not in ctx.findings:
            return  # a dateline: where the reporter filed from is never an event (see _tag)
        rule = span._.activity
        activity, actor = self.classifier.revise(self._features(span, ctx), rule, span._.actor,
                                                 threshold=self.classifier_threshold)
        if activity == rule and actor == span._.actor:
            return
        span._.activity = activity
        if activity == "none":
            self._set_none(span)
            return
        span._.actor = actor
        if activity != rule:
            finding = _Finding(activity, (ctx.findings.get(span.start) or _Finding()).predicate, "classifier")
            if rule == "none":
                date, precision = self._date(span, finding, ctx)
                span._.event_date = date
                span._.date_precision = precision if date is not None or precision != "day" else "unknown"
            span._.contested = self._contested(span, finding)
            span._.casualties_killed, span._.casualties_injured = self._casualties(span, finding)

    @staticmethod
    def _place_of(span: Span) -> Any:
        """The gazetteer place the linker set on the mention, if any."""
        return getattr(span._, "place", None) if Span.has_extension("place") else None

    @classmethod
    def _place_key(cls, span: Span) -> str:
        return getattr(cls._place_of(span), "id", None) or span.text.lower()

    # -- document context --------------------------------------------------
    def _doc_context(self, doc: Doc) -> _DocContext:
        try:
            published = parse_publication_date(doc._.published)
        except ValueError:
            published = None
        ctx = _DocContext(published=published)
        ctx.place_tokens = self._place_tokens(doc)
        text = doc.text
        ctx.datelines = dateline_spans(text)
        for a, b in ctx.datelines:
            ctx.dateline_tokens |= {t.i for t in doc if a <= t.idx < b}
        lines = text.split("\n")
        pos = 0

        def is_body(line: str) -> bool:
            stripped = line.strip()
            return stripped.endswith((".", "!", "?", "”", '"', "'", "’", ".)")) and len(stripped.split()) >= 20

        # A text with no body-like line at all (a single sentence, a short dispatch) has
        # no headline zone.
        body_started = not any(is_body(line) for line in lines)
        for i, line in enumerate(lines):
            ctx.line_starts.append(pos)
            stripped = line.strip()
            words = len(stripped.split())
            ends = stripped.endswith((".", "!", "?", "”", '"', "'", "’", ".)"))
            if stripped:
                if not body_started and (is_body(line) or any(pos <= a < pos + len(line) + 1
                                                              for a, _b in ctx.datelines)):
                    # (A dateline "BEIRUT (Reuters) -" opens the body, however short its lead.)
                    body_started = True
                # Headline zone (title, standfirst, caption) and body lines that do not
                # end a sentence (sub-headings, related-link lines) neither borrow nor
                # lend narrative dates.
                if not body_started or not ends or words < 4 or _CAPTION_RE.search(stripped):
                    ctx.heading_lines.add(i)
            pos += len(line) + 1
        # Sentence-level dates and the narrative carry-over.
        carry: tuple[_dt.date | None, str] | None = None
        resume: tuple[tuple[_dt.date | None, str], int] | None = None
        stamped_lines: set[int] = set()
        for sent in self._segments(doc):
            para = text.rfind("\n\n", 0, sent.start_char)
            if resume is not None and para != resume[1]:
                # A flashback paragraph ("On Wednesday, army units completed ...", in a
                # Thursday story) dates its own sentences; after it the narrative resumes
                # at the day it had reached.
                carry, resume = resume[0], None
            for t in sent:
                ctx.segment_of[t.i] = sent.start
            exprs = self._sentence_exprs(sent, published)
            ctx.sent_exprs[sent.start] = exprs
            line_no = self._line_of(ctx, sent.start_char)
            heading = line_no in ctx.heading_lines
            own = self._sentence_date(exprs)
            rel = [e for e, _t in exprs if _narrative_offset(e) is not None]
            if rel and carry is not None and carry[0] is not None and (own is None or own[0] is None or all(
                    _narrative_offset(e) is not None for e, _t in exprs if e.date is not None)):
                # "Two days later, troops took X": the narrative moves on from its own day.
                own = (carry[0] + _dt.timedelta(days=_narrative_offset(rel[0])), "day")
            if line_no not in stamped_lines and _TIMESTAMP_RE.match(lines[line_no]) and published is not None:
                # A live blog's timestamped entry ("18:40 -", "12.15 GMT") reports the
                # day of the update: the publication day unless the entry says otherwise.
                stamped_lines.add(line_no)
                carry = own if own is not None else (published, "day")
            if heading:
                continue
            if self._in_quotation(sent):
                # A quoted speaker's "today" or "last week" is on the speaker's clock, so
                # a quotation does not lend its dates to the narrative; it continues the
                # reporter's dated narrative all the same ("Our fighters stormed X at dawn").
                ctx.inherited[sent.start] = carry if carry is not None else (None, "unknown")
                ctx.sent_dates[sent.start] = own if own is not None else carry or (None, "unknown")
                continue
            ctx.inherited[sent.start] = carry if carry is not None else (None, "unknown")
            pluperfect = any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in sent.root.children)
            quoted = [(e, t) for e, t in exprs if e.date is None and _inside_quote_marks(t)]
            if quoted:
                # '"Most of it was destroyed last month," said an official': a vague time
                # in quoted words does not clear the reporter's dated narrative.
                exprs_lent = [x for x in exprs if x not in quoted]
                lent = self._sentence_date(exprs_lent)
            else:
                exprs_lent, lent = exprs, own
            if lent is not None and (lent[0] is not None or lent[1] in {"week", "month", "season"}) \
                    and (self._dates_an_event(exprs_lent) or carry is None and lent[0] is not None
                         and not self._dates_a_meeting(exprs_lent)) and not pluperfect:
                # (The first dated sentence of the body - the lead - sets the story's day
                # whatever its verb: "A deal ... appeared to collapse Wednesday, as
                # shelling resumed".)
                # (A pluperfect flashback - "rebels had taken X in July" - leaves the
                # narrative's day where it was.)
                # (A "since ..." range or a vague "so far" neither sets nor clears the day.)
                # Only a dated event continues as the narrative's day: "an agreement
                # brokered on Tuesday night" does not date the next paragraph's shooting.
                if carry is not None and carry[0] is not None and lent[0] is not None and lent[0] < carry[0] \
                        and resume is None:
                    resume = (carry, para)
                carry = lent
            ctx.sent_dates[sent.start] = own if own is not None else carry or (None, "unknown")
        return ctx

    @staticmethod
    def _segments(doc: Doc) -> list[Span]:
        """Sentences cut at line breaks: a headline the parser ran into the first
        paragraph is still its own unit for dates and quotations."""
        out = []
        cuts = {end for _a, end in dateline_spans(doc.text)}
        for sent in doc.sents:
            start = sent.start
            for i in range(sent.start + 1, sent.end):
                prev = doc[i - 1]
                if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text) or (
                        prev.idx + len(prev.text) in cuts or prev.idx + len(prev.text_with_ws) in cuts):
                    if any(not t.is_space for t in doc[start:i]):
                        out.append(doc[start:i])
                    start = i
            if start < sent.end:
                out.append(doc[start:sent.end])
        return out

    @staticmethod
    def _in_quotation(sent: Span) -> bool:
        """Whether the sentence opens inside a quotation (starts with, or continues, a quote)."""
        text = sent.text.lstrip()
        doc = sent.doc
        opened = text[:1] in {"“", '"', "‘"} or _quote_open_at(doc.text, sent.start_char)
        if not opened:
            return False
        # '"Handarat has fallen," an official told Reuters.' closes the quote and
        # attributes it within the sentence: that is the reporter's narrative again.
        close = max(text.rfind("”"), text.rfind('"', 1))
        if close > 0:
            tail_start = sent.start_char + (len(sent.text) - len(text)) + close
            if any(t.idx >= tail_start and t.lemma_.lower() in _REPORTING for t in sent):
                return False
        return True

    @staticmethod
    def _line_of(ctx: _DocContext, char: int) -> int:
        import bisect

        return bisect.bisect_right(ctx.line_starts, char) - 1

    @staticmethod
    def _sentence_exprs(sent: Span, published: _dt.date | None) -> list[tuple[TimeExpression, Token]]:
        out = []
        for expr in find_time_expressions(sent.text, published):
            if expr.kind == "future":
                continue
            span = sent.doc.char_span(sent.start_char + expr.start, sent.start_char + expr.end,
                                      alignment_mode="expand")
            if span is None:
                continue
            out.append((expr, span.root))
        return out

    @staticmethod
    def _dates_a_meeting(exprs: list[tuple[TimeExpression, Token]]) -> bool:
        """Whether the first verb above a dated expression is a meeting, deal or statement
        of diplomacy ("a deal reached in Ankara on Tuesday night")."""
        for expr, tok in exprs:
            if expr.date is None:
                continue
            verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is not None and verb.lemma_.lower() in {
                    "sign", "broker", "agree", "reach", "hold", "meet", "announce", "negotiate", "propose",
                    "discuss", "vote", "adopt", "convene", "call", "urge"}:
                return True
        return False

    def _dates_an_event(self, exprs: list[tuple[TimeExpression, Token]]) -> bool:
        """Whether a sentence's time expressions date a war event (or a report of one)
        rather than a meeting, an agreement or a statement about something else."""
        dated = [(e, t) for e, t in exprs if e.date is not None and _narrative_offset(e) is None]
        for _expr, tok in dated or exprs:
            cur = tok
            for _ in range(6):
                if cur.head.i == cur.i:
                    break
                cur = cur.head
                lemma = cur.lemma_.lower()
                if cur.pos_ in {"VERB", "NOUN", "AUX", "ADJ"} and (
                        self._lexicon_activity(cur, None) or lemma in _REPORTING or lemma in _ONGOING
                        or lemma in _ERUPT or lemma in {"be", "come", "begin", "start"}):
                    return True
                if cur.pos_ == "VERB" and lemma in _LIGHT_VERBS and any(
                        c.dep_ in {"dobj", "nsubjpass"} and self._lexicon_activity(c, None) for c in cur.children):
                    return True  # "launched an offensive ... on Friday"
                if cur.pos_ == "VERB" and lemma not in _INTENT | _INTENT_INF | {
                        "sign", "broker", "agree", "reach", "hold", "meet", "halt", "suspend", "pause", "stop",
                        "cease", "end", "freeze", "lift", "deny", "condemn"} and any(
                        c.dep_ == "dobj" and self._lexicon_activity(c, None) in {"siege", "capture"}
                        for c in cur.children):
                    return True  # "reimposed the siege of X on September 4"
                if cur.pos_ in {"VERB", "AUX"} and any(
                        c.dep_ in {"advcl", "conj"} and c.pos_ == "VERB" and self._lexicon_activity(c, None)
                        and (c.dep_ == "conj" or any(m.lower_ in {"as", "when", "while"} for m in c.children
                                                     if m.dep_ in {"mark", "advmod"}))
                        for c in cur.children):
                    # "Rebels were squeezed into a shrinking pocket on Wednesday as troops
                    # advanced": the day is the advance's.
                    return True
                if cur.pos_ == "VERB" and any(c.dep_ == "xcomp" and self._lexicon_activity(c, None)
                                              for c in cur.children):
                    return True  # "managed today to take full control of X"
                if cur.pos_ == "VERB":
                    break
        return False

    @staticmethod
    def _sentence_date(exprs: list[tuple[TimeExpression, Token]]) -> tuple[_dt.date | None, str] | None:
        """The date a sentence sets for the narrative: its shallowest time expression."""
        if not exprs:
            return None

        def depth(tok: Token) -> int:
            return sum(1 for _ in tok.ancestors)

        def background(tok: Token) -> bool:
            # Inside a "since ..." clause: the background of the sentence, not its time.
            # Inside a relative clause or an "after seizing Y on Saturday" phrase: the time
            # of another event, which the narrative does not move to.
            return any(any(c.dep_ == "mark" and c.lower_ in {"since", "until"} for c in a.children)
                       or (a.dep_ == "relcl" and a.pos_ == "VERB")
                       or (a.dep_ == "pcomp" and a.pos_ == "VERB" and a.head.lower_ not in {"of", "in", "by"})
                       for a in tok.ancestors if a.pos_ in {"VERB", "AUX"})

        exprs = [(e, t) for e, t in exprs if not background(t)]
        if not exprs:
            return None
        days = [(depth(t), e) for e, t in exprs if e.date is not None
                and not e.text.lower().startswith(("since", "by"))
                and not (t.i > 0 and t.doc[t.i - 1].lower_ == "since")
                and not any(a.lower_ == "since" for a in t.ancestors if a.dep_ == "prep")]
        if days:
            e = min(days, key=lambda x: x[0])[1]
            return e.date, "day"
        e = min(((depth(t), e) for e, t in exprs), key=lambda x: x[0])[1]
        # A day left out above ("since Monday") sets no day for the narrative.
        return None, e.precision if e.precision != "day" else "unknown"

    # -- per mention ---------------------------------------------------------
    def _tag(self, span: Span, doc: Doc, ctx: _DocContext) -> None:
        if any(a <= span.start_char < b for a, b in ctx.datelines):
            # Where the reporter filed from: never the site of an event nor a source.
            self._set_none(span)
            span._.attributed_to = None
            return
        finding = self._find_activity(span)
        previous, ctx.previous = ctx.previous, None
        if finding.activity == "none" and finding.reason in {"description", "no predicate", "own clause", "agent"} \
                and previous is not None and previous[1].activity != "none":
            # "Air strikes and shelling hit al-Shaar and Karm al-Jabal": the parser often
            # loses a second "al-" name in a list; places joined by "and" share the event.
            gap = doc[previous[0].end:span.start]
            listed = any(t.lower_ in {"and", "or"} for t in gap) or (
                # "in X, Y and Z": a comma inside a list that an "and" closes later.
                [t.text for t in gap] == [","] and span.end + 1 < len(doc) and doc[span.end].lower_ in {",", "and"}
                and any(o.start in (span.end + 1, span.end + 2) for o in doc.spans.get(self.spans_key, [])))
            if 1 <= len(gap) <= 3 and all(t.lower_ in {",", "and", "or"} for t in gap) and listed:
                finding = previous[1]
        pred = finding.predicate
        if finding.activity in {"ground_advance", "airstrike", "shelling"} and pred is not None \
                and pred.lemma_.lower() in {"attack", "storm", "assault", "launch", "raid"}:
            repulse = self._repulse_of(pred)
            if repulse is not None:
                # "Forces attacked rebel positions in X, but rebels said they had repelled
                # both assaults", "Rebels attacked X, an attack the army said it had
                # repelled": the attack's outcome is the news.
                finding = _Finding("repelled", repulse, "attack repelled")
                pred = repulse
        if finding.activity == "capture" and pred is not None:
            denial = self._denial(pred)
            if denial is not None:
                finding, pred = denial, denial.predicate
        if finding.activity == "ground_advance" and pred is not None and pred.pos_ == "VERB":
            outcome = self._advance_outcome(pred)
            if outcome is not None:
                finding = _Finding(outcome[0], outcome[1], "advance and its outcome")
                pred = outcome[1]
        if finding.activity == "ground_advance" and pred is not None and pred.pos_ == "VERB" \
                and pred.lemma_.lower() in {"move", "enter", "deploy", "push", "advance", "roll", "sweep"} \
                and self._took_over(pred, span):
            # "Kurdish fighters moved into X as the rebels withdrew", "troops entered X after
            # the groups left their positions there", "... moved into parts of X, taking
            # control of the area": the advance met no one, so X changed hands.
            finding = _Finding("capture", pred, "advance into an abandoned place")
        if finding.activity in {"humanitarian", "evacuation"} and pred is not None and pred.pos_ == "NOUN" \
                and pred.lemma_.lower() in _ENTITY_NOUNS | {"ambulance", "vehicle", "car", "truck"}:
            # The convoy's verb: "fired on the convoy" (the convoy was the clause's noun).
            while pred.dep_ in {"pobj", "prep", "dobj"} and pred.head.i != pred.i and pred.pos_ != "VERB":
                pred = pred.head
        if pred is not None and (finding.activity in {"humanitarian", "evacuation"} or finding.activity == "shelling"
                                 and any(g.lemma_.lower() in {"convoy", "bus", "ambulance", "vehicle"}
                                         for c in pred.children if c.dep_ == "prep" for g in c.children)) \
                and pred.pos_ == "VERB" \
                and pred.lemma_.lower() in {"fire", "shoot", "open", "attack", "target", "ambush", "stop",
                                            "block", "halt", "intercept"} and any(
                    c.dep_ in {"advcl", "xcomp", "conj"} and (c.tag_ == "VBG" or c.dep_ == "conj")
                    and (_LEXICON.get(c.lemma_.lower()) == "casualties" or (
                        c.lemma_.lower() == "shoot" and any(g.lower_ == "dead" for g in c.subtree)))
                    for c in pred.children):
            # "gunmen fired on the convoy at X, wounding three", "militiamen stopped a convoy
            # at X and shot dead one man": the shots hurt people.
            finding = _Finding("casualties", pred, "casualties of fire")
        if finding.activity == "humanitarian" and finding.predicate is not None \
                and finding.predicate.lemma_.lower() in {"convoy", "bus", "ambulance"} \
                and not {t.lower_ for t in finding.predicate.subtree} & {
                    "aid", "humanitarian", "relief", "food", "medical", "medicine", "un", "supplies", "truck",
                    "trucks", "flour", "wfp", "unicef"} \
                and re.search(r"\bevacu", doc.text, re.I):
            # In an evacuation story a plain "the convoy" is the evacuees' convoy: "the convoy
            # passed through the X crossing" is the evacuation's crossing point.
            finding = _Finding("evacuation", finding.predicate, "evacuation convoy")
        if finding.activity in {"none", "capture", "ground_advance"} and finding.reason not in {
                "hypothetical", "goal", "intent", "reference", "container", "origin_none"}:
            pocket = self._confined_list(span, finding)
            if pocket is not None:
                finding = pocket
        if finding.activity == "none" and finding.reason in {"speaker", "description", "no predicate"}:
            finding = self._headline_before_source(span) or finding
        if finding.activity == "none" and finding.reason in {"hypothetical", "reference", "description",
                                                             "origin_none"}:
            # "The army can see into the districts of X and Y, which have been bombed daily",
            # "north of the X road, which the army cut in July", "advancing from the
            # direction of X, which they captured on Sunday": a relative clause on the
            # place states its fact whatever the clause above does with the place.
            finding = self._where_clause(span, objects_only=finding.reason != "hypothetical") or finding
        if finding.activity == "none" and finding.reason in {"no predicate", "own clause", "setting"}:
            finding = self._where_clause(span) or self._subject_site(span) or self._misattached_target(span) \
                or self._toll_clause(span) or self._caused_by_attack(span) or self._reception_site(span) \
                or finding
        if finding.activity == "none" and finding.reason in {"no predicate", "own clause", "description"}:
            finding = self._struck_with(span) or finding
        if finding.activity == "none" and finding.reason in {"no predicate", "own clause", "hypothetical", "goal",
                                                             "intent", "origin_none"}:
            # "wait in besieged eastern Aleppo", "corridors out of besieged Aleppo",
            # "residents of the besieged districts of X and Y": the place's own "besieged"
            # is a state that holds whatever the clause plans or whoever speaks from there.
            root = _mention_root(span)
            first = root
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            holders = [root]
            if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.tag_ == "NNS" \
                    and first.head.head.lemma_.lower() in _QUARTER_NOUNS:
                holders.append(first.head.head)  # "the besieged districts of X"
            if finding.reason == "origin_none":
                # Only the people of a besieged place, not fighters pushing out of it.
                holders = [h for h in holders[1:] if h.dep_ == "pobj" and h.head.lower_ == "of"
                           and h.head.head.lemma_.lower() in _CIVILIANS]
            state = next((c for h in holders for c in h.children if c.dep_ == "amod" and c.i < span.start
                          and _MODIFIER_LEXICON.get(c.lower_) == "siege"), None)
            if state is not None:
                finding = _Finding("siege", state, "besieged place")
        opener = self._corridor_opener(span) if finding.activity == "evacuation" or (
            finding.activity == "none" and finding.reason in {"no predicate", "own clause"}) else None
        if opener is not None and finding.activity == "none":
            finding = _Finding("evacuation", opener[0], "corridor opened")
        if opener is not None and opener[1] == "opposition":
            # "Rebels claim to have opened a corridor through X": their offensive got through.
            finding = _Finding("ground_advance", opener[0], "corridor forced open")
        activity = finding.activity
        ctx.previous = (span, finding)
        ctx.findings[span.start] = finding
        span._.activity = activity
        span._.contested = False
        span._.casualties_killed = None
        span._.casualties_injured = None
        source, speaker = self._attribution(span, ctx)
        span._.attributed_to = source
        if activity == "none":
            span._.actor = None
            span._.event_date = None
            span._.date_precision = "unknown"
            return
        actor = self._actor(span, finding, speaker, ctx)
        if opener is not None:
            actor = opener[1]
        if activity == "airstrike" and actor == "opposition":
            # Rebels had no aircraft: their "bombardment" of X, a target their fire hit,
            # was shelling.
            activity = span._.activity = "shelling"
            finding = ctx.findings[span.start] = replace(finding, activity="shelling")
        span._.actor = actor
        date, precision = self._date(span, finding, ctx)
        if date is None and precision == "day":
            precision = "unknown"  # the contract: "day" always comes with a date
        span._.event_date = date
        span._.date_precision = precision
        span._.contested = self._contested(span, finding)
        killed, injured = self._casualties(span, finding)
        span._.casualties_killed = killed
        span._.casualties_injured = injured
        key = self._place_key(span)
        if actor in ("government", "opposition", "other") and activity in ("capture", "ground_advance"):
            if activity == "capture" or key not in ctx.place_actor:
                ctx.place_actor[key] = actor

    @staticmethod
    def _denial(pred: Token) -> _Finding | None:
        """"A rebel spokesman denied that X had fallen", "denied losing X": the capture is
        not reported. When the sentence goes on that fighting continues ("saying fighting
        was still going on there"), the place sees clashes; otherwise nothing is reported."""
        cur, prev = pred, None
        for _ in range(3):
            if cur.lemma_.lower() == "deny" and cur.pos_ == "VERB" and prev is not None \
                    and prev.dep_ in {"ccomp", "xcomp", "pcomp", "dobj"} and cur.i < pred.i:
                # (Not "the army said it had taken X, a claim rebels denied": a contested claim.)
                break
            if cur.head.i == cur.i:
                return None
            prev, cur = cur, cur.head
        else:
            return None
        after = [t for t in pred.sent if t.i > cur.i]
        fight = next((t for t in after if t.lemma_.lower() in {"fighting", "fight", "clash", "battle"}
                      and t.pos_ in {"NOUN", "VERB"}), None)
        if fight is not None and any(t.lower_ == "still" or t.lemma_.lower() in {"continue", "rage", "go"}
                                     for t in after):
            return _Finding("clashes", fight, "denied, fighting goes on")
        return _Finding(reason="denied")

    def _headline_before_source(self, span: Span) -> _Finding | None:
        """A headline "Week of air raids pounds X, Y and Z, monitor says": the parser
        often makes the places the speaker's words; the event word comes before them."""
        doc = span.doc
        _line_a, line = _line_tokens(span)
        words = [t for t in line if not t.is_punct]
        if not (4 <= len(words) and len(line) <= 24 and words[-1].lemma_.lower() in {"say", "report", "claim"}
                and words[-2].lemma_.lower() in _PEOPLE_SOURCES | _SOURCE_NOUNS
                and doc[words[-2].i - 1].text == "," and span.end <= words[-2].i - 1):
            return None
        first_place = min([o.start for o in doc.spans.get(self.spans_key, []) if line[0].i <= o.start < span.end]
                          + [span.start])
        for t in reversed(doc[line[0].i:first_place]):
            act = self._lexicon_activity(t, None)
            if act:
                return _Finding(act, t, "headline")
        return None

    @staticmethod
    def _heavy_weapon_clause(verb: Token) -> bool:
        """Whether a clause's own words name shells, rockets, bombs or aircraft ("when
        shells hit X", "when warplanes struck X", "when rebels shelled X")."""
        if verb.lemma_.lower() in {"shell", "bomb", "bombard", "pound", "strike", "raid"}:
            return True
        return any(t.lemma_.lower() in _HEAVY_WEAPONS for c in verb.children
                   if c.dep_ in {"nsubj", "nsubjpass", "dobj", "prep", "agent"} for t in c.subtree)

    @staticmethod
    def _reception_site(span: Span) -> _Finding | None:
        """"Families were registered at a reception centre in X": where evacuees are
        received is an evacuation site, whatever the clause's verb."""
        root = _mention_root(span)
        if root.dep_ == "pobj" and root.head.lower_ in {"in", "at"}:
            centre = root.head.head
            if centre.lemma_.lower() in {"centre", "center"} and any(
                    c.lower_ in {"reception", "registration", "transit"} for c in centre.children):
                return _Finding("evacuation", centre, "reception centre")
        return None

    def _confined_list(self, span: Span, finding: _Finding) -> _Finding | None:
        """"... leaving the rebels penned into a strip of neighborhoods, including X",
        "thousands are squeezed into a cluster of neighborhoods, among them X": the
        quarters listed after the pocket people were confined to are besieged, whatever
        verb the parser hung the list on."""
        doc = span.doc
        sent = span.sent
        before = doc[sent.start:span.start]
        lists = [t for t in before if t.lower_ in {"including", "among"} or (
            t.lower_ == "such" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "as")]
        if not lists:
            return None
        marker = lists[-1]
        confine = [t for t in doc[sent.start:marker.i] if t.pos_ == "VERB" and t.lemma_.lower() in _CONFINE
                   and any(c.dep_ == "prep" and c.lower_ in {"into", "in", "to", "inside"} for c in t.children)]
        if not confine:
            return None
        verb = confine[-1]
        if finding.predicate is not None and verb.i < finding.predicate.i < span.start:
            return None  # a later verb of its own ("..., and troops then took X")
        # Only places listed straight after the marker ("including X, Y and Z").
        gap = doc[marker.i + 1:span.start]
        if any(t.pos_ in {"VERB", "AUX"} for t in gap) or any(t.text in {".", ";", ":"} for t in gap):
            return None
        if self._hypothetical(verb, "siege"):
            return None
        return _Finding("siege", verb, "confined pocket")

    def _where_clause(self, span: Span, objects_only: bool = False) -> _Finding | None:
        """What a "where" clause on the mention reports there, when its own clause reports
        nothing: "... and part of Sheikh Saeed, where clashes continued on Thursday",
        "Khan al-Assal, where buses from Aleppo have been arriving"."""
        root = _mention_root(span)
        heads = [root]
        if root.dep_ == "pobj" and root.head.lower_ == "of":
            heads.append(root.head.head)  # "part of X, where ..."
        first = root
        while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ in {"PROPN", "NOUN"}:
            first = first.head
        listed_in = None
        if first.dep_ == "pobj" and first.head.lower_ == "of" and first.head.head.tag_ == "NNS" \
                and first.head.head.lemma_.lower() in _QUARTER_NOUNS:
            listed_in = first.head.head  # "the districts of X, Y and Z, which have been bombed"
            heads += [h for h in (first, listed_in) if h not in heads]  # (the clause may hang on X)
        heads += [c for h in list(heads) for c in h.children if c.dep_ == "appos"]  # "X, the area where ..."
        heads += [c for h in list(heads) if h.dep_ == "appos" for c in h.children if c.dep_ == "prep"
                  for g in c.children if g.dep_ == "pobj"]  # "the area just west of the city where ..."
        governing = next((a for a in root.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        held = governing is not None and governing.lemma_.lower() in _HOLDING  # "troops still hold X, which ..."
        for head in heads:
            for clause in head.children:
                if clause.dep_ == "relcl" and (head.i == root.i or head.dep_ == "appos" and head.head.i == root.i
                                               or listed_in is not None and head.i in {listed_in.i, first.i}
                                               and clause.i > span.end) \
                        and clause.pos_ == "VERB" \
                        and self._relative_object_clause(clause):
                    # "Dahiyet al-Assad, which rebels overran on Friday", "X, which fell
                    # to the army on Sunday": the place is what the clause acted on.
                    act = self._lexicon_activity(clause, None)
                    if act in _EVENT_ACTIVITIES and not self._hypothetical(clause, act) \
                            and clause.lemma_.lower() not in _HOLDING and not held:
                        # (Not "which rebels had held since 2012", nor "troops still hold X,
                        # which they cut in July": who holds a place is a state, no event.)
                        return _Finding(act, clause, "relative clause")
                    continue
                if objects_only:
                    continue
                if clause.dep_ != "relcl" or not any(
                        c.lower_ == "where" and c.dep_ in {"advmod", "mark"} for c in clause.children):
                    continue
                if self._hypothetical(clause, "none"):
                    return None
                act = self._lexicon_activity(clause, None)
                if act is None and (clause.lemma_.lower() in _ONGOING | _ERUPT or clause.lemma_.lower() == "be"):
                    subj = [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
                    if subj and self._lexicon_activity(subj[0], None):
                        return _Finding(self._lexicon_activity(subj[0], None), subj[0], "where clause")
                if act:
                    return _Finding(act, clause, "where clause")
        return None

    def _subject_site(self, span: Span) -> _Finding | None:
        """"Eight hospitals still functioning in X have been hit", "the last two hospitals
        still working, in the X and Y districts, had been struck": the place locates the
        subject of an attack, through the participle the parser hung it on."""
        root = _mention_root(span)
        if root.dep_ in {"nmod", "compound", "conj"} and root.head.lemma_.lower() in _ADMIN:
            root = root.head  # "in the X and Y districts"
        elif root.dep_ == "conj" and root.head.dep_ in {"nmod", "compound"} and root.head.head.lemma_.lower() in _ADMIN:
            root = root.head.head
        if root.dep_ != "pobj" or root.head.lower_ not in {"in", "at", "inside"}:
            return None
        cur = root.head.head
        for _ in range(3):
            if cur.pos_ == "VERB" and cur.dep_ in {"acl", "relcl", "advcl"} and cur.tag_ in {"VBG", "VBN"} \
                    and self._lexicon_activity(cur, None) is None:
                cur = cur.head
                continue
            break
        if cur.pos_ == "VERB" and cur.lemma_.lower() in {"function", "work", "operate", "remain", "serve", "stand"} \
                and any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in cur.children):
            # The parser made the participle the main verb: "Eight hospitals still
            # functioning in X have been hit" - "hit" hangs on "functioning".
            # (or a subjectless sibling: "... said the hospitals still working, in X, had
            # been struck")
            siblings = [c for c in cur.head.children if c.i > root.i and c.dep_ == cur.dep_ and not any(
                g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)] if cur.head.i != cur.i else []
            for c in list(cur.children) + siblings:
                if c.dep_ in {"conj", "ccomp", "parataxis", "dep"} and c.pos_ == "VERB" and c.i > root.i:
                    act = self._lexicon_activity(c, None)
                    if act in {"airstrike", "shelling", "capture", "casualties"} and not self._hypothetical(c, act):
                        return _Finding(act, c, "subject's site")
            return None
        if cur.pos_ not in {"NOUN", "PROPN"} or cur.dep_ not in {"nsubj", "nsubjpass"} or cur.i in {
                t.i for t in span}:
            return None
        verb = cur.head
        act = self._lexicon_activity(verb, None)
        if act in {"airstrike", "shelling", "capture", "casualties"} and not self._hypothetical(verb, act):
            return _Finding(act, verb, "subject's site")
        clauses = list(verb.children) + [g for c in verb.children if c.dep_ == "xcomp" for g in c.children]
        for c in clauses:
            # "the last hospital, in X, stopped receiving patients after it was hit by two
            # barrel bombs": the attack that stopped it.
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in {"after", "when"} for g in c.children):
                act = self._lexicon_activity(c, None)
                if act in {"airstrike", "shelling"} and not self._hypothetical(c, act):
                    return _Finding(act, c, "subject's site")
        return None

    def _repulse_of(self, attack: Token) -> Token | None:
        """The verb that reports ``attack`` repelled, in the same sentence: its object is
        the attack itself ("repelled both assaults", "an attack that the army said it had
        repelled", "repelled it")."""
        for tok in attack.sent:
            if tok.i <= attack.i or tok.pos_ != "VERB" or tok.lemma_.lower() not in {
                    "repel", "repulse", "thwart", "foil", "rebuff"}:
                continue
            if self._hypothetical(tok, "repelled") or any(c.dep_ == "neg" for c in tok.children):
                continue
            objects = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            refers = any(o.lemma_.lower() in {"attack", "assault", "attempt", "offensive", "it", "them", "both",
                                              "advance", "push", "raid"} for o in objects)
            # "an attack that the army said it had repelled": the relative clause's noun.
            head = tok
            while head.dep_ in {"ccomp", "xcomp"} and head.head.i != head.i:
                head = head.head
            if head.dep_ == "relcl" and head.head.lemma_.lower() in {"attack", "assault", "attempt", "offensive"}:
                refers = True
            if refers:
                return tok
        return None

    def _advance_outcome(self, verb: Token) -> tuple[str, Token] | None:
        """What became of an advance, when the same clause says: "advanced on X ... and
        seized it" (capture), "reached X, cutting the only route into ..." (the road is
        cut: capture), "counterattacked near X but were pushed back" (repelled)."""
        if self._hypothetical(verb, "ground_advance") or self._is_goal(verb):
            return None
        # (The parser may hang "but were pushed back" on a verb above: "It said rebels
        # counterattacked near X but were pushed back".)
        above = [a for a in list(verb.ancestors)[:2] if a.pos_ in {"VERB", "NOUN"}]
        later = [c for a in above for c in a.children if c.dep_ == "conj" and c.i > verb.i]
        for c in list(verb.children) + later:
            lemma = c.lemma_.lower()
            if c in later and not any(g.dep_ == "auxpass" for g in c.children):
                continue
            if c.dep_ == "conj" and c.pos_ == "VERB" and _LEXICON.get(lemma) == "capture" \
                    and any(g.dep_ == "dobj" and g.lower_ in {"it", "them"} for g in c.children):
                return "capture", c  # "advanced on the camp ... and seized it"
            if c.dep_ in {"advcl", "conj"} and c.tag_ == "VBG" and lemma in {"cut", "sever", "seal"} and any(
                    g.dep_ == "dobj" and g.lemma_.lower() in {"route", "road", "line", "artery", "link"}
                    for g in c.children) and verb.lemma_.lower() in {"reach", "advance", "push", "take", "seize"}:
                return "capture", c  # "reached the Castello Road, cutting the only route"
            if c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "auxpass" for g in c.children) and (
                    lemma in {"repel", "repulse", "thwart", "foil"} or lemma in {"push", "beat", "drive", "force"}
                    and any(g.dep_ in {"prt", "advmod"} and g.lower_ == "back" for g in c.children)) \
                    and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children):
                return "repelled", verb  # "rebels counterattacked near X but were pushed back"
        return None

    def _took_over(self, verb: Token, span: Span) -> bool:
        """Whether an advance ``verb`` came with the other side leaving, or with taking
        control: an "as/after" clause of withdrawal, "taking control (of ...)", or the
        place's own "which had been emptied of fighters"."""
        if self._hypothetical(verb, "capture") or self._is_goal(verb):
            return False
        root = _mention_root(span)
        cur = root
        for _ in range(5):
            # "moved into parts of (the adjoining) X (and Y) as rebels withdrew": part of X is not X.
            if cur.dep_ not in {"pobj", "prep", "conj", "compound", "nmod", "appos"} or cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.lower_ in {"part", "parts"}:
                return False
        for c in verb.children:
            if c.dep_ in {"advcl", "conj"} and c.pos_ == "VERB":
                lemma = c.lemma_.lower()
                if lemma in _LEAVE_PLACE - {"evacuate", "flee"} and (
                        any(g.dep_ == "mark" and g.lower_ in {"as", "after", "when", "once"} for g in c.children)
                        or c.dep_ == "advcl"):
                    return True
                if lemma in {"take", "assume", "seize"} and c.tag_ == "VBG" and any(
                        g.dep_ == "dobj" and g.lemma_.lower() == "control" for g in c.children):
                    return True
        for c in root.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in {"empty", "clear", "vacate", "abandon"}:
                return True
        return False

    def _container_of_listed_quarters(self, span: Span) -> bool:
        """"the eastern Aleppo neighborhoods of Sukkari, Karm al-Jabal and ...", "rebel-held
        neighborhoods of Aleppo including al-Sukkari": the quarters are named, so the
        city (or its half) is their container."""
        root = _mention_root(span)
        places = span.doc.spans.get(self.spans_key, [])
        in_place = {t for o in places if o.start != span.start for t in range(o.start, o.end)}
        if root.dep_ in {"compound", "amod"} and root.head.lemma_.lower() in {"city", "town"} \
                and root.head.i == span.end:
            root = root.head  # "... neighborhoods in Aleppo city"
        noun = None
        if root.dep_ in {"compound", "nmod", "amod"} and root.head.lemma_.lower() in _QUARTER_NOUNS \
                and root.head.tag_ == "NNS":
            noun = root.head  # "the eastern Aleppo neighborhoods of X"
        elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.tag_ == "NNS" \
                and root.head.head.lemma_.lower() in _QUARTER_NOUNS:
            noun = root.head.head  # "neighborhoods of Aleppo including X"
        elif root.dep_ == "pobj" and root.head.lower_ == "in" and root.head.head.lemma_.lower() in _QUARTER_NOUNS:
            # "fired shells on al-Midan and al-Jamiliyeh neighborhoods in Aleppo city",
            # "to al-Sakhour neighborhood and Sheikh Lutfi area in Aleppo": the quarters
            # are named before their noun, the city after it.
            noun = root.head.head
            named = [t for c in noun.children if c.dep_ in {"compound", "nmod", "amod"}
                     for t in c.subtree if t.i in in_place]
            return any(self._more_specific(t, span) for t in named)
        if noun is None or not places:
            return False
        if root.dep_ == "pobj":
            # Only the quarters listed after "including"/"such as" - "neighborhoods of X and Y"
            # lists X and Y themselves - or named before the noun: "the Sakhour and Tariq
            # al-Bab districts of eastern Aleppo".
            lists = [t for t in noun.subtree if t.lower_ in {"including", "like", "such"}]
            lists += [c for c in noun.children if c.dep_ in {"compound", "nmod", "amod"} and c.i in in_place]
        else:
            lists = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "including", "like"}]
        named = [t for lst in lists for t in lst.subtree if t.i in in_place and not (span.start <= t.i < span.end)]
        # The named places must be the more specific ones (a city's quarters, not the city).
        return any(self._more_specific(t, span) for t in named)

    @staticmethod
    def _previous_subject_side(span: Span) -> str | None:
        """The side of the previous sentence's subject, for a sentence-opening "they":
        "Government forces ... have captured 90 percent of the enclave. On Monday they
        took Sheikh Saeed." Only within the paragraph."""
        sent = span.sent
        if sent.start == 0:
            return None
        prev = span.doc[sent.start - 1].sent
        if "\n" in span.doc.text[prev.end_char:sent.start_char] or "\n\n" in prev.text.strip():
            return None
        subj = [c for c in prev.root.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subj:
            return None
        words = " ".join(t.text for t in subj[0].subtree if t.dep_ not in {"relcl", "acl", "appos"})
        return classify_actor(words)

    def _placed_by_other_place(self, span: Span) -> bool:
        """Whether the mention follows "near", "next to", "bordering", "on the edge of" ...
        right after another place mention: "X, next to Y", "X near the Kurdish-held
        district of Y", "X, a district bordering Y", "the X complex on the edge of Y"."""
        doc = span.doc
        describing = {"the", "a", "an", "city", "'s", "’s", "-", "kurdish", "rebel", "government", "regime",
                      "held", "run", "controlled", "besieged", "nearby", "neighbouring", "neighboring"}
        i = span.start - 1
        while i >= 1:
            if doc[i].lower_ in describing or doc[i].lower_ in _ADMIN or doc[i].tag_ == "JJ":
                i -= 1
            elif doc[i].lower_ == "of" and doc[i - 1].lower_ in _ADMIN:
                i -= 2  # "the Kurdish-held district of Y"
            else:
                break
        if i < 1:
            return False
        if doc[i].lower_ == "to" and doc[i - 1].lower_ in {"next", "close", "adjacent"}:
            i -= 1
        elif doc[i].lower_ == "of" and doc[i - 1].lower_ in {"edge", "outskirts"}:
            i -= 2
            while i > 0 and doc[i].lower_ in {"the", "southern", "northern", "eastern", "western"}:
                i -= 1
            if doc[i].lower_ != "on":
                return False
        elif doc[i].lower_ not in {"near", "beside", "bordering", "adjoining", "overlooking"}:
            return False
        ends = {o.end - 1 for o in doc.spans.get(self.spans_key, []) if o.start != span.start}
        j = i - 1
        # "X, a district bordering Y": the apposition names X again.
        while j >= 0 and j not in ends and (doc[j].text == "," or doc[j].lower_ in {"a", "an", "the"} | _ADMIN):
            j -= 1
        return j in ends

    def _caused_by_attack(self, span: Span) -> _Finding | None:
        """"In X, a building collapsed after being hit by a bunker-buster bomb": the
        attack that caused what happened at the place."""
        root = _mention_root(span)
        if root.dep_ != "pobj" or root.head.lower_ not in {"in", "at", "inside"}:
            return None
        verb = root.head.head
        if verb.pos_ != "VERB" or self._lexicon_activity(verb, None) is not None:
            return None
        for c in verb.children:
            if c.dep_ == "advcl" and any(g.dep_ in {"mark", "prep"} and g.lower_ in {"after", "when"}
                                         for g in list(c.children) + [c.head]) or c.dep_ == "pcomp":
                act = self._lexicon_activity(c, None)
                if act in {"airstrike", "shelling"} and not self._hypothetical(c, act):
                    return _Finding(act, c, "caused by an attack")
            if c.dep_ == "prep" and c.lower_ in {"after", "following"}:
                for g in c.children:
                    act = self._lexicon_activity(g, None) if g.pos_ in {"VERB", "NOUN"} else None
                    if act in {"airstrike", "shelling"} and not self._hypothetical(g, act):
                        return _Finding(act, g, "caused by an attack")
        return None

    def _toll_clause(self, span: Span) -> _Finding | None:
        """"Eleven people died when a building collapsed in X", "five were killed as
        their house caved in at X": the when-clause only says how they died there."""
        root = _mention_root(span)
        if root.dep_ != "pobj" or root.head.lower_ not in {"in", "at", "on"}:
            return None
        verb = root.head.head
        if verb.pos_ != "VERB" or verb.dep_ != "advcl" or self._lexicon_activity(verb, None) is not None \
                or not any(c.dep_ in {"mark", "advmod"} and c.lower_ in {"when", "as", "after"} for c in verb.children):
            return None
        main = verb.head
        if main.pos_ == "VERB" and _LEXICON.get(main.lemma_.lower()) == "casualties" \
                and not self._hypothetical(main, "casualties"):
            return _Finding("casualties", main, "toll clause")
        return None

    def _misattached_target(self, span: Span) -> _Finding | None:
        """"collapsed amid air raids on the rebel-held districts, including X": the parser
        hung "on ..." on the verb; the attack noun right before "on" is what it belongs to."""
        root = _mention_root(span)
        cur = root
        for _ in range(4):  # up through "including" and the districts it lists
            if cur.dep_ == "pobj" and cur.head.lower_ in {"on", "against"}:
                break
            if cur.dep_ in {"pobj", "conj", "appos"} or cur.dep_ == "prep" and cur.lower_ in {"including", "like"}:
                cur = cur.head
                continue
            return None
        else:
            return None
        prep = cur.head if cur.dep_ == "pobj" else None
        if prep is None or prep.i == 0 or prep.head.pos_ not in {"VERB", "AUX"} \
                or self._lexicon_activity(prep.head, None) is not None:
            return None
        noun = span.doc[prep.i - 1]
        act = _lexicon_entry(noun) if noun.pos_ == "NOUN" else None
        if act in {"airstrike", "shelling", "ground_advance"} and noun.head.i != prep.i \
                and not self._hypothetical(noun, act):
            weapon = self._weapon(noun, act) if act in {"airstrike", "shelling"} else act
            words = {t.lower_ for t in noun.subtree}
            if act in {"airstrike", "shelling"} and words & _AIR_SIDE_CUES:
                weapon = "airstrike"
            return _Finding(weapon or act, noun, "attack before the preposition")
        return None

    @staticmethod
    def _relative_object_clause(clause: Token) -> bool:
        """Whether a "which/that" clause has the place as its object or passive subject
        ("which rebels overran", "which was captured", "which fell"), not as the doer of
        something else ("which controls Y")."""
        kids = list(clause.children)
        rel = [t for t in clause.subtree if t.lower_ in {"which", "that"} and t.i < clause.i]
        if not rel:
            return False
        subjects = [c for c in kids if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"which", "that"}]
        if any(c.dep_ in {"dobj", "ccomp", "xcomp"} and c.lower_ not in {"which", "that"} for c in kids):
            return False  # "which controls Y", "which said ..." (but "which" itself is the object)
        if any(c.dep_ == "auxpass" for c in kids) or clause.lemma_.lower() in {"fall"} or (
                clause.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in kids)):
            return True  # "which was retaken on Sunday", "which fell on Sunday", "which came under fire"
        # "which rebels overran": a subject of its own besides the pronoun (the parser may
        # hang "which" on that subject).
        return bool(subjects)

    def _corridor_opener(self, span: Span) -> tuple[Token, str] | None:
        """(verb, side) when the mention's clause says a corridor or crossing was opened
        there: "three humanitarian crossings had been opened at X", "Russia opened a
        corridor along the X road". The side is the opener's; a corridor opened with no
        opener named was the government's and its allies' (they opened every one in the
        2016 battle), while rebels "opening a corridor" forced one through."""
        cur = _mention_root(span)
        for _ in range(8):
            if cur.head.i == cur.i:
                return None
            cur = cur.head
            if cur.pos_ == "VERB" and cur.lemma_.lower() in {"open", "establish", "create", "designate", "reopen"}:
                passages = [c for c in cur.children if c.dep_ in {"dobj", "nsubjpass"}
                            and c.lemma_.lower() in {"corridor", "crossing", "passage", "route", "exit"}]
                if not passages or self._hypothetical(cur, "evacuation"):
                    return None
                agents = [c for c in cur.children if c.dep_ in {"nsubj", "agent"}]
                words = " ".join(t.text for a in agents for t in a.subtree)
                side = classify_actor(words) if words else None
                if side is None and any(a.pos_ == "PRON" for a in agents) or side is None and not agents:
                    speaker = self._speaker(cur.head) if cur.head.lemma_.lower() in _REPORTING else None
                    side = classify_actor(" ".join(t.text for t in speaker.subtree)) if speaker is not None else None
                return cur, side or "government"
            if cur.pos_ == "VERB" and cur.dep_ in {"ROOT", "ccomp"} and cur.lemma_.lower() not in {"open"}:
                if cur.lemma_.lower() not in _REPORTING | _INTENT:
                    return None
        return None

    @staticmethod
    def _set_none(span: Span) -> None:
        span._.activity = "none"
        span._.actor = None
        span._.event_date = None
        span._.date_precision = "unknown"
        span._.contested = False
        span._.casualties_killed = None
        span._.casualties_injured = None

    # .. activity ...........................................................
    def _place_tokens(self, doc: Doc) -> frozenset[int]:
        """The indices of every token inside a place mention of ``doc``."""
        return frozenset(t.i for o in doc.spans.get(self.spans_key, []) for t in o)

    def _struck_with(self, span: Span) -> _Finding | None:
        """State media's word order, "targeted with rocket shells the neighbourhoods of X, Y
        and Z", "destroyed with artillery fire vehicles near X": the weapon named before
        the target, which the parser seldom follows. The places after the weapon, before
        the clause ends, were hit by it."""
        doc = span.doc
        sent = span.sent
        places = self._place_tokens(doc)
        for verb in doc[sent.start:span.start]:
            if not (verb.tag_.startswith("VB") and verb.lemma_.lower() in _STRUCK_WITH
                    and verb.i + 2 < span.start and doc[verb.i + 1].lower_ == "with"):
                continue
            i = verb.i + 2
            while i < span.start and (doc[i].pos_ in {"NOUN", "ADJ", "CCONJ"} and doc[i].i not in places):
                i += 1
            weapon = doc[i - 1]
            if weapon.pos_ != "NOUN" or _LEXICON.get(weapon.lemma_.lower()) not in {"shelling", "airstrike"} \
                    and weapon.lemma_.lower() not in {"fire", "shell", "rocket", "missile", "mortar"}:
                continue
            gap = doc[i:span.start]
            # (Participles describing the target may stand between: "vehicles belonging to".)
            if any(t.text in {".", ";", ":"} or t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "acl"}
                   or t.text == "," and t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "VBG" for t in gap):
                continue
            act = self._weapon(weapon, default="shelling") or "shelling"
            if act in {"airstrike", "shelling"} and not self._hypothetical(verb, act):
                return _Finding(act, verb, "struck with")
        return None

    def _footage_of_troops(self, span: Span) -> _Finding | None:
        """State television's proof of a capture: "footage from X showing soldiers waving
        flags", "footage of soldiers in X's main square". Troops filmed inside a place
        hold it; footage of families or buses is another story."""
        root = _mention_root(span)
        path = []
        cur = root
        for _ in range(6):
            if cur.head.i == cur.i:
                return None
            path.append(cur.head)
            cur = cur.head
            if cur.lemma_.lower() in _FOOTAGE and cur.pos_ == "NOUN":
                break
            shown = next((c for c in cur.children if c.dep_ == "dobj" and c.lemma_.lower() in _FOOTAGE), None)
            if cur.pos_ == "VERB" and shown is not None:
                cur = shown  # "aired footage from X", the parser hanging "from X" on the verb
                path.pop()
                break
        else:
            return None
        footage = cur
        if not all(t.pos_ in {"ADP", "NOUN", "PROPN", "ADV"} for t in path):
            return None  # the place belongs to a clause of its own inside the description
        # (The parser may make "showing soldiers" the sentence's root: the sentence's words.)
        words = {t.lemma_.lower() for t in span.sent if not (span.start <= t.i < span.end)}
        if not words & {"soldier", "troop", "army"} or words & (_EVACUEES - {"fighter"}) or words & {
                "celebration", "celebrate", "resident"}:
            return None
        if self._hypothetical(footage, "capture"):
            return None
        return _Finding("capture", footage, "footage of troops")

    def _event_before_its_date(self, span: Span) -> _Finding | None:
        """"the fall on Tuesday of X": the parser hangs "of X" on the day; the event noun
        before the date is what happened to X."""
        root = _mention_root(span)
        if not (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.dep_ == "pobj"):
            return None
        day = root.head.head
        prep = day.head
        if day.ent_type_ != "DATE" or prep.lower_ not in {"on", "in"} or prep.i == 0:
            return None
        noun = span.doc[prep.i - 1]
        act = self._lexicon_activity(noun, root.head) if noun.pos_ == "NOUN" and prep.head.i in {
            noun.i, noun.head.i} else None
        if act in _EVENT_ACTIVITIES and not self._hypothetical(noun, act):
            return _Finding(act, noun, "predicate")
        return None

    def _from_the_direction_of(self, span: Span) -> bool:
        """Whether ``span`` (or the list it ends) follows "from the direction of"."""
        doc = span.doc
        places = self._place_tokens(doc)
        i = span.start - 1
        while i >= 0 and (i in places or doc[i].lower_ in {"the", "and", ",", "neighborhood", "neighbourhood",
                                                           "district", "area", "quarter"}):
            i -= 1
        words = [t.lower_ for t in doc[max(0, i - 3):i + 1]]
        return words[-2:] in (["direction", "of"], ["side", "of"], ["directions", "of"], ["axis", "of"]) \
            and "from" in words[:-2]

    def _find_activity(self, span: Span) -> _Finding:
        root = _mention_root(span)
        sent = span.sent
        # "Aleppo-based", "Aleppo-born": an adjective made of the name.
        nxt = span.end < len(span.doc) and span.doc[span.end]
        if nxt is not False and nxt.text in {"-", "–"} and span.end + 1 < len(span.doc):
            if span.doc[span.end + 1].lower_ in {"based", "born", "bound", "born", "backed", "linked"}:
                return _Finding(reason="compound adjective")
        if nxt is not False and re.fullmatch(r"-(based|born|backed)", nxt.lower_ or ""):
            return _Finding(reason="compound adjective")

        line_a, line_toks = _line_tokens(span)
        if line_toks and line_toks[0].lower_ in {"inside", "in", "from", "within"} and line_toks[0].i < span.start \
                and not any(t.pos_ in {"VERB", "AUX"} and t.lower_ not in _MODIFIER_LEXICON for t in line_toks) \
                and len(line_toks) <= 6 \
                and span.end >= line_toks[-1].i:
            # A standfirst or section heading "Inside besieged Aleppo": where the story is set.
            return _Finding(reason="heading location")
        if nxt is not False and nxt.lower_ in {"after", "since", "under"} and not any(
                t.pos_ in {"VERB", "AUX"} for t in line_toks):
            # A verbless headline "X after the fall", "X under siege": the noun names the event.
            for t in span.doc[span.end + 1:min(span.end + 4, line_toks[-1].i + 1)]:
                act = _LEXICON.get(t.lemma_.lower()) if t.pos_ in {"NOUN", "PROPN"} else None
                if act:
                    return _Finding(act, t, "headline")
        if nxt is not False and nxt.text == ":" and any(
                o.start > span.end and o.sent == span.sent and self._more_specific(o.root, span)
                for o in span.doc.spans.get(self.spans_key, [])):
            # Headline topic "Aleppo: regime forces enter Hanano": the named quarter
            # carries the event, the topic is its container.
            return _Finding(reason="container")
        if nxt is not False and nxt.text != ":" and span.end + 2 < len(span.doc) and any(
                span.doc[j].text == ":" and all(t.pos_ in {"NOUN", "PROPN", "ADJ"} and t.is_alpha
                                                for t in span.doc[span.end:j])
                for j in (span.end + 1, span.end + 2)):
            # "Aleppo battle: the army declares full control": a topic label before the colon.
            nxt = next(span.doc[j] for j in (span.end + 1, span.end + 2) if span.doc[j].text == ":")
        if nxt is not False and nxt.text == ":" and span.start_char == line_a + len(
                span.doc.text[line_a:span.start_char]) - len(span.doc.text[line_a:span.start_char].lstrip(" \t-•*–")):
            # A list line "X: pro-regime forces seized the southern half": the place
            # before the colon is the site of the clause after it.
            after = [t for t in line_toks if t.i > nxt.i]
            ids = {t.i for t in after}
            heads = [t for t in after if t.head.i not in ids or t.head.i == t.i]
            for h in sorted(heads, key=lambda t: (t.pos_ not in {"VERB", "AUX"}, t.i)) + [
                    t for t in after if t.head.i == nxt.head.i and t.i != nxt.i]:
                act = self._lexicon_activity(h, None)
                if act is None and h.lemma_.lower() == "be":
                    act = self._copula_activity(h, nxt)[0]
                if act:
                    if self._hypothetical(h, act):
                        return _Finding(reason="hypothetical", hypothetical=True)
                    return _Finding(act, h, "list line")
        if line_toks and line_toks[0].lower_ in {"inside", "in", "within"} and line_toks[0].i == span.start - 1 - (
                1 if span.start >= 2 and span.doc[span.start - 1].pos_ in {"ADJ", "VERB", "DET"}
                and span.doc[span.start - 2].i == line_toks[0].i else 0) \
                and span.end < len(span.doc) and span.doc[span.end].text == "," and any(
                    o.start > span.end and o.sent == span.sent and self._more_specific(o.root, span)
                    for o in span.doc.spans.get(self.spans_key, [])):
            # "Inside besieged Aleppo, revolutionaries attacked ... on the X and Y fronts":
            # the opening phrase sets the scene; the named quarters carry the event.
            return _Finding(reason="container")
        event = self._event_before_its_date(span) or self._footage_of_troops(span)
        if event is not None:
            return event
        if self._from_the_direction_of(span):
            # "attacked Y from the direction of X and Z": where the attack came from,
            # however the parser hangs the words ("roundabout" read as a verb).
            return _Finding(reason="origin_none")
        if span.start >= 2 and span.doc[span.start - 1].lower_ == "from" \
                and span.doc[span.start - 2].lemma_.lower() in {"displace", "flee", "evacuate", "escape", "uproot"} \
                and span.doc[span.start - 2].pos_ == "VERB":
            # "families displaced from X are sheltering in ...": X is where they left.
            mover = span.doc[span.start - 2]
            if not self._hypothetical(mover, "evacuation"):
                return _Finding("evacuation", mover, "departure")
        for anc in root.ancestors:
            speaker = anc.head if anc.dep_ == "appos" else anc  # "said X, an activist ..." / "said a doctor ..."
            if (anc.dep_ == "appos" or anc.i != root.i and any(a.dep_ == "acl" for a in root.ancestors
                                                               if a.i in {t.i for t in anc.subtree})) \
                    and speaker.dep_ == "nsubj" and speaker.head.pos_ == "VERB" \
                    and speaker.head.lemma_.lower() in _REPORTING and speaker.head.lemma_.lower() not in _DISPUTING \
                    and speaker.i > speaker.head.i:
                # Inside the speaker's description: "said Abu Mohammad, an activist now
                # sheltering in X" - where the speaker is, not what the report is about.
                return _Finding(reason="speaker")
            if anc.pos_ == "VERB" and anc.dep_ != "acl":
                # ("said Abu Mahmoud, a resident who fled there from X": the flight is news.)
                break
        told = self._residents_account(span)
        if told is not None:
            return told
        cut = self._route_cut_into(span)
        if cut is not None:
            if self._hypothetical(cut, "siege") or self._is_goal(cut):
                return _Finding(reason="hypothetical", hypothetical=True)
            return _Finding("siege", cut, "route cut")
        relation = self._relation(span)
        if relation in {"reference", "origin_none", "container", "organisation", "negated"}:
            return _Finding(reason=relation)
        headline = self._headline_verb(span, line_toks)
        if headline is not None:
            return headline
        if span.start >= 1 and span.doc[span.start - 1].lower_ == "past" or (
                span.start >= 2 and span.doc[span.start - 2].lower_ == "past"
                and span.doc[span.start - 1].pos_ in {"DET", "ADJ"}) or (
                span.start >= 3 and span.doc[span.start - 3].lower_ == "past"
                and span.doc[span.start - 2].pos_ == "DET" and span.doc[span.start - 1].pos_ in {"ADJ", "VERB"}):
            # "buses travelling along the X road, past the ruined Y": a landmark passed.
            return _Finding(reason="reference")
        clause_verb = next((a for a in root.ancestors if a.pos_ in {"VERB", "AUX"}), span.sent.root)
        sent_subjects = {c.lemma_.lower() for c in clause_verb.children if c.dep_ in {"nsubj", "nsubjpass"}}
        if clause_verb.lemma_.lower() in {"celebrate", "rally", "protest", "demonstrate", "mourn",
                                          "pray", "photograph", "film", "tour"} \
                or sent_subjects & {"photographer", "correspondent", "reporter", "journalist", "crew",
                                    "cameraman", "we"} and clause_verb.lemma_.lower() in {
                                        "spend", "stay", "live", "work", "visit", "travel", "go", "be"}:
            # Where people celebrated or where reporters spent weeks is no war event:
            # "citizens celebrated the army's advances in X", "our photographers spent the
            # last weeks of the battle in X".
            return _Finding(reason="setting")
        if relation == "origin_evacuation":
            for anc in root.ancestors:
                if _LEXICON.get(anc.lemma_.lower()) == "evacuation":
                    if self._hypothetical(anc, "evacuation") or self._is_goal(anc):
                        return _Finding(reason="hypothetical", hypothetical=True)
                    return _Finding("evacuation", anc, "departure")
            node = root
            while node.dep_ in {"compound", "amod"} and node.head.i != node.i:
                node = node.head  # "from the X district"
            mover = node.head.head if node.dep_ == "pobj" and node.head.dep_ == "prep" else None
            if mover is not None and mover.pos_ == "VERB" and mover.lemma_.lower() in {
                    "set", "depart", "leave", "start", "roll", "pull", "move", "drive"}:
                # "the convoy set off from X": the departure of the evacuees' vehicles.
                if self._hypothetical(mover, "evacuation"):
                    return _Finding(reason="hypothetical", hypothetical=True)
                return _Finding("evacuation", mover, "departure")

        pending: _Finding | None = None
        attempt: _Finding | None = None
        deferred: _Finding | None = None
        modifier_found: _Finding | None = None
        goal_head = None
        tok = root
        path: list[Token] = []
        # Climb from the mention's head to the clause root.
        steps = 0
        prev = root
        while tok is not None and steps < 25:
            steps += 1
            head = tok.head if tok.head.i != tok.i else None
            if head is None:
                break
            dep = tok.dep_
            prev, tok = tok, head
            path.append(tok)
            if tok.lemma_.lower() in {"overlook", "dominate", "command"} and tok.pos_ == "VERB" and dep == "dobj":
                # "a hill that overlooks the X road": a landmark for the place taken, not the site.
                return _Finding(reason="reference")
            if tok.lemma_.lower() in _REPORTING and tok.pos_ == "VERB" and dep == "prep" \
                    and prev.lower_ in {"on", "in", "at", "over", "across", "against"}:
                # "activists reported barrel bombs on X": the reported thing is the event at X.
                objs = [c for c in tok.children if c.dep_ == "dobj" and self._lexicon_activity(c, None)]
                if objs:
                    return _Finding(self._lexicon_activity(objs[0], None), objs[0], "reported")
            if self._in_other_place(tok, span):
                # Climbing through another place mention's head noun ("Old City of
                # Aleppo"): the other mention carries the event.
                if dep in {"pobj", "poss", "compound"} or prev.dep_ == "pobj":
                    if self._is_container_link(prev, tok, span):
                        return _Finding(reason="container")
            if dep in {"compound", "amod", "nmod", "poss"} and span.start <= prev.i < span.end \
                    and tok.dep_ == "nsubj" and tok.pos_ in {"NOUN", "PROPN"} and tok.lemma_.lower() in _ARMED | {
                        "jet", "warplane", "aircraft", "plane", "helicopter", "official", "government"}:
                # "Syria troops take X", "Aleppo rebels shelled X": the place names the actor.
                return _Finding(reason="actor")
            if dep == "appos" and (not self._in_other_place(tok, span) or not (
                    span.start <= prev.i < span.end or self._in_other_place(prev, span))) \
                    and not (len(path) == 2 and root.dep_ == "conj") \
                    and not (prev.lemma_.lower() in _ADMIN and self._in_other_place(tok, span)) \
                    and not (tok.lemma_.lower() in _ADMIN and tok.pos_ == "NOUN"
                             and (span.start <= prev.i < span.end or self._in_other_place(prev, span))):
                # ("killed in four neighbourhoods - X, Y and Z": the list names them.)
                # ("control of X, Y and Z neighborhoods": the parser made the list's head noun
                # an appositive of X; Y and Z are more of what was taken.)
                # (A place conjoined to an appositive - "X, the largest district, and Y" -
                # is a second object the parser misattached, not part of the description.)
                # The mention sits in a description of something else ("the captured
                # area - overlooking one of the roads into Aleppo", "the Castello Road,
                # the only route into Aleppo").
                return _Finding(reason="description")
            if tok.lemma_.lower() in _REPORTING and tok.pos_ in {"VERB", "AUX"} and any(
                    c.dep_ == "auxpass" for c in tok.children) and dep in {"nsubjpass", "prep", "conj", "appos"}:
                # "Heavy air strikes were reported in X", "bombardment of X was reported":
                # the reported thing is the event, not a speaker.
                for c in tok.children:
                    if c.dep_ == "nsubjpass":
                        for cand in [c] + [t for t in c.subtree if t.dep_ in {"conj", "appos"}]:
                            act = self._lexicon_activity(cand, None)
                            if act:
                                return _Finding(act, cand, "reported")
                break
            if tok.lemma_.lower() in _REPORTING and tok.pos_ == "VERB" and tok.dep_ == "acl" \
                    and tok.tag_ == "VBN" and dep == "prep":
                # "25 air strikes reported on X": the noun the participle describes is the event.
                act = self._lexicon_activity(tok.head, None)
                if act:
                    return _Finding(act, tok.head, "reported")
            if prev.lower_ in _DISTRIBUTIVES and prev.pos_ in {"PRON", "NOUN", "DET", "ADJ", "NUM"} \
                    and dep in {"nsubj", "prep", "dep"} and any(c.dep_ == "prep" for c in prev.children):
                # "Thousands fled, some to X and others to Y, the Observatory said": the
                # parser hangs "some" on the speaker's verb (or a comma); it shares the
                # verb before it.
                anchor = next((a for a in prev.ancestors if a.pos_ in {"VERB", "AUX"}), None)
                for v in (anchor.children if anchor is not None and anchor.lemma_.lower() in _REPORTING else ()):
                    if v.dep_ in {"ccomp", "conj"} and v.i < prev.i and v.pos_ == "VERB":
                        act = self._lexicon_activity(v, None)
                        if act == "evacuation":
                            if self._hypothetical(v, act):
                                return _Finding(reason="hypothetical", hypothetical=True)
                            return _Finding(act, v, "ellipsis")
            if tok.lemma_.lower() in _REPORTING and tok.pos_ in {"VERB", "AUX"}:
                if dep == "dobj" and prev.lemma_.lower() == "life" and tok.lemma_.lower() == "claim":
                    # "Rebel shells claimed the lives of three civilians in X": a toll, not a claim.
                    return _Finding("casualties", prev, "toll")
                if dep == "dobj" and prev.pos_ == "NOUN" and tok.lemma_.lower() in {"report", "describe", "hear"}:
                    act = self._lexicon_activity(prev, None)
                    if act is None and prev.lemma_.lower() in {"fire", "gunfire"} and any(
                            c.lower_ in _GROUND_FIRE_CUES | _AIR_CUES for c in prev.children):
                        act = self._weapon(prev, "shelling")  # "artillery fire on X"
                    if act in {"airstrike", "shelling", "clashes"} and not self._hypothetical(tok, act):
                        # "Residents reported artillery fire on X": the reported thing is the event.
                        return _Finding(act, prev, "reported")
                if dep == "prep" and prev.lower_ in {"in", "at", "inside"} and prev.i < tok.i and all(
                        t.is_punct or t.pos_ in {"ADV", "ADP", "DET", "PROPN", "NOUN", "NUM", "ADJ", "CCONJ"}
                        for t in tok.doc[tok.sent.start:prev.i]) and any(
                        t.text == "," for t in tok.doc[prev.i:tok.i]):
                    # "In Tariq al-Bab, activists said 18 people were killed": the fronted
                    # place sets the scene of what is said, unless that names its own place.
                    told = [t for c in tok.children if c.dep_ in {"ccomp", "parataxis"} for t in c.subtree]
                    places = self._place_tokens(tok.doc)
                    if told and not any(t.i in places for t in told):
                        for cand in told:
                            act = self._lexicon_activity(cand, None)
                            if act and act != "none" and not self._hypothetical(cand, act):
                                return _Finding(act, cand, "fronted place")
                if dep in {"nsubj", "nsubjpass", "dobj", "dative", "prep", "npadvmod", "appos", "agent"}:
                    # The mention is in the speaker or the addressee: "Civil Defence in
                    # Aleppo told ...".
                    return _Finding(reason="speaker")
                if pending is not None and any(c.dep_ == "dobj" and c.lemma_.lower() in _OFFENSIVE_NOUNS
                                               for c in tok.children):
                    # "The army announces a new offensive to take all of X": an offensive on X.
                    return _Finding("ground_advance", pending.predicate, "attempt")
                if (dep == "xcomp" and not any(c.dep_ == "auxpass" for c in tok.children)
                        and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in prev.children)) \
                        or tok.lemma_.lower() in {"warn"} and dep != "ccomp":
                    # ("claimed to have retaken X": a perfect infinitive reports a deed.)
                    # "told the fighters to leave Aleppo": an order, not a report. ("Troops
                    # were reported to be massing near X" is a report.)
                    return _Finding(reason="intent")
                break
            if pending is not None and dep in {"relcl", "acl"} and tok.pos_ in {"NOUN", "PROPN"} \
                    and (not self._lexicon_activity(tok, None) or tok.lemma_.lower() in _ENTITY_NOUNS) \
                    and tok.lemma_.lower() not in _ATTEMPT | _INTENT | {"bid", "drive", "campaign"}:
                # "vehicles that were to evacuate people from X": the purpose of a thing.
                return _Finding(reason="goal")
            if tok.pos_ == "VERB" and tok.lemma_.lower() in _CESSATION and any(
                    c.dep_ in {"dobj", "nsubjpass"} and (
                        _LEXICON.get(c.lemma_.lower()) in {"airstrike", "shelling", "clashes"}
                        or c.lower_ in {"strikes", "strike", "raids", "bombing", "bombardment", "shelling"})
                    for c in tok.children):
                # "Russia halted air strikes on X on Tuesday": stopping strikes is not striking.
                return _Finding(reason="cessation")
            activity = self._lexicon_activity(tok, prev)
            if activity is None and (tok.lemma_.lower() == "be" or tok.lemma_.lower() in {"remain", "stay"} and any(
                    c.dep_ == "prep" and c.lower_ == "under" for c in tok.children)):
                activity, tok = self._copula_activity(tok, prev)
            if activity and dep == "nsubj" and tok.pos_ == "VERB" and (
                    tok.lemma_.lower() not in _UNACCUSATIVE or any(c.dep_ == "dobj" for c in tok.children)) \
                    and not (tok.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under"
                                                                   for c in tok.children)) \
                    and not (tok.lemma_.lower() == "change" and any(c.lemma_.lower() == "hand" for c in tok.children)) \
                    and (span.start <= prev.i < span.end or prev.lower_ in _ADMIN) \
                    and not (tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children)) \
                    and not (tok.dep_ in {"ccomp", "oprd", "xcomp"} and tok.head.lemma_.lower() in {
                        "declare", "pronounce", "proclaim", "announce", "consider"}
                        and not any(c.dep_ == "dobj" for c in tok.children)):
                # ("declared X liberated": X is what was liberated, however it is tagged.)
                # "Russia burns Aleppo": the place names the actor (metonymy), not the site.
                return _Finding(reason="agent")
            if (activity == "ground_advance" or activity in {"shelling", "airstrike"} and tok.lemma_.lower() in {
                    "attack", "assault", "offensive"}) and tok.pos_ == "NOUN" \
                    and tok.dep_ in {"dobj", "nsubjpass"} and (_LEXICON.get(tok.head.lemma_.lower()) == "repelled" or (
                        tok.head.lemma_.lower() in {"push", "beat", "fight", "fend", "drive", "force", "throw"}
                        and any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "off"} for c in tok.head.children))):
                # "repelled an attack in X": the attack failed.
                activity, tok = "repelled", tok.head
            if activity is None and dep == "nsubj" and tok.pos_ == "VERB" and tok.lemma_.lower() not in _SITE_SUBJECT \
                    and (span.start <= prev.i < span.end or prev.lower_ in _ADMIN) and not (
                        tok.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in tok.children)):
                # The place is the subject of an ordinary verb ("as Russia resumes bombing",
                # "Moscow announced ..."): an actor or a speaker, not a site.
                light = [c for c in tok.children if c.dep_ == "dobj" and self._lexicon_activity(c, None)]
                if light or tok.lemma_.lower() in _INTENT:
                    return _Finding(reason="agent")
            if activity and tok.pos_ in {"NOUN", "PROPN"} and not _LEXICON.get(tok.lemma_.lower()) \
                    and not _LEXICON.get(tok.lower_) and dep != "nsubj" and tok.lemma_.lower() != "strike" \
                    and self._special_predicate(tok, prev, tok.lemma_.lower(), tok.pos_) is None:
                # Only an adjective names the event ("pushed into Aleppo's besieged east"):
                # the describing word yields to a predicate above.
                if modifier_found is None:
                    modifier_found = _Finding(activity, tok, "modifier")
                continue
            if activity and tok.pos_ == "NOUN" and tok.lemma_.lower() in _ENTITY_NOUNS and deferred is None \
                    and dep == "prep":
                # "fired at the convoy near X": the convoy locates the event; a verb above decides.
                deferred = _Finding(activity, tok, "predicate")
                continue
            if activity and deferred is not None and activity in _STATE_ACTIVITIES | {"evacuation"}:
                if self._hypothetical(tok, activity) and activity not in _STATE_ACTIVITIES:
                    # "militants will be able to leave through two corridors: along X".
                    return _Finding(reason="hypothetical", hypothetical=True)
                return deferred
            if activity == "casualties" and tok.dep_ in {"advcl", "relcl", "conj"}:
                # "Air strikes were reported in X, where 12 people were killed": the main
                # predicate decides.
                main = self._main_clause_attack(tok)
                if main is not None:
                    return main
            if activity and tok.pos_ == "VERB" and tok.dep_ == "advcl" and any(
                    (c.dep_ == "mark" and c.lower_ in {"when", "as"}) or
                    (c.dep_ == "advmod" and c.lower_ in {"when", "as"}) for c in tok.children) \
                    and not (activity in {"airstrike", "shelling"} and self._heavy_weapon_clause(tok)):
                # "Two medics were wounded when gunmen fired at an ambulance near X", "... when
                # a car bomb hit a market in X": one event, the toll decides. But shells,
                # rockets and air strikes that hit X are what happened there ("12 people were
                # killed when shells slammed into X"), as most annotators code it.
                main_act = self._lexicon_activity(tok.head, tok)
                if main_act is None and tok.head.lemma_.lower() == "be":
                    main_act = self._copula_activity(tok.head, tok)[0]
                if main_act == "casualties" and not self._hypothetical(tok.head, main_act):
                    # (Only the toll absorbs the clause: in "residents fled as bombs hit
                    # X" the bombing is what happened at X.)
                    return _Finding(main_act, tok.head, "main clause")
            if activity and activity != "casualties" and tok.pos_ == "NOUN" and tok.dep_ == "pobj" \
                    and tok.head.lower_ in {"in", "during", "amid"} \
                    and self._lexicon_activity(tok.head.head, tok.head) == "casualties" and not any(
                        c.dep_ in {"nsubj", "nsubjpass"} and self._negated_quantity(c) for c in tok.head.head.children):
                # ("No one was hurt in the strike on X": the strike is the news.)
                # "40 rebels died in the fighting for X": "X killed in ..." is casualties.
                activity, tok = "casualties", tok.head.head
            if activity in {"airstrike", "shelling"} and tok.pos_ == "NOUN" and tok.dep_ == "pobj" \
                    and tok.head.dep_ == "agent" and _LEXICON.get(tok.head.head.lemma_.lower()) == "casualties":
                # "two civilians were injured by shelling on X": the injuries are the news.
                activity, tok = "casualties", tok.head.head
            if activity in {"airstrike", "shelling"} and tok.pos_ == "VERB" and tok.dep_ in {"advcl", "acl", "conj"} \
                    and tok.head.i < tok.i and _LEXICON.get(tok.head.lemma_.lower()) == "casualties" \
                    and any(t.lower_ in {"in", "by", "during", "amid"} for t in tok.doc[tok.head.i + 1:tok.i]) \
                    and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
                # "Five civilians died in rebel shelling of X" (parsed as a clause of "died").
                # (A verb with a subject of its own is a clause of its own: "14 fighters were
                # killed in clashes in Y, and warplanes hit X".)
                activity, tok = "casualties", tok.head
            if activity in {"airstrike", "shelling"} and tok.dep_ in {"acl", "amod"} and tok.head.dep_ == "pobj" \
                    and tok.head.head.dep_ == "agent" \
                    and _LEXICON.get(tok.head.head.head.lemma_.lower()) == "casualties":
                # "civilians were killed by rebel shelling in X" (parsed "rebel" + participle
                # "shelling"): the killing is the main predicate.
                activity, tok = "casualties", tok.head.head.head
            if activity == "capture" and tok.dep_ in {"pcomp", "pobj"} and tok.head.dep_ == "prep" \
                    and (tok.head.head.lemma_.lower() in {"verge", "brink", "cusp", "threshold", "point"}
                         or (tok.head.lower_ == "to" and tok.head.head.lower_ in {"close", "near", "closer", "nearer"})):
                # "on the verge of retaking X": still advancing, not taken.
                activity = "ground_advance"
            if activity:
                found = _Finding(activity, tok, "predicate")
                # Goals: an infinitive ("an offensive to recapture X") or a participle of
                # an intent verb ("aiming at retaking X") names an aim, not an event.
                # (A state is true whatever the plan around it says - but "to deliver
                # aid", "to besiege X" are actions planned, not states.)
                if self._is_goal(tok) and (activity not in _STATE_ACTIVITIES or tok.tag_ == "VB"):
                    if tok.dep_ in {"relcl", "acl"} and tok.head.pos_ in {"NOUN", "PROPN"} \
                            and not self._lexicon_activity(tok.head, None) \
                            and tok.head.lemma_.lower() not in _ATTEMPT | _INTENT | {"bid", "drive", "campaign"}:
                        # "vehicles that were to evacuate people from X": a purpose of
                        # something else, not an event at X ("an offensive to retake X" is).
                        return _Finding(reason="goal")
                    if pending is None:
                        pending = found
                        goal_head = tok.head
                    continue
                if self._hypothetical(tok, activity):
                    return _Finding(reason="hypothetical", hypothetical=True)
                if attempt is not None and activity == "ground_advance":
                    return attempt
                if activity == "ground_advance" and tok.pos_ == "VERB":
                    for c in tok.children:
                        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i \
                                and self._lexicon_activity(c, None) == "repelled":
                            # "insurgents attacked army positions near X but were driven back".
                            return _Finding("repelled", c, "attack repelled")
                        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i and (
                                c.lemma_.lower() in {"kill", "execute", "massacre", "slaughter"}
                                or self._lexicon_activity(c, None) == "casualties" and c.lemma_.lower() == "shoot"):
                            # "forces entering homes in X and killing those inside": the killing
                            # is the news.
                            return _Finding("casualties", c, "entered and killed")
                return found
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and tok.dep_ in {"advcl", "relcl", "conj", "acl"} and lemma not in _INTENT \
                    and not (tok.dep_ == "advcl" and lemma in _BOMBARD | {"shoot", "open", "detonate", "blow"}
                             and any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ in {"when", "while", "as",
                                                                                              "once"})
                                     for c in tok.children)) \
                    and lemma not in _LIGHT_VERBS and lemma not in _REPORTING and dep != "nsubj" and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and c.i != prev.i and (
                        c.lower_ not in {"which", "who", "that"} or (
                            tok.dep_ == "relcl" and not _includes(tok)))
                    for c in tok.children):
                # (A relative clause's "which"/"who" stands for its antecedent, not for the
                # mention inside it: "the YPG, which controls X, took Y" is about Y. But
                # "the besieged pocket, which includes X" makes X part of the antecedent.)
                # A clause of its own with a non-event verb ("some walking to the
                # citadel", "the bombing continued overnight in X"): its subject and
                # objects may name the event; a higher clause does not reach here.
                if deferred is not None:
                    return deferred
                if self._hypothetical(tok, "none"):
                    return _Finding(reason="hypothetical", hypothetical=True)
                for cand in self._clause_nominals([tok], span):
                    act = self._lexicon_activity(cand, None)
                    if act and _idle_vehicle(cand):
                        return _Finding(reason="idle vehicles")
                    if act:
                        return _Finding(act, cand, "clause")
                return modifier_found or _Finding(reason="own clause")
            if lemma in _INTENT and tok.pos_ in {"VERB", "NOUN", "AUX"} and dep in {
                    "xcomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl", "conj", "ccomp"} and not (
                    lemma == "prepare" and any(c.dep_ == "auxpass" for c in tok.children)):
                # (What "had been prepared in X" - shelters, buses - is there already.)
                return _Finding(reason="intent")
            if (lemma in _ONGOING or lemma in _LIGHT_VERBS or lemma in _ERUPT) and tok.pos_ == "VERB" \
                    and dep in {"prep", "advmod", "npadvmod", "dep", "conj"} \
                    and not any(c.dep_ == "dobj" for c in tok.children):
                # "the bombing continued overnight in X", "fighting raged in X".
                found = self._event_dependent(tok, {"nsubj", "nsubjpass"}, "ongoing")
                if found is not None:
                    return found
            if lemma in _LIGHT_VERBS and tok.pos_ == "VERB" and dep in {"prep", "advmod", "npadvmod"}:
                # "launched an offensive on X", "carried out a ground push in X".
                found = self._event_dependent(tok, {"dobj", "nsubjpass"}, "light verb")
                if found is not None:
                    return found
            if pending is not None and goal_head is not None and tok.i == goal_head.i and (
                    lemma in _ATTEMPT or tok.pos_ == "NOUN" and lemma in _OFFENSIVE_NOUNS):
                # ("a new offensive to take all of X" is an offensive on X, whoever announces it.)
                if self._hypothetical(tok, pending.activity):
                    return _Finding(reason="hypothetical", hypothetical=True)
                act = "ground_advance" if pending.activity == "capture" and lemma not in {
                    "manage", "succeed"} else pending.activity
                # An attempt happened; a higher predicate ("repelled their attempt") wins.
                # ("managed to take full control of X": the attempt succeeded.)
                attempt = _Finding(act, pending.predicate, "attempt")
                pending = None
            if tok.dep_ == "ROOT":
                # One more look at the clause's own words (subject, object, prepositional
                # objects) before giving up: "bombings subjected X's residents".
                break
        if attempt is not None:
            # "Rebels attempted to storm X but were repelled": the attempt failed.
            tried = attempt.predicate.head if attempt.predicate is not None else None
            for c in (tried.children if tried is not None else []):
                if c.dep_ == "conj" and c.pos_ == "VERB" and self._lexicon_activity(c, None) == "repelled":
                    return _Finding("repelled", c, "attempt repelled")
            return attempt
        if deferred is not None:
            if self._hypothetical(deferred.predicate, "none"):
                # "the army will open four corridors in X": a plan.
                return _Finding(reason="hypothetical", hypothetical=True)
            return deferred
        if modifier_found is not None:
            if self._hypothetical(modifier_found.predicate, modifier_found.activity) and \
                    modifier_found.activity not in _STATE_ACTIVITIES:
                return _Finding(reason="hypothetical", hypothetical=True)
            return modifier_found
        clause = tok if tok is not None else root
        if self._hypothetical(clause, "none"):
            return _Finding(reason="hypothetical", hypothetical=True)
        if pending is not None:
            return _Finding(reason="goal")
        verb = next((t for t in path if t.pos_ in {"VERB", "AUX"}), None)
        if root.dep_ == "nsubj" and verb is not None and root.head.i == verb.i and verb.pos_ == "VERB" \
                and verb.lemma_.lower() not in _UNACCUSATIVE and verb.tag_ != "VBN":
            # "Russia resumes bombing": the place is the actor (metonymy), not the site.
            return _Finding(reason="agent")
        if verb is not None and self._hypothetical(verb, "none"):
            # "three corridors would be opened ... and a fourth, on the X road".
            return _Finding(reason="hypothetical", hypothetical=True)
        if root.dep_ == "poss" and root.head.lower_ not in _ADMIN | _COMPASS | _EDGE and \
                not self._in_other_place(root.head, span) and not _LEXICON.get(root.head.lemma_.lower()):
            # "due to Russia's role in the offensive": the owner of something, not a site.
            return _Finding(reason="possessor")
        # The clause's nominal dependents (not its subordinate clauses).
        for cand in self._clause_nominals(path, span):
            act = self._lexicon_activity(cand, None)
            if act and _idle_vehicle(cand):
                return _Finding(reason="idle vehicles")
            if act:
                return _Finding(act, cand, "clause")
        # Headline pattern "Aleppo: regime forces advance": the mention is the topic.
        if root.dep_ == "ROOT" or (root.head.dep_ == "ROOT" and root.i < root.head.i and
                                   any(t.text == ":" for t in sent if t.i > root.i)):
            if any(o.start > root.i and o.sent == sent and self._more_specific(o.root, span)
                   for o in span.doc.spans.get(self.spans_key, [])):
                # "Aleppo: regime forces enter Hanano": the named quarter carries it.
                return _Finding(reason="container")
            for t in sent:
                if t.i >= span.end and t.pos_ in {"VERB", "NOUN", "ADJ"}:
                    act = self._lexicon_activity(t, None)
                    if act and not self._hypothetical(t, act):
                        return _Finding(act, t, "topic")
        return _Finding(reason="no predicate")

    def _event_dependent(self, verb: Token, deps: set[str], reason: str) -> _Finding | None:
        """The first dependent of ``verb`` (with a dep in ``deps``) that names an event, as
        the finding - none if the verb's clause is hypothetical."""
        for dependent in verb.children:
            if dependent.dep_ in deps:
                act = self._lexicon_activity(dependent, None)
                if act:
                    if self._hypothetical(verb, act):
                        return _Finding(reason="hypothetical", hypothetical=True)
                    return _Finding(act, dependent, reason)
        return None

    def _headline_verb(self, span: Span, line_toks: list[Token]) -> _Finding | None:
        """A short headline whose present-tense bombing verb the parser read as a noun
        ("Warplanes pound rebel-held Aleppo", "Jets bombard Aleppo's Old City", "Aleppo:
        Warplanes pound rebel-held east"): the bombing after a subject word."""
        if not line_toks or len(line_toks) > 14 or line_toks[-1].text in {".", "!", "?", "\"", "”"} or any(
                t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in line_toks):
            return None  # (a sentence ending in a full stop is no headline)
        if span.end < len(span.doc) and span.doc[span.end].lower_ in {"'s", "’s"} and any(
                o.start > span.end and o.sent == span.sent for o in span.doc.spans.get(self.spans_key, [])):
            return None  # "Aleppo's Old City": the container of the named place
        for j, t in enumerate(line_toks):
            if j == 0 or t.pos_ not in {"NOUN", "PROPN", "ADJ"} or span.start <= t.i < span.end:
                continue
            form = t.lower_
            base = form[:-2] if form.endswith("es") and form[:-2] in _BOMBARD else (
                form[:-1] if form.endswith("s") else form)
            if base in _BOMBARD - {"drop", "rain", "fire", "bombardment", "bombing"} \
                    and line_toks[j - 1].pos_ in {"NOUN", "PROPN"} and line_toks[j - 1].text != ":":
                subj_toks = [x for x in line_toks[:j] if x.text != ":" and not (span.start <= x.i < span.end)]
                subj = " ".join(x.lower_ for x in subj_toks)
                air = any(x.lower_ in _AIR_CUES for x in subj_toks)
                act = "shelling" if classify_actor(subj) == "opposition" and not air else "airstrike"
                return _Finding(act, t, "headline verb")
        return None

    def _copula_activity(self, tok: Token, prev: Token) -> tuple[str | None, Token]:
        """"X was overrun" (tagged as a noun), "X is under siege", "our fighters are inside X"."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "among":
                for g in c.children:
                    for k in g.children:
                        if k.dep_ in {"acl", "relcl"} and k.pos_ == "VERB":
                            act = self._lexicon_activity(k, None)
                            if act:
                                return act, k  # "Among the areas hit were X and Y"
        back = [c for c in tok.children if c.dep_ == "advmod" and c.lower_ == "back"]
        if back and any(  # ("in" may hang on "back")
                c.dep_ == "prep" and c.lower_ in {"in", "under", "into"} and any(
                    g.lemma_.lower() in {"hand", "control"} for g in c.children)
                for c in list(tok.children) + list(back[0].children)):
            return "capture", tok  # "X is back in our hands", "X was back under army control"
        if tok.lemma_.lower() == "be" and any(c.dep_ == "advmod" and c.lower_ in {"now", "fully", "completely", "entirely"}
                                              for c in list(tok.children) + [g for c in tok.children for g in c.children]) \
                and any(c.dep_ == "prep" and (c.lower_ == "under" and any(g.lemma_.lower() == "control" for g in c.children)
                                             or c.lower_ == "in" and any(g.lemma_.lower() == "hand" for g in c.children))
                        for c in tok.children):
            return "capture", tok  # "Handarat is now completely in the hands of the army"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "at" and any(g.lemma_.lower() == "risk" for g in c.children):
                return "humanitarian", tok  # "X is at risk of water cuts"
            if c.dep_ == "prep" and c.lower_ == "out" and any(
                    t.lower_ in {"service", "order", "action", "commission", "operation", "stock", "fuel", "water"}
                    for t in c.subtree):
                # "All hospitals in X are out of service": the state is the news - unless it
                # came "after days of intense air strikes", which are then the news.
                for k in tok.children:
                    if k.dep_ == "prep" and k.lower_ in {"after", "following", "amid"}:
                        for g in k.subtree:
                            act = self._lexicon_activity(g, None) if g.pos_ == "NOUN" else None
                            if act in {"airstrike", "shelling"}:
                                return self._weapon(g, act) or act, g
                return "humanitarian", tok
        for c in tok.children:
            if c.i == prev.i:
                continue
            if c.dep_ in {"attr", "acomp", "oprd"}:
                act = self._lexicon_activity(c, None) or _MODIFIER_LEXICON.get(c.lower_)
                if act:
                    return act, c
                for g in c.children:
                    # "X was the first district to fall to the rebels".
                    if g.dep_ in {"relcl", "acl"} and g.pos_ == "VERB" and not self._is_goal(g):
                        act = self._lexicon_activity(g, None)
                        if act:
                            return act, g
            if c.dep_ == "prep" and c.lower_ in {"under"}:
                for g in map(_span_of_time_to_its_object, c.children):
                    act = self._lexicon_activity(g, None)
                    if g.dep_ == "pobj" and act:
                        return act, g
                    if g.dep_ == "pobj" and g.lemma_.lower() in {"fire", "gunfire"}:
                        # "the road was now under rebel fire", "remains under air and artillery fire"
                        return self._weapon(g, default="shelling"), g
        if prev.dep_ == "prep" and prev.lower_ in {"inside", "into", "within"}:
            subj = {t.lemma_.lower() for c in tok.children if c.dep_ == "nsubj" for t in c.subtree}
            if subj & _ARMED or subj & {"our", "we"}:
                return "ground_advance", tok
        return None, tok

    def _main_clause_attack(self, tok: Token) -> _Finding | None:
        """An air strike or shelling named by the subject of the clause above ``tok``."""
        cur = tok
        for _ in range(4):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.pos_ in {"VERB", "AUX"}:
                for c in cur.children:
                    if c.dep_ in {"nsubj", "nsubjpass"}:
                        act = self._lexicon_activity(c, None)
                        if act in {"airstrike", "shelling"}:
                            return _Finding(act, c, "main clause")
                break
        return None

    @staticmethod
    def _effective_root(span: Span) -> Token:
        """The mention's head, or the descriptor noun it modifies ("the Handarat camp")."""
        root = _mention_root(span)
        head = root.head
        if root.dep_ in {"compound", "nmod", "amod"} and head.i >= span.end and head.i <= span.end + 2 \
                and head.lower_ in _ADMIN | _FACILITY:
            return head
        noun = _named_by_of(root)
        if noun is not None and head.i == span.start - 1:
            return noun
        return root

    def _relation(self, span: Span) -> str:
        doc = span.doc
        if getattr(self._place_of(span), "kind", None) == "country" and span.start >= 2 \
                and doc[span.start - 1].text == "," and any(
                    o.end == span.start - 1 for o in doc.spans.get(self.spans_key, [])) \
                and not (span.end < len(doc) and doc[span.end].lower_ in {",", "and", "or"}):
            return "container"  # "Karam Houmid neighbourhood in Aleppo, Syria": the address's last line
        if self._container_of_listed_quarters(span):
            return "container"
        if self._placed_by_other_place(span):
            # "the Farafra district near the Old City", "the Layramoun industrial area next
            # to Bani Zaid", "a district bordering Sheikh Maqsoud", "the complex on the edge
            # of al-Zahraa": a place that locates another named place is that place's
            # reference point; the event is at the other one.
            return "reference"
        if span.start >= 2 and (doc[span.start - 1].lower_ in {"in", "of", "inside", "within"} or (
                doc[span.start - 1].lower_ == "at" and doc[span.start - 2].lower_ in _FACILITY)):
            # "The M10 hospital in al-Sakhour", "the artillery college at Ramouseh" whatever
            # the parse made of it (names with "al-" are often split): the adjacent, more
            # specific place holds the event. ("at" joins a facility to its place, but
            # "clashes at X" is the event itself.)
            tb = doc[span.start - 2]
            if self._in_other_place(tb, span) and self._more_specific(tb, span) and not (
                    doc[span.start - 1].lower_ == "of" and tb.lower_ in {
                        "parts", "part", "much", "most", "rest", "all", "some", "half", "edge", "edges",
                        "outskirts", "remainder", "whole", "bulk", "areas", "sections", "section"}):
                return "container"
            if doc[span.start - 1].lower_ == "in" and tb.lower_ in {
                    "hospital", "clinic", "school", "mosque", "bakery", "market", "church", "university"} \
                    and span.start >= 3 and doc[span.start - 3].text[:1].isupper() \
                    and (doc[span.start - 3].pos_ == "PROPN" or any(ch.isdigit() for ch in doc[span.start - 3].text)):
                # "the al-Bayan hospital in al-Shaar", "The Omar bin Abdulaziz hospital in
                # Maadi": a named facility the gazetteer lacks is still the specific place,
                # and the quarter its container.
                return "container"
        root = self._effective_root(span)
        head = root.head
        dep = root.dep_
        # Conjuncts share their first conjunct's relation.
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        # "al-Sakhour neighborhood and Sheikh Lutfi area": the first conjunct is another
        # place's descriptor noun, a sibling of this place, never its container.
        sibling_descriptor = first.i != root.i and first.lower_ in _ADMIN and any(
            o.end == first.i for o in doc.spans.get(self.spans_key, []))
        if first.i != root.i:
            dep, head = first.dep_, first.head
            root = first
            if _named_by_of(first) is not None:
                root = _named_by_of(first)  # "the districts of X and Y"
                dep, head = root.dep_, root.head
        if dep == "pobj":
            prep = head.lower_
            governor = head.head
            if any(c.dep_ == "neg" for c in head.children) or (
                    head.i > 0 and head.doc[head.i - 1].lower_ in {"not", "never"}):
                return "negated"  # "striking targets in Idlib, not in Aleppo"
            if prep in {"in", "at", "inside", "near"} and governor.lower_ in {
                    "positioned", "stationed", "entrenched", "holed", "barricaded", "based", "dug"} \
                    and (governor.dep_ in {"acl", "amod", "relcl"} or (
                        governor.lower_ != "based" and governor.tag_ in {"VBN", "VBD"}
                        and prep in {"in", "inside"})) and not self._targeted_group(governor):
                # ("Terrorists positioned in X fired ..." may be parsed with "positioned" as
                # the main verb: still where they were, not an event.)
                return "origin_none"  # "terrorists positioned in X fired at Y": where they fired from
            if prep in {"in", "at", "inside", "near"} and governor.lemma_.lower() in {
                    "position", "base", "stronghold", "post", "bunker", "launchpad", "emplacement"} \
                    and governor.dep_ == "pobj" and governor.head.lower_ == "from":
                return "origin_none"  # "fired from positions in X": where the fire came from
            if prep == "of" and governor.lemma_.lower() in {"direction", "side", "axis"} \
                    and governor.dep_ == "pobj" and governor.head.lower_ == "from":
                return "origin_none"  # "attacked Y from the direction of X": where the attack came from
            if prep in {"to", "towards", "toward"} and head.i >= 2 and head.doc[head.i - 1].lower_ in _COMPASS \
                    and any(t.lemma_.lower() in {"road", "route", "highway", "motorway", "artery"}
                            for t in head.doc[max(head.i - 4, 0):head.i - 1]):
                return "reference"  # "the road south to X": where the road leads
            if prep == "in" and governor.pos_ in {"NOUN", "PROPN"} and governor.dep_ in {"pobj", "dobj", "nsubjpass"} \
                    and governor.tag_ in {"NN", "NNP"} and governor.lemma_.lower() not in _EVACUEES | _ARMED and any(
                    c.dep_ in {"nummod", "compound"} and re.fullmatch(r"\d{2,5}", c.text) for c in governor.children):
                return "container"  # "at the 1070 project in X": the named site is the place
            if prep in {"to", "into", "towards", "toward"} and governor.lemma_.lower() in {
                    "road", "route", "corridor", "highway", "artery", "way", "line", "access", "supply"} \
                    and governor.lower_ != "supplies":
                # ("water supplies to X are at risk" are X's supplies, not a supply line.)
                return "reference"  # "the rebels' corridor to X": where the road leads
            if prep == "with" and governor.lemma_.lower() in {
                    "negotiate", "negotiation", "talk", "talks", "meet", "meeting", "discuss", "agree", "agreement",
                    "deal", "cooperate", "cooperation", "coordinate", "coordination", "relation", "tie", "contact",
                    "consult", "consultation", "dialogue", "speak"}:
                return "reference"  # "negotiating with Moscow": a partner (metonymy), not a site
            if prep == "from" and governor.lemma_.lower() in _CIVILIANS and governor.dep_ == "nsubj" \
                    and governor.head.pos_ == "VERB" and self._lexicon_activity(governor.head, None) == "evacuation" \
                    and not self._hypothetical(governor.head, "evacuation"):
                # "Thousands of civilians from eastern Aleppo have fled to Y": where they fled from.
                return "origin_evacuation"
            if prep in {"in", "inside"} and governor.lemma_.lower() in _ARMED | {"militant", "terrorist", "gunman"} \
                    and governor.dep_ == "nsubj" and (governor.head.lemma_.lower() in _BOMBARD | {"shell", "launch"}
                                                       or _LEXICON.get(governor.head.lemma_.lower()) in {
                                                           "shelling", "airstrike", "ground_advance"}) and any(
                        c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ in {"on", "at", "into", "towards"}
                        for c in governor.head.children):
                # "Militants in eastern Aleppo have fired on the west": where the shooters are.
                return "origin_none"
            if prep in {"in", "inside"} and governor.lemma_.lower() in _ARMED | {"militia", "unit", "terrorist"} \
                    and governor.dep_ == "nsubj" and _LEXICON.get(governor.head.lemma_.lower()) == "clashes":
                # "Kurdish fighters in X clashed with rebels on Y": X is where the fighters
                # are, Y where they fought.
                places = self._place_tokens(doc)
                if any(t.i in places and t.i > governor.head.i
                       and t.head.lower_ in {"on", "in", "at", "near", "around", "along", "inside", "of"}
                       for c in governor.head.children if c.dep_ == "prep" for t in c.subtree):
                    return "origin_none"
            if prep in {"of", "from"} and governor.lemma_.lower() in _CIVILIANS | _ARMED \
                    and governor.dep_ in {"nsubj", "nsubjpass"} and governor.lemma_.lower() not in {"some", "many"}:
                # "residents of X crossed into ...", "fighters from X": who they are, not
                # where the clause happens.
                return "origin_none"
            mover = governor.head if governor.dep_ in {"advmod", "prt"} and governor.lower_ in {
                "back", "out", "away"} else governor
            if prep in {"to", "into", "towards", "toward"} and (mover.lemma_.lower() in {
                    "withdraw", "retreat", "pull", "fall", "regroup", "redeploy"} and (
                    mover.lemma_.lower() != "fall" or governor.lower_ == "back") or (
                    mover.lemma_.lower() in {"flee", "escape", "run"} and mover.pos_ == "VERB"
                    and self._subject_words(mover) & (_ARMED | {"terrorist", "terrorists", "militant", "militants"}))):
                # ("the remaining terrorists fled towards X": fighters in flight, not evacuees.)
                return "reference"  # where a retreating force went: it neither took nor lost it
            if prep in {"in", "at", "around", "on"} and (
                    mover.lemma_.lower() == "regroup" or mover.lemma_.lower() == "fall" and any(
                        c.lower_ == "back" for c in [governor, *mover.children])):
                return "reference"  # "withdrew from X, regrouping in Y", "fell back on Y": as above
            if prep == "from" and mover.lemma_.lower() in _LEAVE_PLACE and mover.pos_ == "VERB" and (
                    self._subject_words(mover) & (_ARMED | {"our", "we"})):
                # ("fighters had pulled back from X": "from" hangs on "back".)
                return "ok"  # "insurgents withdrew from X": X changes hands (see _special_predicate)
            if prep == "from" and governor.pos_ == "VERB" and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in _CIVILIANS
                    for c in list(governor.children) + [g for k in governor.children if k.dep_ == "advmod"
                                                        for g in k.children]) \
                    and not self._subject_words(governor) & _ARMED:
                # ("thousands more crossed from X": the parser may hang "thousands" on "more".)
                return "origin_evacuation"
            if prep == "from" and governor.pos_ == "VERB" and governor.lemma_.lower() in {
                    "set", "depart", "leave", "start", "roll", "pull", "move", "drive"} and (
                    lambda subj: subj & {"bus", "buses", "convoy", "ambulance", "evacuee", "evacuees"}
                    and not subj & (_ARMED | {"aid", "humanitarian", "relief", "food", "un", "tank", "tanks"}))(
                    {c.lemma_.lower() for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}}
                    | {c.lower_ for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}}):
                # "the convoy set off from X", "the buses pulled out from X": the
                # evacuees' departure point.
                return "origin_evacuation"
            if prep == "from":
                # "evacuation of the wounded from X", "buses left from X": a departure
                # point is an evacuation site; otherwise X is the origin of an advance.
                cur = governor
                for _ in range(4):
                    if _lexicon_entry(cur) == "evacuation" or (
                            cur.lemma_.lower() == "flight" and self._lexicon_activity(cur, head) == "evacuation") or (
                            cur.pos_ == "VERB" and self._lexicon_activity(cur, None) == "evacuation"):
                        return "origin_evacuation"
                    if cur.head.i == cur.i or cur.dep_ in {"ccomp", "advcl", "relcl", "ROOT"}:
                        break
                    cur = cur.head
                return "origin_none"
            if prep == "of":
                # "north of Aleppo", "the northern edge of Aleppo": a reference point.
                if governor.lower_ in _COMPASS and not (
                        governor.i > 0 and governor.doc[governor.i - 1].lower_ in {"the", "its", "their", "entire",
                                                                                     "whole", "all"}) and not any(
                        (c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in governor.children) \
                        and not (governor.dep_ == "dobj" and (self._lexicon_activity(governor.head, None) == "capture"
                                                              or governor.head.lemma_.lower() in {"lose", "control"})
                                 and not any(c.dep_ in {"compound", "nmod"} and c.pos_ in {"NOUN", "PROPN"}
                                             for c in governor.children)):
                    # ("Rebels lose north of Aleppo", "seizes entire north of X": the part taken.)
                    # ("the rebel-held east of Aleppo" is a part of it, like "the north of Aleppo".)
                    # "north of Aleppo" is a bearing; "the north of Aleppo" is a part of it.
                    return "reference"
                if governor.lower_ in _EDGE and any(c.lower_ in _COMPASS for c in governor.children):
                    return "reference"
                if governor.lower_ in _COMPASS and governor.dep_ in {"advmod", "npadvmod"}:
                    return "reference"
            partitive = head.i > 0 and head.doc[head.i - 1].lower_ in {
                "parts", "part", "much", "most", "rest", "all", "some", "half", "edge", "edges", "outskirts",
                "remainder", "whole", "bulk", "areas", "sections", "section"}
            if prep in {"in", "of", "inside", "within"} and self._governor_is_place(governor, span) \
                    and not (prep == "of" and partitive):
                return "container"
            if prep == "of" and (governor.lower_ in {"part", "parts", "side", "half", "section", "sector"}
                                 or governor.lower_ in _COMPASS) and governor.dep_ == "pobj" \
                    and governor.head.lower_ in {"in", "of", "inside", "within"} \
                    and (self._governor_is_place(governor.head.head, span) or (
                        governor.head.i > 0 and self._governor_is_place(span.doc[governor.head.i - 1], span))):
                # "the Sakhour district in the eastern part of Aleppo": Aleppo contains it.
                return "container"
            # The parse may hang "in Aleppo" on the verb: "... Karam Houmid neighbourhood
            # in Aleppo". Adjacency tells the container all the same.
            before = head.i - 1
            if prep in {"in", "of", "inside", "within"} and before >= 0 and before != span.end - 1:
                tb = span.doc[before]
                if (self._in_other_place(tb, span) or any(o.end == before for o in span.doc.spans.get(self.spans_key, [])
                                                          if tb.lower_ in _ADMIN)) and self._more_specific(tb, span):
                    return "container"
            if prep in {"in", "for", "from", "with", "at"} and self._is_organisation(governor) and (
                    governor.lower_ not in _PEOPLE_SOURCES or self._is_speaker_phrase(governor)) and not (
                    governor.dep_ in {"nsubjpass", "dobj"} and governor.head.lemma_.lower() not in _REPORTING) \
                    and not (governor.dep_ == "pobj" and governor.head.lower_ in {"to", "into", "towards", "toward"}
                             and governor.lower_ in {"centre", "center", "office"}) \
                    and not (governor.dep_ == "pobj" and governor.head.lower_ in {"on", "at", "near", "outside"}
                             and governor.lower_ in {"centre", "center", "office", "headquarters", "building",
                                                     "base", "station", "depot"}):
                # ("taken to a reception centre in X": a destination, not a speaker; "a strike
                # on a civil defence centre in X": the building was the target.)
                # ("its centre in X was put out of action", "strikes hit the council's office
                # in X": the organisation's building was the target, so X is a site.)
                return "organisation"
        if dep in {"poss", "compound", "nmod"} and self._governor_is_place(head, span) and not sibling_descriptor \
                and not (root.lower_ in _ADMIN and head.lower_ in _ADMIN):
            # (Two descriptors side by side, "X neighborhood [and] Y area", are a list.)
            return "container"
        if self._partitive_container(root, span):
            return "container"
        if dep in {"appos"} and self._governor_is_place(head, span) and head.i < root.i \
                and not (doc[span.start - 1].lower_ == "then" or doc[span.start - 1].pos_ == "DET"
                         and doc[span.start - 2].lower_ == "then"):  # ("took X, then Y": a sequence)
            # "Karam Houmid neighbourhood, Aleppo": the appositive container.
            return "container"
        if dep == "npadvmod" and head.lower_ in _COMPASS:
            return "reference"
        return "ok"

    @staticmethod
    def _route_cut_into(span: Span) -> Token | None:
        """The cutting word when the mention is where a cut route led: "cut the last
        supply route into X" - X is the besieged area (the road itself changed hands)."""
        root = _mention_root(span)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _NAMED_BY_OF | {
                "part", "parts", "half", "side", "east", "west", "north", "south"}:
            root = root.head.head  # "the only route into the rebel-held part of X"
        if root.dep_ not in {"pobj", "compound"} or root.head.lower_ not in {"into", "to"} and not (
                root.dep_ == "compound" and root.head.dep_ == "pobj" and root.head.head.lower_ in {"into", "to"}):
            return None
        prep = root.head if root.dep_ == "pobj" else root.head.head
        road = prep.head
        if road.pos_ == "VERB" and prep.lower_ == "into":
            # "cut last supply route into X" with "into X" hung on the verb. ("cut the
            # rebels' last road to Azaz" names where the road leads.)
            road = next((c for c in road.children if c.dep_ == "dobj"), road)
        if road.lemma_.lower() not in {"route", "road", "line", "artery", "corridor", "lifeline", "highway"}:
            return None
        cut = road.head
        if road.dep_ in {"dobj", "nsubjpass"} and cut.lemma_.lower() in {"cut", "sever", "block", "close"}:
            return cut
        return None

    def _targeted_group(self, participle: Token) -> bool:
        """Whether the group a "holed up in X" participle describes is what the clause
        besieges or attacks: "completed the encirclement of the fighters holed up in X"."""
        if participle.dep_ not in {"acl", "amod", "relcl"}:
            return False
        cur = participle.head
        for _ in range(3):
            if cur.pos_ in {"NOUN", "VERB"} and self._lexicon_activity(cur, None) in {
                    "siege", "airstrike", "shelling", "ground_advance"}:
                return True
            if cur.head.i == cur.i or cur.dep_ not in {"pobj", "prep", "dobj"}:
                # (The group as a subject acted: "gunmen stationed in X fired at Y".)
                return False
            cur = cur.head
        return False

    def _partitive_container(self, root: Token, span: Span) -> bool:
        """"advanced in X, in the eastern part of Aleppo city": the part-of phrase hangs
        on the same verb as a more specific named place, which it contains."""
        tok = root
        if tok.dep_ in {"amod", "compound"} and tok.head.lower_ in _ADMIN:
            tok = tok.head  # "Aleppo city"
        if tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        part = tok.head.head
        if part.lower_ not in {"part", "parts", "side", "half", "section", "sector", "quarter", "outskirts"} | _COMPASS \
                or part.dep_ != "pobj" or part.head.lower_ not in {"in", "inside", "within"}:
            return False
        verb = part.head.head
        for c in verb.children:
            if c.dep_ == "prep" and c.i != part.head.i:
                for g in c.children:
                    if g.dep_ == "pobj" and self._in_other_place(g, span) and self._more_specific(g, span):
                        return True
        # "Sukkari, in the eastern part of Aleppo": the phrase modifies the named place
        # (or "X and Y neighbourhoods in the northeast of Aleppo", the noun they name).
        if verb.pos_ == "NOUN" and verb.lemma_.lower() in _ADMIN and any(
                self._in_other_place(c, span) and self._more_specific(c, span)
                for c in verb.children if c.dep_ in {"compound", "nmod", "amod"}):
            return True
        return verb.pos_ in {"PROPN"} and self._in_other_place(verb, span) and self._more_specific(verb, span)

    def _governor_is_place(self, tok: Token, span: Span) -> bool:
        """Whether ``tok`` is (the head noun of) another, more specific place mention."""
        return self._in_other_place(tok, span) and self._more_specific(tok, span)

    def _in_other_place(self, tok: Token, span: Span) -> bool:
        doc = span.doc
        for other in doc.spans.get(self.spans_key, []):
            if other.start == span.start:
                continue
            if other.start <= tok.i < other.end:
                return True
            # "Karam Houmid neighbourhood": the descriptor noun heads the name.
            if tok.lower_ in _ADMIN and any(other.start <= c.i < other.end for c in tok.children) \
                    and other.sent == span.sent:
                return True
        return False

    def _more_specific(self, tok: Token, span: Span) -> bool:
        rank = {"country": 0, "governorate": 1, "region": 2, "city": 3, "town": 3, "village": 3, "district": 4,
                "neighbourhood": 5, "camp": 5, "industrial_area": 5, "road": 5,
                "hospital": 6, "landmark": 6, "military_base": 6, "airport": 6}
        me = self._place_of(span)
        other_span = None
        for other in span.doc.spans.get(self.spans_key, []):
            if other.start <= tok.i < other.end or any(other.start <= c.i < other.end for c in tok.children):
                if other.start != span.start:
                    other_span = other
                    break
        if other_span is None:
            return False
        them = getattr(other_span._, "place", None) if Span.has_extension("place") else None
        if me is not None and them is not None and getattr(me, "kind", None) and getattr(them, "kind", None):
            return rank.get(them.kind, 5) > rank.get(me.kind, 5)
        # No gazetteer: a name with its own facility/area head ("Shuqaif industrial
        # area", "Kindi hospital") is itself specific, never the container; otherwise
        # trust the syntax (X in Y, Y's X, X of Y).
        if span[-1].lower_ in _ADMIN | _FACILITY:
            return False
        if "aleppo" in other_span.text.lower() and "aleppo" not in span.text.lower():
            return False  # (the city, or its half, contains the quarters, never the reverse)
        return True

    def _is_container_link(self, prev: Token, tok: Token, span: Span) -> bool:
        return self._more_specific(tok, span)

    @staticmethod
    def _is_speaker_phrase(tok: Token) -> bool:
        """Whether the noun phrase headed by ``tok`` is the subject of a reporting verb."""
        cur = tok
        for _ in range(3):
            if cur.dep_ in {"nsubj", "nsubjpass"}:
                return cur.head.lemma_.lower() in _REPORTING
            if cur.dep_ in {"pobj", "prep", "conj", "appos"} and cur.head.i != cur.i:
                cur = cur.head
            else:
                break
        return False

    @staticmethod
    def _is_organisation(tok: Token) -> bool:
        low = tok.lower_
        if low in {"defence", "defense", "helmets", "council", "committee", "office", "society",
                   "spokesman", "spokeswoman", "activist", "activists", "correspondent", "reporter",
                   "doctor", "journalist", "official", "resident", "residents", "director", "head",
                   "group", "faction", "network", "centre", "center", "agency", "media"}:
            return True
        return tok.ent_type_ == "ORG"

    def _lexicon_activity(self, tok: Token, child: Token | None) -> str | None:
        lemma = tok.lemma_.lower()
        low = tok.lower_
        pos = tok.pos_
        if pos not in {"VERB", "NOUN", "PROPN", "ADJ", "AUX"}:
            return None
        act = _lexicon_entry(tok)
        special = self._special_predicate(tok, child, lemma, pos)
        if special is not None:
            return special or None
        if pos == "VERB" and any(c.dep_ in {"prt", "advmod"} and c.lower_ in {"back", "off"} and c.i <= tok.i + 2
                                 for c in tok.children) \
                and lemma in {"push", "beat", "fight", "fend", "drive", "hold", "force", "throw"}:
            # "pushed back an attempt", "fended off an attack".
            return "repelled"
        if lemma == "leave" and pos == "VERB" and any(c.dep_ == "auxpass" for c in tok.children) \
                and not any(c.dep_ in {"agent", "xcomp"} for c in tok.children):
            # (But "3,000 people were left to be evacuated", "teams were left waiting at X".)
            return None  # "what is left of X", "families were left without bread": no departure
        if lemma in {"expand", "extend", "widen", "broaden"} and pos == "VERB" and any(
                c.dep_ == "dobj" and c.lemma_.lower() == "control" for c in tok.children):
            return "capture"  # "army units expanded their control to include X", "... over X"
        if lemma == "life" and pos == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in {"claim", "take", "cost"}:
            return "casualties"  # "rebel shells claimed the lives of three civilians in X"
        if lemma == "cut" and pos == "VERB" and child is not None and child.lower_ in {"to", "towards", "toward"}:
            return None  # "cut the road to X": where the road leads
        if lemma in {"cut", "seal", "sever"} and pos == "VERB":
            # A road or supply line "cut" (sealed, severed) changes hands; a place "cut
            # off" is besieged.
            if any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
                return "siege"
            words = {t.lower_ for c in tok.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree}
            if child is not None:
                words |= {t.lower_ for t in child.subtree}
            if tok.dep_ == "relcl" and words & {"which", "that"}:
                words.add(tok.head.lower_)  # "the X road, which the army cut in July"
            if words & {"road", "route", "highway", "line", "lines", "artery", "corridor", "supply"}:
                return "capture"
            if (words | self._subject_words(tok)) & {"power", "water", "electricity", "fuel", "pumping"}:
                return "humanitarian"  # "power to the pumping station in X was cut"
            return None
        if lemma == "lose" and pos == "VERB":
            # "lost control of X" / "lost X": the place changed hands (actor flipped later).
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if any(o.lemma_.lower() in {"control", "ground", "territory"} for o in objs) or \
                    (child is not None and child.dep_ in {"dobj", "nsubjpass"}):
                return "capture"  # (also "the districts of X were lost last weekend")
            return None
        if lemma == "bomb" or low in {"bomb", "bombs", "bomber", "bombers", "bombing", "bombings", "ied", "ieds"}:
            # Car, truck and suicide bombs are ground weapons, part of an assault; IEDs too.
            mods = {c.lower_ for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}
            if low in {"ied", "ieds"} or mods & {"car", "truck", "suicide", "roadside", "vehicle", "lorry", "tunnel"}:
                return "ground_advance"
        if lemma == "strike" or low in {"strikes", "strike"}:
            act = "airstrike"
        if act is None and lemma in _BOMBARD and pos == "VERB":
            # hit/target/pound/burn: air unless the weapon says otherwise; drop/rain/fire
            # need a weapon word.
            default = None if lemma in {"drop", "rain", "fire"} else "airstrike"
            if lemma == "fire" and any(c.dep_ == "prep" and c.lower_ in {"on", "at", "into", "towards", "toward"}
                                       for c in tok.children) and classify_actor(" ".join(sorted(self._subject_words(tok)))):
                default = "shelling"  # "Rebels also fired on the citadel": a side firing at a place
            if default and self._weapon(tok, default=None) is None:
                # Rebels had no aircraft: an unarmed "rebels targeted/pounded X" is ground fire.
                subj = self._subject_words(tok)
                if subj and classify_actor(" ".join(sorted(subj))) == "opposition":
                    default = "ground_advance" if lemma in {"target", "attack", "raid"} else "shelling"
            return self._weapon(tok, default=default)
        if act is None and pos == "NOUN" and (lemma in _ONGOING or lemma in _ERUPT or low in {"rage", "rages"}):
            # A headline verb tagged as a noun: "Fierce clashes rage in X".
            for c in tok.children:
                if c.dep_ in {"compound", "nsubj"} and c.i < tok.i:
                    inner = _LEXICON.get(c.lemma_.lower()) or _LEXICON.get(c.lower_)
                    if inner:
                        return inner
        if act is None and pos in {"NOUN", "PROPN"}:
            # A noun on the path modified by an event adjective: "besieged residents",
            # "a destroyed building".
            for c in tok.children:
                if c.dep_ in {"amod", "compound", "acl"} and c.i != (child.i if child is not None else -1):
                    m = _MODIFIER_LEXICON.get(c.lower_)
                    if m:
                        return m
            return None
        if act is None:
            return None
        # Guards for generic words.
        if lemma in {"take", "win", "gain"}:
            objs = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            if any(o.lemma_.lower() == "part" and o.lower_ == "part" and not any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in o.children) for o in objs):
                return None  # "took part in", not "took parts of X"
            if any(o.lemma_.lower() in {"place", "care", "time", "step", "measure", "look", "effect", "hold",
                                        "root", "shape", "aim", "turn", "office", "power", "question",
                                        "note", "prize", "award", "vote", "election", "hour",
                                        "day", "week", "year", "life", "lives"} for o in objs):
                return None
            if lemma in {"win", "gain"} and pos == "VERB" and not any(
                    o.lemma_.lower() in {"ground", "control", "territory"} for o in objs):
                return None
            if lemma == "gain":
                return "ground_advance"
        if lemma == "move" and not any(c.lower_ in {"into", "on", "towards", "toward", "in"} for c in tok.children):
            return None
        if lemma in {"reach"} and pos == "NOUN":
            return None
        if lemma in {"reach", "strike", "secure", "win", "break"} and pos == "VERB":
            # "a deal reached in Ankara", "they struck an agreement": diplomacy, not war.
            related = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
            if tok.dep_ in {"acl", "relcl"}:
                related.append(tok.head)
            if any(r.lemma_.lower() in {"deal", "agreement", "truce", "ceasefire", "accord", "understanding",
                                        "settlement", "compromise", "consensus", "decision", "conclusion"}
                   for r in related):
                return None
        if lemma in {"operation"}:
            # "military operation(s)", "operations in X": ground fighting; "rescue operation" not.
            if any(c.lower_ in {"rescue", "relief", "aid", "evacuation"} for c in tok.children):
                return _LEXICON.get(next(c.lower_ for c in tok.children if c.lower_ in {"rescue", "relief", "aid", "evacuation"}), None)
        if lemma in {"fire"} and pos == "NOUN" and not any(c.lower_ in _GROUND_FIRE_CUES | _AIR_CUES for c in tok.children):
            return None
        if lemma in {"supply", "health", "food"} and pos == "VERB":
            return None
        if lemma == "tighten" and pos == "VERB" and not any(
                c.lower_ in {"grip", "siege", "noose", "cordon", "encirclement"} for c in tok.subtree):
            return None
        if act in {"ground_advance", "evacuation"} and pos == "VERB":
            # "Civilians crossed from X", "a convoy of buses ... crossing at X": people
            # moving out, not troops advancing.
            if child is not None and child.dep_ == "prep" and child.lower_ not in {
                    "from", "to", "towards", "toward", "into", "out", "through", "across", "via", "at", "in",
                    "inside", "past", "around", "near", "of", "on"} \
                    and not (child.lower_ == "for" and lemma in {"flee", "leave", "depart", "escape"}) and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in _CIVILIANS for c in tok.children):
                return None  # "thousands marched in Istanbul in solidarity with X"
            for c in tok.children:
                if c.dep_ == "nsubj" and c.lemma_.lower() in _CIVILIANS:
                    return "evacuation"
                if c.dep_ == "nsubj" and (c.like_num or c.pos_ == "NUM") and not {
                        t.lemma_.lower() for t in c.subtree} & (_ARMED | {"tank", "vehicle", "truck"}):
                    # "Another 10,000 have moved in with relatives in X": a head count is people.
                    return "evacuation"
                if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"evacuees", "evacuee"}:
                    # "Evacuees reached X", "evacuees were driven out of X" (the parser may
                    # read a capitalised "Evacuees" as a name, with no lemma).
                    return "evacuation"
            subj = self._subject_words(tok)
            if not subj:
                # "The convoy set off from X, crossed Y and headed to Z": the parser may hang
                # the first predicate (with the subject) under the later ones (advcl or ccomp).
                top = tok
                while top.dep_ == "conj" and top.head.i != top.i:
                    top = top.head
                for c in top.children:
                    if c.dep_ in {"advcl", "ccomp"} and c.i < top.i:
                        subj = {t.lemma_.lower() for s in c.children if s.dep_ == "nsubj" for t in s.subtree}
                        break
            head_subj = {c.lemma_.lower() for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}}
            if lemma in {"reach", "cross"} and not subj & _ARMED and any(
                    c.dep_ == "nsubj" and c.lower_ == "who" for c in tok.children) and tok.dep_ == "relcl" \
                    and tok.head.ent_type_ == "PERSON":
                return "evacuation"  # "said Um Khaled, who reached X with her sons on Sunday"
            if lemma in {"cross", "move", "march", "enter", "reach", "pass", "head", "drive", "roll", "travel"} and (
                    subj & {"bus", "ambulance", "convoy", "evacuee", "civilian", "family", "resident"}
                    and not head_subj & _ARMED
                    and not subj & {"aid", "humanitarian", "relief", "food", "medical", "medicine", "un"}):
                return "evacuation"
        if act == "ground_advance" and pos == "VERB":
            # "An aid convoy reached X", "UN trucks carrying food crossed into X":
            # humanitarian, not an advance. "No aid has entered X since July": the siege.
            if lemma in _AID_ENTRY and self._aid_shut_out(tok):
                return "siege"
            if self._subject_words(tok) & {"aid", "humanitarian", "relief", "food", "medical", "medicine",
                                           "un", "red", "wfp", "unicef", "icrc", "flour", "bread", "wheat",
                                           "fuel", "supplies", "medicines", "rations"}:
                return "humanitarian"
        if lemma in _BOMBARD or lemma == "strike" or low in {"strikes", "strike"}:
            return self._weapon(tok, default=act if act in {"airstrike", "shelling"} else None) or act
        if act == "ground_advance" and lemma in {"attack", "assault", "offensive"}:
            weapon = self._weapon(tok, default=None)
            if weapon:
                return weapon
        return act

    @staticmethod
    def _subject_words(tok: Token) -> set[str]:
        """Lower-case lemmas of the subject of ``tok`` (or of the verb a participle hangs
        from), with the singular of plurals the model left unlemmatised ("Rebels
        withdraw ..." opening a line is read as a name)."""
        words = ActivityTagger._subject_words_as_written(tok)
        return words | {w[:-1] for w in words if len(w) > 3 and w.endswith("s") and not w.endswith("ss")}

    @staticmethod
    def _subject_words_as_written(tok: Token) -> set[str]:
        cur = tok
        for _ in range(3):
            subj = [c for c in cur.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj and cur.dep_ == "relcl" and cur.head.i != cur.i and all(
                    s.lower_ in {"who", "which", "that"} for s in subj):
                # "40,000 people who left X": the relative pronoun is its antecedent.
                ante = cur.head
                words = [t for t in ante.subtree if not (cur.left_edge.i <= t.i <= cur.right_edge.i)]
                return {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
            if subj:
                return {t.lemma_.lower() for s in subj for t in s.subtree} | {t.lower_ for s in subj for t in s.subtree}
            if cur.dep_ in {"advcl", "xcomp", "conj", "acl"} and cur.head.i != cur.i:
                if cur.dep_ == "acl" and cur.head.pos_ in {"NOUN", "PROPN"}:
                    # "UN trucks carrying flour crossed ...": the whole noun phrase before.
                    top = cur.head
                    while top.dep_ in {"dobj", "pobj", "prep", "acl", "compound"} and top.head.i != top.i \
                            and top.head.i < cur.i and top.head.pos_ not in {"VERB", "AUX"}:
                        # (Not past the noun phrase: "the UN received reports of forces entering X".)
                        top = top.head
                    words = [t for t in top.subtree if t.i < cur.i]
                    return {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
                cur = cur.head
            else:
                break
        return set()

    def _place_kind_at(self, tok: Token) -> str | None:
        """The gazetteer kind of the place mention covering ``tok``, if any."""
        if not Span.has_extension("place"):
            return None
        for other in tok.doc.spans.get(self.spans_key, []):
            if other.start <= tok.i < other.end:
                return getattr(getattr(other._, "place", None), "kind", None)
        return None

    def _special_predicate(self, tok: Token, child: Token | None, lemma: str, pos: str) -> str | None:
        """Predicates whose meaning depends on their arguments.

        Returns an activity, ``""`` for "not an event here" (stop looking at this word),
        or None when the ordinary lexicon applies.
        """
        kids = list(tok.children)
        if tok.lower_ in {"bussed", "bused", "bussing", "busing"}:
            lemma, pos = "bus", "VERB"  # the model lemmatises "bussed" as "buss"
        objs = [c for c in kids if c.dep_ in {"dobj", "nsubjpass", "attr", "oprd"}]
        obj_lemmas = {o.lemma_.lower() for o in objs}
        prts = {c.lower_ for c in kids if c.dep_ in {"prt", "prep", "advmod"}}
        if pos == "NOUN" and _LEXICON.get(lemma) == "ground_advance" and any(
                c.dep_ in {"compound", "amod"} and c.i < tok.i and c.lower_ in {
                    "repels", "repulses", "thwarts", "foils", "rebuffs"} for c in kids):
            return "repelled"  # a headline's "Army repels rebel assault on X", the verb read as a noun
        if lemma == "take" and pos == "VERB" and _includes(tok):
            return ""  # "a pocket that takes in X": X is part of the pocket, not taken
        if lemma in _ENCIRCLEMENT and pos == "NOUN" and tok.head.lemma_.lower() in {
                "break", "breach", "smash", "crack", "pierce", "broken"} and tok.dep_ in {"dobj", "nsubjpass", "nsubj"} \
                and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children):
            # (A battle "to break the siege of X" is a goal: X is still besieged.)
            # "Rebels say they have broken the siege of X": an offensive that got through.
            return "ground_advance"
        if pos == "VERB" and lemma in {"break", "breach", "smash", "crack", "pierce"} and obj_lemmas & _ENCIRCLEMENT:
            return "ground_advance"
        if pos == "VERB" and lemma in {"squeeze", "cram", "crowd"} and "into" in prts and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in {"enclave", "pocket", "rebel", "fighter", "opposition",
                                                               "people", "civilian", "resident"} for c in kids):
            return "siege"  # "the remaining enclave is squeezed into a handful of neighbourhoods including X"
        if pos == "VERB" and lemma in {"shrink", "dwindle", "reduce"} and prts & {"to", "into"} and any(
                c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in {"enclave", "pocket", "territory", "area"}
                for c in kids):
            return "siege"  # "the rebel enclave had shrunk to a handful of streets in X"
        if pos == "NOUN" and lemma in {"assault", "attack", "campaign", "offensive", "onslaught", "bombardment"} \
                and any(c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in _AIR_SIDE_CUES | {"aerial"}
                        for c in kids):
            return "airstrike"  # "the air and artillery assault on east Aleppo", "the air campaign on X"
        if pos == "VERB" and lemma in {"hem", "pen", "bottle", "corner", "pin"} and prts & ({"in", "up", "down"} | (
                {"around", "into"} if lemma != "pin" else set())):
            # "left the opposition hemmed in around X", "rebels bottled up in X".
            return "siege"
        if pos == "VERB" and lemma == "give" and any(c.lower_ == "way" for c in kids) and self._subject_words(tok) & {
                "defence", "defences", "defense", "defenses", "line", "lines", "resistance", "front", "frontline"}:
            return "capture"  # "rebel lines gave way in X"
        if pos == "VERB" and lemma in _COLLAPSE:
            # "rebel defences in X collapsed": the place changed hands; a building
            # collapsing is no capture.
            subj = self._subject_words(tok)
            return "capture" if subj & {"defence", "defences", "defense", "defenses", "line", "lines", "resistance",
                                        "front", "frontline", "position", "positions"} else ""
        if pos == "NOUN" and lemma in _COLLAPSE and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.lemma_.lower() in {"defence", "defense", "line", "front", "frontline", "resistance", "position"}
                    for g in c.children) for c in kids):
            return "capture"  # "the collapse of rebel defences in X"
        if lemma == "pocket" and pos == "NOUN" and (
                tok.dep_ == "dobj" and tok.head.lemma_.lower() in _LEAVE_PLACE | {"exit", "depart", "evacuate"}
                or tok.dep_ == "pobj" and tok.head.lower_ in {"from", "of"}):
            return ""  # "buses left the last rebel-held pocket of X": the departure decides
        if pos == "VERB" and lemma == "reach" and any(
                c.lower_ == "by" and any(g.lemma_.lower() in {"phone", "telephone", "satellite", "messaging", "skype",
                                                             "whatsapp", "app", "email", "text"} for g in c.subtree)
                for c in kids):
            return ""  # "a doctor reached by phone in X": where the speaker was
        if pos == "VERB" and child is not None and (lemma in {"go", "move", "head", "relocate"} and child.lower_ in {
                "to", "into", "toward", "towards"} or lemma == "make" and child.lower_ == "for"):
            # "Most have gone to X", "others made for X": where people displaced by
            # the fighting went, when they or the sentence before say they fled.
            subj = self._subject_words(tok)
            before = tok.doc[tok.sent.start - 1].sent if tok.sent.start > 0 else tok.sent
            fled = {t.lemma_.lower() for t in list(tok.sent) + list(before)} & {
                "flee", "displace", "leave", "evacuate", "escape", "exodus", "uproot"}
            if subj & (_CIVILIANS | {"most", "family", "families"}) and fled \
                    and not subj & (_ARMED | {"fighter", "troop", "soldier"}):
                return "evacuation"
        if pos == "VERB" and lemma in {"cost", "sell"} and self._subject_words(tok) & _STAPLES:
            return "humanitarian"  # "a bundle of bread now costs five times as much in X"
        if pos == "VERB" and lemma == "change" and "hand" in obj_lemmas:
            return "capture"  # "the Armament College also changed hands"
        if pos == "VERB" and lemma == "come" and "under" in prts:
            # "the hospital had come under attack / fire / heavy bombardment".
            under = next(c for c in kids if c.lower_ == "under")
            for g in map(_span_of_time_to_its_object, under.children):
                act = self._lexicon_activity(g, None) if g.dep_ == "pobj" else None
                if g.dep_ == "pobj" and g.lemma_.lower() == "control":
                    return "capture"  # "X came under government control on Saturday"
                if g.dep_ == "pobj" and g.lemma_.lower() in {"fire", "gunfire"}:
                    return self._weapon(g, default="shelling")  # "the road came under rebel fire"
                if act:
                    return self._weapon(tok, default="airstrike") if act == "ground_advance" and g.lemma_.lower() \
                        == "attack" and self._subject_words(tok) & {"hospital", "clinic", "school", "market",
                                                                     "bakery"} else act
        if pos == "VERB" and lemma in {"punch", "smash", "burst"} and prts & {"through", "into"}:
            return "ground_advance"  # "rebels punched through government lines at X"
        if pos == "VERB" and lemma in {"gather", "amass", "concentrate", "converge"} \
                and self._subject_words(tok) & (_ARMED | {"militiaman", "militiamen", "reinforcement"}):
            return "ground_advance"  # "militiamen are gathering in X": a build-up (mobilisation)
        if lemma == "flight" and pos == "NOUN" and child is not None and child.lower_ == "from":
            # "children separated during the flight from X" - not an airliner's flight.
            words = {t.lemma_.lower() for t in tok.sent}
            if words & (_CIVILIANS | _EVACUEES | {"child", "parent", "displaced"}) and not words & {
                    "land", "plane", "airline", "aircraft", "jet", "passenger", "airport", "pilot"}:
                return "evacuation"
            return ""
        if pos == "VERB" and lemma == "head" and prts & {"to", "towards", "toward", "for", "into", "north", "south",
                                                          "east", "west"}:
            # "others headed to X": people in flight; troops heading somewhere advance.
            subj = self._subject_words(tok)
            if subj & _ARMED - {"group"}:
                return "ground_advance"
            return "evacuation" if subj & (_EVACUEES | {"others", "many", "some"}) else ""
        if pos == "VERB" and lemma in {"house", "accommodate", "host", "lodge"} and any(
                c.dep_ == "auxpass" for c in kids) and self._subject_words(tok) & (_CIVILIANS | _EVACUEES):
            return "humanitarian"  # "the families are being housed in schools in X"
        if pos == "VERB" and lemma == "go" and prts & {"to"}:
            # "About 6,000 went to Sheikh Maqsoud; many went to Jibreen": in a story of people
            # fleeing (this sentence or the one before), where they went is an evacuation site.
            subj = self._subject_words(tok)
            before = tok.doc[tok.sent.start - 1].sent if tok.sent.start > 0 else tok.sent
            flight = any(t.lemma_.lower() in {"flee", "escape", "displace", "exodus"}
                         for t in list(tok.sent) + list(before))
            if flight and not subj & _ARMED and (subj & (_CIVILIANS | _DISTRIBUTIVES) or any(
                    c.dep_ == "nsubj" and c.pos_ in {"NUM", "PRON"} for c in kids) or any(
                    c.dep_ == "nsubj" and any(g.like_num for g in c.subtree) for c in kids)):
                return "evacuation"
        if pos == "VERB" and lemma in {"walk", "trek", "trudge"}:
            # "Some walked to X", "families trekked out of Y": people fleeing on foot.
            subj = self._subject_words(tok)
            if subj & _ARMED:
                return "ground_advance"  # "troops walked into X unopposed"
            # Walking somewhere is flight only in a story of flight ("some walking to the
            # citadel" on the first day of peace is not).
            flight = any(t.lemma_.lower() in {"flee", "escape", "displace", "evacuate", "evacuation", "refuge",
                                              "exodus", "reception", "shelter"} for t in tok.sent) or prts & {"from", "out"}
            person = any(t.ent_type_ == "PERSON" for t in tok.sent if t.lower_ in subj) or any(
                c.dep_ == "nsubj" and c.lower_ == "who" for c in kids)
            return "evacuation" if (subj & (_CIVILIANS | {"some", "others"}) or person) and flight else ""
        if pos in {"VERB", "AUX"} and lemma in {"hold", "control", "be"} and any(
                c.dep_ == "prep" and c.lower_ in {"since", "by"} and any(
                    g.lower_ in _DAY_WORDS or g.like_num for g in c.subtree) for c in kids) and (
                lemma != "be" or any(c.dep_ == "prep" and c.lower_ == "in" and any(
                    g.lemma_.lower() in {"hand", "control"} for g in c.children) for c in kids)):
            # "the army has held X since Saturday", "by nightfall they held the whole of X",
            # "X was in government hands by the afternoon": taken then.
            return "capture"
        if pos == "VERB" and lemma in {"split", "cut", "slice", "divide"} and any(
                c.dep_ == "prep" and c.lower_ == "in" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].lower_ in {
                    "two", "half", "three"} for c in kids):
            return "capture"  # "the rebel-held east was split in two"
        if pos == "VERB" and lemma in {"recover", "retrieve", "pull", "dig", "find"} and obj_lemmas & {
                "body", "corpse", "remains", "survivor", "victim", "dead"}:
            # "civil defence teams recovered 18 bodies in X": the dead are the news.
            return "casualties"
        if pos == "VERB" and lemma in {"wait", "spend", "queue", "gather", "camp", "huddle", "crowd"} and not (
                self._subject_words(tok) & {"bus", "buses", "convoy", "ambulance", "ambulances", "vehicle"}):
            # "Families waited for hours at X for the buses", "Many had spent the night in
            # X, waiting for the buses": people waiting to be evacuated mark a departure point.
            waits = [tok] + [c for c in kids if c.dep_ in {"advcl", "xcomp", "conj"} and c.lemma_.lower() == "wait"]
            if any(g.lemma_.lower() in {"bus", "convoy", "evacuation", "departure", "ambulance", "transport"}
                   for w in waits for c in w.children if c.dep_ == "prep" and c.lower_ == "for"
                   for g in c.subtree):
                return "evacuation"
        if pos == "VERB" and lemma in {"fall", "settle", "pile"} and self._subject_words(tok) & {
                "snow", "rain", "darkness", "night", "silence", "calm", "quiet"}:
            return ""  # "snow is falling on X"
        if pos == "VERB" and lemma in {"put", "knock", "take"} and any(
                c.lower_ == "out" and c.dep_ in {"prep", "prt", "advmod"} for c in kids):
            # "Every hospital in X has been put out of action by air strikes", "the M10 was put
            # out of service after being hit by bunker-buster bombs": the stated cause.
            for t in tok.subtree:
                if t.i > tok.i and t.pos_ in {"NOUN", "VERB"} and t.i != tok.i:
                    act = self._lexicon_activity(t, None)
                    if act in {"airstrike", "shelling"} or t.lemma_.lower() in {"hit", "strike", "bomb"} and any(
                            g.dep_ == "agent" for g in t.children):
                        return self._weapon(t, act or "airstrike") or act or "airstrike"
        if pos == "VERB" and lemma in {"take"} and "place" in obj_lemmas:
            # "the killings had taken place in X", "the strikes took place in X": the event noun.
            for c in kids:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    act = self._lexicon_activity(c, None)
                    if act:
                        return act
        if pos == "VERB" and lemma in {"exchange", "trade", "swap"} and obj_lemmas & {"fire", "shot", "gunfire", "blow"}:
            return "clashes"  # "YPG fighters exchanged fire with rebels": two sides fighting
        if pos == "VERB" and lemma == "open" and "fire" in obj_lemmas:
            # "Militants opened fire on X": one side firing at a place (the weapon may say air).
            targets = {g.lemma_.lower() for c in kids if c.dep_ == "prep" and c.lower_ in {"on", "at"}
                       for g in c.children if g.dep_ == "pobj"}
            if targets & {"convoy", "bus", "ambulance", "it", "them", "evacuee", "vehicle"}:
                return ""  # "stopped a convoy and opened fire on it at X": the convoy's story decides
            return self._weapon(tok, default="shelling")
        if pos == "VERB" and lemma == "blow" and "up" in prts and (
                self._subject_words(tok) & _ARMED or obj_lemmas & {"tunnel", "building", "explosive", "position",
                                                                  "headquarters", "post", "checkpoint"}):
            # "Rebels blew up a tunnel under army positions in X": a ground assault.
            return "ground_advance"
        if pos == "VERB" and "way" in obj_lemmas and lemma in {
                "fight", "battle", "push", "force", "blast", "shoot", "bulldoze", "claw", "work", "make"} \
                and child is not None and child.lower_ in {"into", "inside", "to", "towards", "toward", "through"}:
            # "troops fought their way into X": an advance, not a stand-off.
            return "ground_advance"
        if pos == "VERB" and lemma in {"raise", "hoist", "plant", "wave", "fly"} and (
                "flag" in obj_lemmas or "flags" in {o.lower_ for o in objs}):
            return "capture"  # raising a flag over a place claims it
        if lemma in {"cut", "outage", "blackout", "cutoff", "cut-off", "disruption"} and pos == "NOUN":
            mods = {t.lower_ for t in tok.subtree}
            if mods & {"power", "water", "electricity", "electrical", "fuel", "pumping", "supply", "supplies"} \
                    or lemma != "cut":
                return "humanitarian"  # "a power cut at the pumping station in X"
        if pos == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in {
                "unfold", "develop", "evolve", "play", "happen"} and tok.sent[0].lower_ in {"how", "why", "what"}:
            return ""  # "How the battle for X unfolded": a topic, not a report
        if lemma == "arrive" and pos == "VERB":
            subj = self._subject_words(tok)
            if subj & {"aid", "humanitarian", "relief", "food", "medical", "medicine", "un", "wfp", "icrc", "supplies"}:
                return "humanitarian"
            if subj & _ARMED - {"group"} or subj & {"reinforcement", "reinforcements", "tank", "tanks"}:
                return "ground_advance"
            if not subj & (_EVACUEES | {"displaced", "evacuee", "evacuees"}):
                return ""
        if lemma in {"burn", "destroy", "damage", "raze", "flatten", "gut", "ruin"} and pos == "VERB" and (
                any(c.dep_ == "auxpass" for c in kids) or not any(c.dep_ in {"dobj", "nsubj"} for c in kids)):
            # "the souk burned / was destroyed in fighting in 2013": the fighting is the event;
            # "the station was damaged by shelling": the shelling.
            for c in kids:
                if c.dep_ in {"prep", "agent"} and c.lower_ in {"in", "during", "amid", "by"}:
                    for g in c.children:
                        inner = self._lexicon_activity(g, None) if g.dep_ in {"pobj", "pcomp"} else None
                        if inner in {"clashes", "shelling", "airstrike"}:
                            return inner
        if lemma == "loss" and pos == "NOUN":
            # "the loss of X": the place changed hands; "loss of life" is casualties.
            if child is not None and child.lower_ == "of":
                if any(g.lemma_.lower() in {"life", "lives", "civilian", "people"} for g in child.children):
                    return "casualties"
                return "capture"
            return ""
        if lemma == "sweep" and pos == "VERB":
            # "rebels swept into X": they took it; "swept through" is an advance.
            return "capture" if child is not None and child.lower_ == "into" else "ground_advance"
        if lemma in {"shoot", "gun", "snipe"} and pos == "VERB":
            # "shot dead a man at X", "gunned down two civilians": a killing.
            words = {t.lower_ for c in kids if c.dep_ in {"dobj", "nsubjpass", "acomp", "prt", "oprd"}
                     for t in c.subtree} | {c.lower_ for c in kids}
            if words & {"dead", "down"} and not words & {"plane", "jet", "helicopter", "drone", "aircraft",
                                                         "warplane"}:
                return "casualties"
            if words & {"man", "men", "woman", "women", "child", "children", "civilian", "civilians",
                        "boy", "girl", "people", "resident", "residents", "person"}:
                return "casualties"
            return ""
        if lemma in {"sleep", "huddle", "hide", "cower", "live"} and pos == "VERB" and child is not None \
                and child.lower_ in {"in", "inside", "at", "under"}:
            # People sleeping or hiding in basements: how they survive, not a departure.
            if self._subject_words(tok) & (_CIVILIANS | {"we", "they", "he", "she"}):
                return "humanitarian"
        if lemma in {"remain", "stay", "live"} and pos == "VERB":
            # "remain in X with no regular access": people cut off, i.e. besieged.
            words = {t.lower_ for c in kids if c.dep_ == "prep" and c.lower_ in {"with", "without"}
                     for t in c.subtree}
            if "access" in words and words & {"no", "without", "little", "limited"}:
                return "siege"
            if words & {"food", "water", "electricity", "power", "medicine", "fuel"} and words & {"no", "without"}:
                return "humanitarian"
        if lemma in {"seek", "take", "find"} and obj_lemmas & {"shelter", "refuge", "cover"}:
            return "evacuation"  # people sheltering in a place (destination)
        if lemma == "take" and pos == "VERB":
            if obj_lemmas & {"position", "up"} or "positions" in {o.lower_ for o in objs}:
                return "ground_advance"  # "took (up) positions on the edge of X"
            people = self._subject_words(tok) if tok.tag_ == "VBN" else {
                t.lemma_.lower() for o in objs for t in o.subtree}
            if people & _EVACUEES and (prts & {"out", "to", "away"} or "to" in prts):
                return "evacuation"  # "7,500 people had been taken out of X"
        if lemma in {"wound", "injure"} and tok.dep_ in {"dobj", "pobj"} and tok.head.lemma_.lower() in {
                "carry", "transport", "transfer", "evacuate", "bus", "ferry", "move", "take", "drive"}:
            return ""  # "carrying the wounded towards X": the people moved, not an injury
        if lemma == "carry" and pos == "VERB" and any(t.lower_ in {"to", "towards", "toward", "into"}
                                                      for t in tok.subtree) \
                and {t.lemma_.lower() for o in objs for t in o.subtree} & _EVACUEES:
            return "evacuation"  # "carrying the wounded towards X"
        if lemma in {"stream", "pour", "flood", "trickle", "spill", "flock"} and pos == "VERB" \
                and self._subject_words(tok) & (_CIVILIANS | {"evacuees", "displaced"}) \
                and not self._subject_words(tok) & _ARMED:
            return "evacuation"  # "civilians streamed out of X", "families poured into Y"
        if lemma == "bring" and pos == "VERB" and child is not None and child.lower_ in {"to", "into", "towards"} \
                and (self._subject_words(tok) | {t.lemma_.lower() for o in objs for t in o.subtree}) & _EVACUEES:
            return "evacuation"  # "the wounded were brought to hospitals in X"
        if lemma == "move" and pos == "VERB":
            # "Kurdish fighters moved into X": troops, not evacuees. (The parser may read Y
            # in "moved into parts of X and Y" as the verb's object; the "People's
            # Protection Units" are no civilians.)
            places = self._place_tokens(tok.doc)
            movers = self._subject_words(tok)
            civilians = _CIVILIANS - {"others", "other", "many", "some"} - (
                {"people"} if "protection" in movers else set())
            if not [o for o in objs if o.i not in places] and not any(c.dep_ == "auxpass" for c in kids) \
                    and movers & _ARMED and not movers & civilians:
                return "ground_advance"
        if lemma in {"bus", "ferry", "transport", "transfer", "shuttle", "move", "truck", "escort"} and pos == "VERB":
            people = {t.lemma_.lower() for o in objs for t in o.subtree} | self._subject_words(tok)
            if people & _EVACUEES:
                return "evacuation"
            if lemma == "truck":
                return "humanitarian"  # "water trucked in"
        if lemma in {"drive", "carry", "ship", "escort"} and pos == "VERB" and any(c.dep_ == "auxpass" for c in kids) \
                and self._subject_words(tok) & _EVACUEES:
            return "evacuation"  # "the wounded were driven to X": people moved
        if lemma in _EXPEL and pos == "VERB" and (lemma in {"expel", "oust", "evict", "dislodge"} or "out" in prts) \
                and {t.lemma_.lower() for o in objs for t in o.subtree} & (_ARMED | {"jihadist", "terrorist"}) \
                and (child is None or child.lower_ in {"out", "from", "of"} or child.dep_ == "dobj"):
            return "capture"  # "pushed the rebels out of X": X changed hands
        if lemma == "break" and pos == "VERB" and prts & {"through", "into"}:
            return "ground_advance"  # "broke through to X"
        if lemma == "take" and pos == "VERB" and child is not None and child.lower_ in {"to", "towards"} \
                and not obj_lemmas & {"fight", "battle", "war"}:
            return "evacuation"  # "most of them were taken to X": people moved, not a capture
        if lemma == "link" and pos == "VERB":
            if tok.dep_ in {"acl", "relcl"} and tok.head.lemma_.lower() in _ROUTE_NOUNS \
                    or self._subject_words(tok) & _ROUTE_NOUNS:
                return ""  # "the only route linking X with Y": what a road joins, not an advance
            return "ground_advance" if "up" in prts or "with" in prts else ""
        if lemma == "restore" and pos == "VERB":
            if obj_lemmas & _RESTORED_ORDER:
                return "capture"
            return ""
        if lemma in {"prepare", "set", "open", "equip"} and pos == "VERB" and any(
                c.dep_ == "nsubjpass" and c.lemma_.lower() in {"shelter", "centre", "center", "camp"} for c in kids):
            return "evacuation"  # "shelters had been prepared in X to receive the families"
        if lemma == "restoration" and pos == "NOUN":
            # "announced the restoration of security to X": the state media's word for a capture.
            restored = {g.lemma_.lower() for c in kids if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.subtree}
            return "capture" if restored & _RESTORED_ORDER else ""
        if lemma == "hold" and pos == "VERB" and any(
                t.lower_ in {"all", "most", "whole", "bulk", "percent", "%"} for o in objs for t in o.subtree) \
                and any(c.lower_ == "now" for c in kids) and not any(c.lower_ in {"still", "only"} for c in kids):
            return "capture"  # "the army now held all of X": the change an advance brought
        if lemma == "control":
            if pos == "VERB":
                # "controls N percent of X" after an advance.
                if any(t.lower_ in {"percent", "%", "per", "most", "all", "much", "bulk"} for o in objs
                       for t in o.subtree) or (child is not None and child.lower_ in {"percent", "%"}):
                    return "capture"
                # "By Monday the army said it controlled X": control reached by a time.
                for verb in (tok, tok.head):
                    if any(c.dep_ == "prep" and c.lower_ == "by" and any(
                            g.lower_ in _DEADLINE_WORDS or g.ent_type_ in {"DATE", "TIME"} for g in c.children)
                           for c in verb.children):
                        return "capture"
                return ""
            # "took control of X", "left the army in control of X".
            cur = tok
            for _ in range(3):
                cur = cur.head
                cl = cur.lemma_.lower()
                if cl in {"take", "seize", "gain", "assume", "regain", "wrest", "establish", "restore", "leave",
                          "extend", "impose", "consolidate", "cement", "complete", "secure", "declare",
                          "announce", "proclaim", "claim"} and cur.pos_ == "VERB":
                    return "capture"
                if cur.dep_ == "ROOT" or cur.pos_ == "VERB":
                    break
            return ""
        if lemma in {"block", "stop", "halt", "turn", "detain", "hold", "intercept", "delay"} and pos == "VERB" \
                and any(o.lemma_.lower() in {"convoy", "bus", "buses", "evacuee", "ambulance"} for o in objs) \
                and not {t.lower_ for o in objs for t in o.subtree} & {
                    "aid", "humanitarian", "relief", "food", "medical", "medicine", "un", "supplies", "truck", "trucks"}:
            # "militiamen blocked the convoy at the X checkpoint": the evacuation stopped there.
            return "evacuation"
        if lemma in {"close", "closed", "shut", "block", "blocked", "sever", "severed"} and pos in {"VERB", "ADJ"}:
            words = {t.lower_ for o in objs for t in o.subtree} | self._subject_words(tok)
            kinds = {self._place_kind_at(t) for o in objs for t in o.subtree} | {
                self._place_kind_at(c) for c in kids if c.dep_ in {"nsubj", "nsubjpass"}}
            if words & {"road", "route", "highway", "line", "lines", "artery", "corridor", "supply"} \
                    or "road" in kinds:
                return "capture"  # a supply road closed by fire or troops changes hands
            if lemma in {"close", "closed"}:
                return ""
        if lemma in {"land", "fall", "crash", "slam", "explode", "rain", "hit", "strike", "impact", "smash"} \
                and pos == "VERB":
            words = self._subject_words(tok)
            if words & {"car", "truck", "suicide", "roadside", "lorry", "ied"} and words & {"bomb", "bomber", "ied"}:
                return "ground_advance"  # a car bomb opens an assault; it is not an air strike
            if words & (_GROUND_FIRE_CUES | {"round", "rounds", "mortar", "projectile", "shell"}):
                return "shelling" if not words & _AIR_SIDE_CUES else "airstrike"
            if words & _AIR_CUES and lemma != "strike":
                return "airstrike"
        if lemma in {"land", "fall", "crash", "slam", "explode", "hit", "impact"} and pos == "NOUN" and any(
                c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in _GROUND_FIRE_CUES | _AIR_CUES for c in kids):
            # "as rebel rockets land in X" tagged as a noun compound.
            words = {c.lower_ for c in kids}
            return "airstrike" if words & _AIR_CUES and not words & _GROUND_FIRE_CUES else "shelling"
        if lemma == "run" and pos == "VERB" and "out" in prts:
            return "humanitarian"  # "hospitals are running out of fuel"
        if lemma in {"depend", "rely"}:
            words = {t.lower_ for c in kids for t in c.subtree}
            if words & {"aid", "water", "food", "supplies", "assistance", "rations", "deliveries", "relief"}:
                return "humanitarian"
            return ""
        if lemma in {"shelter", "refuge"} and pos in {"NOUN", "VERB"}:
            # People sheltering in a place are surviving there (humanitarian) unless the
            # clause says they fled or arrived there.
            motion = {"flee", "arrive", "reach", "move", "head", "escape", "go", "come", "run", "pour", "seek",
                      "take", "find"}
            if pos == "VERB" and not any(a.lemma_.lower() in motion for a in list(tok.ancestors)[:2]) \
                    and not any(c.lemma_.lower() in motion for c in kids):
                return "humanitarian"
            if pos == "NOUN" and lemma == "shelter" and not any(
                    a.lemma_.lower() in motion | {"displace", "evacuate", "bus", "transport", "take", "bring"}
                    for a in list(tok.ancestors)[:4]) and not any(c.lemma_.lower() in motion for c in kids) \
                    and not any(t.lemma_.lower() in {"displace", "evacuee", "flee", "arrive", "evacuate"}
                                for t in tok.sent):
                # "a classroom used as a shelter in X": people surviving there.
                return "humanitarian"
            return "evacuation"
        if lemma in _LEAVE_PLACE and pos == "VERB" and child is not None and child.lower_ in {
                "to", "into", "towards", "toward"} and lemma != "flee":
            return ""  # where a retreating force went is not a place it lost
        if lemma == "leave" and pos == "VERB" and any(c.dep_ == "auxpass" for c in kids) \
                and not any(c.dep_ == "agent" for c in kids) and child is not None and child.lower_ in {"in", "inside"}:
            # "fewer than 30 doctors were left in X": what remains there, not a departure.
            subj = self._subject_words(tok)
            return "humanitarian" if subj & {"doctor", "doctors", "hospital", "hospitals", "food", "bread", "fuel",
                                             "medicine", "supplies", "water", "bakery", "bakeries"} else "siege" \
                if subj & _CIVILIANS else ""
        if lemma == "evacuate" and pos == "VERB" and any(
                c.dep_ == "dobj" and {t.lemma_.lower() for t in c.subtree} & _CIVILIANS for c in kids):
            return "evacuation"  # "the army evacuated 3,000 civilians from X": people moved, no place lost
        if lemma in _LEAVE_PLACE and pos == "VERB":
            subj = self._subject_words(tok) if tok.tag_ != "VBN" or any(
                c.dep_ == "aux" for c in kids) else {t.lemma_.lower() for c in kids if c.dep_ == "agent"
                                                    for t in c.subtree}
            if lemma == "leave" and any(g.dep_ in {"acl", "amod", "oprd"} and (
                    _MODIFIER_LEXICON.get(g.lower_) == "siege" or _lexicon_entry(g) == "siege")
                    for c in kids if c.dep_ == "dobj" for g in c.children) \
                    and child is not None and child.dep_ == "prep":
                # "leaving the rebels confined to a pocket ..., including X": the places
                # listed are the besieged pocket.
                return "siege"
            if lemma == "leave" and any(c.dep_ in {"dobj"} for c in kids) and any(
                    (c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"} or (
                        c.dep_ == "prep" and c.lower_ == "in" and not any(
                            g.lemma_.lower() in _TIME_NOUNS or g.like_num for g in c.children)))
                    and c.i > tok.i for c in kids):
                # ("left X in recent weeks" is a departure dated, not a consequence.)
                # "leaving the army in control of X", "leaving rebels boxed into X":
                # a consequence, not a departure; its complement decides.
                return ""
            if lemma == "pull" and not prts & {"out", "back", "away"}:
                return ""
            if subj & (_ARMED | {"our", "we"}) and not subj & (_CIVILIANS - {"others", "other", "many", "some"}):
                return "capture"  # "rebels pulled out of X": the other side takes it
            if lemma in {"abandon", "vacate"}:
                return "capture"
            if lemma == "pull":
                return ""
            if lemma == "leave" and subj and not subj & (_EVACUEES | {"evacuation", "we", "they", "who"}):
                return ""  # "the advance leaves insurgents holding ...": no one departs

        if lemma == "enter" and pos == "VERB":
            # "entered X, the last areas vacated by the gunmen": taking over an emptied place.
            sent = tok.sent
            words = {t.lower_ for o in objs for t in o.subtree} | {
                t.lower_ for t in tok.doc[tok.i + 1:min(tok.i + 14, sent.end)]}
            if words & {"vacated", "abandoned", "evacuated", "emptied", "taken", "captured", "retaken"}:
                return "capture"
        return None

    @staticmethod
    def _weapon(tok: Token, default: str | None) -> str | None:
        """airstrike or shelling from the weapon words around a bombardment predicate."""
        words: list[str] = [tok.lower_]
        for c in tok.children:
            if c.dep_ in {"nsubj", "nsubjpass", "csubj", "compound", "amod", "agent", "prep", "npadvmod", "dobj"}:
                # ("Shelling by rebels hit X": the gerund subject names the weapon.)
                sub = c if c.dep_ not in {"prep", "agent"} else None
                if c.dep_ in {"prep", "agent"} and c.lower_ in {"by", "with", "from"}:
                    sub = c
                if sub is None:
                    continue
                for t in sub.subtree:
                    if t.dep_ in {"relcl", "acl"}:
                        continue
                    words.append(t.lower_)
        for c in tok.children:
            if c.dep_ in {"advcl", "csubj"} and c.tag_ == "VBG" and c.i < tok.i \
                    and not any(g.dep_ == "nsubj" for g in c.children):
                # "Shelling by rebels hit X" parsed as a gerund clause before the verb.
                words.extend(t.lower_ for t in c.subtree)
        if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:
            # "mortar rounds fired by X": the noun the participle describes is the weapon.
            words.extend(t.lower_ for t in tok.head.children if t.dep_ in {"compound", "amod", "nmod"} and t.i < tok.head.i)
            words.append(tok.head.lower_)
        # The subject of a governing verb for "X continued pounding".
        if tok.dep_ in {"xcomp", "advcl"} and tok.head.pos_ == "VERB" and not any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):  # (a clause with its own subject)
            for c in tok.head.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    words.extend(t.lower_ for t in c.subtree)
        if set(words) & {"car", "truck", "suicide", "roadside", "lorry"} and set(words) & {
                "bomb", "bombs", "bomber", "bombers", "bombing", "bombings"} or set(words) & {"ied", "ieds"}:
            # A car bomb is a ground weapon of an assault, not an air strike.
            return "ground_advance"
        if not set(words) & (_AIR_CUES | _GROUND_FIRE_CUES) and tok.pos_ == "VERB":
            # A misparsed subject ("said shelling by rebels hit X"): the words just before the verb.
            for t in reversed(tok.doc[max(tok.sent.start, tok.i - 4):tok.i]):
                if t.is_punct or t.lemma_.lower() in _REPORTING:
                    break
                words.append(t.lower_)
        air = next((i for i, w in enumerate(words) if w in _AIR_CUES), None)
        ground = next((i for i, w in enumerate(words) if w in _GROUND_FIRE_CUES), None)
        if set(words) & _AIR_SIDE_CUES or air is not None and ground is None:
            # "Aircraft and artillery pounded X", "artillery and warplanes pounded X": an
            # air strike, as the guidelines say; a "mortar bomb" is still a mortar.
            return "airstrike"
        if ground is not None:
            return "shelling"
        return default

    def _is_goal(self, tok: Token) -> bool:
        """An infinitive of purpose, or the complement of an intent word."""
        has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)  # "claimed to have taken X": done
        if has_to and tok.dep_ in {"acl", "relcl"} and any(
                c.lower_ in {"first", "last", "only", "second", "third", "latest"} for c in tok.head.children):
            return False  # "the first district to fall": a fact, not an aim
        if has_to and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _REPORTING | {"believe", "think", "seem",
                                                                                     "appear", "understand"} \
                and any(c.dep_ == "auxpass" for c in tok.head.children) or has_to and tok.dep_ == "xcomp" \
                and tok.head.lemma_.lower() in {"seem", "appear"}:
            return False  # "forces were reported to be massing near X": a report, not an aim
        if tok.pos_ == "VERB" and has_to and tok.dep_ in {"xcomp", "acl", "advcl", "relcl", "ccomp", "conj", "pcomp"}:
            return True
        if tok.dep_ == "conj":
            first = tok
            while first.dep_ == "conj":
                first = first.head
            if first.i != tok.i and first.pos_ == "VERB" and self._is_goal(first):
                return True
        if tok.dep_ in {"pcomp", "pobj"} and tok.head.dep_ == "prep" and tok.head.head.lemma_.lower() in _INTENT:
            return True
        return False

    def _aid_shut_out(self, verb: Token) -> bool:
        """Whether ``verb`` says no aid got in: "no aid has entered X", "no food or fuel has
        reached X since July"."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return any(self._negated_quantity(c) for c in subjects) and bool(
            self._subject_words(verb) & _AID_WORDS)

    @staticmethod
    def _negated_quantity(subj: Token) -> bool:
        """Whether a subject says nobody: "no civilians", "not a single resident",
        "nobody", "no one", "none of the families"."""
        if subj.lower_ in {"nobody", "none", "noone"} or (subj.lower_ == "one" and subj.i > 0
                                                          and subj.doc[subj.i - 1].lower_ == "no"):
            return True
        if any(c.dep_ == "det" and c.lower_ == "no" for c in subj.children):
            return True
        left = subj.doc[subj.left_edge.i:subj.i]
        words = [t.lower_ for t in left]
        return words[:2] in (["not", "a"], ["not", "one"]) or words[:1] == ["not"] and len(words) == 1

    def _residents_account(self, span: Span) -> _Finding | None:
        """"Residents of X described the heaviest bombing in weeks": what the people of a
        place say befell them happened at that place. Only residents and people - a
        doctor or an activist in X is a speaker's location - and only when their
        account names no other place. "Residents of X, Y and Z" are all residents."""
        root = _mention_root(span)
        while root.dep_ == "conj" and root.head.i != root.i and root.head.pos_ == "PROPN":
            root = root.head
        if root.dep_ == "conj" and any(c.dep_ == "prep" and c.lower_ in {"of", "in"} for c in root.head.children):
            people = root.head  # (the parser hangs the list's later names on "Residents")
        elif root.dep_ == "pobj" and root.head.lower_ in {"of", "in"} and root.head.head.i != root.head.i:
            people = root.head.head
        else:
            return None
        verb = people.head
        if people.dep_ != "nsubj" or people.lemma_.lower() not in {"resident", "inhabitant", "people"} \
                or verb.pos_ != "VERB" or verb.lemma_.lower() not in {"say", "describe", "report", "tell", "recount"}:
            return None
        account = [t for c in verb.children if c.dep_ in {"ccomp", "dobj"} for t in c.subtree]
        ids = {t.i for t in account}
        if any(o.start in ids for o in span.doc.spans.get(self.spans_key, [])):
            return None
        for tok in account:
            act = self._lexicon_activity(tok, None)
            if act and act != "none" and not self._hypothetical(tok, act):
                return _Finding(act, tok, "residents' account")
        return None

    def _hypothetical(self, tok: Token, activity: str) -> bool:
        """Whether the clause of ``tok`` (or any clause above it) is hypothetical or future."""
        cur = tok
        prev: Token | None = None
        seen = 0
        while cur is not None and seen < 12:
            seen += 1
            kids = list(cur.children)
            lemma = cur.lemma_.lower()
            if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether", "lest"} for c in kids):
                return True
            modal = [c for c in kids if c.dep_ == "aux" and c.lower_ in _MODALS]
            if prev is not None and prev.dep_ in {"ccomp", "parataxis"} and cur.lemma_.lower() not in _INTENT:
                # "X were killed ...; the figures could not be verified": the modal of
                # another clause the parser hung above this one.
                modal = []
            if modal and cur.pos_ in {"VERB", "AUX", "ADJ"}:
                if lemma in _ONGOING and all(c.lower_ in {"will", "'ll"} for c in modal) and activity != "none":
                    pass
                else:
                    return True
            if any(c.dep_ == "neg" for c in kids) and cur.pos_ in {"VERB", "AUX", "ADJ"} and lemma not in {
                    "stop", "cease", "end", "abate", "subside", "let", "halt", "pause", "relent", "ease"} and (
                    cur.i == tok.i or (prev is not None and prev.i == tok.i and tok.pos_ == "NOUN"
                                       and tok.dep_ in {"dobj", "nsubjpass", "nsubj"})):
                # "had not carried out any strikes in X": the light verb's negation.
                return True
            if cur.pos_ in {"VERB", "AUX"} and (cur.i == tok.i or (
                    prev is not None and prev.i == tok.i and tok.dep_ in {"dobj", "nsubjpass", "nsubj"})) and any(
                    c.dep_ in {"nsubj", "nsubjpass"} and self._negated_quantity(c) for c in kids) and not (
                    activity == "siege" and lemma in _AID_ENTRY) or (  # ("no aid has entered X": the siege)
                    cur.i == tok.i and cur.dep_ == "acl" and cur.pos_ == "VERB" and self._negated_quantity(cur.head)):
                # "No civilians left through X", "not a single resident has used the corridor
                # in X", "nobody was killed in X": nothing happened there.
                return True
            if cur.i != tok.i and prev is not None and prev.dep_ in {"dobj", "xcomp"} and cur.pos_ == "VERB" \
                    and lemma in {"halt", "stop", "suspend", "pause", "cease", "end", "freeze", "call"} \
                    and activity in {"airstrike", "shelling"} and (lemma != "call" or any(
                        c.lower_ == "off" for c in kids)):
                return True  # "halted strikes on X": stopping strikes is not striking
            if cur.i != tok.i and prev is not None and prev.dep_ == "nsubj" and cur.pos_ == "VERB" \
                    and lemma in {"stop", "cease", "end", "halt", "pause", "subside", "abate"} \
                    and activity in {"airstrike", "shelling", "clashes"} and not any(c.dep_ == "neg" for c in kids):
                return True  # "air strikes on X have stopped" (but "have not stopped" goes on)
            if cur.i != tok.i and prev is not None and prev.dep_ == "prep" and prev.lower_ in {"to", "in", "of", "on"} \
                    and cur.pos_ == "NOUN" and lemma in {"halt", "pause", "suspension", "cessation", "stop", "end",
                                                          "freeze", "moratorium", "lull", "break"} \
                    and activity in {"airstrike", "shelling"}:
                return True  # "a halt to air strikes on X", "the pause in bombing of X"
            if cur.i == tok.i and activity in {"airstrike", "shelling"}:
                # The same read off the words when the parse loses "to": "a halt to air strikes".
                left = [t for t in tok.doc[max(tok.sent.start, tok.i - 5):tok.i]]
                for j in range(len(left) - 1, 0, -1):
                    if left[j].lower_ in {"to", "in", "of", "on"} and left[j - 1].lemma_.lower() in {
                            "halt", "pause", "suspension", "cessation", "stop", "freeze", "moratorium", "lull"}:
                        if all(t.pos_ in {"NOUN", "ADJ", "DET", "PROPN", "PART", "ADP"} for t in left[j + 1:]):
                            return True
                        break
            if cur.i == tok.i and tok.pos_ == "NOUN" and any(
                    c.dep_ == "det" and c.lower_ in {"no"} for c in kids):
                return True  # "there were no air strikes on X"
            if cur.i == tok.i and any(c.dep_ in {"nsubj", "nsubjpass"} and any(
                    g.dep_ == "det" and g.lower_ == "no" for g in c.children) for c in kids) and not (
                    activity == "siege" and lemma in _AID_ENTRY):
                return True  # "no air strikes hit X" (but "no aid reached X" is the siege)
            if lemma in _REPORTING and prev is not None and prev.dep_ in {"ccomp", "parataxis", "conj", "advcl"}:
                break
            if cur.pos_ in {"VERB", "NOUN"} and lemma in _INTENT_INF and cur.i != tok.i \
                    and activity not in _STATE_ACTIVITIES and prev is not None and prev.dep_ in {"xcomp", "acl"} \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in prev.children):
                return True
            if cur.pos_ in {"VERB", "AUX", "ADJ", "NOUN"} and lemma in _INTENT and cur.i != tok.i \
                    and activity not in _STATE_ACTIVITIES and prev is not None \
                    and prev.dep_ in {"xcomp", "prep", "pcomp", "acl", "dobj", "ccomp", "advcl"}:
                return True
            if cur.dep_ == "ROOT":
                break
            if cur.dep_ in {"relcl", "acl"} and cur.pos_ == "VERB":
                # A relative clause's mood is its own.
                break
            if cur.dep_ == "advcl" and cur.tag_ in {"VBD", "VBZ", "VBP"} and any(
                    c.dep_ == "mark" and c.lower_ in {"after", "since", "because", "as", "when", "before",
                                                      "while", "although", "though", "once"} for c in kids) \
                    and any(c.dep_ in {"nsubj", "nsubjpass"} for c in kids):
                # "... expected an attack, after government forces seized X last Thursday":
                # a finite clause of time or cause states a fact whatever it hangs from.
                break
            prev = cur
            cur = cur.head if cur.head.i != cur.i else None
        return False

    def _clause_nominals(self, path: list[Token], span: Span) -> list[Token]:
        """Nominal words of the clause the mention ends in, nearest first."""
        if not path:
            return []
        verb = next((t for t in path if t.pos_ in {"VERB", "AUX"}), None)
        if verb is None:
            return []
        if verb.lemma_.lower() in _REPORTING or verb.lemma_.lower() in _INTENT:
            return []
        out: list[Token] = []
        frontier = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "prep", "agent", "attr"}]
        depth = 0
        while frontier and depth < 4:
            depth += 1
            nxt = []
            for t in frontier:
                if span.start <= t.i < span.end:
                    continue
                if t.pos_ in {"NOUN", "PROPN"} or (t.tag_ == "VBG" and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}):
                    # Gerunds count as nouns here: "Fighting continued in X".
                    out.append(t)
                for c in t.children:
                    if c.dep_ in {"relcl", "acl", "advcl", "ccomp", "xcomp", "appos", "conj"}:
                        continue
                    if c.dep_ == "prep" and c.lower_ in {"due", "because", "with", "to", "for", "than", "like",
                                                         "about", "over", "despite", "against"}:
                        continue
                    nxt.append(c)
            frontier = nxt
        return out

    # .. actor ..............................................................
    def _actor(self, span: Span, finding: _Finding, speaker: Token | None, ctx: _DocContext) -> str:
        activity = finding.activity
        pred = finding.predicate
        if activity == "clashes":
            return "unknown"
        if activity == "repelled" and finding.reason == "advance and its outcome" and pred is not None:
            # The attack's own subject was pushed back; the other side repelled it.
            attackers = classify_actor(" ".join(t.text for t in pred.head.subtree if t.i < pred.i)) \
                if pred.dep_ == "acl" else self._predicate_side(pred, span, speaker, ctx.place_tokens)
            if attackers in {"government", "opposition"}:
                return {"government": "opposition", "opposition": "government"}[attackers]
        if activity == "evacuation":
            return self._evacuees_side(span, pred)
        if activity == "casualties" and pred is not None and (
                pred.lemma_.lower() in {"die", "dead", "death", "toll", "casualty"}
                or any(c.dep_ == "auxpass" for c in pred.children)):
            # "40 rebels died", "civilians were killed": the subject is the victims; only
            # an agent ("killed by government shelling") names who did it.
            for c in pred.children:
                if c.dep_ == "agent":
                    side = classify_actor(" ".join(t.text for t in c.subtree))
                    if side:
                        return side
            for c in pred.children:
                # "Five civilians died in rebel shelling of X": the attack's side did it.
                if c.dep_ == "prep" and c.lower_ in {"in", "during", "amid"} and c.i > pred.i:
                    toks = [t for t in c.subtree if not (span.start <= t.i < span.end)]
                elif c.dep_ in {"advcl", "acl"} and c.i > pred.i and (_LEXICON.get(c.lemma_.lower()) in {
                        "airstrike", "shelling"} or c.lemma_.lower() in _BOMBARD) \
                        and not any(m.lower_ in {"while", "whereas"} for m in c.children):
                    # ("..., while rebel rockets hit Y" is another event, not the killing's cause.)
                    toks = [t for t in pred.doc[pred.i + 1:c.i + 1] if not (span.start <= t.i < span.end)]
                else:
                    continue
                if any(_LEXICON.get(t.lemma_.lower()) in {"airstrike", "shelling"} or t.lower_ in _AIR_CUES
                       for t in toks):
                    side = classify_actor(" ".join(t.text for t in toks))
                    if side:
                        return side
            # ("20 people were killed in air raids on X" names no perpetrator: unknown, as
            # the guidelines code casualties, though only one side flew over Aleppo.)
            return self._weapon_side(span, pred, ctx.place_tokens) or "unknown"
        side = None
        if activity == "ground_advance" and pred is not None and (
                pred.lemma_.lower() in _ENCIRCLEMENT or any(
                    c.dep_ == "dobj" and c.lemma_.lower() in _ENCIRCLEMENT for c in pred.children)):
            # Who broke a siege: the breaking verb's subject, else the speaker; the siege's
            # own "government" names who laid it, not who broke it. A siege broken
            # without a named side was broken from outside by the other side of those
            # besieging, which in Aleppo were the government's forces.
            verb = pred.head if pred.pos_ == "NOUN" else pred
            subj = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
            found = classify_actor(" ".join(t.text for c in subj for t in c.subtree)) if subj else None
            if found is None and speaker is not None:
                found = classify_actor(" ".join(t.text for t in speaker.subtree))
            return found or "opposition"
        if activity == "humanitarian" and pred is not None:
            # Aid delivered or provided by the UN, the Red Crescent or an aid agency: a
            # third party acted ("WHO delivered medicines to X", "the UN has
            # pre-positioned supplies near X").
            verbs = [pred]
            cur = pred
            while cur.pos_ not in {"VERB", "AUX"} and cur.head.i != cur.i and len(verbs) < 4:
                cur = cur.head
                verbs.append(cur)
            if cur.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in cur.children):
                verbs.append(cur.head)  # "The UN ... stand ready and have pre-positioned supplies"
            # "shelters in X, where the Red Crescent has provided meals".
            verbs += [c for c in _mention_root(span).children if c.dep_ == "relcl"]
            agents = [c for v in verbs for c in v.children if c.dep_ in {"nsubj", "agent"}]
            words = " ".join(t.text for a in agents for t in a.subtree)
            if words and _AID_AGENCY_RE.search(words) and not classify_actor(words):
                return "other"
        if pred is not None and not (activity == "siege" and pred.lemma_.lower() == "pocket"):
            # (Those "pushed into a pocket" are its besieged, not its besiegers.)
            side = self._predicate_side(pred, span, speaker, ctx.place_tokens)
            under = [g for c in pred.children if c.dep_ == "prep" and c.lower_ == "under"
                     for g in c.children if g.dep_ == "pobj"]
            if pred.dep_ == "pobj" and pred.head.lower_ == "under":
                under = [pred]
            if under and activity in {"shelling", "airstrike"}:
                # "X came under rebel rocket fire", "the rebel enclave is under bombardment":
                # the fire's side; the place's own ("rebel enclave") was its target.
                side = classify_actor(" ".join(t.text for g in under for t in g.subtree))
            if side == _PRONOUN:
                side = self._previous_subject_side(span) or ctx.last_actor.get(0)
            if activity == "siege" and pred.pos_ in {"VERB", "ADJ"} and not any(
                    c.dep_ == "agent" for c in pred.children) and any(
                    c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and (pred.pos_ == "ADJ" or pred.tag_ == "VBN" and any(
                        a.dep_ in {"aux", "auxpass", "cop"} and a.lemma_ == "be" for a in pred.children)
                        and not any(a.dep_ == "aux" and a.lemma_ == "have" for a in pred.children))
                    for c in pred.children):
                # "Rebels are now confined to a patch including X", "the trapped rebels":
                # the side named is the besieged one; the besiegers are the other side.
                side = {"government": "opposition", "opposition": "government"}.get(side or "", side)
        if side is None and activity == "casualties" and pred is not None and self.inferred_actors:
            # "Air raids killed 20 in X": the raids are the subject that acted, and rebels
            # had no aircraft.
            subj = self._subject_words(pred)
            if subj & _AIR_CUES - {"bomb", "bombs", "bombing", "bombings"}:
                side = "government"
        if side is None and activity == "casualties":
            side = self._weapon_side(span, pred, ctx.place_tokens)
        if activity == "repelled" and pred is not None and any(
                c.dep_ == "nsubjpass" and self._lexicon_activity(c, None) for c in pred.children):
            # "attacks on X were repelled": the subject names the attackers; the repelling
            # side is the speaker's, or the attackers' enemy.
            side = None
            if speaker is not None:
                side = classify_actor(" ".join(t.text for t in speaker.subtree))
            if side is None:
                attackers = [c for c in pred.children if c.dep_ == "nsubjpass"]
                # (Place names are no side: "attacks on the Air Force Intelligence complex".)
                in_place = ctx.place_tokens
                a_side = classify_actor(" ".join(t.text for t in attackers[0].subtree if t.i not in in_place))
                if a_side is None:
                    # "Attacks on X were repelled, the source said, adding that the militants
                    # had suffered heavy losses": a side named beside a repelled attack is
                    # the attackers'.
                    skip = {t.i for t in speaker.subtree} if speaker is not None else set()
                    a_side = classify_actor(" ".join(t.text for t in span.sent if t.i not in skip | in_place))
                side = {"government": "opposition", "opposition": "government"}.get(a_side or "")
        if side is not None and pred is not None and activity == "repelled" and pred.pos_ == "VERB" \
                and any(c.dep_ == "auxpass" for c in pred.children) and not any(c.dep_ == "agent" for c in pred.children) \
                and not any(c.dep_ == "nsubjpass" and self._lexicon_activity(c, None) for c in pred.children):
            # "Rebels ... were repelled": the side named was pushed back; the other side repelled it.
            side = {"government": "opposition", "opposition": "government"}.get(side, side)
        if side is not None and pred is not None and activity == "capture" and (
                pred.lemma_.lower() in _LEAVE_PLACE) and pred.pos_ == "VERB":
            # "Rebels pulled out of X": the other side holds it now.
            side = {"government": "opposition", "opposition": "government"}.get(side, side)
        if activity == "capture" and pred is not None and pred.lemma_.lower() in _EXPEL and pred.pos_ == "VERB":
            # "The assault pushed rebels out of X": the subject's side, else the side driven out lost it.
            subj_side = classify_actor(" ".join(sorted(self._subject_words(pred)))) if self._subject_words(pred) else None
            if subj_side is None:
                for c in pred.children:
                    if c.dep_ == "dobj":
                        lost = classify_actor(" ".join(t.text for t in c.subtree))
                        subj_side = {"government": "opposition", "opposition": "government"}.get(lost or "")
            side = subj_side or side
        if side is not None and pred is not None and pred.lemma_.lower() in {"lose", "loss"} and activity == "capture":
            # "Government forces lost control of X": the other side took it.
            side = {"government": "opposition", "opposition": "government"}.get(side, side)
        if side is None and activity in {"repelled", "capture", "ground_advance"} and speaker is not None \
                and pred is not None and pred.lemma_.lower() not in {"fall", "fallen", "fell"}:
            # "The attack on X was thwarted, rebels said": the speaker's side acted.
            side = classify_actor(" ".join(t.text for t in speaker.subtree))
            if side is not None and activity == "capture" and pred.lemma_.lower() in _LEAVE_PLACE \
                    and pred.pos_ == "VERB":
                # "Rebel officials said fighters had pulled back from X": their own side
                # left, so the other side has it.
                side = {"government": "opposition", "opposition": "government"}.get(side, side)
        if side is None and activity in {"ground_advance", "capture", "shelling", "repelled"}:
            # Any side named in the mention's sentence, outside the speaker's phrase.
            # (Not for air strikes and sieges: rebels had no aircraft and laid no siege,
            # so a rebel named nearby is a victim or a speaker, not the actor.)
            skip = set(t.i for t in speaker.subtree) if speaker is not None else set()
            if speaker is not None and speaker.head.lemma_.lower() in _REPORTING:
                # Whom the speaker told is no side either: "a source told SANA that ...".
                skip |= {t.i for c in speaker.head.children if c.dep_ in {"dobj", "dative"} for t in c.subtree}
            skip |= set(range(span.start, span.end))
            # Place names are no side: "Dahiyet al-Assad", "the Air Force Intelligence complex".
            skip |= ctx.place_tokens
            skip |= ctx.dateline_tokens
            for t in span.sent:
                # The victims of a killing are not its perpetrators ("killing three soldiers").
                if t.lemma_.lower() in {"kill", "wound", "injure", "hurt"}:
                    for c in t.children:
                        if c.dep_ in {"dobj", "nsubjpass"}:
                            skip |= {x.i for x in c.subtree}
            for t in span.sent:
                if t.dep_ in {"advcl", "relcl", "acl"} and not (t.left_edge.i <= span.start <= t.right_edge.i):
                    skip |= {x.i for x in t.subtree}
            # "the biggest blow to the rebels", "a setback for the army": the side named
            # is the one that lost, not the one that acted.
            losers = [c for t in span.sent if t.lemma_.lower() in _SETBACK and t.pos_ == "NOUN"
                      for c in t.children if c.dep_ == "prep" and c.lower_ in {"to", "for"}]
            for c in losers:
                skip |= {x.i for x in c.subtree}
            for t in span.sent:
                # The target of an attack names its holder, not the attacker: "an offensive
                # on government military academies in X".
                if t.dep_ == "prep" and t.lower_ in {"on", "against"} and _lexicon_entry(t.head) in {
                        "ground_advance", "airstrike", "shelling"}:
                    skip |= {x.i for x in t.subtree}
            words = [t.text_with_ws if t.i not in skip else " | " for t in span.sent]
            side = classify_actor("".join(words))
            if side is not None and pred is not None and pred.lemma_.lower() == "loss" and activity == "capture":
                # "rebels ... after the loss of X": the side named lost it.
                side = {"government": "opposition", "opposition": "government"}.get(side, side)
            if side == "opposition" and pred is not None and activity == "capture" \
                    and pred.lemma_.lower() in {"fall", "collapse"} \
                    and not any(c.dep_ == "prep" and c.lower_ == "to" for c in pred.children):
                # "The fall of X leaves the rebels squeezed into a pocket": a place that
                # fell with rebels beside it fell from them (one that fell to them says so).
                side = "government"
            if side is None and losers and activity == "capture":
                lost = classify_actor(" ".join(t.text for c in losers for t in c.subtree))
                side = {"government": "opposition", "opposition": "government"}.get(lost or "")
        if side is None and activity in {"capture", "ground_advance"}:
            side = ctx.place_actor.get(self._place_key(span))
        if side is None and self.inferred_actors and activity in {"airstrike", "siege"}:
            side = "government"
        if side is None and self.inferred_actors and activity == "shelling":
            # Shells, mortars and rockets falling on the government-held west (or the
            # Kurdish quarter) came from rebel lines: the mirror of air strikes on the
            # rebel-held east. Inferred, and only for quarters whose side held all 2016.
            if getattr(self._place_of(span), "id", None) in _HELD_AGAINST_REBELS:
                side = "opposition"
        if side is None and activity in {"capture", "ground_advance", "repelled"}:
            # The side acting in the paragraph so far ("Troops stormed X. They also took Y.").
            # Captures ("the fall of X") continue the report's narrative side; other
            # activities only the paragraph's.
            para = span.doc.text.rfind("\n", 0, span.start_char)
            if activity == "capture" or ctx.last_actor.get(1) == para:
                side = ctx.last_actor.get(0)
        if side is not None and activity in {"capture", "ground_advance", "airstrike", "shelling", "siege"} \
                and not _names_an_earlier_year(span.sent):
            # (Background - "rebels captured it when they swept into Aleppo in 2012" - is
            # not the side the report's narrative goes on with.)
            ctx.last_actor[0] = side
            ctx.last_actor[1] = span.doc.text.rfind("\n", 0, span.start_char)
        return side or "unknown"

    @staticmethod
    def _weapon_side(span: Span, pred: Token | None, places: frozenset[int]) -> str | None:
        """The side a killing's weapon names: "rebel shelling kills nine", "terrorists'
        rocket shells claim lives", "... killed when rockets fired by rebel groups slammed
        into a street". Only the words that describe a weapon of the killing's own clause
        count: never the dead, the speaker, or another clause ("..., while rebel rockets
        killed two in the west")."""
        if pred is None:
            return None
        clause = pred if pred.pos_ in {"VERB", "AUX"} else next(
            (a for a in pred.ancestors if a.pos_ in {"VERB", "AUX"}), pred)
        other = set()
        for x in clause.subtree:
            if x is not clause and x.pos_ in {"VERB", "AUX"} and not (x.left_edge.i <= span.start <= x.right_edge.i) \
                    and (x.dep_ == "conj" or x.dep_ == "advcl" and any(
                        c.lower_ in {"while", "whereas"} for c in x.children)):
                other |= {y.i for y in x.subtree}  # another clause's own event
        tokens = [t for t in clause.subtree if t.i not in other] + list(clause.ancestors)
        words: list[Token] = []
        for t in tokens:
            if t.lemma_.lower() not in _WEAPON_NOUNS and t.lower_ not in _WEAPON_NOUNS:
                continue
            if t.pos_ not in {"NOUN", "PROPN"}:
                # A headline's "Rebel shelling kills nine", parsed as a verb with no
                # subject: the words just before it. ("Rebels shelled X" is a clause of
                # its own.)
                if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in t.children):
                    words += [x for x in span.doc[max(t.i - 2, span.sent.start):t.i] if x.is_alpha]
                continue
            words += [c for c in t.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
            words += [c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"]
            verbs = [c for c in t.children if c.dep_ == "acl"]  # "rockets fired by rebel groups"
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.pos_ == "VERB":
                verbs.append(t.head)  # "rockets were fired by rebels"
            words += [c for v in verbs for c in v.children if c.dep_ == "agent"]
        text = " ".join(x.text for w in words for x in w.subtree if x.i not in places)
        return classify_actor(text) if text else None

    @staticmethod
    def _evacuees_side(span: Span, pred: Token | None) -> str:
        """Evacuations are coded with the evacuees' side: fighters -> opposition,
        civilians, the wounded or a mixed convoy -> unknown."""
        words: set[str] = set()
        if pred is not None and pred.pos_ == "VERB" and pred.lemma_.lower() in {
                "block", "stop", "halt", "turn", "detain", "hold", "intercept", "delay"}:
            # "Pro-government militiamen blocked the convoy at X": what happened at X is
            # the blockers' doing, so a named side of theirs is the actor (the blind
            # annotators agreed on this, eight sets out of eight). Unnamed blockers
            # ("gunmen opened fire and buses were turned back") leave the convoy's side.
            blockers = [c for c in pred.children if c.dep_ in {"nsubj", "agent"}]
            if not blockers and pred.dep_ == "pcomp" and pred.head.lower_ == "for":
                # "Opposition officials blamed pro-government militiamen for stopping a convoy".
                blockers = [c for c in pred.head.head.children if c.dep_ == "dobj"]
            side = classify_actor(" ".join(t.text for c in blockers for t in c.subtree
                                           if not (span.start <= t.i < span.end)))
            if side:
                return side
            # Otherwise the evacuees' side, which the convoy's words tell.
            convoy = [c for c in pred.children if c.dep_ in {"dobj", "nsubjpass"}]
            words = {t.lemma_.lower() for c in convoy for t in c.subtree}
            armed = {"gunman", "gunmen", "fighter", "rebel", "militant", "insurgent", "jihadist"}
            if words & armed and not words & {"civilian", "wounded", "sick", "child", "woman", "resident"}:
                return "opposition"
            return "unknown"
        if pred is not None:
            # "civilians were taken by the army to X", "a corridor set up by the army":
            # a stated agent moved them.
            nouns = [pred] + [c for c in pred.children if c.dep_ in {"dobj", "pobj", "prep"}]
            nouns += [g for c in nouns[1:] if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for node in [pred] + [c for n in nouns for c in n.children if c.dep_ in {"acl", "relcl"}]:
                if node.head.lemma_.lower() in _DEAL_NOUNS and node is not pred:
                    continue  # "under a deal brokered by Russia": the broker moved no one
                for c in node.children:
                    if c.dep_ == "agent":
                        side = classify_actor(" ".join(t.text for t in c.subtree))
                        if side:
                            return side
            if pred.lemma_.lower() in {"escort", "transport", "transfer", "bus", "ferry", "shuttle", "drive", "take",
                                       "evacuate"} and pred.pos_ == "VERB":
                # "Russian military police escorted civilians to X", "the army evacuated
                # civilians from X": the movers acted.
                for c in pred.children:
                    if c.dep_ == "nsubj":
                        side = classify_actor(" ".join(t.text for t in c.subtree))
                        if side:
                            return side
            cur = pred
            for _ in range(3):
                for c in cur.children:
                    if c.dep_ == "dobj" and c.lemma_.lower() in _ADMIN | {"enclave", "pocket", "stronghold",
                                                                         "territory", "east", "west"}:
                        continue  # "convoys leave the rebel enclave": the place left, not who left
                    if c.dep_ in {"nsubj", "nsubjpass", "dobj"} and not (span.start <= c.i < span.end):
                        words |= {t.lemma_.lower() for t in c.subtree}
                if not words and cur.dep_ == "acl" and cur.head.pos_ in {"NOUN", "PROPN"}:
                    # "buses carrying gunmen and their families left through X".
                    noun = cur.head
                    while noun.dep_ == "conj" and noun.head.i != noun.i:
                        noun = noun.head
                    words |= {t.lemma_.lower() for t in noun.subtree if not cur.left_edge.i <= t.i <= cur.right_edge.i}
                if words or cur.head.i == cur.i or cur.dep_ not in {"advcl", "xcomp", "conj", "acl"}:
                    break
                cur = cur.head
        if not words and pred is not None and pred.pos_ == "NOUN" and pred.lemma_.lower() in {
                "bus", "buses", "convoy", "ambulance", "evacuee"}:
            # "buses carrying rebel fighters": who rides in them.
            words = {t.lemma_.lower() for t in pred.subtree if not (span.start <= t.i < span.end)}
        armed = {"gunman", "gunmen", "fighter", "rebel", "militant", "insurgent", "jihadist"}
        if words & armed and not words & {"civilian", "wounded", "sick", "child", "woman", "resident"}:
            return "opposition"
        if words & {"soldier", "troop", "militiaman", "loyalist"}:
            return "government"
        return "unknown"

    def _predicate_side(self, pred: Token, span: Span, speaker: Token | None,
                        place_tokens: frozenset[int] = frozenset()) -> str | None:
        if pred.lemma_.lower() in {"fall", "surrender", "hand", "cede"} | _COLLAPSE or pred.lemma_.lower() == "give" \
                and any(c.lower_ == "way" for c in pred.children):
            # "X fell to the rebels": the side it fell to.
            for c in pred.children:
                if c.dep_ == "prep" and c.lower_ in {"to", "into"}:
                    for g in c.children:
                        side = classify_actor(" ".join(t.text for t in g.subtree)) if g.dep_ == "pobj" else None
                        if side:
                            return side
            if pred.lemma_.lower() in {"fall", "give"} | _COLLAPSE and pred.pos_ == "VERB" \
                    and not self._subject_words(pred) & (_GROUND_FIRE_CUES | _AIR_CUES | {
                        "shell", "rocket", "bomb", "missile", "round", "mortar", "projectile"}):
                # (Not shells that "fell on X".)
                # "Aleppo's last rebel districts fall", "rebel defences collapsed": the side
                # that held them lost them to the other.
                for c in pred.children:
                    if c.dep_ == "nsubj":
                        words = " ".join(t.text for t in c.subtree if not (span.start <= t.i < span.end))
                        holder = classify_actor(re.sub(r"\s*-\s*(?:held|controlled)\b", " ", words))
                        lost_to = {"government": "opposition", "opposition": "government"}.get(holder or "")
                        if lost_to:
                            return lost_to
            if pred.lemma_.lower() in _COLLAPSE and pred.pos_ == "NOUN":
                # "the collapse of rebel defences in X": the defenders lost it.
                for c in pred.children:
                    if c.dep_ == "prep" and c.lower_ == "of":
                        words = " ".join(t.text for t in c.subtree if not (span.start <= t.i < span.end))
                        holder = classify_actor(re.sub(r"\s*-\s*(?:held|controlled)\b", " ", words))
                        lost_to = {"government": "opposition", "opposition": "government"}.get(holder or "")
                        if lost_to:
                            return lost_to
        # Subject / agent / possessor / modifiers of the predicate, climbing through
        # xcomp/advcl/conj/acl to find a subject.
        candidates: list[Token] = []
        cur = pred
        for _ in range(6):
            passive_with_agent = any(c.dep_ == "agent" for c in cur.children)
            for c in cur.children:
                if c.dep_ == "nsubjpass" and passive_with_agent:
                    continue  # "a Russian hospital was hit by rebel shelling": the target
                if c.dep_ in {"nsubj", "nsubjpass", "poss", "csubj"}:
                    candidates.append(c)
                elif c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
                    candidates.extend(g for g in c.children if g.dep_ == "pobj")
                elif c.dep_ in {"compound", "amod"} and cur.pos_ == "NOUN" and (
                        classify_actor(" ".join(t.text for t in c.subtree)) or cur.i != pred.i):
                    # ("rocket shells fired by X": a weapon compound names no side - climb on.)
                    candidates.append(c)
                elif c.dep_ in {"advcl", "csubj"} and c.tag_ == "VBG" and c.i < cur.i \
                        and not any(g.dep_ == "nsubj" for g in c.children):
                    # "Shelling by rebels hit X": the gerund subject's agent acted.
                    candidates.extend(g for a in c.children if a.dep_ in {"agent", "prep"} and a.lower_ in {
                        "by", "from"} for g in a.children if g.dep_ == "pobj")
            if candidates:
                break
            if cur.dep_ == "prep" and (cur.head.lemma_.lower() in _ACCUSE or cur.lower_ in {"of", "for"}
                                       and cur.head.dep_ == "dobj" and cur.head.head.lemma_.lower() in _ACCUSE):
                # "State media accused rebels of shelling X": the accused did it, not the accuser.
                accused = cur.head if cur.head.dep_ == "dobj" else None
                candidates.extend([accused] if accused is not None else
                                  (c for c in cur.head.children if c.dep_ == "dobj"))
                break
            if cur.dep_ in {"xcomp", "advcl", "conj", "pcomp", "acl", "pobj", "prep", "dobj", "nsubj",
                            "nsubjpass", "compound", "attr"} and cur.head.i != cur.i:
                head_lemma = cur.head.lemma_.lower()
                if head_lemma in _REPORTING and cur.dep_ != "conj":
                    break
                if cur.pos_ in {"NOUN", "PROPN"} and cur.dep_ in {"dobj", "nsubjpass", "attr"} \
                        and cur.head.pos_ == "VERB" and head_lemma not in _LIGHT_VERBS | _ONGOING \
                        and head_lemma not in _LEXICON:
                    # "Rebels hope to break the siege": whoever breaks a siege did not lay it.
                    break
                cur = cur.head
            else:
                break
        in_place = place_tokens
        for cand in candidates:
            if span.start <= cand.i < span.end:
                continue
            words = [t for t in cand.subtree if not (span.start <= t.i < span.end)
                     and t.dep_ not in {"relcl"} and t.i not in in_place]
            # Include the next words so "the rebel held X" (parsed apart) reads as a place.
            tail = span.doc[cand.right_edge.i + 1: cand.right_edge.i + 3]
            text = " ".join(t.text for t in words) + " " + tail.text
            if speaker is not None and any(t.lower_ in {"our", "we", "us"} for t in cand.subtree):
                # "Our men are inside X," a rebel commander said: the speaker's side.
                side = classify_actor(" ".join(t.text for t in speaker.subtree))
                if side:
                    return side
            if cand.lower_ in {"they", "we", "it", "he", "she", "our", "their", "its"} or cand.pos_ == "PRON":
                if speaker is not None:
                    side = classify_actor(" ".join(t.text for t in speaker.subtree))
                    if side:
                        return side
                # Nearest preceding side named in the sentence.
                before = "".join(t.text_with_ws for t in span.sent if t.i < cand.i)
                for m in reversed(list(re.finditer(r"[^,;]+", before))):
                    side = classify_actor(m.group(0))
                    if side:
                        return side
                if cand.lower_ in {"they", "it"} and not self._in_quotation(span.sent) and not any(
                        t.pos_ in {"VERB", "AUX"} or t.lower_ in {"and", "but", ";"} for t in span.sent if t.i < cand.i):
                    # ("On Monday they took X": only an adverbial before the pronoun.)
                    # "They seized several positions in X, but government forces ...": the
                    # pronoun opening the sentence is the narrative's last actor.
                    return _PRONOUN
                continue
            if not classify_actor(" ".join(t.text for t in words)):
                # The next words only cancel a side ("the rebel held X"); they never add one
                # ("Warplanes pounded rebel-held districts": the target's holder).
                continue
            side = classify_actor(text)
            if side:
                return side
        return None

    # .. attribution ........................................................
    def _attribution(self, span: Span, ctx: _DocContext) -> tuple[str | None, Token | None]:
        """(canonical source, speaker token) from the sentence's reporting verb."""
        sent = span.sent
        seg_start = ctx.segment_of.get(span.start, sent.start)
        seg_end = seg_start
        while ctx.segment_of.get(seg_end + 1) == seg_start:
            seg_end += 1
        seg = span.doc[seg_start:seg_end + 1]
        verbs = []
        cur = _mention_root(span)
        while cur.head.i != cur.i:
            cur = cur.head
            if cur.lemma_.lower() in _REPORTING and cur.pos_ in {"VERB", "AUX"} and seg.start <= cur.i < seg.end \
                    and cur.lemma_.lower() not in _DISPUTING:
                verbs.append(cur)
        # Who denies a claim is not its source ("..., state TV said, a claim rebels denied").
        # "claiming the lives of three civilians" kills; it reports nothing.
        others = [t for t in seg if t.lemma_.lower() in _REPORTING and t.pos_ == "VERB" and t not in verbs
                  and t.lemma_.lower() not in _DISPUTING
                  and not (t.lemma_.lower() == "claim" and any(
                      c.dep_ == "dobj" and c.lemma_.lower() in {"life", "lives"} for c in t.children))]
        # Reporting verbs above the mention first, then "according to X", then any other
        # reporting verb of the sentence.
        for stage in ("path", "according", "others"):
            if stage == "according":
                for t in seg:
                    if t.lower_ == "according" and t.i + 1 < len(sent.doc) and sent.doc[t.i + 1].lower_ == "to":
                        objs = [c for c in sent.doc[t.i + 1].children if c.dep_ == "pobj"]
                        if objs and not any(a <= objs[0].idx < b for a, b in ctx.datelines):
                            label = canonical_source(self._phrase(objs[0]))
                            ctx.last_source[0] = label
                            return label, objs[0]
                continue
            for verb in (verbs if stage == "path" else others):
                speaker = self._speaker(verb)
                if speaker is None or speaker.i in ctx.dateline_tokens:
                    continue
                if speaker.pos_ == "PRON" and speaker.lower_ in {"he", "she", "they"}:
                    prev = ctx.last_source.get(0)
                    return prev, speaker
                if speaker.lower_ in {"it", "this", "that", "there"}:
                    continue
                phrase = self._phrase(speaker)
                after = speaker.right_edge.i + 1
                if not any(t.pos_ in {"NOUN", "PROPN"} for t in speaker.subtree) or (
                        after < len(speaker.doc) and speaker.doc[after].text == ":") or (
                        speaker.i + 1 < len(speaker.doc) and speaker.doc[speaker.i + 1].text == ":"):
                    continue  # a heading fragment ("Syria:"), not a source
                label = canonical_source(phrase)
                ctx.last_source[0] = label
                return label, speaker
        # A quotation continued from an earlier sentence of the paragraph: the speaker
        # named there ('"The battle has begun," said X. "Our fighters stormed Y."').
        text = seg.text.strip()
        if text[:1] in {"“", '"'}:
            doc = span.doc
            para_start = doc.text.rfind("\n", 0, seg.start_char) + 1
            for t in reversed(doc[:seg.start]):
                if t.idx < para_start:
                    break
                if t.lemma_.lower() in _REPORTING and t.pos_ == "VERB":
                    speaker = self._speaker(t)
                    if speaker is not None and speaker.pos_ != "PRON":
                        return canonical_source(self._phrase(speaker)), speaker
            if ctx.last_source.get(0):
                return ctx.last_source[0], None
        return None, None

    @staticmethod
    def _phrase(tok: Token) -> str:
        """The words of a speaker's noun phrase as written, without relative clauses
        ("Jaish al-Fatah", "John Kerry" rather than "John Kerry, who announced ...")."""
        skip: set[int] = set()
        for t in tok.subtree:
            if t.dep_ in {"relcl", "acl", "advcl"} and t.i != tok.i:
                skip |= {x.i for x in t.subtree}
        kept = [t for t in tok.subtree if t.i not in skip]
        start, end = kept[0].i, kept[-1].i
        doc = tok.doc
        # A hyphenated name the parser cut ("Jaish al | -Fatah"): keep joined tokens.
        while end + 1 < len(doc) and not doc[end].whitespace_ and (doc[end + 1].text in {"-", "–"} or (
                doc[end].text in {"-", "–"} and doc[end + 1].is_alpha)):
            end += 1
        while end > start and doc[end].is_punct and not (doc[end].text == ")" and "(" in doc[start:end].text):
            end -= 1
        text = doc[start:end + 1].text
        return re.split(r",\s+(?:who|which|whose|that)\b", text)[0].rstrip(" ,")

    @staticmethod
    def _speaker(verb: Token) -> Token | None:
        if verb.dep_ == "conj" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children) \
                and verb.i >= 2 and verb.doc[verb.i - 1].pos_ in {"NOUN", "PROPN"}:
            # "..., injuring four civilians, a source at the police told SANA": the parser
            # joined the speaker's verb to the main clause; the phrase just before it,
            # set off by a comma, is the speaker.
            top = verb.doc[verb.i - 1]
            while top.head.i < verb.i and top.head.i != top.i and (
                    top.dep_ in {"compound", "pobj", "prep", "amod"} or top.head.pos_ == "ADP"):
                top = top.head
            if top.pos_ in {"NOUN", "PROPN"} and top.left_edge.i > 0 and top.doc[top.left_edge.i - 1].text == ",":
                return top
        cur = verb
        for _ in range(3):
            for c in cur.children:
                if c.dep_ in {"nsubj", "nsubjpass"} and not (cur.lemma_.lower() == "accord"):
                    if c.dep_ == "nsubjpass" and cur.lemma_.lower() in {"quote"}:
                        return c
                    if c.dep_ == "nsubj":
                        if c.lower_ in {"which", "who", "that"} and cur.dep_ == "relcl" and cur.head.i != cur.i:
                            # "the Observatory for Human Rights, which said ...": the whole name.
                            ant = cur.head
                            while ant.dep_ == "pobj" and ant.head.dep_ == "prep" and \
                                    ant.head.head.pos_ in {"NOUN", "PROPN"}:
                                ant = ant.head.head
                            return ant
                        return c
            for c in cur.children:
                if c.dep_ == "agent":
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            if cur.dep_ in {"advcl", "conj", "xcomp"} and cur.head.i != cur.i:
                cur = cur.head
            else:
                break
        return None

    # .. date ...............................................................
    def _date(self, span: Span, finding: _Finding, ctx: _DocContext) -> tuple[_dt.date | None, str]:
        seg = ctx.segment_of.get(span.start, span.sent.start)
        exprs = ctx.sent_exprs.get(seg, [])
        heading = self._line_of(ctx, span.start_char) in ctx.heading_lines
        if heading:
            # Headlines and captions: only a date they state themselves.
            days = [e for e, _t in exprs if e.date is not None]
            if days:
                return days[0].date, "day"
            return None, "unknown"
        shift, shifted_clause = self._day_shift(span)
        uncounted = shifted_clause if shift is None else None  # "days after ...": only its own date
        if uncounted is not None:
            shift, shifted_clause = 0, None
        # "250,000 people remain trapped in X", "X depends on trucked water": a state true
        # today and for days before takes no day from the narrative.
        present_state = finding.activity in _STATE_ACTIVITIES and self._present_state(span, finding)
        borrowed = (None, "unknown") if uncounted is not None or present_state \
            else ctx.sent_dates.get(seg, (None, "unknown"))
        pred = finding.predicate
        verb = pred if pred is None or pred.pos_ in {"VERB", "AUX"} else next(
            (a for a in pred.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is not None and any(c.dep_ == "aux" and c.lower_ in {"have", "has", "'ve"} for c in verb.children) \
                and any(t.lower_ == "since" and t.dep_ in {"mark", "prep"} and t.head.i != verb.i
                        or t.lower_ == "since" and t.i < verb.i and t.dep_ == "mark" for t in span.sent):
            # "Since the offensive began on 22 September, hundreds have been killed in X":
            # a tally over a range, on no single day of the narrative.
            borrowed = (None, "unknown")
        if finding.activity == "siege" and verb is not None and verb.lemma_.lower() in _AID_ENTRY \
                and self._aid_shut_out(verb):
            return None, "unknown"  # "no aid has entered X since (then, July)": a range, no day
        if not exprs:
            return self._shifted(borrowed, shift)
        # The time expression attached to the mention or to a word on its path up.
        path = [_mention_root(span)]
        cur = _mention_root(span)
        while cur.head.i != cur.i:
            cur = cur.head
            path.append(cur)
        if finding.reason == "relative clause" and finding.predicate is not None:
            # "X, which the army captured on Saturday": only the clause's own day; the
            # narrative's day is not the day of an event recalled in passing.
            path = [finding.predicate]
            borrowed = (None, "unknown")
        elif finding.reason in {"list line", "where clause"} and finding.predicate is not None:
            # "X: troops seized the southern half on September 6": the clause after the
            # colon carries the date; its predicate stands in for the mention's path.
            path = [finding.predicate] + list(finding.predicate.ancestors)
        if uncounted is not None:
            path = [t for t in path if uncounted.left_edge.i <= t.i <= uncounted.right_edge.i]
        path_ids = {t.i: n for n, t in enumerate(path)}
        best = None
        for expr, tok in exprs:
            anchor = tok
            # An expression modifies the word it hangs from through a preposition or a
            # possessive ("on Sunday", "Tuesday's assault"); it never reaches across a
            # clause ("after a ceasefire was declared over on Monday").
            hops = 0
            while anchor.i not in path_ids and anchor.head.i != anchor.i and hops < 4 and anchor.dep_ in {
                    "pobj", "prep", "poss", "compound", "npadvmod", "nummod", "appos", "nsubj", "nsubjpass",
                    "tmod", "advmod", "amod", "dobj", "pcomp", "conj", "acomp"}:
                if anchor.pos_ in {"VERB", "AUX"} and anchor.dep_ in {"pcomp", "advcl", "relcl", "acl", "ccomp"} \
                        and hops:
                    # "a week after seizing Y on Saturday", "the assault, which began on
                    # September 1": the date of another event in a subordinate clause.
                    break
                anchor = anchor.head
                hops += 1
            if anchor.i not in path_ids:
                continue
            rank = path_ids[anchor.i]
            if anchor.i in {t.i for t in [tok]} and tok.i in range(span.start, span.end):
                rank = 0
            if best is None or rank < best[0] or (rank == best[0] and expr.date is not None and best[1].date is None):
                best = (rank, expr, anchor)
        if best is None:
            # No time expression hangs on the mention's path (the parse may have lost
            # it: "the buses left late on Thursday, crossing at X"). The sentence's own
            # date - the one it sets for the narrative, which skips expressions inside
            # relative, "since" and other subordinate clauses - else the dated narrative
            # it continues. A "a day after ..." clause counts from that day.
            return self._shifted(borrowed, shift)
        _rank, expr, anchor = best
        if expr.kind == "range":
            return None, "unknown"
        if shift and shifted_clause is not None and expr.date is not None and not (
                shifted_clause.left_edge.i <= anchor.i <= shifted_clause.right_edge.i):
            # "captured X on Friday, a day after rebels abandoned Y": Friday dates the
            # main clause; Y's clause is a day earlier.
            return expr.date + _dt.timedelta(days=shift), "day"
        if anchor.lemma_.lower() in _REPORTING and finding.predicate is not None and not (
                anchor.lemma_.lower() in {"announce", "declare", "proclaim"}
                and finding.activity in {"capture", "repelled"}):
            # (An announced capture is dated by its announcement: "On Monday the army
            # announced it had captured X".)
            # "said on Sunday that the army had advanced": the saying is dated, the
            # pluperfect event before it is not.
            pred = finding.predicate
            verbs = [pred] + [a for a in pred.ancestors if a.i != anchor.i]
            for v in verbs:
                if v.i == anchor.i:
                    break
                if any(c.dep_ == "aux" and c.lower_ in {"had", "'d"} for c in v.children):
                    return None, "unknown"
                if v.head.i == anchor.i:
                    break
        offset = _narrative_offset(expr)
        if offset is not None:
            # "the previous day", "two days later" count from the narrative's day, not
            # from publication - or from a day the same sentence named before them ("to
            # Hanano on November 26th and to Jabal Badro the following day").
            def verb_of(tok: Token) -> Token | None:
                return next((t for t in [tok, *tok.ancestors] if t.pos_ in {"VERB", "AUX"}), None)

            def same_narrative(a: Token | None, b: Token | None) -> bool:
                # The same verb, or verbs joined by "and" ("captured X on Tuesday and
                # pushed into Y the following day").
                return a is not None and b is not None and (
                    a.i == b.i or (a.dep_ == "conj" and a.head.i == b.i) or (b.dep_ == "conj" and b.head.i == a.i))

            # (Only a day dating the same verb: in "the offensive, launched last Sunday, had
            # taken X the previous day" Sunday dates the launch, not the taking.)
            earlier = [e.date for e, t in ctx.sent_exprs.get(seg, []) if e.date is not None
                       and e.kind != "range" and e.end <= expr.start and _narrative_offset(e) is None
                       and same_narrative(verb_of(t), verb_of(anchor))]
            base = earlier[-1] if earlier else ctx.inherited.get(seg, (None, "unknown"))[0]
            if base is not None:
                return base + _dt.timedelta(days=offset), "day"
        if expr.date is not None:
            return expr.date, "day"
        return None, expr.precision

    @staticmethod
    def _present_state(span: Span, finding: _Finding) -> bool:
        """Whether the clause reporting a state at the mention is in the present tense."""
        start = finding.predicate if finding.predicate is not None else _mention_root(span)
        verb = start if start.pos_ in {"VERB", "AUX"} else next(
            (a for a in start.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        while verb is not None and verb.tag_ in {"VBN", "VBG"} and verb.dep_ in {"acomp", "xcomp", "oprd", "acl", "amod"} \
                and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            # "people remain trapped in X": the participle's tense is its verb's.
            verb = next((a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is None:
            return False
        tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
        return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD"} and not any(
            c.dep_ == "aux" and c.lower_ in {"has", "have"} for c in verb.children)

    @staticmethod
    def _day_shift(span: Span) -> tuple[int | None, Token | None]:
        """-N for a mention in the clause of "N days after <clause>" (+N for "before"),
        with that clause's verb: "X fell a day after troops overran Y" dates Y the day
        before X. None when the clause gives no count ("days after troops seized Y")."""
        cur = _mention_root(span)
        for _ in range(12):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            if cur.lower_ in {"after", "before"} and cur.dep_ == "prep" \
                    and cur.head.lower_ in {"day", "days", "night"} and cur.head.pos_ == "NOUN":
                # "pushed into X on Thursday, a day after seizing Y" with "after" parsed
                # under "day": Y's clause is a day before the main one.
                n = 1
                counts = [c for c in cur.head.children if c.dep_ == "nummod"]
                for c in counts:
                    n = int(c.lower_) if c.lower_.isdigit() else _WORD_NUMBERS.get(c.lower_, 1)
                if cur.head.lower_ == "days" and not counts:
                    return None, cur  # "days after seizing X": no count, no day for X
                return (-n if cur.lower_ == "after" else n), cur
            if cur.pos_ in {"VERB", "AUX"}:
                marks = [c for c in cur.children if c.dep_ in {"mark", "prep"} and c.lower_ in {"after", "before"}]
                for m in marks:
                    # "a day after troops overran X" (a clause: the verb is the clause) or
                    # "a day after taking X" (a phrase: the mention must be inside it).
                    clause = cur if m.dep_ == "mark" else m
                    if m.dep_ == "prep" and not (m.left_edge.i <= span.start <= m.right_edge.i):
                        continue
                    prev = [t for t in cur.doc[max(m.i - 3, cur.sent.start):m.i]]
                    words = [t.lower_ for t in prev]
                    if words and words[-1] in {"day", "days", "night"}:
                        n = 1
                        counted = len(words) >= 2 and (words[-2].isdigit() or words[-2] in _WORD_NUMBERS)
                        if counted:
                            n = int(words[-2]) if words[-2].isdigit() else _WORD_NUMBERS[words[-2]]
                        elif words[-1] == "days":
                            return None, clause  # "days after they recaptured X": no day for X
                        return (-n if m.lower_ == "after" else n), clause
                if cur.dep_ in {"ROOT"}:
                    break
        return 0, None

    @staticmethod
    def _shifted(value: tuple[_dt.date | None, str], shift: int) -> tuple[_dt.date | None, str]:
        date, precision = value
        if date is not None and shift:
            return date + _dt.timedelta(days=shift), precision
        return value

    # .. contested / casualties ............................................
    @staticmethod
    def _contested(span: Span, finding: _Finding) -> bool:
        low = span.sent.text.lower()
        deny = (r"\b(?:denied|denies|deny|disputed|disputes|dispute|refuted|rejected (?:the|this|that) claim|"
                r"contradicted|false claims?)\b")
        if re.search(deny, low):
            return True
        # "... the troops took X. Opposition activists denied the report." The next
        # sentence of the paragraph disputes it.
        doc = span.doc
        nxt_start = span.sent.end
        if nxt_start < len(doc) and "\n" not in doc.text[span.sent.end_char - 1:doc[nxt_start].idx]:
            nxt = doc[nxt_start].sent
            if re.search(r"\b(?:denied|denies|disputed|disputes|refuted|rejected)\b.{0,40}\b(?:report|claim|"
                         r"account|statement|reports|claims)\b", nxt.text.lower()):
                return True
        # Two sides reporting in one sentence ("rebels said ..., but the army said ..."):
        # the claims compete.
        sides = set()
        for t in span.sent:
            if t.lemma_.lower() in _REPORTING and t.pos_ == "VERB":
                for c in t.children:
                    if c.dep_ == "nsubj":
                        side = classify_actor(" ".join(x.text for x in c.subtree))
                        if side:
                            sides.add(side)
        if len(sides) > 1:
            return True
        # A side's claim of taking back a place another side holds.
        if finding.activity == "capture" and finding.predicate is not None and \
                finding.predicate.lemma_.lower() in {"recover", "regain", "retake", "recapture"} and \
                re.search(r"\b(?:said|say|says|claimed|claim)\b", low):
            return True
        return False

    @staticmethod
    def _casualties(span: Span, finding: _Finding) -> tuple[int | None, int | None]:
        sent = span.sent
        pred = finding.predicate
        killed = injured = None
        related: set[int] = set()
        if pred is not None:
            related |= {t.i for t in pred.subtree}
            related |= {t.i for t in pred.ancestors}
        for t in sent:
            lemma = t.lemma_.lower()
            kind = None
            if lemma in {"kill", "die", "dead", "death", "massacre"}:
                kind = "killed"
            elif lemma in {"wound", "injure", "injured", "wounded"}:
                kind = "injured"
            if kind is None or (related and t.i not in related and finding.activity != "casualties"):
                continue
            number = _number_for(t)
            if number is None:
                continue
            if kind == "killed" and killed is None:
                killed = number
            elif kind == "injured" and injured is None:
                injured = number
        return killed, injured


_WORD_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100,
}


_OFFSET_RE = re.compile(
    r"(?:the (?P<b>day|night) before|the previous (?:day|night)|(?P<n>a|an|one|two|three|four|five|six|seven|\d)"
    r" days? (?P<dir>earlier|later)|the (?:following|next) (?:day|night|morning))", re.IGNORECASE)


def _named_by_of(tok: Token) -> Token | None:
    """The noun a name completes through "of" and that stands where the name does:
    "the besieged districts of X", "from the direction of X"."""
    of = tok.head
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in _NAMED_BY_OF and of.head.i == of.i - 1:
        return of.head
    return None


def _lexicon_entry(tok: Token) -> str | None:
    """The activity the lexicon gives a word, by lemma or form. A capitalised plural the
    model took for a name ("Airstrikes destroyed ...", "Evacuations from X began") is
    looked up by its singular."""
    lemma, low = tok.lemma_.lower(), tok.lower_
    act = _LEXICON.get(lemma) or _LEXICON.get(low)
    if act is None and tok.pos_ == "PROPN" and low.endswith("s") and tok.is_title:
        act = _LEXICON.get(low[:-2] if low.endswith("es") and low[:-2] in _LEXICON else low[:-1])
    return act


def _names_an_earlier_year(sent: Span) -> bool:
    """Whether a sentence dates its event to a year before 2016 ("in 2012", "in the summer
    of 2012"); "since 2012" still reaches the present."""
    return any(t.like_num and len(t.text) == 4 and t.text.isdigit() and 1990 <= int(t.text) <= 2015
               and t.i > sent.start and t.nbor(-1).lower_ in {"in", "during", "of"} for t in sent)


def _narrative_offset(expr: TimeExpression) -> int | None:
    """Days from the narrative's day for "the previous day" (-1), "two days later" (+2)
    and the like; None for other expressions."""
    m = _OFFSET_RE.fullmatch(expr.text.strip())
    if m is None:
        return None
    if m.group("n"):
        word = m.group("n").lower()
        n = int(word) if word.isdigit() else {"a": 1, "an": 1, "one": 1}.get(word) or _WORD_NUMBERS.get(word, 1)
        return -n if m.group("dir").lower() == "earlier" else n
    text = expr.text.lower()
    return -1 if ("before" in text or "previous" in text) else 1


def _quote_open_at(text: str, char: int) -> bool:
    """Whether a quotation opened earlier in the paragraph is still open at ``char``."""
    before = text[text.rfind("\n", 0, char) + 1:char]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _inside_quote_marks(tok: Token) -> bool:
    """Whether a token stands between opening and closing quotation marks of its paragraph."""
    return _quote_open_at(tok.doc.text, tok.idx)


def _line_tokens(span: Span) -> tuple[int, list[Token]]:
    """Where the mention's line starts (a character offset), and the tokens of its
    sentence on that line (a headline, a standfirst, a list line, or the sentence)."""
    text = span.doc.text
    line_a = text.rfind("\n", 0, span.start_char) + 1
    line_b = text.find("\n", span.end_char)
    line_b = len(text) if line_b < 0 else line_b
    return line_a, [t for t in span.sent if line_a <= t.idx < line_b]


def _mention_root(span: Span) -> Token:
    """The token that attaches the mention to its sentence.

    Usually ``span.root``; but the parser often splits names written with "al-"
    ("Karm al-Jabal" -> "al" as the object of "on", "-" and "Jabal" as subjects of the
    verb). The token attached as object to the word just before the name is then the
    real attachment.
    """
    root = span.root
    if span.start == 0:
        return root
    before = span.doc[span.start - 1]
    for tok in span:
        if tok.i != root.i and tok.head.i == before.i and tok.dep_ in {"pobj", "dobj"}:
            return tok
    return root


def _to_int(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d{3}", tok.text):  # "450.000"
        return int(tok.text.replace(".", ""))
    return _WORD_NUMBERS.get(tok.lower_)


def _number_for(verb: Token) -> int | None:
    """The figure attached to a kill/wound word: its subject/object's number."""
    nouns = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"}]
    if verb.dep_ in {"amod", "acl"} or verb.pos_ == "ADJ":
        nouns.append(verb.head)
    # "were killed or injured": the second verb shares the first's subject.
    if verb.dep_ == "conj":
        nouns.extend(c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"})
    for noun in nouns:
        if noun.like_num:
            n = _to_int(noun)
            if n is not None:
                return n
        for c in noun.children:
            if c.dep_ in {"nummod", "quantmod"} and c.like_num:
                n = _to_int(c)
                if n is not None:
                    return n
    return None


@Language.factory(
    "aleppo_activity",
    default_config={"spans_key": SPANS_KEY, "inferred_actors": True, "classifier": "bundled",
                    "classifier_threshold": DEFAULT_THRESHOLD},
    requires=["token.dep", "token.lemma"],
    assigns=[f"span._.{name}" for name in _SPAN_EXTENSIONS],
)
def make_activity_tagger(nlp: Language, name: str, spans_key: str, inferred_actors: bool,
                         classifier: str | None = "bundled",
                         classifier_threshold: float = DEFAULT_THRESHOLD) -> ActivityTagger:
    """Factory for ``nlp.add_pipe("aleppo_activity")`` (after the parser and the place linker)."""
    if "parser" not in nlp.pipe_names and not any(
        getattr(p, "is_parser", False) for _, p in nlp.pipeline
    ):
        raise MissingParserError(
            "aleppo_activity needs a dependency parser in the pipeline; load the English model "
            "with aleppo_geo.model.load_english_model() and keep its 'parser'"
        )
    return ActivityTagger(nlp, name, spans_key=spans_key, inferred_actors=inferred_actors,
                          classifier=classifier, classifier_threshold=classifier_threshold)


#: A dateline: place name(s) in capitals at the start of a paragraph ("BEIRUT",
#: "BEIRUT/ALEPPO", "DAMASCUS, Syria", "ALEPPO, Syria (AP)"), then a dash. Title-case
#: names need the ", Country" or "(Agency)" part, so an ordinary sentence starting
#: with a name and an aside dash is not taken for one.
_CAPS_NAME = r"[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3}"
_TITLE_NAME = r"[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,3}"
_DATELINE_RE = re.compile(
    r"[ \t]*(?:"
    r"(?:" + _CAPS_NAME + r")(?:\s*/\s*" + _CAPS_NAME + r")*(?:,\s*" + _TITLE_NAME + r")?"
    r"|(?:" + _TITLE_NAME + r")(?:\s*/\s*" + _TITLE_NAME + r")*(?:,\s*" + _TITLE_NAME + r")"
    r")(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"(?:,?\s*\([A-Za-z][\w .&'’-]{0,40}\))?\s*[-–—]+(?=\s|[A-Z])"
    # "Aleppo (AFP) -": a title-case name with the agency in brackets.
    r"|[ \t]*" + _TITLE_NAME + r"\s*\((?:AFP|AP|Reuters|dpa|DPA|AA|Xinhua|UPI|EFE|ANSA|IRNA|SANA|TASS|CNN|"
    r"Anadolu|Al Jazeera|BBC)\)\s*[-–—]+(?=\s|[A-Z])"
    # "Aleppo — Government forces ...": a bare title-case name and an em dash.
    r"|[ \t]*[A-Z][a-z'’\-]+(?:\s+[A-Z][a-z'’\-]+)?\s+—\s+(?=[A-Z])"
)


#: A live blog entry's clock time at the start of a line: "18:40 —", "12.15 GMT", "0930 GMT:".
#: A photo caption: a "Photo:" / "Image caption:" label opening the line, or a credit
#: closing it ("(AP Photo)", "[Reuters]", "Photograph: Name/AFP/Getty Images").
_CAPTION_RE = re.compile(
    r"^\s*(?:photo(?:graph)?s?|image|picture|pictured|caption|video)(?:\s+caption)?\s*:"
    r"|(?:\([^()]*(?:\bPhoto\b|Images|/)[^()]*\)"
    r"|\[[^\[\]]*(?:AP|AFP|Reuters|Getty|EPA|Anadolu|Al Jazeera)[^\[\]]*\]"
    r"|photograph\s*:\s*[^.]*/\s*[A-Z][^.]*)\s*$", re.IGNORECASE)

_TIMESTAMP_RE = re.compile(
    r"\s*(?:(?:updated?|posted)\s+(?:at\s+)?)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|BST|CET|EET|EST|ET|local time)?"
    r"|\d{1,2}\s*[ap]\.?m\.?\s*(?:GMT|UTC|BST|CET|EET|EST|ET|local time)?"
    r"|\d{4}\s*(?:GMT|UTC|BST|CET|EET|local time))\s*(?:[-–—:|]|$)"
    # "19:15 The Syrian army has ...": a clock time opening the line, no separator.
    r"|\s*\d{1,2}:\d{2}\s+(?=[A-Z\"“])", re.IGNORECASE)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines in ``text`` ("BEIRUT (Reuters) -" ...).

    A dateline opens a paragraph: one or more place names in capitals (or a title-case
    name with ", Country"), optionally a country, an agency in brackets, then a dash.
    The range covers the dash. Places in a dateline say where the reporter filed from,
    not where anything happened.
    """
    out = []
    pos = 0
    for line in text.split("\n"):
        m = _DATELINE_RE.match(line)
        if m and len(line) > m.end() + 20:
            out.append((pos + len(line) - len(line.lstrip()), pos + m.end()))
        pos += len(line) + 1
    return out


@Language.component("aleppo_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break and after a dateline (add ``before="parser"``).

    Headlines, captions and standfirsts carry no final full stop, so the parser runs
    them into the next paragraph and builds one tree over both. Preset sentence starts
    are respected by the parser, which keeps each line's parse to itself. A dateline
    ("BEIRUT (Reuters) -") is cut off from its sentence the same way, so the place it
    names is not parsed as part of the first clause (an adverbial or a subject).
    """
    starts = []
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if ("\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text)) and not doc[i].is_space:
            starts.append(i)
    for _start, end in dateline_spans(doc.text):
        nxt = next((t for t in doc if t.idx >= end and not t.is_space), None)
        if nxt is not None and nxt.i > 0:
            starts.append(nxt.i)
    for i in starts:
        doc[i].is_sent_start = True
    for i in starts:
        # The first word of a line never makes a sentence on its own: without this the
        # parser, told a sentence starts here, may cut again right after it
        # ("Government | artillery pounded ...", "Evacuation | of Aleppo's ...").
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        if nxt is not None and not nxt.is_space and not nxt.is_punct and (i + 1) not in starts \
                and "\n" not in doc[i].whitespace_:
            nxt.is_sent_start = False
    return doc
