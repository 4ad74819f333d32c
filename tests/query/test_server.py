"""Remote runs: a real read-only Oxigraph server gives exactly the embedded answers, refuses
updates, and endpoint failures end in one clear EndpointError."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from clustergraph.errors import EndpointError, InputError, QueryError
from clustergraph.query.catalogue import load_query, query_names
from clustergraph.query.engine import RemoteEngine
from clustergraph.query.publish import count_triples, graph_store_url, publish
from clustergraph.query.runner import run_canned
from clustergraph.query.server import LocalServer, is_loopback, load_location, serve

from .conftest import FIXTURE, free_port, oxigraph_missing

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def _count(url: str) -> int:
    return int(RemoteEngine(url).run(COUNT).rows[0]["n"].value)


@pytest.mark.slow
@pytest.mark.parametrize("name", query_names())
def test_endpoint_answers_equal_embedded(served: tuple[Path, str], name: str) -> None:
    data, url = served
    query = load_query(name)
    params = dict(query.expect.params)
    remote = run_canned(query, params, endpoint=url)
    local = run_canned(query, params, data=data)
    assert remote == local
    assert remote.rows or data != FIXTURE


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("cluster-measures", {"cluster": "浙江宁波磁性材料集群", "category": "governance"}),
        ("cluster-profile", {"cluster": "cgid:cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun"}),
        ("competition-statistics", {"stage": "winners", "dimension": "province"}),
        ("institutions", {"type": "enterprise"}),
        ("region-clusters", {"region": "330000"}),
        ("cluster-profile", {"cluster": "x> } ; DROP ALL ; #"}),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_endpoint_parameters_equal_embedded(
    served: tuple[Path, str], name: str, params: dict[str, str]
) -> None:
    data, url = served
    before = _count(url)
    query = load_query(name)
    assert run_canned(query, params, endpoint=url) == run_canned(query, params, data=data)
    assert _count(url) == before


@pytest.mark.slow
def test_update_is_refused(served: tuple[Path, str]) -> None:
    _, url = served
    before = _count(url)
    update_url = url.rsplit("/", 1)[0] + "/update"
    body = b"DROP ALL ; INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    request = urllib.request.Request(
        update_url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/sparql-update"},
    )
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=10)
    assert 400 <= error.value.code < 500
    # the SPARQL query endpoint will not run updates either
    with pytest.raises((EndpointError, QueryError)):
        RemoteEngine(url).run("DROP ALL")
    assert _count(url) == before


def test_unreachable_endpoint_fails_fast_with_one_line() -> None:
    url = f"http://127.0.0.1:{free_port()}/query"
    started = time.monotonic()
    with pytest.raises(EndpointError) as error:
        run_canned(load_query("clusters"), endpoint=url, timeout=30)
    # refused at once, not after the 30 s timeout (a generous bound: this is not a speed test)
    assert time.monotonic() - started < 15
    message = str(error.value)
    assert "cannot reach SPARQL endpoint" in message and "connection refused" in message
    assert "\n" not in message


class _Handler(http.server.BaseHTTPRequestHandler):
    """Answers by path: /500, /404, /bad-json, /not-results, /slow."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/slow":
            time.sleep(2.5)
        status, body = {
            "/500": (500, b"boom: the store is on fire\nsecond line\n"),
            "/404": (404, b"no such endpoint\n"),
            "/418": (418, b"short and stout\n"),
            "/bad-json": (200, b"{not json"),
            "/not-results": (200, b'{"head": {}}'),
            "/slow": (200, b'{"head": {"vars": []}, "results": {"bindings": []}}'),
        }.get(self.path, (200, b""))
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def fake_endpoint() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/500", "answered HTTP 500: boom: the store is on fire"),
        ("/404", "answered HTTP 404: no such endpoint"),
        ("/418", "answered HTTP 418: short and stout"),
        ("/bad-json", "malformed SPARQL JSON"),
        ("/not-results", "malformed SPARQL JSON"),
    ],
)
def test_endpoint_errors_are_one_line(fake_endpoint: str, path: str, message: str) -> None:
    with pytest.raises(EndpointError, match=message) as error:
        RemoteEngine(fake_endpoint + path, timeout=5).run("SELECT * WHERE { ?s ?p ?o }")
    assert "\n" not in str(error.value)


def test_endpoint_timeout(fake_endpoint: str) -> None:
    with pytest.raises(EndpointError, match="did not answer within 1 s"):
        RemoteEngine(fake_endpoint + "/slow", timeout=1).run("SELECT * WHERE { ?s ?p ?o }")


def test_loopback_only_unless_allowed(tmp_path: Path) -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
    with pytest.raises(InputError, match="--allow-remote"):
        serve(FIXTURE, host="0.0.0.0", location=tmp_path)


def test_graph_store_urls() -> None:
    assert graph_store_url("http://h/store", None) == "http://h/store?default"
    assert (
        graph_store_url("http://h/store", "http://g/1") == "http://h/store?graph=http%3A%2F%2Fg%2F1"
    )
    assert graph_store_url("http://h/s?x=1", None) == "http://h/s?x=1&default"
    with pytest.raises(InputError):
        graph_store_url("http://h/store", "not an iri")


@pytest.mark.slow
def test_publish_puts_the_graph_into_a_store(tmp_path: Path) -> None:
    reason = oxigraph_missing()
    if reason:
        pytest.skip(f"oxigraph binary missing: {reason}")
    triples = count_triples(FIXTURE)
    with LocalServer(tmp_path / "store", port=free_port(), read_only=False) as server:
        base = server.url.rsplit("/", 1)[0]
        report = publish(FIXTURE, base + "/store")
        assert report.startswith(f"sent {triples} triples to the default graph")
        assert report.endswith(("HTTP 201", "HTTP 204", "HTTP 200"))
        assert _count(server.url) == triples
        report = publish(FIXTURE, base + "/store", graph="https://w3id.org/clustergraph/graph")
        assert "graph <https://w3id.org/clustergraph/graph>" in report
        named = RemoteEngine(server.url).run(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/clustergraph/graph> "
            "{ ?s ?p ?o } }"
        )
        assert int(named.rows[0]["n"].value) == triples
        publish(FIXTURE, base + "/store", append=True)  # POST adds; same triples, same count
        assert _count(server.url) == triples
        # the query endpoint is not a graph store: a clean HTTP error, not a traceback
        with pytest.raises(EndpointError, match="HTTP 4"):
            publish(FIXTURE, server.url)


def test_publish_unreachable_and_bad_input(tmp_path: Path) -> None:
    with pytest.raises(EndpointError, match="cannot reach graph store"):
        publish(FIXTURE, f"http://127.0.0.1:{free_port()}/store", timeout=5)
    with pytest.raises(InputError, match="no such graph file"):
        publish(tmp_path / "missing.ttl", "http://127.0.0.1:1/store")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid"):
        publish(bad, "http://127.0.0.1:1/store")


def test_load_location_rejects_bad_turtle(tmp_path: Path) -> None:
    if oxigraph_missing():
        pytest.skip("oxigraph binary missing")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle\n", encoding="utf-8")
    with pytest.raises(InputError, match="oxigraph could not load it"):
        load_location(bad, tmp_path / "store")


def test_query_url_quoting() -> None:
    server = LocalServer(Path("/nonexistent"), "::1", 7000)
    assert server.url == "http://[::1]:7000/query"
    assert urllib.parse.urlparse(server.url).port == 7000
