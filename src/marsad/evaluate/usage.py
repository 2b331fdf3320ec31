"""Resource use of a measured block: peak resident memory of a process tree, and CPU seconds.

Benchmarks run on a shared machine, so wall time alone is noisy; CPU seconds (self plus reaped children)
are reported beside it. Memory is sampled over this process and its descendants in a thread (see
`PeakRss`); processes belonging to a baseline that runs alongside can be excluded by pid.
"""

from __future__ import annotations

import resource
import threading
from collections.abc import Iterable
from typing import Any


def cpu_seconds() -> float:
    """User + system CPU time of this process and of all its children that have been waited for."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class PeakRss:
    """Context manager sampling the memory of this process plus its descendants, in a thread.

    Two peaks: `peak_mb`, the sum of PSS (proportional set size: each shared page divided among the
    processes sharing it), which is what the process tree really holds; and `peak_rss_sum_mb`, the plain
    sum of RSS, which counts pages that forked workers share copy-on-write once per process and so errs
    high. Where PSS cannot be read (not Linux, no permission) RSS stands in for it.
    `exclude`: pids whose whole subtree is left out (a baseline server running beside the measurement).
    """

    def __init__(self, interval: float = 0.1, exclude: Iterable[int] = ()) -> None:
        self.interval = interval
        self.exclude = frozenset(exclude)
        self.peak_bytes = 0
        self.peak_rss_sum_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _processes(self) -> list[Any]:
        import psutil

        me = psutil.Process()
        skipped: set[int] = set(self.exclude)
        for pid in self.exclude:
            try:
                skipped.update(p.pid for p in psutil.Process(pid).children(recursive=True))
            except psutil.Error:
                continue
        return [me, *(p for p in me.children(recursive=True) if p.pid not in skipped)]

    def _sample(self) -> tuple[int, int]:
        import psutil

        pss = rss = 0
        for proc in self._processes():
            try:
                info = proc.memory_full_info()
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
            except psutil.AccessDenied:
                try:
                    value = proc.memory_info().rss
                except psutil.Error:
                    continue
                rss += value
                pss += value
            except psutil.Error:
                continue
        return pss, rss

    def _update(self) -> None:
        pss, rss = self._sample()
        self.peak_bytes = max(self.peak_bytes, pss)
        self.peak_rss_sum_bytes = max(self.peak_rss_sum_bytes, rss)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._update()
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self._update()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._update()

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20

    @property
    def peak_rss_sum_mb(self) -> float:
        return self.peak_rss_sum_bytes / 2**20
