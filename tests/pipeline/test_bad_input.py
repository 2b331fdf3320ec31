"""Bad input gets a clear error or status naming the input: never a traceback, never invented events."""

import pytest
from click.testing import CliRunner

import marsad
from marsad import InputError, UnsupportedLanguage
from marsad.cli.main import cli


def test_extract_refuses_empty_text():
    with pytest.raises(InputError, match="empty"):
        marsad.extract("   ")


def test_extract_refuses_text_with_nul_bytes():
    with pytest.raises(InputError, match="binary"):
        marsad.extract("abc\x00\x01def")


def test_extract_refuses_a_five_megabyte_text():
    with pytest.raises(InputError, match="more than the limit"):
        marsad.extract("Gunmen attacked a convoy. " * 200_000)


def test_extract_refuses_an_unsupported_language():
    with pytest.raises(UnsupportedLanguage, match="English"):
        marsad.extract("Des hommes armés ont attaqué un convoi militaire près de la ville, selon les autorités locales.")


def test_extract_refuses_arabic_script_for_now():
    with pytest.raises(UnsupportedLanguage, match="arabic"):
        marsad.extract("هاجم مسلحون نقطة تفتيش للشرطة في المدينة مما أدى إلى مقتل شرطيين")


def test_extract_refuses_a_bad_published_date():
    with pytest.raises(InputError, match="ISO date"):
        marsad.extract("Rebels shelled the town.", published="last Tuesday")


def test_cli_reports_each_bad_file_by_name_and_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    (tmp_path / "nobody.html").write_text("<html><head><title>t</title></head><body></body></html>")
    (tmp_path / "french.txt").write_text("Des manifestants ont bloqué la route nationale pendant trois heures hier matin.")
    (tmp_path / "ok.txt").write_text("The central bank left interest rates unchanged on Monday.")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    for name in ("empty.txt", "binary.txt", "latin1.txt", "nobody.html", "french.txt"):
        assert f"{name}: " in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert result.stdout.strip() == "[]"


def test_cli_exits_2_when_nothing_could_be_read(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "empty.txt")])
    assert result.exit_code == 2
    assert "empty.txt: the input is empty" in result.stderr


def test_cli_names_a_missing_path(tmp_path):
    from marsad.cli.main import main
    import subprocess, sys

    proc = subprocess.run([sys.executable, "-m", "marsad.cli.main", "extract", str(tmp_path / "missing.txt")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "missing.txt: no such file or directory" in proc.stderr
    assert "Traceback" not in proc.stderr
