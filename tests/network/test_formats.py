"""GEXF, GraphML, node-link JSON and the metrics CSV, and the ``network`` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pytest

from clustergraph.errors import InputError
from clustergraph.network import project
from clustergraph.network.formats import CSV_COLUMNS, FORMATS, format_for, to_bytes
from tests.conftest import run_cli
from tests.network.conftest import NINGBO, PLANTED_CLUSTER, PLANTED_LABEL


@pytest.fixture(scope="module")
def graph(planted: Path) -> nx.Graph:
    return project("cluster-institution-region", planted)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_gephi_and_cytoscape_files_read_back(graph: nx.Graph, fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"g.{fmt}"
    path.write_bytes(to_bytes(graph, fmt))
    back = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    assert sorted(back.nodes) == sorted(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    ningbo = back.nodes[NINGBO]
    assert ningbo["label"] == "浙江宁波磁性材料集群"
    assert ningbo["type"] == "cluster" and ningbo["province"] == "浙江省"
    assert "「" in ningbo["evidence"] and "[15087," in ningbo["evidence"]
    assert float(ningbo["betweenness"]) == pytest.approx(graph.nodes[NINGBO]["betweenness"])
    assert int(ningbo["degree"]) == graph.nodes[NINGBO]["degree"]
    assert back.nodes[PLANTED_CLUSTER]["label"] == PLANTED_LABEL
    for _, attrs in back.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in attrs.values())


def test_gexf_has_no_date(graph: nx.Graph) -> None:
    assert b"lastmodifieddate" not in to_bytes(graph, "gexf")


@pytest.mark.parametrize("fmt", FORMATS)
def test_outputs_are_deterministic(planted: Path, fmt: str) -> None:
    first = to_bytes(project("cluster-cluster", planted), fmt)
    second = to_bytes(project("cluster-cluster", planted), fmt)
    assert first == second


def test_node_link_json(graph: nx.Graph) -> None:
    data = json.loads(to_bytes(graph, "json"))
    assert [n["id"] for n in data["nodes"]] == sorted(graph.nodes)
    assert len(data["edges"]) == graph.number_of_edges()
    assert data["graph"]["name"] == "cluster-institution-region"
    ningbo = next(n for n in data["nodes"] if n["id"] == NINGBO)
    assert ningbo["evidence"][0]["start"] == 15087 and ningbo["evidence"][0]["end"] == 15098
    back = nx.node_link_graph(data, edges="edges")
    assert back.number_of_nodes() == graph.number_of_nodes()


def test_metrics_csv(graph: nx.Graph) -> None:
    rows = list(csv.reader(io.StringIO(to_bytes(graph, "csv").decode("utf-8"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == graph.number_of_nodes() + 1
    values = [float(r[CSV_COLUMNS.index("betweenness")]) for r in rows[1:]]
    assert values == sorted(values, reverse=True)
    assert {r[0] for r in rows[1:]} == set(graph.nodes)


def test_format_for() -> None:
    assert format_for(None, None) == "json"
    assert format_for(Path("x.GEXF"), None) == "gexf"
    assert format_for(Path("x.txt"), "csv") == "csv"
    with pytest.raises(InputError):
        format_for(Path("x.txt"), None)


def test_cli_writes_a_file(planted: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "clusters.graphml"
    proc = run_cli("network", "cluster-cluster", "-o", str(out), "--data", str(planted))
    assert proc.returncode == 0, proc.stderr
    assert "4 nodes, 4 edges" in proc.stdout
    assert nx.read_graphml(out).number_of_nodes() == 4
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_cli_csv_to_stdout(planted: Path) -> None:
    proc = run_cli("network", "region-links", "--format", "csv", "--data", str(planted))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0].startswith("id,label,pinyin")
    assert len(proc.stdout.splitlines()) == 4


def test_cli_unknown_projection(planted: Path) -> None:
    proc = run_cli("network", "frobnicate", "--data", str(planted))
    assert proc.returncode == 2
    assert "unknown projection 'frobnicate'" in proc.stderr and "region-links" in proc.stderr


def test_cli_lists_projections() -> None:
    proc = run_cli("network")
    assert proc.returncode == 0
    assert "cluster-institution-region" in proc.stdout and "institution-cooccurrence" in proc.stdout
