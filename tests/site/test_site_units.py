"""Unit tests of the website's building blocks (no graph build, no browser)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clustergraph.site.charts import MAP_HEIGHT, MAP_WIDTH, bar_chart, project
from clustergraph.site.evidence import Evidence, segments
from clustergraph.site.listings import SEARCH_DROP, normalise
from clustergraph.site.paths import iri_path, root_prefix


def spans_of(text: str, pairs: list[tuple[int, int]]) -> list[Evidence]:
    return [Evidence(s, e, text[s:e], f"ev/{s}-{e}") for s, e in pairs]


def covered(parts, key: str) -> str:
    return "".join(seg.text for seg in parts if key in seg.keys)


def test_segments_split_overlapping_and_nested_spans() -> None:
    text = "abcdefghij"
    parts = segments(text, spans_of(text, [(1, 6), (3, 9), (3, 4), (0, 10)]))
    assert "".join(seg.text for seg in parts) == text
    for start, end in [(1, 6), (3, 9), (3, 4), (0, 10)]:
        assert covered(parts, f"{start}-{end}") == text[start:end]
    third = next(seg for seg in parts if "ev-3-9" in seg.anchors)
    assert set(third.anchors) == {"ev-3-9", "ev-3-4"}
    assert third.text == "d" and set(third.keys) == {"0-10", "1-6", "3-9", "3-4"}


def test_segments_leave_out_spans_whose_quote_is_wrong() -> None:
    text = "abcdef"
    bad = Evidence(1, 3, "xx", "ev/1-3", ok=False)
    parts = segments(text, [bad])
    assert [seg.keys for seg in parts] == [()]
    assert parts[0].text == text


@given(
    st.text(alphabet="先进制造ab \n", min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 20)), max_size=8),
)
def test_segments_reproduce_text_and_every_span(text: str, raw: list[tuple[int, int]]) -> None:
    pairs = sorted({(s, min(s + n, len(text))) for s, n in raw if s < len(text)})
    pairs = [(s, e) for s, e in pairs if s < e]
    parts = segments(text, spans_of(text, pairs))
    assert "".join(seg.text for seg in parts) == text
    position = 0
    for seg in parts:
        for anchor in seg.anchors:
            assert int(anchor.split("-")[1]) == position
        position += len(seg.text)
    for start, end in pairs:
        assert covered(parts, f"{start}-{end}") == text[start:end]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("níng bō", "ningbo"),
        ("Ningbo Magnetic-Material", "ningbomagneticmaterial"),
        ("浙江 宁波", "浙江宁波"),
        ("lǜ sè huà gōng", "lusehuagong"),
        ("“凤凰行动”计划", "凤凰行动计划"),
    ],
)
def test_search_keys_fold_tones_case_spaces_and_quotes(text: str, key: str) -> None:
    assert normalise(text) == key


def test_the_page_script_drops_the_same_characters_as_the_index() -> None:
    from importlib.resources import files

    script = files("clustergraph.site").joinpath("static", "site.js").read_text(encoding="utf-8")
    found = re.search(r"var DROP = /\[(.*?)\]/g;", script)
    assert found
    dropped = found.group(1).replace("\\s", " \t\n").replace("\\-", "-")
    assert set(dropped) == set(SEARCH_DROP)


def test_iri_paths_and_relative_roots() -> None:
    base = "https://w3id.org/clustergraph/id/"
    assert iri_path(base + "cluster/xyz") == "id/cluster/xyz"
    assert iri_path(base + "eli/cn-32/szf/2018/86") == "id/eli/cn-32/szf/2018/86"
    assert iri_path("http://www.wikidata.org/entity/Q1") is None
    assert iri_path(base + "cluster/../../etc") is None
    assert root_prefix("index.html") == ""
    assert root_prefix("id/eli/cn-32/szf/2018/86.html") == "../../../../../"


def test_map_projection_keeps_china_inside_the_frame() -> None:
    for lon, lat in [(75.99, 39.47), (134.3, 47.9), (109.5, 18.25), (116.4, 39.9)]:
        x, y = project(lon, lat)
        assert 0 < x < MAP_WIDTH and 0 < y < MAP_HEIGHT
    assert project(121.6, 29.9)[0] > project(104.1, 30.7)[0]  # Ningbo east of Chengdu
    assert project(116.4, 39.9)[1] < project(113.3, 23.1)[1]  # Beijing north of Guangzhou


def test_bar_chart_scales_bars_to_the_largest_value() -> None:
    series = [
        {"key": "Entrants", "zh": "参赛", "en": "Entrants"},
        {"key": "Winners", "zh": "胜出", "en": "Winners"},
    ]
    rows = [
        {"label": "A", "values": {"Entrants": 20, "Winners": 5}},
        {"label": "B", "values": {"Entrants": 10, "Winners": None}},
    ]
    chart = bar_chart(rows, series)
    first, second = chart["groups"]
    assert first["bars"][0]["w"] == pytest.approx(2 * second["bars"][0]["w"])
    assert second["bars"][1]["w"] == 0 and second["bars"][1]["value"] == ""
    assert chart["ticks"][-1]["x"] >= first["bars"][0]["x"] + first["bars"][0]["w"] - 0.1


def test_jsonld_and_turtle_describe_the_same_triples() -> None:
    import pyoxigraph
    from rdflib import Graph

    from clustergraph.site.graphindex import GraphIndex
    from clustergraph.site.rdfdocs import description, to_jsonld, to_ttl

    store = pyoxigraph.Store()
    store.load(
        b"""@prefix cg: <https://w3id.org/clustergraph/ontology#> .
        @prefix oa: <http://www.w3.org/ns/oa#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <https://w3id.org/clustergraph/id/region/330200> a cg:Region ;
            rdfs:label "\xe5\xae\x81\xe6\xb3\xa2\xe5\xb8\x82"@zh , "n\xc3\xadng b\xc5\x8d"@zh-Latn-pinyin ;
            cg:gbt2260Code "330200" ; cg:rank 3 ;
            cg:evidence <https://w3id.org/clustergraph/id/evidence/abc/1-3> ;
            <http://www.opengis.net/ont/geosparql#hasGeometry>
              <https://w3id.org/clustergraph/id/region/330200/geometry> ;
            cg:parentRegion <https://w3id.org/clustergraph/id/region/330000> .
        <https://w3id.org/clustergraph/id/region/330200/geometry>
            <http://www.opengis.net/ont/geosparql#asWKT> "POINT(121.6 29.9)" .
        <https://w3id.org/clustergraph/id/region/330000> rdfs:label "not included"@zh .
        <https://w3id.org/clustergraph/id/evidence/abc/1-3> oa:hasSelector
            <https://w3id.org/clustergraph/id/evidence/abc/1-3/quote> .
        <https://w3id.org/clustergraph/id/evidence/abc/1-3/quote> oa:exact "bc" .
        """,
        format=pyoxigraph.RdfFormat.TURTLE,
    )
    triples = description(GraphIndex(store), "https://w3id.org/clustergraph/id/region/330200")
    assert len(triples) == 11  # 8 of the region, its geometry, the evidence and its selector
    assert all(not t[0].endswith("/330000") for t in triples)  # a linked node is not described
    turtle = Graph().parse(data=to_ttl(triples).decode("utf-8"), format="turtle")
    document = to_jsonld(triples)
    assert json.loads(document)["@context"]["cg"].endswith("ontology#")
    linked = Graph().parse(data=document.decode("utf-8"), format="json-ld")
    assert set(turtle) == set(linked)
    assert len(turtle) == 11
    assert to_jsonld(triples) == document


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_palette_contrast_meets_wcag_aa() -> None:
    from importlib.resources import files

    css = files("clustergraph.site").joinpath("static", "site.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-fA-F]{6});", css))
    text_pairs = [
        ("text", "bg"),
        ("text", "panel"),
        ("muted", "bg"),
        ("muted", "panel"),
        ("link", "bg"),
        ("link", "panel"),
        ("head-text", "head-bg"),
        ("text", "mark"),
        ("text", "mark-hl"),
    ]
    for fore, back in text_pairs:
        assert contrast(colours[fore], colours[back]) >= 4.5, (fore, back)
    assert contrast(colours["focus"], colours["bg"]) >= 3.0  # non-text: focus outline
    from clustergraph.site.charts import BAR_COLOURS

    for colour in BAR_COLOURS:
        assert contrast(colour, "#ffffff") >= 3.0
