"""GB/T 4754-2017 divisions (大类) and sections (门类) written for the linked codes."""

from __future__ import annotations

import csv
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import PROV, RDF, SKOS
from clustergraph.link import link_industries
from clustergraph.link.industries import (
    DIVISIONS_TABLE,
    GBT4754_SCHEME,
    SECTIONS_TABLE,
    TABLE,
    parse_code_names,
)
from clustergraph.resources import data_path

REFERENCE = data_path("kg/reference")


def _code(code: str) -> URIRef:
    return mint("gbt4754", code)


def _rows(name: str) -> dict[str, dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row for row in csv.DictReader(handle)}


def _written(graph: Graph) -> dict[str, URIRef]:
    """notation → concept, for every concept of the GB/T 4754 scheme."""
    return {
        str(graph.value(c, SKOS.notation)): c for c in graph.subjects(SKOS.inScheme, GBT4754_SCHEME)
    }


@pytest.fixture
def linked(small_graph: Callable[[], Graph]) -> Graph:
    graph = small_graph()
    link_industries(graph)
    return graph


def test_a_code_reaches_its_division_and_section(linked: Graph) -> None:
    # 电器 → C382 (closeMatch) and C3823/C3821 (narrowMatch): C382 → C38 → C
    assert (_code("C3823"), SKOS.broader, _code("C382")) in linked
    assert (_code("C382"), SKOS.broader, _code("C38")) in linked
    assert (_code("C38"), SKOS.broader, _code("C")) in linked
    assert linked.value(_code("C38"), SKOS.notation) == Literal("C38")
    assert (_code("C38"), SKOS.inScheme, GBT4754_SCHEME) in linked
    assert set(linked.objects(_code("C38"), SKOS.prefLabel)) == {
        Literal("电气机械和器材制造业", lang="zh"),
        Literal("Manufacture of Electrical Machinery and Apparatus", lang="en"),
    }
    section = _code("C")
    assert (section, RDF.type, SKOS.Concept) in linked
    assert linked.value(section, SKOS.notation) == Literal("C")
    assert Literal("制造业", lang="zh") in set(linked.objects(section, SKOS.prefLabel))
    assert (section, SKOS.topConceptOf, GBT4754_SCHEME) in linked
    assert (GBT4754_SCHEME, SKOS.hasTopConcept, section) in linked
    assert linked.value(section, SKOS.broader) is None
    # the names come from the tables, which the graph cites
    assert (
        _code("C38"),
        PROV.wasDerivedFrom,
        mint("reference", "gbt4754-2017-divisions"),
    ) in linked
    assert (section, PROV.wasDerivedFrom, mint("reference", "gbt4754-2017-sections")) in linked


def test_a_code_without_a_written_parent_points_to_its_division(linked: Graph) -> None:
    # 软件和信息服务 → I65 (closeMatch), I6513 under I651 (both written), I64/I6440 (relatedMatch)
    assert (_code("I6513"), SKOS.broader, _code("I651")) in linked
    assert (_code("I6440"), SKOS.broader, _code("I64")) in linked  # I644 is not written
    assert (_code("I64"), SKOS.broader, _code("I")) in linked
    written = _written(linked)
    for code, concept in written.items():
        parents = [
            str(linked.value(p, SKOS.notation)) for p in linked.objects(concept, SKOS.broader)
        ]
        if len(code) == 1:
            assert parents == [], code
            continue
        (parent,) = parents
        # the nearest written ancestor: a prefix, with nothing written in between
        assert code.startswith(parent) and len(parent) < len(code), code
        between = {code[:n] for n in range(max(len(parent) + 1, 3), len(code))}
        assert not between & set(written), code


def test_every_division_and_section_has_both_labels(linked: Graph) -> None:
    levels = {c: n for c, n in _written(linked).items() if len(c) in (1, 3)}
    assert {"C", "C38", "I", "I64", "I65"} <= set(levels)
    for code, concept in levels.items():
        languages = sorted(label.language for label in linked.objects(concept, SKOS.prefLabel))
        assert languages == ["en", "zh"], code


def test_no_division_or_section_is_written_that_no_linked_code_falls_under(
    linked: Graph,
) -> None:
    written = _written(linked)
    codes = {c for c in written if len(c) > 3 or (len(c) == 3 and c[1:].isdigit())}
    linked_codes = {
        str(linked.value(o, SKOS.notation))
        for _, p, o in linked
        if p in (SKOS.closeMatch, SKOS.narrowMatch, SKOS.relatedMatch)
        and (o, SKOS.inScheme, GBT4754_SCHEME) in linked
    }
    assert linked_codes <= codes
    assert {c for c in written if len(c) == 3} == {c[:3] for c in linked_codes}
    assert {c for c in written if len(c) == 1} == {c[0] for c in linked_codes}
    # 其他轻工类 is not linked, so its divisions (C19, C21 …) and C13 … stay out
    assert not {"C19", "C21", "C13", "B", "B10", "D44", "N77"} & set(written)


def test_relinking_adds_nothing_and_no_second_label(linked: Graph) -> None:
    # a second run adds no links and no second label
    assert link_industries(linked) == 0
    for concept in _written(linked).values():
        for language in ("zh", "en"):
            labels = [
                label
                for label in linked.objects(concept, SKOS.prefLabel)
                if label.language == language
            ]
            assert len(labels) <= 1, (concept, language)


def test_division_table_covers_manufacturing_and_agrees_with_the_codes_table() -> None:
    divisions = _rows(DIVISIONS_TABLE)
    sections = _rows(SECTIONS_TABLE)
    manufacturing = {c for c in divisions if c.startswith("C")}
    assert manufacturing == {f"C{n}" for n in range(13, 44)}
    assert len(manufacturing) == 31
    assert len(sections) == 20 and "".join(sorted(sections)) == "ABCDEFGHIJKLMNOPQRST"
    assert divisions["C38"]["name_zh"] == "电气机械和器材制造业"
    assert divisions["C39"]["name_zh"] == "计算机、通信和其他电子设备制造业"
    assert divisions["C37"]["name_zh"] == "铁路、船舶、航空航天和其他运输设备制造业"
    assert sections["C"]["name_zh"] == "制造业"
    for code, row in divisions.items():
        assert re.fullmatch(r"[A-T][0-9]{2}", code), code
        assert code[0] in sections, code
        assert row["name_zh"] and row["name_en"], code
        assert "GB/T 4754-2017 国民经济行业分类" in row["source"], code
    for row in sections.values():
        assert row["name_zh"] and row["name_en"] and "GB/T 4754-2017" in row["source"]
    # every code the industries table names falls under a named division; a division it names
    # itself carries the same name as in the division table
    with (REFERENCE / TABLE).open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            for kind in ("primary", "secondary"):
                named = parse_code_names(
                    row[f"gbt4754_2017_{kind}"], row[f"gbt4754_2017_{kind}_names"], str(number)
                )
                for code, name in named.items():
                    assert code[:3] in divisions, (number, code)
                    if len(code) == 3:
                        assert divisions[code]["name_zh"] == name, (number, code)


def _copy_tables(tmp_path: Path) -> Path:
    for path in REFERENCE.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path / TABLE


def test_a_missing_division_row_is_an_input_error(
    small_graph: Callable[[], Graph], tmp_path: Path
) -> None:
    table = _copy_tables(tmp_path)
    divisions = tmp_path / DIVISIONS_TABLE
    lines = divisions.read_text(encoding="utf-8").splitlines(keepends=True)
    divisions.write_text(
        "".join(line for line in lines if not line.startswith("C38,")), encoding="utf-8"
    )
    with pytest.raises(InputError, match="C38"):
        link_industries(small_graph(), table)


def test_a_division_named_differently_is_an_input_error(
    small_graph: Callable[[], Graph], tmp_path: Path
) -> None:
    table = _copy_tables(tmp_path)
    divisions = tmp_path / DIVISIONS_TABLE
    text = divisions.read_text(encoding="utf-8")
    divisions.write_text(text.replace("I64,互联网和相关服务", "I64,互联网服务"), encoding="utf-8")
    with pytest.raises(InputError, match="I64"):
        link_industries(small_graph(), table)
