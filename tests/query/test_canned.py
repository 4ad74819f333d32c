"""Every canned query runs on the fixture (and on the built graph when present) and meets its
``expect``; parameters filter as documented; and rdflib gives the same answers as pyoxigraph."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from clustergraph.query.catalogue import CannedQuery, load_query, query_names
from clustergraph.query.engine import EmbeddedEngine
from clustergraph.query.params import bind_parameters, inject_values
from clustergraph.query.results import ResultTable, Term
from clustergraph.query.runner import run_canned

from .conftest import FIXTURE, GRAPHS

NAMES = query_names()


def check_expect(query: CannedQuery, table: ResultTable) -> None:
    assert table.columns == list(query.columns)
    assert len(table.rows) >= query.expect.min_rows, (
        f"{query.name}: {len(table.rows)} rows < {query.expect.min_rows}"
    )
    for wanted in query.expect.contains:
        hit = any(all(c in row and row[c].value == v for c, v in wanted) for row in table.rows)
        assert hit, f"{query.name}: no row with {dict(wanted)}"


@pytest.mark.parametrize("graph", GRAPHS)
@pytest.mark.parametrize("name", NAMES)
def test_runs_and_meets_expect(name: str, graph: Path) -> None:
    query = load_query(name)
    table = run_canned(query, dict(query.expect.params), data=graph)
    check_expect(query, table)


@pytest.mark.parametrize("name", NAMES)
def test_rows_are_deterministic(name: str) -> None:
    query = load_query(name)
    first = run_canned(query, dict(query.expect.params), data=FIXTURE)
    again = run_canned(query, dict(query.expect.params), data=FIXTURE)
    assert first == again


def _rdflib_term(node: rdflib.term.Node) -> Term:
    if isinstance(node, rdflib.URIRef):
        return Term("uri", str(node))
    if isinstance(node, rdflib.BNode):
        return Term("bnode", str(node))
    assert isinstance(node, rdflib.Literal)
    return Term("literal", str(node), node.language, str(node.datatype) if node.datatype else None)


@pytest.fixture(scope="module")
def rdflib_graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(FIXTURE)
    return graph


@pytest.mark.parametrize("name", NAMES)
def test_rdflib_gives_the_same_answer(name: str, rdflib_graph: rdflib.Graph) -> None:
    """Plain SPARQL 1.1: the same text (parameters as VALUES) gives identical rows on rdflib."""
    query = load_query(name)
    bindings = bind_parameters(query, dict(query.expect.params))
    expected = EmbeddedEngine(FIXTURE).run(query.text, bindings)
    result = rdflib_graph.query(inject_values(query.text, bindings))
    rows = [{str(k): _rdflib_term(v) for k, v in row.asdict().items()} for row in result]
    assert [str(v) for v in result.vars] == expected.columns
    assert rows == expected.rows


CASES = [
    (
        "cluster-measures",
        {"cluster": "浙江宁波磁性材料集群"},
        "clusterLabel",
        {"浙江宁波磁性材料集群"},
    ),
    (
        "cluster-measures",
        {"cluster": "cgid:cluster/zhe-jiang-hang-zhou-shu-zi-an-fang-ji-qun"},
        "clusterLabel",
        {"浙江杭州数字安防集群"},
    ),
    ("cluster-measures", {"category": "cross-regional"}, "category", {"cross-regional"}),
    ("institutions", {"type": "enterprise"}, "type", {"enterprise"}),
    ("institutions", {"type": "institution"}, "label", {"中国电子信息产业发展研究院规划研究所"}),
    (
        "policy-timeline",
        {"level": "provincial"},
        "documentNumber",
        {"苏政发〔2018〕86号", "川办发〔2018〕92号"},
    ),
    ("competition-statistics", {"stage": "winners", "dimension": "province"}, "stage", {"winners"}),
    ("cross-regional-links", {"kind": "investment"}, "kind", {"investment"}),
    (
        "region-clusters",
        {"region": "330000"},
        "label",
        {"浙江宁波磁性材料集群", "浙江杭州数字安防集群"},
    ),
    ("region-clusters", {"region": "宁波市"}, "label", {"浙江宁波磁性材料集群"}),
    (
        "region-clusters",
        {"region": "江苏"},
        "label",
        {"泰州市、连云港市、无锡市生物医药和新型医疗器械先进制造业集群"},
    ),
    ("national-list-status", {"status": "listed"}, "status", {"listed"}),
    (
        "cluster-profile",
        {"cluster": "zhè jiāng níng bō cí xìng cái liào jí qún"},
        "clusterName",
        {"zhè jiāng níng bō cí xìng cái liào jí qún"},
    ),
]


@pytest.mark.parametrize(
    ("name", "params", "column", "values"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)]
)
def test_parameters_filter(
    name: str, params: dict[str, str], column: str, values: set[str]
) -> None:
    table = run_canned(load_query(name), params, data=FIXTURE)
    assert table.rows, f"{name} {params}: no rows"
    assert set(table.values(column)) == values


def test_fixture_specifics() -> None:
    """Hand-checked answers on the fixture (exact, not just lower bounds)."""
    clusters = run_canned(load_query("clusters"), data=FIXTURE)
    by_label = {r["label"].value: r for r in clusters.rows}
    tlx = by_label["泰州市、连云港市、无锡市生物医药和新型医疗器械先进制造业集群"]
    assert tlx["cities"].value == "无锡市、连云港市、泰州市"  # GB/T 2260 code order, "、"
    assert tlx["industry"].value == "新型医疗器械、生物医药"
    assert len(clusters.rows) == 3
    missing = run_canned(load_query("provinces-without-cluster-mention"), data=FIXTURE)
    assert missing.values("label") == ["四川省", "西藏自治区"]
    plans = run_canned(load_query("provincial-cluster-plans"), data=FIXTURE)
    jiangsu = [r for r in plans.rows if r["documentNumber"].value == "苏政发〔2018〕86号"]
    assert len(jiangsu) == 13 and {r["tierCount"].value for r in jiangsu} == {"13"}
    winners = run_canned(
        load_query("competition-statistics"),
        {"stage": "winners", "dimension": "industry"},
        data=FIXTURE,
    )
    assert sum(int(v) for v in winners.values("count")) == 44
    timeline = run_canned(load_query("policy-timeline"), {"level": "central"}, data=FIXTURE)
    assert [v[:4] for v in timeline.values("date")] == sorted(
        v[:4] for v in timeline.values("date")
    )
    findings = run_canned(load_query("data-quality-findings"), data=FIXTURE)
    first = findings.rows[0]  # two evidences: quote and start come from the earlier one
    assert first["kind"].value == "count-mismatch"
    assert (first["start"].value, first["quote"].value) == ("2309", "共有 135 家先进制造业集群参赛")
    provinces = run_canned(
        load_query("competition-statistics"),
        {"stage": "entrants", "dimension": "province"},
        data=FIXTURE,
    )
    assert set(provinces.values("partial")) == {"true"}  # the entrants list ends in 等
    profile = run_canned(load_query("cluster-profile"), {"cluster": "宁波材料所"}, data=FIXTURE)
    assert profile.rows == []  # an institution's alias is not a cluster
