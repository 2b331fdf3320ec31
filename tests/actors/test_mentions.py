"""Finding actors in text: aliases, Arabic names, nationalities, merging, unknown groups."""

from __future__ import annotations

from datetime import date

import pytest

from marsad._exceptions import InputError
from marsad.resolve.actors import ActorResolver


def names(resolver: ActorResolver, text: str, **kw) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.actor.name) for m in resolver.mentions(text, **kw)]


@pytest.mark.parametrize("spelling", ["al-Shabaab", "Al Shabab", "AL-SHABAAB", "Harakat al-Shabaab al-Mujahideen"])
def test_alias_spellings_resolve_to_one_group(resolver: ActorResolver, spelling: str) -> None:
    found = resolver.mentions(f"A statement by {spelling} was read on the radio.")
    assert [m.actor.name for m in found] == ["Al Shabaab"]
    assert found[0].actor.inter == 2


def test_arabic_names_match_their_groups(resolver: ActorResolver) -> None:
    found = names(resolver, "اشتباكات بين سرايا السلام وعصائب أهل الحق", country="Iraq")
    assert ("سرايا السلام", "Saraya al Salam") in found


def test_arabic_name_of_islamic_state_is_localised_by_country(resolver: ActorResolver) -> None:
    found = resolver.mentions("هاجم داعش قرية", country="Iraq")
    assert found[0].actor.name == "Islamic State (Iraq)"


def test_group_carries_its_parent_affiliation(resolver: ActorResolver) -> None:
    found = resolver.mentions("Saraya al-Salam fighters deployed in the city.")
    assert found[0].actor.parent == "Sadrist Movement"
    assert found[0].text == "Saraya al-Salam fighters"


def test_nationality_adjective_names_the_country_of_a_role(resolver: ActorResolver) -> None:
    found = resolver.mentions("Turkish drones hit a car near the border.")
    assert found[0].text == "Turkish drones"
    assert found[0].actor.name.startswith("Military Forces of Turkey")
    assert found[0].actor.country == "Turkey"


def test_demonym_before_generic_police_names_the_police(resolver: ActorResolver) -> None:
    found = resolver.mentions("Kenyan police dispersed the crowd.")
    assert found[0].actor.name.startswith("Police Forces of Kenya (")


def test_possessive_country_name_names_the_role(resolver: ActorResolver) -> None:
    found = resolver.mentions("Nigeria's soldiers entered the town.")
    assert found[0].text == "Nigeria's soldiers"
    assert found[0].actor.name.startswith("Military Forces of Nigeria")


def test_role_without_country_in_text_is_generic_and_countryless(resolver: ActorResolver) -> None:
    found = resolver.mentions("Gunmen stormed the market.")
    assert found[0].actor.name == "Unidentified Armed Group"
    assert found[0].actor.generic is True and found[0].actor.country is None


def test_localise_names_generic_role_after_event_country(resolver: ActorResolver) -> None:
    gunmen = resolver.mentions("Gunmen stormed the market.")[0].actor
    assert resolver.localise(gunmen, "Burkina Faso").name == "Unidentified Armed Group (Burkina Faso)"


def test_state_forces_abroad_become_external_forces(resolver: ActorResolver) -> None:
    drones = resolver.mentions("Turkish drones hit a car.")[0].actor
    assert resolver.localise(drones, "Iraq").inter == 8
    assert resolver.localise(drones, "Turkey").inter == 1


def test_members_of_a_group_are_one_mention_of_the_group(resolver: ActorResolver) -> None:
    found = resolver.mentions("Members of the Arakan Army seized the post.")
    assert [(m.text, m.actor.name) for m in found] == [("Members of the Arakan Army", "AA: Arakan Army")]


def test_short_acronym_only_matches_in_capitals(resolver: ActorResolver) -> None:
    assert resolver.mentions("The AA shelled the town.")[0].actor.name == "AA: Arakan Army"
    assert not [m for m in resolver.mentions("He said aa and left.") if "Arakan" in m.actor.name]


def test_unknown_named_group_is_kept_as_written_with_inferred_type(resolver: ActorResolver) -> None:
    found = {m.actor.name: m.actor.inter for m in resolver.mentions(
        "The Martyr Hamza Brigade and the Kivu Highlands Liberation Front fought the Banyoro Ethnic Militia."
    )}  # fmt: skip
    assert found == {"Martyr Hamza Brigade": 3, "Kivu Highlands Liberation Front": 2, "Banyoro Ethnic Militia": 4}


def test_group_that_became_the_state_is_named_by_event_date(resolver: ActorResolver) -> None:
    before = resolver.mentions("Taliban fighters attacked the checkpoint.", when=date(2019, 3, 1))[0].actor
    after = resolver.mentions("Taliban fighters attacked the checkpoint.", when=date(2023, 3, 1))[0].actor
    assert (before.name, before.inter) == ("Taliban", 2)
    assert after.name == "Military Forces of Afghanistan (2021-)" and after.inter == 1


def test_shared_alias_prefers_the_hinted_country(resolver: ActorResolver) -> None:
    assert resolver.mentions("The SNA advanced.", country="Syria")[0].actor.name == "SNA: Syrian National Army"


def test_mentions_offsets_point_into_the_text(resolver: ActorResolver) -> None:
    text = "Yesterday, Houthi rebels fired a missile."
    m = resolver.mentions(text)[0]
    assert text[m.start : m.end] == m.text == "Houthi rebels"


def test_mentions_of_non_text_raise_input_error(resolver: ActorResolver) -> None:
    with pytest.raises(InputError):
        resolver.mentions(None)  # type: ignore[arg-type]


def test_lookup_finds_group_by_alias_and_role_by_word(resolver: ActorResolver) -> None:
    assert resolver.lookup("Hashd al-Shaabi")[0].name == "PMF: Popular Mobilization Forces"
    assert resolver.lookup("demonstrators")[0].name == "Protesters"
    with pytest.raises(InputError):
        resolver.lookup("  ")


def test_either_or_attribution_names_both_groups(resolver: ActorResolver) -> None:
    found = resolver.mentions("Suspected JNIM or ISGS militants abducted a trader.", country="Mali",
                              when=date(2020, 5, 1))  # fmt: skip
    assert found[0].text == "JNIM or ISGS militants"
    assert found[0].actor.name == (
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    )


def test_list_of_groups_is_not_an_either_or(resolver: ActorResolver) -> None:
    found = resolver.mentions("Hamas, Hezbollah and the Houthis issued statements.")
    assert [m.actor.name for m in found] == ["Hamas Movement", "Hezbollah", "Houthi Movement"]


def test_identity_followed_by_militia_word_is_an_identity_militia(resolver: ActorResolver) -> None:
    found = resolver.mentions("Hema fighters attacked Lendu farmers.")
    militia = resolver.localise(found[0].actor, "Democratic Republic of Congo")
    assert (found[0].text, militia.name, militia.inter) == (
        "Hema fighters", "Hema Ethnic Militia (Democratic Republic of Congo)", 4)  # fmt: skip
    assert resolver.localise(found[1].actor, "Democratic Republic of Congo").name == (
        "Lendu Ethnic Group (Democratic Republic of Congo)"
    )


def test_identity_names_match_only_when_capitalised(resolver: ActorResolver) -> None:
    assert [m.actor.name for m in resolver.mentions("They sold fur coats.")] == []


def test_unit_of_state_forces_is_kept_when_roles_follow_each_other(resolver: ActorResolver) -> None:
    found = resolver.mentions("Afghan military special forces raided the compound.")
    assert found[0].actor.name.startswith("Military Forces of Afghanistan (") and found[0].actor.name.endswith(
        ") Special Forces"
    )


def test_shared_alias_follows_the_country_of_the_other_groups_in_the_article(resolver: ActorResolver) -> None:
    text = "Hayat Tahrir al-Sham and the SDF traded fire while the SNA shelled Manbij."
    assert [m.actor.name for m in resolver.mentions(text) if m.text == "SNA"] == ["SNA: Syrian National Army"]
    somali = "Al-Shabaab attacked an SNA base near Afgoye."
    assert [m.actor.name for m in resolver.mentions(somali) if "SNA" in m.text] != ["SNA: Syrian National Army"]


def test_al_qaeda_in_a_country_with_one_affiliate_is_that_affiliate(resolver: ActorResolver) -> None:
    # outlets write "militants linked to al-Qaeda" where ACLED names the local affiliate
    found = resolver.mentions("Militants linked to al-Qaeda attacked an army post.")
    al_qaeda = next(m for m in found if "qaeda" in m.text.lower())
    assert resolver.localise(al_qaeda.actor, "Mali").name == "JNIM: Group for Support of Islam and Muslims"
    assert resolver.localise(al_qaeda.actor, "Pakistan").name == "Al Qaeda"


def test_islamic_state_in_congo_is_the_adf_as_its_central_africa_province_is(resolver: ActorResolver) -> None:
    # the dictionary already reads "Islamic State Central Africa Province" as the ADF: one name for both
    found = resolver.mentions("The Islamic State group said its fighters attacked a village.")
    group = next(m for m in found if m.text.startswith("Islamic State"))
    assert resolver.localise(group.actor, "Democratic Republic of Congo").name == "ADF: Allied Democratic Forces"
    assert [m.actor.name for m in resolver.mentions("ISCAP fighters attacked a village.")] == [
        "ADF: Allied Democratic Forces"]


def test_zionist_enemy_names_the_israeli_military(resolver: ActorResolver) -> None:
    found = resolver.mentions("The Zionist aggression on the port killed six citizens, the channel reported.")
    assert any(m.actor.name.startswith("Military Forces of Israel") for m in found)
