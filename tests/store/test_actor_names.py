"""Stored actor names compared through the actor dictionary: aliases and factions of one group meet."""

from __future__ import annotations

from marsad.store.actor_names import entry, relation
from marsad.store.dedup import ActorRef, actor_relation

ADF = "ADF: Allied Democratic Forces"
JNIM = "JNIM: Group for Support of Islam and Muslims"


def test_an_alias_stands_for_its_dictionary_entry() -> None:
    assert entry("Islamic State Central Africa Province") == ADF
    assert entry("ADF rebels") == ADF


def test_year_suffix_and_case_do_not_change_the_entry() -> None:
    assert entry("adf: allied democratic forces (1995-)") == ADF


def test_an_unknown_name_has_no_entry() -> None:
    assert entry("Brotherhood of the Invented Valley") is None
    assert relation("Brotherhood of the Invented Valley", ADF) is None


def test_two_names_of_one_group_match() -> None:
    assert relation("Islamic State Central Africa Province", ADF) == "match"


def test_a_faction_and_its_parent_are_compatible() -> None:
    assert relation("Katiba Macina", JNIM) == "compatible"
    assert relation(JNIM, "Katiba Macina") == "compatible"


def test_two_different_groups_are_not_related() -> None:
    assert relation("ELN: National Liberation Army", "FARC-EMC: FARC Central General Staff") is None


def test_the_store_merges_a_group_named_by_its_alias() -> None:
    assert actor_relation(ActorRef("Islamic State Central Africa Province", 2), ActorRef(ADF, 2)) == "match"
