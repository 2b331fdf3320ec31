"""Reading the geoparsing gold formats and scoring them."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad._exceptions import InputError
from marsad.evaluate.geoparse import auc, read_articles, run

GWN_STYLE = """<?xml version="1.0" ?>
<articles><article file="0"><title>t</title><text>Rain fell on Paris and Lyon.</text>
<toponyms>
<toponym><extractedName>Paris</extractedName><type>Literal</type><nonLocational>No</nonLocational>
<start>13</start><end>18</end><geonamesID>2988507</geonamesID><latitude>48.85341</latitude><longitude>2.3488</longitude></toponym>
<toponym><extractedName>Lyon</extractedName><type>Literal</type><nonLocational>No</nonLocational>
<start>23</start><end>27</end><geonamesID>2996944</geonamesID><latitude>45.74846</latitude><longitude>4.84671</longitude></toponym>
</toponyms></article></articles>"""

LGL_STYLE = """<articles><article docid="1"><text>Storms near Dallas.</text><toponyms>
<toponym><start>12</start><end>18</end><gaztag geonameid="4684888"><name>Dallas</name><lat>32.78306</lat>
<lon>-96.80667</lon></gaztag><phrase>Dallas</phrase></toponym></toponyms></article></articles>"""


def test_read_articles_parses_geowebnews_format(tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_STYLE, encoding="utf-8")
    (art,) = read_articles(str(path))
    assert [(t.name, t.geonameid) for t in art.toponyms] == [("Paris", 2988507), ("Lyon", 2996944)]


def test_read_articles_parses_lgl_gaztag_format(tmp_path: Path) -> None:
    path = tmp_path / "lgl.xml"
    path.write_text(LGL_STYLE, encoding="utf-8")
    (art,) = read_articles(str(path))
    assert art.toponyms[0].geonameid == 4684888
    assert art.toponyms[0].lat == pytest.approx(32.78306)


def test_read_articles_rejects_a_missing_file() -> None:
    with pytest.raises(InputError, match="not found"):
        read_articles("/nonexistent/gold.xml")


def test_auc_is_zero_for_perfect_and_one_for_worst() -> None:
    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([20039.0, 20039.0]) == pytest.approx(1.0, rel=1e-3)


def test_run_scores_a_small_file_with_the_exact_keys(tmp_path: Path, real_resolver: object) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_STYLE, encoding="utf-8")
    out = run(str(path))
    assert set(out) == {"articles", "toponyms", "accuracy_161km", "exact_id", "median_km", "auc",
                        "recognition_precision", "recognition_recall"}  # fmt: skip
    assert out["toponyms"] == 2
    assert out["accuracy_161km"] == 1.0
