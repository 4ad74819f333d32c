"""Projections: the queries' headers, the graphs they build and the node attributes."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustergraph.errors import QueryError
from clustergraph.network import load_projection, project, projection_names
from clustergraph.network.attributes import parse_point
from clustergraph.network.projections import EDGE_COLUMNS, helper_query, projections_dir
from clustergraph.query.engine import EmbeddedEngine
from tests.network.conftest import (
    BRIDGE,
    HANGZHOU,
    NINGBO,
    PLANTED_CLUSTER,
    PLANTED_LABEL,
    SOURCE,
    TAILIANXI,
)

PROJECTIONS = [
    "cluster-cluster",
    "cluster-institution-region",
    "institution-cooccurrence",
    "map",
    "region-links",
]
#: (nodes, edges) of each projection on tests/query/fixtures/mini.ttl
MINI_COUNTS = {
    "cluster-cluster": (3, 1),
    "cluster-institution-region": (24, 21),
    "institution-cooccurrence": (16, 35),
    "map": (8, 8),
    "region-links": (3, 3),
}


def test_projection_names() -> None:
    assert projection_names() == PROJECTIONS


def test_unknown_projection_lists_the_names() -> None:
    with pytest.raises(QueryError) as caught:
        load_projection("no-such-network")
    message = str(caught.value)
    assert "no-such-network" in message
    for name in PROJECTIONS:
        assert name in message


def test_helper_queries_are_not_projections() -> None:
    assert "nodes" not in projection_names() and "evidence" not in projection_names()
    with pytest.raises(QueryError):
        load_projection("nodes")


def test_projection_queries_are_not_in_the_canned_catalogue() -> None:
    from clustergraph.query.catalogue import query_names

    assert not set(query_names()) & set(PROJECTIONS)


@pytest.mark.parametrize("name", [p.stem for p in sorted(projections_dir().glob("*.rq"))])
def test_every_query_file_is_a_valid_canned_query_meeting_its_expect(name: str, mini: Path) -> None:
    query = helper_query(name)  # parsed by the catalogue's own header checker
    assert query.title.zh and query.title.en and query.description.en
    assert query.expect.min_rows > 0 and query.expect.contains
    if name in PROJECTIONS:
        assert query.columns == EDGE_COLUMNS
    rows = [
        {k: t.value for k, t in row.items()} for row in EmbeddedEngine(mini).run(query.text).rows
    ]
    assert len(rows) >= query.expect.min_rows
    for wanted in query.expect.contains:
        assert any(all(row.get(k) == v for k, v in wanted) for row in rows), (name, wanted)


@pytest.mark.parametrize("name", PROJECTIONS)
def test_counts_on_the_fixture(name: str, mini: Path) -> None:
    graph = project(name, mini)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == MINI_COUNTS[name]
    assert list(graph.nodes) == sorted(graph.nodes)
    assert graph.graph["name"] == name and graph.graph["title_zh"]


def test_cluster_cluster_edges_say_what_is_shared(planted: Path) -> None:
    graph = project("cluster-cluster", planted)
    assert set(graph.nodes) == {PLANTED_CLUSTER, NINGBO, HANGZHOU, TAILIANXI}
    edge = graph.edges[NINGBO, PLANTED_CLUSTER]
    assert edge["weight"] == 5
    assert edge["relations"] == "industry;institution;place;province;toolbox-category"
    assert "institution:科宁达" in edge["shares"] and "place:宁波市" in edge["shares"]
    assert graph.edges[HANGZHOU, NINGBO] == {
        "weight": 1,
        "relations": "province",
        "shares": "province:浙江省",
    }
    assert graph.edges[TAILIANXI, PLANTED_CLUSTER]["relations"] == "institution"
    assert not graph.has_edge(HANGZHOU, TAILIANXI)


def test_multipartite_relations_and_types(mini: Path) -> None:
    graph = project("cluster-institution-region", mini)
    types = {graph.nodes[n]["type"] for n in graph}
    assert types == {"cluster", "institution", "region"}
    for source, target in graph.edges:
        kinds = {graph.nodes[source]["type"], graph.nodes[target]["type"]}
        assert "cluster" in kinds and len(kinds) == 2  # every edge joins a cluster to a non-cluster
    ningbo_city = "https://w3id.org/clustergraph/id/region/330200"
    assert graph.edges[NINGBO, ningbo_city]["relations"] == "located-in"
    research = "https://w3id.org/clustergraph/id/institution/zhong-guo-ke-xue-yuan-ning-bo-cai-liao-ji-shu-yu-b4353519"
    relations = graph.edges[NINGBO, research]["relations"].split(";")
    assert relations[0] == "mentioned-in" and any(r.startswith("role:") for r in relations)
    assert graph.edges[NINGBO, research]["weight"] == len(relations)


def test_region_links_count_the_links(mini: Path) -> None:
    graph = project("region-links", mini)
    wuxi, taizhou = (
        "https://w3id.org/clustergraph/id/region/320200",
        "https://w3id.org/clustergraph/id/region/321200",
    )
    edge = graph.edges[wuxi, taizhou]
    assert set(edge["relations"].split(";")) >= {"investment", "joint-meeting"}
    assert edge["weight"] >= 2
    assert all(graph.nodes[n]["type"] == "region" for n in graph)


def test_institution_cooccurrence_keeps_every_mentioned_institution(mini: Path) -> None:
    graph = project("institution-cooccurrence", mini)
    engine = EmbeddedEngine(mini)
    mentioned = {
        row["i"].value
        for row in engine.run(
            "PREFIX cg: <https://w3id.org/clustergraph/ontology#> "
            "SELECT DISTINCT ?i WHERE { ?i a cg:Institution ; cg:mentionedInCluster ?c }"
        ).rows
    }
    assert set(graph.nodes) == mentioned
    assert all(d["relations"] == "same-cluster" for *_, d in graph.edges(data=True))


def test_node_attributes(planted: Path) -> None:
    graph = project("cluster-institution-region", planted)
    ningbo = graph.nodes[NINGBO]
    assert ningbo["label"] == "浙江宁波磁性材料集群"
    assert ningbo["pinyin"] == "zhè jiāng níng bō cí xìng cái liào jí qún"
    assert (ningbo["type"], ningbo["category"], ningbo["category_label"]) == (
        "cluster",
        "governance",
        "治理机制",
    )
    assert ningbo["province"] == "浙江省" and ningbo["provinces"] == ["浙江省"]
    assert (ningbo["lon"], ningbo["lat"]) == (121.55, 29.87)  # its one place, 宁波市
    bridge = graph.nodes[BRIDGE]
    assert bridge["category"] == "enterprise"  # the kind beats plain cg:Institution
    assert bridge["provinces"] == ["江苏省", "浙江省"]
    assert graph.nodes[PLANTED_CLUSTER]["label"] == PLANTED_LABEL
    region = graph.nodes["https://w3id.org/clustergraph/id/region/320700"]
    assert (region["type"], region["category"], region["province"]) == (
        "region",
        "prefecture",
        "江苏省",
    )


def test_evidence_quotes_are_the_source_text(mini: Path) -> None:
    raw = SOURCE.read_text(encoding="utf-8")
    graph = project("cluster-institution-region", mini)
    quoted = 0
    for node, attrs in graph.nodes(data=True):
        assert len(attrs["evidence"]) <= 3 and attrs["evidence_count"] >= len(attrs["evidence"])
        for quote in attrs["evidence"]:
            assert raw[quote["start"] : quote["end"]] == quote["exact"], node
            quoted += 1
    assert quoted >= graph.number_of_nodes() - 2
    assert graph.nodes[NINGBO]["evidence"][0]["exact"].endswith("浙江宁波磁性材料集群")


def test_multi_place_cluster_sits_at_the_mean_of_its_places(mini: Path) -> None:
    graph = project("map", mini)
    places = [
        graph.nodes[n] for n in graph.neighbors(TAILIANXI) if graph.nodes[n]["type"] == "region"
    ]
    assert len(places) == 3
    lon = sum(p["lon"] for p in places) / 3
    assert graph.nodes[TAILIANXI]["lon"] == pytest.approx(lon, abs=1e-6)


def test_parse_point() -> None:
    assert parse_point("POINT(121.55 29.87)") == (121.55, 29.87)
    assert parse_point("<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POINT (-1.5e1 2)") == (
        -15.0,
        2.0,
    )
    assert parse_point("LINESTRING(1 2, 3 4)") is None


def test_missing_graph_file_is_an_input_error(tmp_path: Path) -> None:
    from clustergraph.errors import InputError

    with pytest.raises(InputError):
        project("cluster-cluster", tmp_path / "missing.ttl")
