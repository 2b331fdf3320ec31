"""Batch extraction scaled out on Dask: a local process pool, or a cluster given its scheduler address.

Articles are split into partitions; each worker builds one Pipeline per partition (models load once per
worker process, not once per article) and returns Outcomes, so one bad article never fails the batch.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.model import Article
from marsad.pipeline import Outcome, Pipeline, _safe_extract


def _extract_partition(articles: list[Article]) -> list[Outcome]:
    pipeline = Pipeline()
    return [_safe_extract(pipeline, article) for article in articles]


def extract_with_dask(
    articles: Sequence[Article],
    *,
    scheduler: str = "processes",
    address: str | None = None,
    partition_size: int = 32,
) -> list[Outcome]:
    """Outcomes in input order. `scheduler` is a local Dask scheduler ("processes", "threads",
    "synchronous"); `address` ("tcp://host:8786") sends the work to a running dask.distributed cluster."""
    import dask.bag as db

    if not articles:
        return []
    bag = db.from_sequence(list(articles), partition_size=partition_size).map_partitions(_extract_partition)
    if address:
        from dask.distributed import Client

        with Client(address) as client:
            return list(client.compute(bag).result())
    return list(bag.compute(scheduler=scheduler))
