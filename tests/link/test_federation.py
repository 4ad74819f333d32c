"""Federation: ``wikidata-enrichment`` asks a second SPARQL endpoint for Wikidata facts with SERVICE.

Two real Oxigraph servers on 127.0.0.1: one serves the built graph, one a Wikidata-shaped fixture
(fixtures/wikidata-mini.ttl). The endpoint parameter reaches the query as one validated IRI written
over ``SERVICE ?wikidata``; anything else is refused before a query is sent. No traffic leaves
127.0.0.1, and both servers (process groups) are gone after the module.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
import pytest
from rdflib.plugins.sparql import prepareQuery

from clustergraph.errors import QueryError
from clustergraph.query.catalogue import load_query
from clustergraph.query.params import bind_parameters, bind_service_names, inject_values
from clustergraph.query.results import Term
from tests.conftest import run_cli

FIXTURE = Path(__file__).with_name("fixtures") / "wikidata-mini.ttl"
OXIGRAPH = Path(sys.executable).with_name("oxigraph")
WD = "http://www.wikidata.org/entity/"
NINGBO_CLUSTER = "浙江宁波磁性材料集群"
INJECTIONS = [
    "http://127.0.0.1:1/query> { ?s ?p ?o } } ; DROP ALL ; #",
    "http://127.0.0.1:1/query>{}",
    'http://127.0.0.1:1/"query',
    "http://127.0.0.1:1/query\nDROP ALL",
    "?wikidata",
    "not an iri",
]


# -- the substitution itself (no servers) ---------------------------------------------------------
def test_service_variable_becomes_the_iri_and_nothing_else_changes() -> None:
    text = (
        'SELECT ?x ?w WHERE { ?x <http://e/p> "SERVICE ?w" . # SERVICE ?w\n'
        "  OPTIONAL { SERVICE SILENT ?w { ?x <http://e/q> ?y } }\n"
        "  OPTIONAL { service $w { ?x <http://e/r> ?z } } FILTER(?w != <http://e/x>) }"
    )
    bound = bind_service_names(text, {"w": Term.iri("http://127.0.0.1:9/query")})
    assert bound.count("<http://127.0.0.1:9/query>") == 2
    assert "SERVICE SILENT <http://127.0.0.1:9/query> {" in bound
    assert "service <http://127.0.0.1:9/query> {" in bound
    assert '"SERVICE ?w"' in bound and "# SERVICE ?w\n" in bound and "FILTER(?w !=" in bound
    assert bind_service_names(text, {"other": Term.iri("http://e/")}) == text


@pytest.mark.parametrize("value", ["http://x/> } ; DROP ALL ; #", "http://x/ y", ""])
def test_an_unvalidated_term_is_refused_as_a_service_name(value: str) -> None:
    text = "SELECT ?w WHERE { SERVICE ?w { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE"):
        bind_service_names(text, {"w": Term.iri(value)})
    with pytest.raises(QueryError, match="SERVICE"):
        bind_service_names(text, {"w": Term.literal("http://x/")})


@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_the_endpoint_parameter_is_rejected(value: str) -> None:
    query = load_query("wikidata-enrichment")
    with pytest.raises(QueryError, match="needs an absolute IRI"):
        bind_parameters(query, {"wikidata": value})


def test_remote_text_names_the_service_and_parses_everywhere() -> None:
    query = load_query("wikidata-enrichment")
    assert query.parameter("wikidata").default == "https://query.wikidata.org/sparql"
    bindings = bind_parameters(query, {"wikidata": "http://127.0.0.1:9/query"})
    text = inject_values(query.text, bindings)
    assert "SERVICE SILENT <http://127.0.0.1:9/query> {" in text
    assert "VALUES ?wikidata { <http://127.0.0.1:9/query> }" in text
    prepareQuery(text)
    pyoxigraph.Store().query(text)  # parses and runs on an empty store (no rows, no call)


# -- two real servers -----------------------------------------------------------------------------
@dataclass
class Server:
    process: subprocess.Popen[bytes]
    url: str
    location: Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(data: Path, location: Path) -> Server:
    """``oxigraph load`` then ``oxigraph serve-read-only`` in its own process group."""
    loaded = subprocess.run(
        [str(OXIGRAPH), "load", "--location", str(location), "--file", str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert loaded.returncode == 0, loaded.stderr
    port = free_port()
    process = subprocess.Popen(
        [
            str(OXIGRAPH),
            "serve-read-only",
            "--location",
            str(location),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: teardown kills the whole group
    )
    server = Server(process, f"http://127.0.0.1:{port}/query", location)
    probe = server.url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        assert process.poll() is None, "oxigraph stopped at start"
        try:
            with urllib.request.urlopen(probe, timeout=1) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    assert stop_server(server) == ""
    pytest.fail(f"oxigraph did not answer at {server.url}")


def stop_server(server: Server) -> str:
    """Kill the server's process group; return what pgrep still finds of it (empty when gone)."""
    group = server.process.pid  # the session leader's pid is the group id
    if server.process.poll() is None:
        os.killpg(group, signal.SIGTERM)
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(group, signal.SIGKILL)
            server.process.wait(timeout=10)
    left = []
    for pattern in (["-g", str(group)], ["-f", str(server.location)]):
        found = subprocess.run(["pgrep", *pattern], capture_output=True, text=True, check=False)
        left.append(found.stdout.strip())
    return " ".join(item for item in left if item)


@pytest.fixture(scope="module")
def servers(
    built, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Path, Server, Server]]:
    """(built graph file, server with the built graph, server with the Wikidata fixture)."""
    if not OXIGRAPH.is_file():
        pytest.skip(f"no oxigraph binary next to {sys.executable}")
    _, graph_file = built
    root = tmp_path_factory.mktemp("federation")
    main = start_server(graph_file, root / "main")
    try:
        wikidata = start_server(FIXTURE, root / "wikidata")
    except BaseException:
        stop_server(main)
        raise
    try:
        yield graph_file, main, wikidata
    finally:
        left = [stop_server(wikidata), stop_server(main)]
        assert left == ["", ""], f"oxigraph processes left behind: {left}"


def query_json(*args: str) -> list[dict[str, str]]:
    done = run_cli("query", "wikidata-enrichment", "--format", "json", *args)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    return [{k: v["value"] for k, v in row.items()} for row in data["results"]["bindings"]]


def count_triples(url: str) -> int:
    query = urllib.parse.urlencode({"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    request = urllib.request.Request(
        url + "?" + query, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return int(json.load(response)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.slow
def test_remote_query_is_enriched_from_the_second_endpoint(servers) -> None:
    _, main, wikidata = servers
    rows = query_json("--endpoint", main.url, "--param", f"wikidata={wikidata.url}")
    assert rows and all(row["wikidata"] == wikidata.url for row in rows)
    ningbo = [r for r in rows if r["clusterLabel"] == NINGBO_CLUSTER]
    by_code = {r["regionCode"]: r for r in ningbo}
    assert set(by_code) == {"330000", "330200"}
    expected = {
        "regionLabel": "宁波市",
        "item": WD + "Q42780",
        "population": "9400000",
        "area": "9816",
        "labelEn": "Ningbo",
    }
    assert {key: by_code["330200"].get(key) for key in expected} == expected
    assert (by_code["330000"]["population"], by_code["330000"]["labelEn"]) == (
        "64570000",
        "Zhejiang",
    )
    hangzhou = [r for r in rows if r["regionCode"] == "330100"]
    assert hangzhou and all(r["population"] == "11940000" and "area" not in r for r in hangzhou)
    # regions the fixture does not know keep their local columns, without Wikidata values
    others = [r for r in rows if r["item"] not in {WD + "Q16967", WD + "Q42780", WD + "Q4970"}]
    assert others and all({"population", "area", "labelEn"}.isdisjoint(r) for r in others)
    assert not any(r["item"] == WD + "Q90" for r in rows)


@pytest.mark.slow
def test_embedded_run_calls_the_same_service_and_agrees(servers) -> None:
    graph_file, main, wikidata = servers
    param = f"wikidata={wikidata.url}"
    remote = query_json("--endpoint", main.url, "--param", param)
    embedded = query_json("--data", str(graph_file), "--param", param)
    assert embedded == remote
    assert any("population" in row for row in embedded)


@pytest.mark.slow
def test_unreachable_service_keeps_the_local_rows(servers) -> None:
    _, main, _ = servers
    closed = f"http://127.0.0.1:{free_port()}/query"  # nothing listens there
    rows = query_json("--endpoint", main.url, "--param", f"wikidata={closed}")
    assert any(r["clusterLabel"] == NINGBO_CLUSTER and r["regionCode"] == "330200" for r in rows)
    assert all({"population", "area", "labelEn"}.isdisjoint(r) for r in rows)


@pytest.mark.slow
@pytest.mark.parametrize("value", INJECTIONS[:3])
def test_cli_rejects_an_injected_endpoint_before_sending_anything(servers, value: str) -> None:
    _, main, wikidata = servers
    before = count_triples(main.url), count_triples(wikidata.url)
    done = run_cli(
        "query", "wikidata-enrichment", "--endpoint", main.url, "--param", f"wikidata={value}"
    )
    assert done.returncode == 2
    assert "needs an absolute IRI" in done.stderr and "Traceback" not in done.stderr
    assert (count_triples(main.url), count_triples(wikidata.url)) == before
