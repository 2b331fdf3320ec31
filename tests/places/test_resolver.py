"""Resolution with context, on a small hand-made gazetteer."""

from __future__ import annotations

from marsad.resolve.places.resolver import PlaceResolver


def _by_text(resolver: PlaceResolver, text: str, **kw):  # type: ignore[no-untyped-def]
    return {t.text: t for t in resolver.toponyms(text, **kw)}


def test_resolver_prefers_libyan_tripoli_when_libya_is_named(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Fighting resumed in Tripoli on Sunday, the worst in Libya this year.")
    assert tops["Tripoli"].place.country_code == "LY"
    assert tops["Tripoli"].runner_up.country_code == "LB"


def test_resolver_prefers_lebanese_tripoli_when_lebanon_is_named(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Gunmen opened fire in Tripoli, in northern Lebanon, late on Friday.")
    assert tops["Tripoli"].place.country_code == "LB"


def test_resolver_places_paris_in_texas_when_the_state_follows(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "A tornado damaged homes in Paris, Texas, on Tuesday.")
    assert tops["Paris"].place.country_code == "US"
    assert tops["Paris"].place.admin1 == "Texas"


def test_resolver_defaults_paris_to_the_french_capital(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Thousands marched in Paris against the pension reform.")
    assert tops["Paris"].place.country_code == "FR"
    assert tops["Paris"].precision == 1


def test_resolver_uses_the_publication_country_hint(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Officials in Tripoli met on Monday.", country_hint="LB")
    assert tops["Tripoli"].place.country_code == "LB"


def test_resolver_reads_arabic_script_names(resolver: PlaceResolver) -> None:
    tops = resolver.toponyms("قتل ثلاثة أشخاص في انفجار في البصرة")
    assert [t.place.name for t in tops] == ["Basrah"]


def test_resolver_folds_transliteration_variants(resolver: PlaceResolver) -> None:
    for name in ("Kut al-Amara", "Al-Kut", "Kut"):
        tops = resolver.toponyms(f"Two men were arrested in {name} yesterday.")
        assert [t.place.name for t in tops] == ["Al-Kut"], name


def test_province_only_mention_resolves_to_the_region_with_precision_3(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Security forces raided a farm in Wasit province overnight.")
    top = tops["Wasit"]
    assert top.place.kind == "admin1"
    assert top.precision == 3


def test_city_named_like_its_region_is_the_city_without_a_region_word(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Protesters blocked the port road in Basra on Monday.")
    assert tops["Basra"].place.kind == "city"
    tops = _by_text(resolver, "Protests spread across Basra province on Monday.")
    assert tops["Basra"].place.kind == "admin1"


def test_unknown_village_falls_back_to_its_district_with_lower_precision(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Militants attacked Qorowle village (Chisimaio, Lower Juba) at dawn.")
    village = tops["Qorowle"]
    assert village.place.name == "Kismayo"
    assert village.precision == 2


def test_near_qualifier_lowers_precision_to_2(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "A roadside bomb exploded near Misrata on Monday.")
    assert tops["Misrata"].qualifier == "near"
    assert tops["Misrata"].precision == 2


def test_nationality_word_is_flagged_non_locational(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Iraqi police arrested two suspects in Baghdad.")
    assert tops["Iraqi"].non_locational
    assert tops["Iraqi"].place.country_code == "IQ"
    assert not tops["Baghdad"].non_locational


def test_capital_speaking_for_its_government_is_non_locational(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Baghdad said the talks would continue.")
    assert tops["Baghdad"].non_locational


def test_place_inside_a_company_name_is_non_locational(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Workers of the Basra Oil Company went on strike in Baghdad.")
    assert tops["Basra"].non_locational
    assert not tops["Baghdad"].non_locational


def test_place_inside_an_organisation_entity_is_non_locational(resolver: PlaceResolver) -> None:
    text = "Beirut Port Authority staff were evacuated."
    tops = _by_text(resolver, text, entities=[(0, 21, "ORG")])
    assert tops["Beirut"].non_locational


def test_stop_listed_word_is_not_a_place_but_a_town_before_it_is(resolver: PlaceResolver) -> None:
    assert [t.text for t in resolver.toponyms("Dallas Police said on Monday that two men were held.")] == ["Dallas"]


def test_street_named_after_a_town_is_not_that_town(resolver: PlaceResolver) -> None:
    tops = _by_text(resolver, "Traffic stopped on Baghdad road in Basra.")
    assert tops["Baghdad"].non_locational
    assert not tops["Basra"].non_locational


def test_sublocations_are_found_with_their_kind(resolver: PlaceResolver) -> None:
    text = ("Police cleared Liberation Square and closed Rashid Street near the Jumhuriya Bridge; "
            "traders at Shorja market and a checkpoint at Al-Sadr checkpoint fled to Colonia Centro.")  # fmt: skip
    subs = {s.text: s.kind for s in resolver.sublocations(text)}
    assert subs["Liberation Square"] == "square"
    assert subs["Rashid Street"] == "street"
    assert subs["Jumhuriya Bridge"] == "bridge"
    assert subs["Shorja market"] == "market"
    assert subs["Colonia Centro"] == "neighbourhood"


def test_toponyms_are_sorted_by_start_and_point_into_the_text(resolver: PlaceResolver) -> None:
    text = "Clashes in Misrata and Tripoli left Libya tense."
    tops = resolver.toponyms(text)
    assert [t.start for t in tops] == sorted(t.start for t in tops)
    assert all(text[t.start : t.end] == t.text for t in tops)


def test_resolve_spans_resolves_given_spans(resolver: PlaceResolver) -> None:
    text = "He flew from Beirut to Paris."
    tops = resolver.resolve_spans(text, [(13, 19), (23, 28)])
    assert [t.place.country_code for t in tops] == ["LB", "FR"]
