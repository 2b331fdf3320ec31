"""Who did what to whom: roles read off the parse, and ACLED's rules per sub-event type."""

from __future__ import annotations

from marsad.resolve.actors import civilian_targeting


def test_passive_voice_makes_the_by_phrase_actor1(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Three soldiers were killed by militants near Maiduguri.", "killed", "Armed clash", "Nigeria")
    assert roles.actor1.actor.name == "Unidentified Armed Group (Nigeria)"
    assert roles.actor1.text == "militants"
    assert roles.actor2.actor.name.startswith("Military Forces of Nigeria (")


def test_passive_voice_with_named_group(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Two policemen were shot dead by al-Shabaab fighters in Mogadishu.", "shot", "Attack", "Somalia")
    assert roles.actor1.actor.name == "Al Shabaab"


def test_clashes_between_x_and_y_give_both_sides(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Heavy clashes broke out between the Arakan Army and junta troops in Rakhine.", "clashes",
                     "Armed clash", "Myanmar")  # fmt: skip
    assert {roles.actor1.actor.name, roles.actor2.actor.name} == {"AA: Arakan Army", "Military Forces of Myanmar (2021-)"}


def test_x_clashed_with_y_gives_both_sides(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Saraya al-Salam clashed with Asaib Ahl al-Haq in Basra overnight.", "clashed", "Armed clash", "Iraq")
    assert roles.actor1.actor.name == "Saraya al Salam"
    assert roles.actor2.actor.name == "Asaib Ahl al Haq"
    assert roles.actor1.actor.inter == roles.actor2.actor.inter == 3


def test_target_of_active_attack_is_actor2(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("ISWAP fighters ambushed a Nigerian Army convoy on the Damboa road.", "ambushed", "Armed clash",
                     "Nigeria")  # fmt: skip
    assert roles.actor1.actor.name == "Islamic State (West Africa)"
    assert roles.actor2.actor.name.startswith("Military Forces of Nigeria")


def test_violence_against_civilians_puts_civilians_second_with_descriptors(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Gunmen abducted two women and a journalist on the highway.", "abducted",
                     "Abduction/forced disappearance", "Cameroon")  # fmt: skip
    assert roles.actor1.actor.name == "Unidentified Armed Group (Cameroon)"
    assert roles.actor2.actor.name == "Civilians (Cameroon)" and roles.actor2.actor.inter == 7
    assert {m.actor.name for m in roles.assoc2} == {"Women (Cameroon)", "Journalists (Cameroon)"}
    assert civilian_targeting(roles, "Abduction/forced disappearance") == "Civilians targeted"


def test_unknown_perpetrator_defaults_to_unidentified_armed_group(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("A farmer was shot dead in his field on Tuesday.", "shot", "Attack", "Colombia")
    assert roles.actor1.actor.name == "Unidentified Armed Group (Colombia)"
    assert roles.actor1.text == "" and roles.actor1.start == roles.actor1.end
    assert roles.actor2.actor.name == "Civilians (Colombia)"
    assert [m.actor.name for m in roles.assoc2] == ["Farmers (Colombia)"]


def test_gang_hallmarks_name_an_unidentified_gang(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Armed men carried out a drive-by shooting against a shopkeeper.", "shooting", "Attack", "Mexico")
    assert roles.actor1.actor.name == "Unidentified Gang (Mexico)"


def test_in_cooperation_with_makes_an_associated_actor(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Nigerian troops, in cooperation with the CJTF, attacked Boko Haram fighters in Sambisa.",
                     "attacked", "Armed clash", "Nigeria")  # fmt: skip
    assert roles.actor1.actor.name.startswith("Military Forces of Nigeria")
    assert roles.actor2.actor.name.startswith("Boko Haram")
    assert [m.actor.name for m in roles.assoc1] == ["CJTF: Civilian Joint Task Force"]


def test_backed_by_makes_an_associated_actor(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("SDF fighters backed by US warplanes attacked Islamic State cells in Deir ez-Zor.", "attacked",
                     "Armed clash", "Syria")  # fmt: skip
    assert roles.actor1.actor.name == "SDF: Syrian Democratic Forces"
    assert roles.actor2.actor.name == "Islamic State (Syria)"
    assert [m.actor.name for m in roles.assoc1] == ["Military Forces of the United States (2025-)"]
    assert roles.assoc1[0].actor.inter == 8


def test_protest_actor1_is_protesters_with_organisers_associated(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Hundreds of PTI workers and students protested outside the press club in Lahore.", "protested",
                     "Peaceful protest", "Pakistan")  # fmt: skip
    assert roles.actor1.actor.name == "Protesters (Pakistan)" and roles.actor1.actor.inter == 6
    assert {m.actor.name for m in roles.assoc1} == {"PTI: Pakistan Tehreek-i-Insaf", "Students (Pakistan)"}
    assert roles.actor2 is None


def test_protest_with_intervention_has_the_police_as_actor2(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Police dispersed teachers who were demonstrating in Nairobi.", "demonstrating",
                     "Protest with intervention", "Kenya")  # fmt: skip
    assert roles.actor1.actor.name == "Protesters (Kenya)"
    assert roles.actor2.actor.name.startswith("Police Forces of Kenya (")


def test_riot_actor1_is_rioters_and_police_target_is_actor2(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("An angry mob pelted the police with stones in Deoghar.", "pelted", "Violent demonstration", "India")
    assert roles.actor1.actor.name == "Rioters (India)" and roles.actor1.actor.inter == 5
    assert roles.actor2.actor.name == "Police Forces of India (2014-)"


def test_mob_violence_against_a_man_targets_civilians(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("A mob lynched a man suspected of theft.", "lynched", "Mob violence", "India")
    assert roles.actor2.actor.name == "Civilians (India)"
    assert civilian_targeting(roles, "Mob violence") == "Civilians targeted"


def test_foreign_drones_are_external_forces_in_air_strike(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Turkish drones struck a PKK vehicle near Sinjar.", "struck", "Air/drone strike", "Iraq")
    assert roles.actor1.actor.name.startswith("Military Forces of Turkey") and roles.actor1.actor.inter == 8
    assert roles.actor2.actor.name == "PKK: Kurdistan Workers Party"
    assert civilian_targeting(roles, "Air/drone strike") is None


def test_shelling_that_hits_civilians_targets_civilians(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("RSF shelling killed five civilians in El Fasher.", "shelling", "Shelling/artillery/missile attack",
                     "Sudan")  # fmt: skip
    assert roles.actor1.actor.name == "RSF: Rapid Support Forces"
    assert roles.actor2.actor.name == "Civilians (Sudan)"
    assert civilian_targeting(roles, "Shelling/artillery/missile attack") == "Civilians targeted"


def test_battle_with_one_named_side_gets_a_default_opponent(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Soldiers repelled an attack on their base in Mopti.", "repelled", "Armed clash", "Mali")
    assert roles.actor1.actor.name == "Military Forces of Mali (2021-)"
    assert roles.actor2.actor.name == "Unidentified Armed Group (Mali)"


def test_arrests_default_to_the_state_police(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Three opposition journalists were arrested in Harare.", "arrested", "Arrests", "Zimbabwe")
    assert roles.actor1.actor.name == "Police Forces of Zimbabwe (2017-)"
    assert [m.actor.name for m in roles.assoc2] == ["Journalists (Zimbabwe)"]


def test_mentions_from_a_previous_sentence_fill_in_missing_actors(resolver, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fano militiamen entered Debre Markos at dawn. A firefight followed near the hospital."
    second = text.index("A firefight")
    doc = nlp(text[second:])
    trigger = (second + 2, second + len("A firefight"))
    roles = resolver.roles(doc, second, trigger, "Armed clash", resolver.mentions(text), country="Ethiopia")
    assert roles.actor1.actor.name == "Fano Militia"


def test_observers_are_not_actors_of_violence(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("The OSCE recorded twelve explosions near the contact line.", "explosions",
                     "Shelling/artillery/missile attack", "Ukraine")  # fmt: skip
    assert roles.actor1.actor.name == "Military Forces of Ukraine (2019-)"


def test_targeted_foreign_nationals_are_civilians_of_their_country(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Gunmen robbed and beat Venezuelan migrants near the bus terminal.", "beat", "Attack", "Colombia")
    assert roles.actor2.actor.name == "Civilians (Venezuela)"


def test_government_acts_in_strategic_developments(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("The Afghan government released 150 prisoners.", "released", "Other", "Afghanistan")
    assert roles.actor1.actor.name.startswith("Government of Afghanistan (")


def test_protest_against_the_government_does_not_associate_it(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Farmers protested against the government in Lahore.", "protested", "Peaceful protest", "Pakistan")
    assert [m.actor.name for m in roles.assoc1] == ["Farmers (Pakistan)"]


def test_weapon_word_does_not_outrank_the_named_author(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("GNA forces targeted LNA positions with heavy artillery fire near Sirte.", "fire",
                     "Shelling/artillery/missile attack", "Libya")  # fmt: skip
    assert roles.actor1.actor.name.endswith("Government of National Accord")
    assert roles.actor2.actor.name == "Military Forces of Libya (2014-) Haftar Faction"


def test_parenthetical_attribution_names_the_group(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Two soldiers were killed by militants (suspected TTP) near a check post.", "killed",
                     "Armed clash", "Pakistan")  # fmt: skip
    assert roles.actor1.actor.name == "TTP: Tehreek-i-Taliban Pakistan"


def test_a_group_affiliated_with_a_named_force_is_not_that_force(roles_of) -> None:  # type: ignore[no-untyped-def]
    roles = roles_of("Army jets bombed depots used by militias affiliated with Hezbollah near Qusayr.", "bombed",
                     "Air/drone strike", "Syria")  # fmt: skip
    assert all(r is None or "Hezbollah" not in r.actor.name for r in (roles.actor1, roles.actor2))
