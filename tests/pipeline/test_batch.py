from marsad import Article
from marsad.batch import extract_with_dask
from marsad.pipeline import Pipeline

ARTICLES = [
    Article(text="On 4 May 2024, gunmen killed three villagers in an attack near Maiduguri.", id="a"),
    Article(text="", id="empty"),
    Article(text="The football league announced its fixtures for the new season on Monday.", id="c"),
]


def test_batch_goes_on_after_a_bad_article():
    outcomes = list(Pipeline().extract_many(ARTICLES))
    assert [o.article.id for o in outcomes] == ["a", "empty", "c"]
    assert outcomes[0].events and outcomes[1].error is not None and outcomes[2].events == []


def test_dask_batch_gives_the_same_events_as_the_plain_pipeline():
    plain = [[e.event_id for e in o.events] for o in Pipeline().extract_many(ARTICLES)]
    dask = [[e.event_id for e in o.events] for o in extract_with_dask(ARTICLES, scheduler="threads", partition_size=1)]
    assert dask == plain


def test_process_pool_keeps_input_order():
    outcomes = list(Pipeline().extract_many(ARTICLES * 2, n_process=2))
    assert [o.article.id for o in outcomes] == ["a", "empty", "c"] * 2
