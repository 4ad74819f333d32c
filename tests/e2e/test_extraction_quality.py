"""Precision and recall per fact type, end to end, on seven documents of the genre.

The white paper and the genre fixture were in view while the rules were written; the held-out and
blind documents were written independently afterwards, without access to the rules (see
tests/gold/README.md), so their floors are regression guards, not targets to tune against.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

DOCS = {
    "whitepaper": (
        "kg/sources/ccid-2020-advanced-manufacturing-cluster-whitepaper.txt",
        "tests/gold/whitepaper.json",
    ),
    "genre": ("tests/fixtures/genre/provincial-cluster-report.txt", "tests/gold/genre.json"),
    "heldout": (
        "tests/fixtures/heldout/municipal-cluster-observation.txt",
        "tests/gold/heldout.json",
    ),
    "blind": (
        "tests/fixtures/blind/regional-cluster-yearbook.txt",
        "tests/gold/blind.json",
    ),
    "blind2": (
        "tests/fixtures/blind/provincial-cluster-think-tank-report.txt",
        "tests/gold/blind2.json",
    ),
    "blind3": (
        "tests/fixtures/blind/academic-journal-cluster-article.txt",
        "tests/gold/blind3.json",
    ),
    "blind4": (
        "tests/fixtures/blind/provincial-cluster-work-bulletin.txt",
        "tests/gold/blind4.json",
    ),
}
#: minimum precision and recall per fact type (and micro) for each document
FLOORS = {
    "whitepaper": {"default": (0.95, 0.85), "micro": (0.97, 0.95)},
    "genre": {"default": (0.85, 0.95), "micro": (0.97, 0.97)},
    # first blind run: micro P 0.941 R 0.752; rules were then fixed with general patterns (see the
    # extraction issue's note), so these floors guard against regressions only
    "heldout": {"default": (0.85, 0.85), "micro": (0.95, 0.95)},
    # first blind run (written without access to the rules): micro P 0.912 R 0.609; general rules
    # added afterwards brought it to 0.997 / 1.000, so these floors are regression guards only
    "blind": {"default": (0.85, 0.85), "micro": (0.95, 0.95)},
    # third blind document, another house style (典型案例 N | …, 专题 sections, 其一…, pipe table):
    # first run micro P 0.765 R 0.056 (no case heading recognised); after general fixes to the
    # text layer and the rules, regression guards only
    "blind2": {"default": (0.85, 0.85), "micro": (0.95, 0.95)},
    # fourth blind document, an academic article (decimal sections 1 / 2.1 / 3.1.1, 【专栏】 boxes,
    # (a)/第1/一方面 enumerations, dash timeline, one-line policy records): the first run was
    # rejected as structureless (no part or case heading read); with decimal headings read, micro
    # P 0.944 R 0.786; after general fixes, regression guards only
    "blind3": {"default": (0.85, 0.85), "micro": (0.95, 0.95)},
    # fifth blind document, a GB18030 work bulletin (【…】 columns, ◆/■ headlines, ❶/㈠/→/措施一
    # enumerations, ▲ timeline, Markdown table): refused as structureless on its first run; with
    # columns and headlines read, micro P 0.976 R 0.704; after general fixes 0.990 / 0.971
    "blind4": {"default": (0.85, 0.85), "micro": (0.95, 0.95)},
}


@cache
def scored(name: str) -> dict:
    from clustergraph.evaluate.score import evaluate_document

    text, gold = DOCS[name]
    result = evaluate_document(Path(ROOT, text), Path(ROOT, gold))
    assert not result["warnings"], result["warnings"]
    return result


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_fact_type_meets_its_floor(name: str) -> None:
    result = scored(name)
    floors = FLOORS[name]
    low = []
    for fact_type, row in sorted(result["fact_types"].items()):
        precision, recall = floors.get(fact_type, floors["default"])
        if row["gold"] and (row["precision"] < precision or row["recall"] < recall):
            low.append(f"{fact_type}: P {row['precision']:.3f} R {row['recall']:.3f}")
    assert not low, low


@pytest.mark.parametrize("name", sorted(DOCS))
def test_micro_average_meets_its_floor(name: str) -> None:
    micro = scored(name)["micro"]
    precision, recall = FLOORS[name]["micro"]
    assert micro["precision"] >= precision and micro["recall"] >= recall, micro


def test_pinned_facts_of_the_white_paper(built) -> None:
    """Concrete facts the extraction issue names."""
    import pyoxigraph

    _, out = built
    store = pyoxigraph.Store()
    store.load(out.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    prefix = """PREFIX cg: <https://w3id.org/clustergraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX org: <http://www.w3.org/ns/org#>
PREFIX eli: <http://data.europa.eu/eli/ontology#> """
    agency = list(
        store.query(
            prefix
            + """SELECT ?name WHERE {
      ?c a cg:Cluster ; rdfs:label "浙江宁波磁性材料集群"@zh .
      ?r org:organization ?c ; org:role cg:PromotionAgencyRole ; org:member/rdfs:label ?name .
      FILTER(lang(?name) = "zh") }"""
        )
    )
    assert [a["name"].value for a in agency] == ["中国科学院宁波材料技术与工程研究所"]
    targets = list(
        store.query(
            prefix
            + """SELECT ?count (COUNT(?t) AS ?n) WHERE {
      ?d eli:id_local "苏政发〔2018〕86号" ; cg:hasTier ?tier .
      ?tier cg:statedCount ?count ; cg:target ?t } GROUP BY ?count"""
        )
    )
    assert [(int(t["count"].value), int(t["n"].value)) for t in targets] == [(13, 13)]
    mentioned = {
        r["code"].value
        for r in store.query(
            prefix
            + """SELECT DISTINCT ?code WHERE {
      ?u a cg:PhrasingUsage ; cg:region/cg:gbt2260Code ?code }"""
        )
    }
    provinces = {
        r["code"].value
        for r in store.query(
            prefix
            + """SELECT ?code WHERE {
      ?p a cg:ProvinceLevelDivision ; cg:gbt2260Code ?code }"""
        )
    }
    assert len(provinces) == 31
    assert provinces - mentioned == {"510000", "540000"}  # 四川, 西藏


def test_entrants_by_industry(built) -> None:
    import pyoxigraph

    _, out = built
    store = pyoxigraph.Store()
    store.load(out.read_bytes(), format=pyoxigraph.RdfFormat.TURTLE)
    rows = store.query("""PREFIX cg: <https://w3id.org/clustergraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?name ?n WHERE { ?o a cg:CompetitionObservation ; cg:stage cg:Entrants ;
  cg:sector/skos:prefLabel ?name ; cg:count ?n FILTER(lang(?name) = "zh") }""")
    got = {r["name"].value: int(r["n"].value) for r in rows}
    assert got == {
        "电子信息": 20,
        "软件和信息服务": 9,
        "高端装备": 25,
        "汽车": 17,
        "新材料": 21,
        "绿色化工": 11,
        "生物医药": 12,
        "节能环保与新能源": 5,
        "纺织服装": 6,
        "绿色食品": 4,
        "其他轻工类": 5,
    }


@pytest.mark.parametrize(
    ("name", "marker", "replacement"),
    [
        ("blind2", r"典型案例 (\d+) \| ", ""),  # a bare cluster name on its own line
        ("blind2", r"典型案例 (\d+) \| ", r"专栏 2-\1："),  # a box label the rules never saw
        ("blind", r"(?m)^案例[一二三四五六七八九十]+：", "【典型案例】"),
        ("whitepaper", r"(?m)^案例[一二三四五六七八九十]+：", ""),
        # converted to Markdown: every heading (一、 / （一） / 案例一：) behind a # marker
        (
            "whitepaper",
            r"(?m)^(?=[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|案例)",
            "## ",
        ),
    ],
    ids=[
        "blind2-bare",
        "blind2-box-label",
        "blind-bracket-label",
        "whitepaper-bare",
        "whitepaper-markdown",
    ],
)
def test_cases_are_found_whatever_marks_their_headings(
    name: str, marker: str, replacement: str, tmp_path: Path
) -> None:
    """The case headings are the structure everything else hangs on (the third blind document's
    first run found none): a line that only names a cluster is a case heading, whatever label
    stands before it, so every cluster is still found and nothing else is lost.
    """
    import re

    from clustergraph.evaluate.score import evaluate_document

    text, gold = DOCS[name]
    changed = re.sub(marker, replacement, Path(ROOT, text).read_text(encoding="utf-8"))
    assert changed != Path(ROOT, text).read_text(encoding="utf-8")
    source = tmp_path / Path(text).name
    source.write_text(changed, encoding="utf-8")
    result = evaluate_document(source, Path(ROOT, gold))
    clusters = result["fact_types"]["clusters"]
    assert (clusters["precision"], clusters["recall"]) == (1.0, 1.0)
    # finding offsets move with the edited text; everything else is as on the original
    assert result["micro"]["precision"] >= 0.97 and result["micro"]["recall"] >= 0.95
    # and the graph still passes the shapes (an unnumbered case gets its position as number)
    from clustergraph.pipeline import build

    build(source, tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").stat().st_size > 0


@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_evaluated_document_builds_a_graph_that_passes_the_shapes(
    name: str, tmp_path: Path
) -> None:
    """What a document of another house style leaves out (no surveyed count, a tier with no
    list) must not make its graph unpublishable."""
    from clustergraph.pipeline import build

    text, _ = DOCS[name]
    build(Path(ROOT, text), tmp_path / "graph.ttl")
    assert (tmp_path / "graph.ttl").stat().st_size > 0
