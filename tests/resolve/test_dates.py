from datetime import date

from marsad.resolve.dates import find_dates, pick_event_date

PUB = date(2024, 3, 6)  # a Wednesday


def first(text: str, published: date | None = PUB):
    found = find_dates(text, published)
    return (found[0].value, found[0].precision) if found else None


def test_dates_full_explicit_date():
    assert first("On 9 May 2020, fighting broke out.", None) == (date(2020, 5, 9), 1)


def test_dates_month_first_with_year():
    assert first("Clashes on March 2, 2024 left two dead.") == (date(2024, 3, 2), 1)


def test_dates_partial_date_takes_year_from_publication():
    assert first("BAGHDAD, January 14 - Gunfire was heard.", date(2024, 1, 15)) == (date(2024, 1, 14), 1)


def test_dates_partial_date_after_publication_is_last_year():
    assert first("The raid on December 30 was condemned.", date(2024, 1, 3)) == (date(2023, 12, 30), 1)


def test_dates_partial_date_without_publication_is_unknown():
    assert first("The raid on December 30 was condemned.", None) is None


def test_dates_yesterday():
    assert first("Troops shelled the town yesterday.") == (date(2024, 3, 5), 1)


def test_dates_weekday_counts_back_from_publication():
    assert first("Protesters marched on Sunday.") == (date(2024, 3, 3), 1)


def test_dates_days_ago():
    assert first("The convoy was ambushed two days ago.") == (date(2024, 3, 4), 1)


def test_dates_overnight_is_the_publication_day():
    assert first("Overnight, drones struck the port.") == (date(2024, 3, 6), 1)


def test_dates_around_midnight_is_the_publication_day():
    assert first("At around midnight, shots were fired.") == (date(2024, 3, 6), 1)


def test_dates_last_week_has_week_precision():
    assert first("Militants seized the village last week.") == (date(2024, 2, 28), 2)


def test_dates_around_or_as_reported_has_precision_two():
    assert first("Around 4 May 2020 (as reported), a man was found dead.", None) == (date(2020, 5, 4), 2)
    assert first("As reported on 2 May 2020, a soldier was shot.", None) == (date(2020, 5, 2), 2)


def test_dates_month_only_is_mid_month_with_precision_three():
    assert first("Dozens were detained in April 2023.", None) == (date(2023, 4, 15), 3)


def test_dates_may_as_a_verb_is_not_a_date():
    assert first("Police may arrest them.") is None


def test_pick_event_date_prefers_sentence_then_context_then_publication():
    sentence = find_dates("on Monday", PUB)
    context = find_dates("On 1 March 2024", PUB)
    assert pick_event_date(sentence, context, PUB)[0] == date(2024, 3, 4)
    assert pick_event_date([], context, PUB)[0] == date(2024, 3, 1)
    assert pick_event_date([], [], PUB) == (PUB, 1, None)


def test_dates_weekend_is_the_last_saturday_with_week_precision():
    assert first("Our teams treated 30 wounded after the weekend bombardment.", date(2024, 7, 22)) == (date(2024, 7, 20), 2)
    assert first("Clashes erupted over the weekend.", date(2024, 7, 21)) == (date(2024, 7, 20), 2)


def test_dates_month_without_year_is_mid_month_of_the_latest_such_month():
    assert first("In May, shelling killed five civilians.", date(2024, 5, 30)) == (date(2024, 5, 15), 3)
    assert first("In December, rebels took the town.", date(2024, 1, 5)) == (date(2023, 12, 15), 3)


def test_dates_overnight_into_a_weekday_is_that_weekday_not_publication_day():
    # published Wednesday; "overnight into Monday" is Monday, not the Wednesday "overnight" means alone
    assert first("Gunmen raided the village overnight into Monday, leaving five dead.") == (date(2024, 3, 4), 1)
    assert first("Gunmen raided the village overnight, leaving five dead.") == (date(2024, 3, 6), 1)


def test_a_day_earlier_counts_back_from_the_date_told_just_before() -> None:
    found = find_dates("The army said on Wednesday that it had killed him a day earlier.", date(2024, 5, 9))
    assert [d.value for d in found] == [date(2024, 5, 8), date(2024, 5, 7)]


def test_days_before_with_no_date_near_count_back_from_publication() -> None:
    found = find_dates("Residents said the village was shelled two days before.", date(2024, 5, 9))
    assert [d.value for d in found] == [date(2024, 5, 7)]


def test_a_day_before_an_event_noun_is_not_a_date() -> None:
    assert find_dates("He was killed a day before the vote.", date(2024, 5, 9)) == []
