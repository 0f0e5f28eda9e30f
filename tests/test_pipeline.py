"""The spaCy components: what a user sees in doc.spans["places"] and span._.place."""
from __future__ import annotations

import spacy

import pytest

from aleppo_geo.evaluate import evaluate_corpus
from aleppo_geo.gazetteer import Gazetteer
from aleppo_geo.pipeline import PipelineError, load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(activity=False)


@pytest.fixture(scope="module")
def gazetteer():
    return Gazetteer.load()


def places(nlp, text):
    """(text, place id or None, match) for every mention."""
    doc = nlp(text)
    return [(s.text, s._.place.id if s._.place else None, s._.match)
            for s in doc.spans["places"]]


def texts(nlp, text):
    return [t for t, _, _ in places(nlp, text)]


def place_of(nlp, text, mention):
    for t, pid, _ in places(nlp, text):
        if t == mention:
            return pid
    raise AssertionError(f"{mention!r} not found in {places(nlp, text)}")


@pytest.mark.shared
def test_gold_aleppo_area_mentions_exact_f1_at_least_097_and_all_found_resolved_right(
        gold_path, seeds_dir, nlp):
    result = evaluate_corpus(gold_path, seeds_dir, nlp=nlp)
    assert result.aleppo_exact.f1 >= 0.97, result.report()
    assert result.resolution.correct == result.resolution.total, result.report()


def test_heluk_and_huluk_resolve_to_the_same_place(nlp):
    text = "Troops reached the al-Heluk district. Jets hit Hay al Huluk and Heluk again."
    found = places(nlp, text)
    assert [t for t, _, _ in found] == ["al-Heluk", "Hay al Huluk", "Heluk"]
    assert len({pid for _, pid, _ in found}) == 1 and found[0][1] is not None


def test_organisations_that_contain_place_names_are_not_places(nlp):
    text = ("The Syrian Observatory for Human Rights, the Free Syrian Army, the Syrian American "
            "Medical Society, the Levant Front, Failaq al-Sham, Jaish al-Fatah and the "
            "Aleppo Media Center all commented.")
    assert places(nlp, text) == []


def test_demonyms_people_and_operations_are_not_places(nlp):
    text = ("Syrian, Russian, Iranian and Iraqi forces fought; activist Baraa al-Halabi and "
            "President Bashar al-Assad spoke of the Euphrates Shield operation.")
    assert places(nlp, text) == []


def test_aleppo_province_is_the_governorate_with_aleppo_as_the_span(nlp, gazetteer):
    found = places(nlp, "Civilians were killed in rebel-held areas of Aleppo province.")
    assert found == [("Aleppo", gazetteer.lookup("Aleppo Governorate").id, "exact")]


def test_eastern_aleppo_is_one_span_but_northern_aleppo_is_only_aleppo(nlp, gazetteer):
    text = ("Strikes killed 45 in eastern Aleppo and east Aleppo residents fled; western Aleppo "
            "was quiet while northern Aleppo and southwest Aleppo saw clashes.")
    found = places(nlp, text)
    assert [t for t, _, _ in found] == ["eastern Aleppo", "east Aleppo", "western Aleppo",
                                        "Aleppo", "Aleppo"]
    assert found[0][1] == found[1][1] == gazetteer.lookup("East Aleppo").id
    assert found[3][1] == gazetteer.lookup("Aleppo").id


def test_plain_aleppo_is_the_city(nlp, gazetteer):
    assert place_of(nlp, "The army advanced in Aleppo on Sunday.", "Aleppo") == \
        gazetteer.lookup("Aleppo").id


def test_the_citys_al_bab_district_is_in_the_city_not_the_town(nlp, gazetteer):
    town = gazetteer.lookup("al-Bab")
    doc = nlp("Bombs fell on Aleppo. A resident stood on the rubble in the city's al-Bab district.")
    span = [s for s in doc.spans["places"] if s.text == "al-Bab"][0]
    assert span._.place.id != town.id and span._.place.in_aleppo_area
    found = place_of(nlp, "Rebels attacked the town of al-Bab, held by Islamic State.", "al-Bab")
    assert found == town.id


def test_facility_heads_stay_and_administrative_words_go(nlp):
    text = ("They took the Handarat Palestinian refugee camp, the Kindi hospital and parts of "
            "the Shuqaif industrial area, then clashed in the Sheikh Saeed district, the "
            "Shuqayif area and on the Castello Road.")
    assert texts(nlp, text) == ["Handarat Palestinian refugee camp", "Kindi hospital",
                                "Shuqaif industrial area", "Sheikh Saeed", "Shuqayif",
                                "Castello Road"]


def test_a_facility_head_is_kept_even_when_a_shorter_alias_would_drop_its_last_word(nlp):
    # The gazetteer also lists "Jibreen industrial"; "area" is an administrative word
    # elsewhere, but here it ends the facility's name.
    assert texts(nlp, "Families slept in a warehouse in the Jibreen industrial area.") == \
        ["Jibreen industrial area"]
    assert texts(nlp, "Shells fell on Aleppo city.") == ["Aleppo"]


def test_old_city_of_aleppo_and_aleppos_old_city_are_two_mentions_each(nlp):
    assert texts(nlp, "Fighting reached the Old City of Aleppo.") == ["Old City", "Aleppo"]
    assert texts(nlp, "They attacked Aleppo's Old City near its historic citadel.") == \
        ["Aleppo", "Old City", "citadel"]


def test_names_inside_hyphenated_compounds_are_found(nlp):
    text = ("The UK-based monitor, an Aleppo-based activist and a pro-Damascus militia met "
            "near the Syria-Turkey border.")
    assert texts(nlp, text) == ["UK", "Aleppo", "Damascus", "Syria", "Turkey"]


def test_pronoun_us_is_not_the_united_states_but_US_is(nlp, gazetteer):
    assert texts(nlp, "They want to slaughter us all, he told us.") == []
    assert place_of(nlp, "Russia and the US brokered a ceasefire.", "US") == \
        gazetteer.lookup("United States").id


def test_a_known_word_that_starts_an_unknown_name_is_not_that_place(nlp):
    # "Bab" alone may mean the town of al-Bab; "Bab al-Hawa" is another place altogether.
    found = places(nlp, "Aid trucks crossed at Bab al-Hawa on Monday.")
    assert all(pid != "al_bab_town" for _, pid, _ in found)


def test_a_landmark_word_qualified_by_another_city_is_not_aleppos(nlp, gazetteer):
    airport = gazetteer.lookup("Aleppo International Airport").id
    assert place_of(nlp, "Rebels shelled the airport.", "airport") == airport
    assert all(pid != airport for _, pid, _ in places(nlp, "Damascus airport was closed."))


def test_unlisted_spelling_found_by_the_fuzzy_fallback_without_inventing_places(nlp, gazetteer):
    found = places(nlp, "Regime troops entered Salahuddin on Friday, said Mariam Haddad.")
    assert found == [("Salahuddin", gazetteer.lookup("Salaheddine").id, "fuzzy")]


def test_places_outside_aleppo_are_kept_with_in_aleppo_area_false(nlp):
    doc = nlp("Zeina Khodr reported from the Turkish city of Gaziantep, while Moscow and "
              "Damascus backed the offensive in Russia's name.")
    got = {s.text: s._.place.in_aleppo_area for s in doc.spans["places"]}
    assert got == {"Gaziantep": False, "Moscow": False, "Damascus": False, "Russia": False}


def test_a_place_the_gazetteer_lacks_stays_as_unresolved(nlp):
    doc = nlp("Thousands fled to Fafin and to Tal Rifaat, officials in Geneva said.")
    unresolved = [s.text for s in doc.spans["places"] if s._.match == "unresolved"]
    assert "Fafin" in unresolved
    assert all(s._.place is None for s in doc.spans["places"] if s._.match == "unresolved")


def test_spans_are_sorted_non_overlapping_and_carry_score_and_match(nlp):
    doc = nlp("Warplanes hit Bustan al Qasr, Fardous and the Old City of Aleppo, Syria.")
    spans = list(doc.spans["places"])
    assert spans == sorted(spans, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
    for s in spans:
        assert s._.match in {"exact", "variant", "fuzzy", "unresolved"}
        assert 0.0 <= s._.score <= 1.0


def test_gazetteer_places_are_preset_as_entities_so_the_ner_keeps_them(nlp):
    doc = nlp("Warplanes hit Hay al Huluk and Bab al-Antakya.")
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Hay al Huluk", "GPE") in ents and ("Bab al-Antakya", "GPE") in ents


def test_blank_english_pipeline_with_add_pipe_finds_and_links_places():
    nlp = spacy.blank("en")
    nlp.add_pipe("aleppo_places")
    nlp.add_pipe("aleppo_linker")
    doc = nlp("Government forces took Farafra and the Handarat camp north of Aleppo.")
    assert [(s.text, s._.place.name) for s in doc.spans["places"]][:2] == [
        ("Farafra", "al-Farafra"), ("Handarat camp", "Handarat camp")]


def test_components_are_configurable(tmp_path):
    csv = tmp_path / "mine.csv"
    csv.write_text(
        "id,name,kind,lat,lon,precision_m,approximate,arabic,aliases,shared_aliases,parent,"
        "source,notes\n"
        "qweiq,Qweiq Bridge,landmark,36.2,37.15,50,false,,Qweiq,,,survey 2016,\n",
        encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("aleppo_places", config={"gazetteer": str(csv), "span_key": "mine"})
    nlp.add_pipe("aleppo_linker", config={"gazetteer": str(csv), "span_key": "mine"})
    doc = nlp("A strike hit the Qweiq Bridge, not Aleppo.")
    assert [(s.text, s._.place.id) for s in doc.spans["mine"]] == [("Qweiq Bridge", "qweiq")]


def test_a_missing_gazetteer_file_is_a_clear_error(tmp_path):
    nlp = spacy.blank("en")
    with pytest.raises(PipelineError, match="not found"):
        nlp.add_pipe("aleppo_places", config={"gazetteer": str(tmp_path / "nope.csv")})


def test_fast_pipeline_is_tokenizer_plus_our_components(gazetteer):
    fast = load_pipeline(fast=True)
    assert fast.pipe_names == ["aleppo_places", "aleppo_linker"]
    doc = fast("Jets struck al-Shaar and Karam Houmid.")
    assert [s._.place.id for s in doc.spans["places"]] == [
        gazetteer.lookup("al-Shaar").id, gazetteer.lookup("Karm Homad").id]


def test_full_pipeline_adds_the_activity_tagger_last():
    full = load_pipeline()
    assert full.pipe_names[-1] in ("aleppo_activity", "aleppo_linker")
    assert full.pipe_names.index("aleppo_places") < full.pipe_names.index("ner") < \
        full.pipe_names.index("aleppo_linker")


def test_countryside_of_aleppo_and_villages_in_idlib_are_the_provinces(nlp, gazetteer):
    found = places(nlp, "Families fled to the western countryside of Aleppo and to two "
                        "villages in Idlib.")
    assert [pid for _, pid, _ in found] == [gazetteer.lookup("Aleppo Governorate").id,
                                            gazetteer.lookup("Idlib Governorate").id]


def test_areas_in_aleppo_are_the_citys_not_the_provinces(nlp, gazetteer):
    found = places(nlp, "Army units restored security to new areas in Aleppo on Monday.")
    assert [pid for _, pid, _ in found] == [gazetteer.lookup("Aleppo").id]


def test_an_apposition_naming_towns_picks_the_town_not_the_city_quarter(nlp, gazetteer):
    town = place_of(nlp, "Government troops reached Nubl and Zahraa, the two besieged towns.",
                    "Zahraa")
    assert gazetteer.get(town).kind == "town"
    quarter = place_of(nlp, "Shells hit al-Zahraa in western Aleppo.", "al-Zahraa")
    assert gazetteer.get(quarter).in_aleppo_area


def test_short_capitalised_acronyms_are_not_airport_codes(nlp):
    assert texts(nlp, "An ALP spokesman declined to comment.") == []


def test_names_written_with_an_ayn_mark_or_a_curly_apostrophe_are_found(nlp):
    assert texts(nlp, "Jets hit ʿAziziyeh and al-’Ourubeh on Monday.") == \
        ["ʿAziziyeh", "al-’Ourubeh"]


def test_indefinite_or_plural_common_nouns_are_not_the_landmark(nlp):
    found = texts(nlp, "Rebels shelled an artillery college, then the artillery college; "
                       "two military academies were hit.")
    assert found == ["artillery college"]
    assert nlp("Rebels shelled the artillery college.").spans["places"][0].start_char == 19


def test_unknown_names_after_a_locative_preposition_are_kept_as_unresolved(nlp):
    doc = nlp("Fighters loyal to Assad withdrew. The wounded were taken to Kafr Naseh, a "
              "rebel-held village. He spoke in English.")
    unresolved = {s.text for s in doc.spans["places"] if s._.match == "unresolved"}
    assert unresolved == {"Kafr Naseh"}
    assert all(s._.place is None for s in doc.spans["places"] if s._.match == "unresolved")


def test_headlines_without_a_full_stop_are_sentences_of_their_own(nlp):
    nlp_full = nlp
    assert nlp_full.pipe_names.index("aleppo_line_breaks") < nlp_full.pipe_names.index("parser")
    doc = nlp_full("Rebels shell Hamdaniyeh as talks stall\nGovernment jets struck Sukkari on "
                   "Monday, residents said.")
    first = next(s for s in doc.spans["places"] if s.text == "Hamdaniyeh")
    second = next(s for s in doc.spans["places"] if s.text == "Sukkari")
    assert first.sent.start != second.sent.start


def test_a_facility_named_after_a_place_keeps_its_head_noun(nlp):
    text = ("Shells hit the Hamdaniyeh roundabout, the Salaheddine checkpoint, the Sukkari "
            "bakery and the Masaken Hanano mosque, but not the Sheikh Maqsoud district or the "
            "Bustan al-Qasr neighbourhood.")
    assert texts(nlp, text) == ["Hamdaniyeh roundabout", "Salaheddine checkpoint",
                                "Sukkari bakery", "Masaken Hanano mosque", "Sheikh Maqsoud",
                                "Bustan al-Qasr"]


def test_a_facility_the_gazetteer_lacks_is_placed_at_its_namesake_with_a_lower_score(
        nlp, gazetteer):
    doc = nlp("Warplanes struck the Jamiliyeh square on Sunday.")
    (span,) = doc.spans["places"]
    assert span.text == "Jamiliyeh square"
    assert span._.place.id == gazetteer.lookup("Jamiliyeh").id
    assert span._.match == "variant" and span._.score < 0.9


def test_a_city_does_not_take_a_facility_head(nlp):
    assert "Aleppo" in texts(nlp, "Convoys used the Damascus-Aleppo road last week.")


def test_compound_compass_words_before_aleppo_leave_only_the_city(nlp, gazetteer):
    text = ("Fighting raged in south-western Aleppo, north-east Aleppo and southwest Aleppo, "
            "while jets hit eastern Aleppo and west Aleppo.")
    assert texts(nlp, text) == ["Aleppo", "Aleppo", "Aleppo", "eastern Aleppo", "west Aleppo"]
    city = gazetteer.lookup("Aleppo").id
    assert [pid for _, pid, _ in places(nlp, text)][:3] == [city, city, city]


def test_newspapers_and_airlines_named_after_places_are_not_places(nlp):
    text = ("State newspaper Tishreen said so, the Tishreen daily added, and an Emirates "
            "airline flight was diverted; Al-Watan daily agreed.")
    assert texts(nlp, text) == []


def test_groups_and_agencies_are_not_unresolved_places(nlp):
    text = ("The White Helmets, the Syrian Arab Red Crescent, the Nusra Front and the Local "
            "Coordination Committees said civilians were killed.")
    assert places(nlp, text) == []


def test_unknown_al_names_after_motion_prepositions_and_list_continuations_are_unresolved(nlp):
    doc = nlp("Fighters moved from Tal Hasil and Kafr Naha into al-Mashatiyeh and "
              "Tal al-Sawda.")
    unresolved = {s.text for s in doc.spans["places"] if s._.match == "unresolved"}
    assert {"al-Mashatiyeh", "Tal al-Sawda"} <= unresolved


def test_a_capitalised_preposition_in_a_headline_does_not_start_a_place(nlp):
    doc = nlp("Inside Story – What Has Russia Achieved in Syria?\nThe war goes on.")
    assert [s.text for s in doc.spans["places"]] == ["Russia", "Syria"]


def test_spelling_variants_of_multi_word_al_names_reach_the_place(nlp, gazetteer):
    found = places(nlp, "Jets hit Karm al-Jabel; convoys waited at Garaj al-Hajez.")
    assert [(t, pid) for t, pid, _ in found] == [
        ("Karm al-Jabel", gazetteer.lookup("Karm al-Jabal").id),
        ("Garaj al-Hajez", gazetteer.lookup("Karaj al-Hajez").id)]


def test_the_fuzzy_fallback_leaves_people_and_ordinary_capitalised_words_alone(nlp):
    text = ("During Ramadan, Hezbollah and Hamas fighters, said Abu Karim, praised Allah; "
            "Hassan Hassan, Zaid Karam and Khaled Khatib of the Syria Campaign reported.")
    assert places(nlp, text) == []


def test_faction_and_civil_defence_names_hide_the_place_inside_them(nlp):
    text = ("Fatah Halab and the Syria Civil Defence said rescuers in Ansari were hit; "
            "Jaysh al-Sham denied it.")
    assert texts(nlp, text) == ["Ansari"]


def test_an_unknown_named_facility_is_kept_whole_as_unresolved(nlp):
    doc = nlp("Bombs fell near the Dar al-Rahma hospital and the Bayan hospital in Shaar.")
    got = [(s.text, s._.match) for s in doc.spans["places"]]
    assert ("Dar al-Rahma hospital", "unresolved") in got
    assert ("Bayan hospital", "unresolved") in got
    assert ("Shaar", "exact") in got


def test_a_common_word_capitalised_by_position_is_not_an_unresolved_place(nlp):
    doc = nlp("DAMASCUS, Syria — Insurgents and the army agreed on a truce, insurgent "
              "officials said; the insurgents left Sukkari.")
    assert [s.text for s in doc.spans["places"]] == ["DAMASCUS", "Syria", "Sukkari"]


def test_a_vowel_written_differently_still_reaches_the_place(nlp, gazetteer):
    found = places(nlp, "Shelling hit the Jamaliya district again on Monday, and residents "
                        "said several buildings were destroyed.")
    assert found == [("Jamaliya", gazetteer.lookup("Jamiliyeh").id, "fuzzy")]


def test_given_names_are_not_the_nisba_quarters_named_like_them(nlp):
    text = "Her sister Amira, her cousin Jamila and their friend Khaled fled on foot."
    # (The statistical NER may still call one of them a place it does not know.)
    assert [pid for _, pid, _ in places(nlp, text) if pid is not None] == []


def test_a_village_named_after_a_known_place_is_not_that_place(nlp):
    found = places(nlp, "Jets bombed Atarib and Kafr Halab on Sunday.")
    assert ("Kafr Halab", None, "unresolved") in found
    assert all(t != "Halab" for t, _, _ in found)


def test_a_compass_word_before_a_province_is_not_the_city_half(nlp, gazetteer):
    text = ("Rebels launched an offensive in the western Hama countryside, the western Aleppo "
            "countryside and eastern Aleppo province, officials said on Monday.")
    found = [(t, pid) for t, pid, _ in places(nlp, text)]
    governorate = gazetteer.lookup("Aleppo Governorate").id
    assert found[-2:] == [("Aleppo", governorate), ("Aleppo", governorate)]


def test_people_named_like_quarters_are_not_fuzzy_places(nlp):
    text = ("The photographer Karam al-Masri took the picture (AFP Photo/Karam al-Masri), and "
            "Karam al-Masri said the building collapsed.")
    assert places(nlp, text) == []


def test_of_after_a_place_noun_or_compass_word_introduces_an_unknown_place(nlp):
    doc = nlp("Troops seized the village of Urum al-Sughra and advanced north of Tal Hasil "
              "towards the outskirts of Khan Tuman.")
    unresolved = {s.text for s in doc.spans["places"] if s._.match == "unresolved"}
    assert {"Urum al-Sughra", "Tal Hasil"} <= unresolved


def test_a_misspelt_name_keeps_its_facility_head(nlp, gazetteer):
    doc = nlp("Shells hit the Jamaliya roundabout again on Monday, and residents said several "
              "buildings burned.")
    (span,) = doc.spans["places"]
    assert (span.text, span._.place.id, span._.match) == \
        ("Jamaliya roundabout", gazetteer.lookup("Jamiliyeh").id, "fuzzy")
    assert span._.score <= 0.6


def test_a_short_sentence_full_of_names_is_not_mistaken_for_a_title_case_headline(nlp, gazetteer):
    found = places(nlp, "Shelling hit the Jamaliya district on Monday.")
    assert found == [("Jamaliya", gazetteer.lookup("Jamiliyeh").id, "fuzzy")]


def test_a_sentence_opening_with_a_locative_preposition_keeps_its_unknown_place(nlp):
    doc = nlp("In Tal Shgheib, rebels said they had repelled an attack.\n"
              "Inside Story – What has the war changed?")
    unresolved = [s.text for s in doc.spans["places"] if s._.match == "unresolved"]
    assert unresolved == ["Tal Shgheib"]


def test_a_facility_named_after_a_facility_takes_only_one_head(nlp, gazetteer):
    doc = nlp("Rebels took the army's Ramouseh roundabout checkpoint on Sunday, officials said.")
    assert [s.text for s in doc.spans["places"]] == ["Ramouseh roundabout"]


def test_live_blog_clock_stamps_and_the_entry_s_first_word_are_not_places(nlp):
    text = ("At 14:05 GMT - Rebels said they had pushed back an attack near Ramouseh.\n"
            "In Aleppo at 09:30 UTC - Activists reported barrel bombs on Masaken Hanano.\n"
            "At 11:15 local time - Witnesses said jets hit Sukkari.\n"
            "At 16:40 EET - Medics counted the dead in Shaar.")
    assert texts(nlp, text) == ["Ramouseh", "Aleppo", "Masaken Hanano", "Sukkari", "Shaar"]


def test_outlets_named_after_a_quarter_or_with_a_number_are_not_places(nlp):
    assert texts(nlp, "Al-Watan, Tishreen and SANA said troops had entered Masaken Hanano.") \
        == ["Masaken Hanano"]
    assert texts(nlp, "According to Tishreen, troops advanced.") == []
    assert texts(nlp, "Aleppo 24 reported strikes on Bab al-Nairab.") == ["Bab al-Nairab"]
    # ... while residents of a quarter, and a number of hours, leave the place alone.
    assert texts(nlp, "Shaar, Sakhour and Hanano reported shortages, the council said.") \
        == ["Shaar", "Sakhour", "Hanano"]
    assert texts(nlp, "Residents of Tishreen said the bakery was hit.") == ["Tishreen"]
    assert texts(nlp, "Twelve died in Aleppo 24 hours after the truce.") == ["Aleppo"]
    # A town's name speaking is its namesake channel; a capital speaking is its government.
    assert texts(nlp, "Al Mayadeen said troops entered Sheikh Lutfi.") == ["Sheikh Lutfi"]
    assert texts(nlp, "Moscow said the offensive would go on.") == ["Moscow"]
    assert texts(nlp, "Tishreen's correspondent said the army had entered Hanano.") == ["Hanano"]
    assert texts(nlp, "According to Aleppo 24, five were killed in Marjeh.") == ["Marjeh"]


def test_bylines_credits_outlets_factions_people_feasts_and_sects_are_not_places(nlp):
    # Sentences in the register of 2016 reporting; only the listed names are places.
    cases = {
        "By Jane Doe": [],
        "Smoke rises after an airstrike (Photo: AFP/Getty)": [],
        "A boy walks through rubble. Reuters/Abdalrhman Ismail": [],
        "Rebel spokesman Yasser al-Youssef said Ahrar al-Sham fighters had retaken Khan Touman.":
            ["Khan Touman"],
        "Orient News and Enab Baladi reported shelling during Eid al-Adha.": [],
        "Aleppo 24, Qasioun and Halab Today said the strikes killed 12 people in September.": [],
        "Step News and Smart News said Jabhat Fateh al-Sham launched Operation Dawn of "
        "Victory on Friday.": [],
        "SANA said Liwa al-Quds and Harakat al-Nujaba fighters advanced on Tuesday.": [],
        "Kataib Hezbollah and Jaish al-Islam were both mentioned by Dr Hamza al-Khatib.": [],
        "Abu Mohammed al-Jolani praised the factions fighting in Ramouseh.": ["Ramouseh"],
        "Umm Ahmad said Sunni, Shia and Alawite families had all fled the Assad regime.": [],
        "During Ramadan, Wednesday and Thursday saw heavy clashes in Sheikh Saeed.":
            ["Sheikh Saeed"],
        "Eid al-Adha prayers were held in Salaheddine despite the shelling.": ["Salaheddine"],
        "Spokesman Yasser al-Youssef told Al-Watan that Nour al-Din al-Zinki had left Hanano.":
            ["Hanano"],
        "Monday, October 3 - Abu Omar, a fighter with Fastaqim, said Amiriyah was calm.":
            ["Amiriyah"],
        "Smart News Agency said Jabhat Fateh al-Sham shelled Hamdaniyeh.": ["Hamdaniyeh"],
    }
    for sentence, expected in cases.items():
        assert texts(nlp, sentence) == expected, sentence


def test_photo_credits_are_people_not_misspelt_places(nlp):
    assert texts(nlp, "Photograph: Karam al-Masri/AFP/Getty Images") == []
    assert texts(nlp, "A man walks in Sukkari. Photo: Karam al-Masri / AFP") == ["Sukkari"]
    assert texts(nlp, "© Karam al-Masri") == []


def test_a_sentence_crowded_with_names_is_not_a_headline_so_factions_stay_factions(nlp):
    text = "The Free Idlib Army and Sham Legion were also present at Khan Tuman."
    assert texts(nlp, text) == ["Khan Tuman"]


def test_outlets_prayers_sects_and_kunya_names_after_a_preposition_are_not_unresolved_places(nlp):
    for sentence in ("In Al-Watan, a columnist praised the army.",
                     "A report in Qasioun said 30 people died.",
                     "The army fired at Abu Omar's house.",
                     "The strikes came at Maghrib prayers.",
                     "Many fled to Alawite areas.",
                     "The shelling continued through Eid al-Adha."):
        assert texts(nlp, sentence) == [], sentence
    # A school named after a person is still a named facility the gazetteer lacks.
    assert places(nlp, "Children were killed near Ibn Khaldoun school.") \
        == [("Ibn Khaldoun school", None, "unresolved")]


def test_a_given_name_before_an_al_surname_makes_a_person_even_at_sentence_start(nlp):
    assert texts(nlp, "Mohammed al-Shaar, a local council member, said water was cut.") == []
    assert texts(nlp, "The activist Zaid al-Sukkari filmed the aftermath.") == []
    assert texts(nlp, "Shelling hit Sheikh Saeed, al-Sukkari and al-Ansari.") \
        == ["Sheikh Saeed", "al-Sukkari", "al-Ansari"]


def test_title_case_headlines_keep_their_places_and_drop_an_outlet_masthead(nlp):
    assert places(nlp, "Aleppo 24: Regime Jets Pound Hanano and Sakhour") \
        == [("Hanano", "hanano", "exact"), ("Sakhour", "sakhour", "exact")]
    assert places(nlp, "Smart News | Clashes Erupt Near Ramouseh Academy") \
        == [("Ramouseh Academy", "ramouseh", "variant")]
    assert texts(nlp, "WATCH: Footage From Inside al-Quds Hospital") == ["al-Quds Hospital"]


def test_a_quarter_of_another_city_is_not_aleppos_namesake(nlp):
    assert texts(nlp, "Protesters gathered in Marjeh square in Damascus.") == ["Damascus"]
    assert texts(nlp, "Clashes in Hama's Hamidiyeh quarter.") == ["Hama"]
    assert texts(nlp, "Reporters never saw the Midan district of Damascus.") == ["Damascus"]
    assert texts(nlp, "Shelling hit Hamidiyeh in Hama.") == ["Hama"]
    assert texts(nlp, "In Damascus, shells fell on the Midan district and Bab Touma.") \
        == ["Damascus"]
    # ... while Aleppo's own quarters stay.
    assert texts(nlp, "Jets hit Hanano in Aleppo.") == ["Hanano", "Aleppo"]


def test_a_listed_generic_word_before_another_capital_opens_an_unknown_name(nlp):
    found = texts(nlp, "Rebels advanced on the town of al-Bab, Bab Sabaa and Bab Touma.")
    assert found == ["al-Bab"]


def test_the_citys_international_airport_is_aleppos_whole_name(nlp, gazetteer):
    airport = gazetteer.lookup("Aleppo International Airport").id
    assert place_of(nlp, "Rebels shelled the city's international airport on Monday.",
                    "international airport") == airport


def test_a_quarter_that_is_a_verbs_object_is_a_place_even_before_said(nlp):
    # "X said" makes a quarter's name an outlet ("Aleppo 24 said"), but not when the
    # name is the object of the verb before it.
    text = "The Kurdish militia that controls Sheikh Maqsoud said its fighters had moved into Bustan al-Basha."
    assert texts(nlp, text) == ["Sheikh Maqsoud", "Bustan al-Basha"]
