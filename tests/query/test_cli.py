"""The ``queries``, ``query``, ``serve`` and ``publish`` commands, run as users run them."""

from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clustergraph.query.catalogue import load_query, query_names

from .conftest import FIXTURE, ROOT, free_port, oxigraph_missing, run_cli


def test_queries_lists_name_then_english_title() -> None:
    done = run_cli("queries")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[0] for line in lines] == query_names()
    for line in lines:
        name = line.split()[0]
        assert line.split(None, 1)[1] == load_query(name).title.en


def test_queries_json() -> None:
    done = run_cli("queries", "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [q["name"] for q in data] == query_names()
    stats = next(q for q in data if q["name"] == "competition-statistics")
    assert [p["name"] for p in stats["parameters"]] == ["stage", "dimension"]


def test_query_csv() -> None:
    done = run_cli("query", "clusters", "--data", str(FIXTURE), "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert "\r\n" in done.stdout
    rows = list(csv.DictReader(io.StringIO(done.stdout, newline="")))
    assert len(rows) == 3
    assert {r["label"] for r in rows} >= {"浙江宁波磁性材料集群"}


def test_query_table_with_params() -> None:
    done = run_cli("query", "region-clusters", "--param", "region=浙江", "--data", str(FIXTURE))
    assert done.returncode == 0, done.stderr
    assert "浙江杭州数字安防集群" in done.stdout and done.stdout.rstrip().endswith("(2 rows)")
    assert "cgid:cluster/" in done.stdout  # IRIs shortened with the query's prefixes


def test_query_json_and_tsv() -> None:
    done = run_cli(
        "query",
        "competition-statistics",
        "-p",
        "stage=winners",
        "-p",
        "dimension=province",
        "--data",
        str(FIXTURE),
        "--format",
        "json",
    )
    data = json.loads(done.stdout)
    assert data["head"]["vars"] == list(load_query("competition-statistics").columns)
    counts = [int(b["count"]["value"]) for b in data["results"]["bindings"]]
    assert sum(counts) == 44
    done = run_cli("query", "promotion-agencies", "--data", str(FIXTURE), "--format", "tsv")
    assert done.stdout.startswith("?agency\t?agencyLabel\t")


def test_query_file(tmp_path: Path) -> None:
    rq = tmp_path / "mine.rq"
    rq.write_text(
        "PREFIX cg: <https://w3id.org/clustergraph/ontology#>\n"
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c a cg:Cluster }\n",
        encoding="utf-8",
    )
    done = run_cli("query", "--file", str(rq), "--data", str(FIXTURE), "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "n\r\n3\r\n"
    done = run_cli("query", "--file", str(rq), "--data", str(FIXTURE), "-p", "x=1")
    assert done.returncode == 2 and "unknown parameter 'x'" in done.stderr


D = ["--data", "{fixture}"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "clusterz", *D], "unknown query 'clusterz'; known: "),
        (
            ["query", "clusters", "--param", "region=x", *D],
            "unknown parameter 'region' for query 'clusters'; known: none",
        ),
        (["query", "region-clusters", "--param", "regoin=浙江", *D], "known: region=STRING"),
        (["query", "region-clusters", *D], "needs parameter region=STRING"),
        (["query", "competition-statistics", "-p", "stage=losers", *D], "must be one of entrants"),
        (["query", "evidence", "-p", "entity=http://x> } ; DROP ALL ; #", *D], "absolute IRI"),
        (["query", "clusters", "-p", "novalue", *D], "name=value"),
        (["query"], "give a query name or --file"),
        (["query", "clusters", "--data", "/nonexistent/graph.ttl"], "no such graph file"),
        (["query", "clusters", "--endpoint", "http://127.0.0.1:{port}/query"], "cannot reach"),
        (["query", "clusters", "--endpoint", "ftp://x/query"], "http(s) URL"),
        (["query", "clusters", "--endpoint", "http://127.0.0.1:1/query", *D], "not both"),
        (["query", "--file", "/nonexistent/q.rq", *D], "no such query file"),
    ],
    ids=[
        "unknown-query",
        "unknown-param",
        "param-typo",
        "missing-param",
        "bad-enum",
        "bad-iri",
        "bad-assignment",
        "nothing",
        "missing-data",
        "unreachable",
        "bad-endpoint",
        "data-and-endpoint",
        "missing-file",
    ],
)
def test_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    args = [a.replace("{port}", str(free_port())).replace("{fixture}", str(FIXTURE)) for a in args]
    done = run_cli(*args)
    assert done.returncode == 2, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("clustergraph: error: ")
    assert message in lines[0]


def test_query_path_does_not_import_rdflib() -> None:
    code = (
        "import sys\n"
        "from clustergraph.cli import main\n"
        "try:\n"
        f"    main(['query', 'clusters', '--data', {str(FIXTURE)!r}, '--format', 'csv'])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "print('RDFLIB' if 'rdflib' in sys.modules else 'CLEAN', file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert done.stderr.strip().endswith("CLEAN"), done.stderr


@pytest.mark.slow
def test_serve_command_then_query_it(tmp_path: Path) -> None:
    if oxigraph_missing():
        pytest.skip("oxigraph binary missing")
    import os

    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "clustergraph.cli",
            "serve",
            "--data",
            str(FIXTURE),
            "--port",
            str(port),
            "--location",
            str(tmp_path / "store"),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert f"http://127.0.0.1:{port}/query" in line, line
        done = run_cli(
            "query", "clusters", "--endpoint", f"http://127.0.0.1:{port}/query", "--format", "csv"
        )
        assert done.returncode == 0, done.stderr
        local = run_cli("query", "clusters", "--data", str(FIXTURE), "--format", "csv")
        assert done.stdout == local.stdout
    finally:
        process.terminate()  # SIGTERM: the command must stop its oxigraph child too
        process.wait(timeout=10)
    assert (tmp_path / "store").is_dir()
    with socket.socket() as sock:  # nothing listens any more
        assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_serve_refuses_remote_host() -> None:
    done = run_cli("serve", "--data", str(FIXTURE), "--host", "0.0.0.0")
    assert done.returncode == 2 and "--allow-remote" in done.stderr


def test_publish_unreachable_is_one_line() -> None:
    started = time.monotonic()
    done = run_cli(
        "publish", "--endpoint", f"http://127.0.0.1:{free_port()}/store", "--data", str(FIXTURE)
    )
    assert done.returncode == 2 and "cannot reach graph store" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert time.monotonic() - started < 55  # refused at once, not after the 60 s timeout
