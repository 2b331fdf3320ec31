"""Resource use of a measured block: peak resident memory of a process tree, and CPU seconds.

Benchmarks run on a shared machine, so wall time alone is noisy; CPU seconds (self plus reaped children)
are reported beside it. Memory is the largest sum of RSS over this process and its descendants, sampled
in a thread; processes belonging to a baseline that runs alongside can be excluded by pid.
"""

from __future__ import annotations

import resource
import threading
from collections.abc import Iterable


def cpu_seconds() -> float:
    """User + system CPU time of this process and of all its children that have been waited for."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class PeakRss:
    """Context manager sampling the RSS of this process plus its descendants; `.peak_mb` after exit.

    Shared copy-on-write pages of forked workers are counted once per process, so the figure errs high.
    `exclude`: pids whose whole subtree is left out (a baseline server running beside the measurement).
    """

    def __init__(self, interval: float = 0.05, exclude: Iterable[int] = ()) -> None:
        self.interval = interval
        self.exclude = frozenset(exclude)
        self.peak_bytes = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _sample(self) -> int:
        import psutil

        me = psutil.Process()
        total = me.memory_info().rss
        skipped: set[int] = set(self.exclude)
        for pid in self.exclude:
            try:
                skipped.update(p.pid for p in psutil.Process(pid).children(recursive=True))
            except psutil.Error:
                continue
        for proc in me.children(recursive=True):
            if proc.pid in skipped:
                continue
            try:
                total += proc.memory_info().rss
            except psutil.Error:
                continue
        return total

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.peak_bytes = max(self.peak_bytes, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRss:
        self.peak_bytes = self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_bytes = max(self.peak_bytes, self._sample())

    @property
    def peak_mb(self) -> float:
        return self.peak_bytes / 2**20
