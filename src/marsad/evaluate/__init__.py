"""Measuring marsad against public gold data: `marsad eval acled | case2021 | geoparse` and the benchmarks.

Modules: `gold` (reading ACLED exports), `compare` (field comparison rules), `matching` (pairing a
report's gold rows with its extracted events), `scores` (F1, medians), `acled` (the ACLED evaluation),
`errors` (error classes for analysis), `corpus` and `throughput` (the speed benchmark), `table` (output).
`case2021` and `geoparse` belong to the detection and places stages; the CLI calls their `run()`.
"""
