"""The parsed-header cache: same catalogue with or without it, never stale, no PyYAML once warm."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest

from clustergraph.cache import CACHE_ENV
from clustergraph.query import headercache
from clustergraph.query.catalogue import load_all, parse_query

QUERY = """#+ title:
#+   zh: 标签
#+   en: Labels
#+ description:
#+   zh: 全部标签
#+   en: {description}
#+ columns: [label]
#+ view: table
SELECT ?label WHERE {{ ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path / "headers"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_the_catalogue_is_the_same_parsed_cold_warm_or_uncached(
    cache: Path, monkeypatch: pytest.MonkeyPatch
):
    cold = load_all()
    assert len(_files(cache)) == len(cold)
    warm = load_all()
    monkeypatch.setenv(CACHE_ENV, "off")
    uncached = load_all()
    assert cold == warm == uncached


def test_an_edited_header_is_parsed_afresh(cache: Path):
    first = parse_query(QUERY.format(description="all labels"), "labels")
    second = parse_query(QUERY.format(description="every label"), "labels")
    assert (first.description.en, second.description.en) == ("all labels", "every label")
    assert len(_files(cache)) == 2


def test_a_damaged_entry_is_ignored(cache: Path):
    text = QUERY.format(description="all labels")
    parse_query(text, "labels")
    (entry,) = _files(cache)
    entry.write_text("{not json")
    assert parse_query(text, "labels").description.en == "all labels"
    entry.write_text("[1, 2]")
    assert parse_query(text, "labels").description.en == "all labels"


@pytest.mark.parametrize(
    "data",
    [{"default": datetime.date(2020, 1, 1)}, {1: "an integer key"}],
    ids=["yaml-date", "integer-key"],
)
def test_values_json_would_change_are_not_cached(cache: Path, data: dict):
    headercache.put("header text", data)
    assert headercache.get("header text") is None


def test_cached_values_keep_their_types(cache: Path):
    data = {"float": 1.0, "int": 1, "bool": True, "none": None, "list": ["a", 2]}
    headercache.put("header text", data)
    again = headercache.get("header text")
    assert again == data
    assert [type(again[k]) for k in data] == [type(v) for v in data.values()]


def test_the_cache_is_bounded(cache: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(headercache, "KEEP", 3)
    for i in range(5):
        headercache.put(f"header {i}", {"i": i})
    assert len(_files(cache)) == 3


def test_an_unwritable_cache_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(CACHE_ENV, str(blocker))
    assert parse_query(QUERY.format(description="x"), "labels").description.en == "x"


def test_a_warm_run_does_not_import_pyyaml(cache: Path):
    script = (
        "import sys\n"
        "from clustergraph.query.catalogue import load_query\n"
        "load_query('clusters')\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {**os.environ, CACHE_ENV: str(cache.parent)}

    def imports_yaml() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
        )
        return done.stdout.strip()

    assert imports_yaml() == "True"  # cold: parsed with PyYAML, then cached
    assert imports_yaml() == "False"
