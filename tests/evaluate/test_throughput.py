import pytest

from marsad.evaluate.throughput import KEYS, Timing, count_words, slices, summarise, time_spacy
from marsad.evaluate.usage import PeakRss, cpu_seconds


def test_summarise_has_the_issue_keys_and_ratio_of_rates():
    summary = summarise(["a b c", "d e"], Timing(1.0, 300.0, 1), Timing(4.0, 500.0, 1))
    assert tuple(summary) == KEYS
    assert summary["words"] == 5
    assert summary["marsad_articles_per_s"] == 2.0
    assert summary["spacy_sm_articles_per_s"] == 0.5
    assert summary["ratio"] == 4.0
    assert summary["peak_rss_mb"] == 300.0


def test_count_words_splits_on_whitespace():
    assert count_words(["one  two\nthree", ""]) == 3


def test_peak_rss_sees_memory_allocated_inside_the_block():
    with PeakRss(interval=0.02) as before:
        pass
    with PeakRss(interval=0.02) as rss:
        block = bytearray(200 * 2**20)
        block[:: 4096] = b"x" * len(block[:: 4096])
    del block
    assert rss.peak_mb > before.peak_mb + 150


@pytest.mark.slow
def test_time_spacy_runs_the_small_pipeline_in_a_child_process():
    timing = time_spacy(["Police arrested two men in Osmir.", "Nothing happened."], n_process=1)
    assert timing.seconds > 0
    assert timing.peak_rss_mb > 50


def test_slices_cover_all_texts_in_order_without_empty_slices():
    texts = [str(i) for i in range(10)]
    parts = slices(texts, 4)
    assert len(parts) == 4 and [t for p in parts for t in p] == texts
    assert slices(["a", "b"], 4) == [["a"], ["b"]]


def test_timing_add_sums_time_and_keeps_peak_memory():
    total = Timing(1.0, 300.0, 2, 1.5).add(Timing(2.0, 200.0, 2, 0.5))
    assert (total.seconds, total.peak_rss_mb, total.cpu_seconds) == (3.0, 300.0, 2.0)


def test_cpu_seconds_grows_with_work():
    before = cpu_seconds()
    sum(i * i for i in range(2_000_000))
    assert cpu_seconds() > before


def test_peak_rss_excludes_a_given_child_process():
    import subprocess
    import sys

    code = (
        "import sys, time\n"
        "b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096])\n"
        "print('ready', flush=True); time.sleep(30)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with PeakRss(interval=0.02) as counted:
            pass
        with PeakRss(interval=0.02, exclude=[child.pid]) as excluded:
            pass
    finally:
        child.kill()
        child.wait()
    assert counted.peak_mb > excluded.peak_mb + 250


def test_peak_memory_counts_pages_shared_with_a_forked_worker_once():
    import multiprocessing

    block = bytearray(200 * 2**20)
    block[::4096] = b"x" * len(block[::4096])
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    stop = context.Event()

    def touch_and_wait() -> None:
        assert block[0:1] == b"x"  # reads only: the pages stay shared copy-on-write
        ready.set()
        stop.wait(30)

    child = context.Process(target=touch_and_wait)
    child.start()
    try:
        assert ready.wait(30)
        with PeakRss(interval=0.02) as memory:
            pass
    finally:
        stop.set()
        child.join()
    assert memory.peak_rss_sum_mb > memory.peak_mb + 150
