"""Subprocess for the reliability tests: ingest batch articles START..END into URL, one line per commit.

    python ingest_worker.py URL START END [STEP]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from marsad.store import open_store  # noqa: E402
from store_factories import batch_article  # noqa: E402


def main() -> None:
    url, start, end = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    step = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    store = open_store(url)
    print("open", flush=True)
    for i in range(start, end, step) if step > 0 else range(start - 1, end - 1, step):
        art, found = batch_article(i, events_per_article=int(__import__("os").environ.get("EVENTS", "3")))
        result = store.ingest(art, found)
        print(f"{result.article_status} {art.key}", flush=True)
    store.close()


if __name__ == "__main__":
    main()
