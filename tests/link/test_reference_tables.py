"""The reference tables: byte-identical copies, and their codes agree with the gazetteer."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from clustergraph.gazetteer import Gazetteer
from clustergraph.link.regions import region_wikidata
from clustergraph.resources import data_path

SHARED = Path("/work/shared/reference")
COPIED = (
    "regions-wikidata.csv",
    "industries-gbt4754.csv",
    "organizations-wikidata.csv",
    "national-cluster-lists.csv",
)


@pytest.mark.parametrize("name", COPIED)
def test_copies_are_byte_identical(name: str) -> None:
    if not SHARED.is_dir():
        pytest.skip("/work/shared/reference is not available")
    assert data_path(f"kg/reference/{name}").read_bytes() == (SHARED / name).read_bytes()


def test_region_codes_match_the_gazetteer() -> None:
    gaz = Gazetteer.default()
    rows = region_wikidata(data_path("kg/reference/regions-wikidata.csv"))
    assert len(rows) == 57
    for code, row in rows.items():
        region = gaz.by_code(code)
        assert region is not None, code
        assert region.name == row["official_name"], code
        assert gaz.province_of(code).code6 == row["parent_province_code"], code
        assert region.short_name == row["name_in_text"], code


def test_all_provinces_have_a_qid() -> None:
    rows = region_wikidata(data_path("kg/reference/regions-wikidata.csv"))
    assert {p.code6 for p in Gazetteer.default().provinces()} <= set(rows)


def test_readme_describes_every_table() -> None:
    folder = data_path("kg/reference")
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for path in sorted(folder.glob("*.csv")):
        assert f"`{path.name}`" in readme, path.name
        with path.open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)), path.name
