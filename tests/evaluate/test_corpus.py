import json

import pytest

from marsad._exceptions import InputError
from marsad.evaluate.corpus import read_corpora, read_texts


def test_csv_text_column_is_found_by_name(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text('id,doc_text\n1,"police fired, then left"\n2,\n3,second report\n', encoding="utf-8")
    assert read_texts(path) == ["police fired, then left", "second report"]


def test_csv_with_named_column_missing_raises_input_error(tmp_path):
    path = tmp_path / "docs.csv"
    path.write_text("id,body\n1,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="headline"):
        read_texts(path, text_column="headline")


def test_jsonl_reads_objects_and_strings(tmp_path):
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"text": "one"}) + "\n\n" + json.dumps("two") + "\n", encoding="utf-8")
    assert read_texts(path) == ["one", "two"]


def test_folder_of_text_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    assert read_texts(tmp_path) == ["first", "second"]


def test_geowebnews_style_xml_reads_article_text(tmp_path):
    path = tmp_path / "gwn.xml"
    path.write_text(
        "<articles><article><title>t</title><text>Storm hits Osmir.</text><toponyms/></article>"
        "<article><text>Second one.</text></article></articles>",
        encoding="utf-8",
    )
    assert read_texts(path) == ["Storm hits Osmir.", "Second one."]


def test_unknown_format_and_missing_path_are_input_errors(tmp_path):
    odd = tmp_path / "x.parquet"
    odd.write_bytes(b"PAR1")
    with pytest.raises(InputError, match="x.parquet"):
        read_texts(odd)
    with pytest.raises(InputError, match="missing.csv"):
        read_texts(tmp_path / "missing.csv")


def test_read_corpora_concatenates_and_limits(tmp_path):
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    path = tmp_path / "docs.jsonl"
    path.write_text('"two"\n"three"\n', encoding="utf-8")
    assert read_corpora([tmp_path / "a.txt", path], limit=2) == ["first", "two"]
