from marsad.resolve.counts import count_outcomes


def counts(text: str) -> tuple[int | None, int | None, int | None]:
    result = count_outcomes(text)
    return result.fatalities, result.injuries, result.arrests


def test_counts_number_before_passive_verb():
    assert counts("Four farmers were killed in the raid.") == (4, None, None)


def test_counts_verb_before_number_separates_deaths_and_injuries():
    assert counts("The gunmen killed three guards and wounded seven others.") == (3, 7, None)


def test_counts_subset_after_including_is_not_added():
    assert counts("Nine fighters including 3 commanders were killed.") == (9, None, None)


def test_counts_range_takes_the_lowest_figure():
    assert counts("Between 6 and 11 people died in the fire fight.") == (6, None, None)


def test_counts_alternative_figures_take_the_lowest():
    assert counts("Officials said 8 or 9 villagers were killed.") == (8, None, None)


def test_counts_dozens_is_twelve_and_hundreds_one_hundred():
    assert counts("Dozens of people were killed.")[0] == 12
    assert counts("Hundreds of protesters were detained.")[2] == 100


def test_counts_several_is_three():
    assert counts("Several soldiers died after the ambush.")[0] == 3


def test_counts_single_person_with_article():
    assert counts("A young shepherd was shot dead near the well.")[0] == 1


def test_counts_age_is_not_a_figure():
    assert counts("A 31-year-old trader was killed.")[0] == 1


def test_counts_calibre_is_not_a_figure():
    assert counts("Troops fired 120mm mortars at the hills.") == (None, None, None)


def test_counts_conjoined_groups_add_up():
    assert counts("Two police officers and a civilian were killed.")[0] == 3


def test_counts_injuries_never_count_as_fatalities():
    assert counts("Eleven people were injured when the crowd was charged.") == (None, 11, None)


def test_counts_explicit_no_deaths_is_zero():
    assert counts("No one was killed in the blast.")[0] == 0


def test_counts_death_toll_rose_to():
    assert counts("The death toll rose to 21 on Tuesday.")[0] == 21


def test_counts_arrests():
    assert counts("Police arrested 23 suspects after the riot.") == (None, None, 23)


def test_counts_evidence_points_at_the_figure():
    text = "Gunmen killed 5 miners."
    result = count_outcomes(text)
    (start, end), = result.evidence["fatalities"]
    assert text[start:end] == "5"


def test_counts_nominal_outcome_words_only_count_before_the_noun():
    assert counts("Seven deaths were recorded.")[0] == 7
    assert counts("The deaths of 3 prisoners were investigated.")[0] is None


def test_counts_years_are_never_figures():
    assert counts("On 8 May 2020, rebels killed 3 villagers.")[0] == 3
    assert counts("Around 5 May 2020, near the river, a man was killed.")[0] == 1


def test_counts_figures_joined_by_and_share_the_outcome():
    assert counts("The clash resulted in 2 rebel and 1 military fatality.")[0] == 3


def test_counts_a_person_and_another_person():
    assert counts("A man and an adolescent were killed in a drive-by shooting.")[0] == 2


def test_counts_body_found_is_one_fatality():
    assert counts("The body of a woman was found by the river.")[0] == 1


def test_counts_bare_vague_quantity_after_an_outcome_verb():
    assert counts("The fighting killed at least 31 and wounded dozens.") == (31, 12, None)


def test_counts_thousands_separator():
    assert counts("Police detained 1,200 protesters.")[2] == 1200


def test_counts_agents_before_an_active_verb_are_not_victims():
    assert counts("Around 100 residents lynched two armed men.")[0] == 2
    assert counts("Two armed men on a motorcycle shot and killed a farmer.")[0] == 1


def test_counts_the_victim_died_is_one():
    assert counts("The victim died.")[0] == 1
    assert counts("Both victims died.")[0] == 2


def test_counts_days_of_the_month_are_never_figures():
    assert counts("KIRKUK, March 3 - Gunmen attacked a checkpoint, killing two policemen.")[0] == 2
    assert counts("On 3 March gunmen killed a guard.")[0] == 1


def test_counts_death_toll_several_words_before_the_figure():
    assert counts("The death toll from Monday's bombing at the market rose to 15.")[0] == 15


def test_explicit_tally_is_found_with_its_span():
    from marsad.resolve.counts import tally

    text = "Rebels said they killed 12 soldiers; deaths were put at 4 by the army."
    value, (start, end) = tally(text)
    assert value == 4 and text[start:end] == "4"


def test_counts_animals_are_not_casualties():
    assert counts("Raiders burned 20 huts and killed 15 livestock.")[0] is None


def test_tally_reads_a_total_shared_over_events():
    from marsad.resolve.counts import tally

    assert tally("Ten fighters died in two districts; fatalities are split across 2 events (5).")[0] == 5


def test_counts_a_toll_far_before_its_rose_to_figure():
    text = ("The death toll from Friday's bombing of a minibus carrying teachers outside the provincial capital "
            "rose to six.")
    assert counts(text) == (6, None, None)
