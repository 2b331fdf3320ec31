"""Error analysis on an ACLED CSV: for each field, how many rows are wrong, the top error classes
(gold -> predicted), and a sample of failed rows with gold vs predicted values and the report text.

    python bench/acled_errors.py ../shared/data/dev/acled_dev.csv --save-predictions /tmp/acled_pred.json
    python bench/acled_errors.py ../shared/data/dev/acled_dev.csv --predictions /tmp/acled_pred.json \
        --field date --field admin1 --sample 10

Prints to stdout only; nothing from the gold file is written into the project.
"""

from __future__ import annotations

import argparse
import json
import sys


def main(argv: list[str] | None = None) -> int:
    from marsad._exceptions import MarsadError
    from marsad.evaluate.acled import FIELDS, run_acled
    from marsad.evaluate.errors import load_predictions, report, save_predictions

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", help="ACLED CSV export (notes = article text)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N rows")
    parser.add_argument("--field", action="append", choices=FIELDS, help="fields to report (default: all)")
    parser.add_argument("--top", type=int, default=12, help="error classes shown per field")
    parser.add_argument("--sample", type=int, default=5, help="failed rows shown per field")
    parser.add_argument("--seed", type=int, default=0, help="seed of the row sample")
    parser.add_argument("--predictions", help="reuse events saved by --save-predictions (no extraction)")
    parser.add_argument("--save-predictions", help="write the extracted events here (JSON) for later runs")
    parser.add_argument("--n-process", type=int, default=1, help="worker processes for extraction")
    args = parser.parse_args(argv)
    try:
        predictions = load_predictions(args.predictions) if args.predictions else None
        result = run_acled(args.file, limit=args.limit, predictions=predictions, n_process=args.n_process)
    except MarsadError as exc:
        print(f"acled_errors: error: {exc}", file=sys.stderr)
        return 2
    if args.save_predictions:
        save_predictions(args.save_predictions, result.predictions)
    print(json.dumps(result.summary))
    print()
    print(report(result.outcomes, fields=args.field or FIELDS, top=args.top, sample=args.sample, seed=args.seed,
                 errors=result.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
