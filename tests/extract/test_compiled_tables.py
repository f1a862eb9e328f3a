"""Compiled dictionary tables: the licence carried over, and the shared TOML shape."""

import pytest

from actorgraph.extract.compiled_tables import (
    notice_with_licence,
    read_lists,
    source_licence,
    write_lists,
)
from actorgraph.extract.lexicon import LexiconError

LICENSED = "# The MIT License (MIT)\n#\n# Copyright (c) 2014 Somebody\n#\nSUDAN_  [SDN]\n"


def test_licence_is_read_from_the_leading_comments(tmp_path):
    (tmp_path / "a.txt").write_text(LICENSED, encoding="utf-8")
    (tmp_path / "bare.txt").write_text("SUDAN_ [SDN]\n", encoding="utf-8")
    assert source_licence(tmp_path / "a.txt").startswith("The MIT License (MIT)\n")
    assert source_licence(tmp_path / "bare.txt") == ""
    assert "Copyright (c) 2014 Somebody" in notice_with_licence("A table.", tmp_path / "a.txt")
    assert notice_with_licence("A table.", tmp_path / "bare.txt") == "A table."


def test_a_table_reads_back_what_was_written_with_its_notice(tmp_path):
    out = tmp_path / "t.toml"
    write_lists({"MIL": ["troop", 'say "hi"'], "CVL": ["farmer"]}, "words", out,
                "Line one.\nLine two.")
    assert out.read_text(encoding="utf-8").startswith("# Line one.\n# Line two.\n")
    assert read_lists(out, "words", "test table") == {"CVL": ["farmer"],
                                                       "MIL": ['say "hi"', "troop"]}


@pytest.mark.parametrize("text, message", [
    ("[SDN]\nplaces = 'Darfur'\n", r"bad\.toml: \[SDN\]: 'places' must be a list"),
    ("[SDN\n", r"bad\.toml: not a test table"),
    ("SDN = 3\n", r"bad\.toml: \[SDN\]: 'places' must be a list"),
])
def test_a_damaged_table_is_an_error_naming_the_file(tmp_path, text, message):
    (tmp_path / "bad.toml").write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message):
        read_lists(tmp_path / "bad.toml", "places", "test table")


def test_a_missing_table_is_empty(tmp_path):
    assert read_lists(tmp_path / "absent.toml", "places", "test table") == {}
