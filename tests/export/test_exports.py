"""``clustergraph export`` on the built graph: every format parses back to the same graph, and
every output is deterministic and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph
from rdflib.compare import isomorphic

from clustergraph.resources import data_path
from tests.conftest import run_cli

from .conftest import FORMATS

EXPECTED_FILES = {
    "ttl": {"clustergraph.ttl"},
    "nt": {"clustergraph.nt"},
    "jsonld": {"clustergraph.jsonld", "context.jsonld"},
    "csv": {
        "clusters.csv",
        "measures.csv",
        "institutions.csv",
        "roles.csv",
        "regions.csv",
        "policies.csv",
        "observations.csv",
        "links.csv",
        "csv-metadata.json",
    },
}


@pytest.mark.parametrize("fmt", FORMATS)
def test_writes_exactly_its_files_and_no_temporary_ones(exported, fmt: str) -> None:
    for folder in exported[fmt]:
        names = {p.name for p in folder.iterdir()}
        assert names == EXPECTED_FILES[fmt]
        assert not [n for n in names if n.startswith(".") or n.endswith(".tmp")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_second_run_is_byte_identical(exported, fmt: str) -> None:
    first, second = exported[fmt]
    for name in sorted(EXPECTED_FILES[fmt]):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.parametrize(
    ("fmt", "name", "parser"),
    [
        ("ttl", "clustergraph.ttl", "turtle"),
        ("nt", "clustergraph.nt", "nt"),
        ("jsonld", "clustergraph.jsonld", "json-ld"),
    ],
)
def test_rdf_formats_parse_back_to_the_same_graph(
    exported, source, fmt: str, name: str, parser: str
) -> None:
    graph, _ = source
    back = Graph().parse(exported[fmt][0] / name, format=parser)
    assert len(back) == len(graph)
    assert isomorphic(back, graph)


@pytest.mark.parametrize(
    ("fmt", "name", "rdf_format"),
    [
        ("ttl", "clustergraph.ttl", pyoxigraph.RdfFormat.TURTLE),
        ("nt", "clustergraph.nt", pyoxigraph.RdfFormat.N_TRIPLES),
        ("jsonld", "clustergraph.jsonld", pyoxigraph.RdfFormat.JSON_LD),
    ],
)
def test_a_second_parser_reads_the_same_triples(
    exported, source, fmt: str, name: str, rdf_format: pyoxigraph.RdfFormat
) -> None:
    """Oxigraph's parsers (JSON-LD included) agree with the source graph triple for triple."""
    _, path = source
    expected = pyoxigraph.Store()
    expected.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    store = pyoxigraph.Store()
    store.load(path=str(exported[fmt][0] / name), format=rdf_format)
    assert {str(q.triple) for q in store} == {str(q.triple) for q in expected}


def test_ntriples_lines_are_sorted_unique_and_blank_node_free(exported, source) -> None:
    graph, _ = source
    data = (exported["nt"][0] / "clustergraph.nt").read_bytes()
    assert data.endswith(b"\n") and b"\r" not in data
    lines = data.decode("utf-8").splitlines()
    assert lines == sorted(set(lines))
    assert len(lines) == len(graph)
    assert all(line.endswith(" .") and not line.startswith("_:") for line in lines)
    assert "宁波市" in data.decode("utf-8")  # UTF-8, not \u escapes
    assert not any(isinstance(t, BNode) for triple in graph for t in triple)


def test_jsonld_uses_the_published_context(exported) -> None:
    folder = exported["jsonld"][0]
    published = data_path("ontology/context.jsonld").read_bytes()
    assert (folder / "context.jsonld").read_bytes() == published
    document = json.loads((folder / "clustergraph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == json.loads(published)["@context"]
    nodes = {node["@id"]: node for node in document["@graph"]}
    prefixes = {k: v for k, v in document["@context"].items() if isinstance(v, str)}

    def expand(compact: str) -> str:
        prefix, _, local = compact.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else compact

    assert [expand(i) for i in nodes] == sorted(expand(i) for i in nodes)  # sorted by subject IRI
    ningbo = nodes["cgid:region/330200"]
    assert ningbo["label"] == {"zh": "宁波市", "zh-Latn-pinyin": "níng bō shì"}  # language map
    assert ningbo["gbt2260Code"] == "330200"
    assert ningbo["sameAs"] == "wd:Q42780"  # @id-coerced term
    cluster = next(n for i, n in nodes.items() if i.startswith("cgid:cluster/"))
    assert isinstance(cluster["caseNumber"], str)  # xsd:integer-coerced term keeps the lexical form
    assert cluster["label"]["zh"].endswith("集群")


def test_jsonld_context_terms_are_defined_once_per_iri() -> None:
    context = json.loads(data_path("ontology/context.jsonld").read_text(encoding="utf-8"))[
        "@context"
    ]
    ids = [v["@id"] for v in context.values() if isinstance(v, dict)]
    assert len(ids) == len(set(ids))


def test_export_of_the_bundled_graph_needs_no_data_option(tmp_path: Path) -> None:
    done = run_cli("export", "--format", "nt", "-o", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "clustergraph.nt").stat().st_size > 0


def test_missing_graph_is_a_clear_input_error(tmp_path: Path) -> None:
    done = run_cli(
        "export", "--format", "ttl", "--data", str(tmp_path / "nope.ttl"), "-o", str(tmp_path)
    )
    assert done.returncode == 2
    assert "nope.ttl" in done.stderr and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    done = run_cli("export", "--format", "xml", "-o", str(tmp_path))
    assert done.returncode == 2
    assert "xml" in done.stderr and "Traceback" not in done.stderr


def test_existing_files_are_replaced_in_place(source, tmp_path: Path) -> None:
    from clustergraph.export import export

    graph, _ = source
    (tmp_path / "clustergraph.nt").write_text("stale\n", encoding="utf-8")
    export(graph, "nt", tmp_path)
    assert not (tmp_path / "clustergraph.nt").read_text(encoding="utf-8").startswith("stale")
    assert [p.name for p in tmp_path.iterdir()] == ["clustergraph.nt"]


def test_unwritable_output_folder_is_a_clear_input_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    done = run_cli("export", "--format", "nt", "-o", str(blocker / "sub"))
    assert done.returncode == 2
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr
