"""Benchmark the canned queries: embedded pyoxigraph vs rdflib's memory store vs a served Oxigraph.

For each size it builds a synthetic graph of the real graph's shape (the built kg/clustergraph.ttl,
or the test fixture when no build exists) by replicating every extracted node — clusters,
measures, institutions, roles, quantities, evidence … — under new IRIs, while regions, industries,
schemes and the source stay shared, exactly as more case studies of the same white paper would.
The generator is deterministic (no randomness): copy k appends ``-r{k}`` to IRIs and `` (k)`` to
labels; copy 0 is the original, so the canned queries' example parameters still find one node.

Then, per engine, it reports per-query medians, load time and peak memory (each engine runs in
its own process: ``resource.getrusage`` max RSS, or the server's VmHWM), ratios against rdflib,
whether the answers agree, and the end-to-end time of ``clustergraph query clusters`` against a
plain rdflib script doing the same (process start to rows printed). For pyoxigraph it also
reports each answer's floor: the time to hand that many rows to Python (the same rows read from a
VALUES table through the engine's conversion), which no rewrite of the query can go below.

    .venv/bin/python benchmarks/bench_queries.py --sizes 100000 1000000
    .venv/bin/python benchmarks/bench_queries.py --sizes 100000 1000000 --skip-rdflib-above 200000

Writes benchmarks/results/queries.md. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BUILT = ROOT / "kg" / "clustergraph.ttl"
FIXTURE = ROOT / "tests" / "query" / "fixtures" / "mini.ttl"
RESULTS = ROOT / "benchmarks" / "results" / "queries.md"
CGID = "https://w3id.org/clustergraph/id/"
#: instance kinds that stay shared between copies (the world the clusters live in)
SHARED = (
    "region/",
    "industry/",
    "scheme/",
    "source/",
    "dataset/",
    "activity/",
    "national-list/",
    "reference/",
    "gbt4754/",
    "sei2018/",
    "target/",
    "agent/",
)
LABELS = {
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
}
RDFLIB_SCRIPT = """import sys, rdflib
graph = rdflib.Graph()
graph.parse(sys.argv[1])
query = open(sys.argv[2], encoding="utf-8").read()
for row in graph.query(query):
    print(",".join("" if value is None else str(value) for value in row))
"""


# -- synthetic graphs ---------------------------------------------------------------------------
def _replicated(iri: str) -> bool:
    return iri.startswith(CGID) and not iri[len(CGID) :].startswith(SHARED)


def synthesize(base: Path, target: int, out: Path) -> int:
    """Write an N-Triples graph of about ``target`` triples built from ``base``; return its size."""
    import pyoxigraph as ox

    triples = list(ox.parse(path=str(base), format=ox.RdfFormat.from_extension(base.suffix[1:])))
    shared = [t for t in triples if not _touches_copy(t)]
    copied = [t for t in triples if _touches_copy(t)]
    copies = max(1, math.ceil((target - len(shared)) / max(1, len(copied))))
    out_triples = list(shared)
    for k in range(copies):
        out_triples.extend(_copy(triple, k) for triple in copied)
    with out.open("wb") as handle:
        ox.serialize(out_triples, handle, ox.RdfFormat.N_TRIPLES)
    return len(out_triples)


def _touches_copy(triple: object) -> bool:
    import pyoxigraph as ox

    s, o = triple.subject, triple.object  # type: ignore[attr-defined]
    return (isinstance(s, ox.NamedNode) and _replicated(s.value)) or (
        isinstance(o, ox.NamedNode) and _replicated(o.value)
    )


def _copy(triple: object, k: int) -> object:
    import pyoxigraph as ox

    if k == 0:
        return triple

    def term(node: object) -> object:
        if isinstance(node, ox.NamedNode) and _replicated(node.value):
            return ox.NamedNode(f"{node.value}-r{k}")
        return node

    s, p, o = triple.subject, triple.predicate, triple.object  # type: ignore[attr-defined]
    if (
        p.value in LABELS
        and isinstance(s, ox.NamedNode)
        and _replicated(s.value)
        and isinstance(o, ox.Literal)
    ):
        o = (
            ox.Literal(f"{o.value} ({k})", language=o.language)
            if o.language
            else ox.Literal(f"{o.value} ({k})", datatype=o.datatype)
        )
    return ox.Triple(term(s), p, term(o))


# -- workers (one process per engine, so peak memory is the engine's own) ------------------------
def _digest(rows: list[dict[str, object]]) -> str:
    text = json.dumps(rows, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _table_rows(table: object) -> list[dict[str, object]]:
    return [{k: v.__dict__ for k, v in row.items()} for row in table.rows]  # type: ignore[attr-defined]


class _Timeout(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def worker(engine: str, data: Path, runs: int, budget: float) -> dict[str, object]:
    """Load ``data`` with ``engine`` and time every canned query; return a JSON-ready report."""
    from clustergraph.query.catalogue import load_all
    from clustergraph.query.params import bind_parameters, inject_values

    started = time.perf_counter()
    if engine == "pyoxigraph":
        from clustergraph.query.engine import EmbeddedEngine

        embedded = EmbeddedEngine(data)
    else:
        import rdflib

        graph = rdflib.Graph()
        graph.parse(str(data), format="nt" if data.suffix == ".nt" else "turtle")
        size = len(graph)
    load = time.perf_counter() - started
    queries: dict[str, dict[str, object]] = {}
    for query in load_all():
        bindings = bind_parameters(query, dict(query.expect.params))
        times: list[float] = []
        digest, rows, note = "", 0, ""
        if engine == "pyoxigraph":
            embedded.run(query.text, bindings)  # warm-up, not timed
        for _ in range(runs):
            t0 = time.perf_counter()
            if engine == "pyoxigraph":
                table = embedded.run(query.text, bindings)
                result = _table_rows(table)
            else:
                signal.signal(signal.SIGALRM, _alarm)
                signal.setitimer(signal.ITIMER_REAL, budget)
                try:
                    result = _rdflib_rows(graph, inject_values(query.text, bindings))
                except _Timeout:
                    note = f"> {budget:g} s"
                    break
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            times.append(time.perf_counter() - t0)
            digest, rows = _digest(result), len(result)
            if sum(times) > budget:  # slow: a median of fewer runs
                break
        queries[query.name] = {
            "median_ms": statistics.median(times) * 1000 if times and not note else None,
            "runs": len(times),
            "rows": rows,
            "digest": digest,
            "note": note,
        }
        if engine == "pyoxigraph":
            queries[query.name]["floor_ms"] = _floor_ms(embedded, table, runs)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report: dict[str, object] = {"load_s": load, "peak_mb": peak_kb / 1024, "queries": queries}
    if engine == "rdflib":
        report["triples"] = size
    return report


def _floor_ms(embedded: object, table: object, runs: int) -> float:
    """Median time to hand ``table``'s rows to Python: read from a VALUES table, already planned."""
    from clustergraph.query.engine import solutions_table

    columns = table.columns  # type: ignore[attr-defined]
    lines = [
        "(" + " ".join(row[c].n3() if c in row else "UNDEF" for c in columns) + ")"
        for row in table.rows  # type: ignore[attr-defined]
    ]
    text = (
        "SELECT * WHERE { VALUES ("
        + " ".join(f"?{c}" for c in columns)
        + ") {\n"
        + "\n".join(lines)
        + "\n} }"
    )
    times = []
    for _ in range(runs):
        solutions = embedded.store.query(text)  # type: ignore[attr-defined]  # parsed, not timed
        t0 = time.perf_counter()
        again = solutions_table(solutions)
        times.append(time.perf_counter() - t0)
    if again.rows != table.rows:  # type: ignore[attr-defined]
        raise RuntimeError("the VALUES copy of an answer reads back differently")
    return statistics.median(times) * 1000


def _rdflib_rows(graph: object, text: str) -> list[dict[str, object]]:
    import rdflib

    from clustergraph.query.results import Term

    out = []
    for row in graph.query(text):  # type: ignore[attr-defined]
        converted = {}
        for key, node in row.asdict().items():
            if isinstance(node, rdflib.URIRef):
                term = Term("uri", str(node))
            elif isinstance(node, rdflib.BNode):
                term = Term("bnode", str(node))
            else:
                term = Term(
                    "literal",
                    str(node),
                    node.language,
                    str(node.datatype) if node.datatype else None,
                )
            converted[str(key)] = term.__dict__
        out.append(converted)
    return out


def run_worker(engine: str, data: Path, runs: int, budget: float) -> dict[str, object]:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--worker",
            engine,
            "--data",
            str(data),
            "--runs",
            str(runs),
            "--budget",
            str(budget),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{engine} worker failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def served(data: Path, runs: int) -> dict[str, object]:
    """``oxigraph load`` + ``serve-read-only``; time every query over HTTP from this process."""
    from clustergraph.query.catalogue import load_all
    from clustergraph.query.engine import RemoteEngine
    from clustergraph.query.params import bind_parameters
    from clustergraph.query.server import LocalServer, load_location

    with tempfile.TemporaryDirectory(prefix="bench-oxigraph-") as scratch:
        started = time.perf_counter()
        load_location(data, Path(scratch))
        load = time.perf_counter() - started
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = LocalServer(Path(scratch), "127.0.0.1", port)
        server.start(timeout=120)
        try:
            engine = RemoteEngine(server.url, timeout=600)
            queries: dict[str, dict[str, object]] = {}
            for query in load_all():
                bindings = bind_parameters(query, dict(query.expect.params))
                times, result = [], []
                engine.run(query.text, bindings)  # warm-up (the store's caches), not timed
                for _ in range(runs):
                    t0 = time.perf_counter()
                    result = _table_rows(engine.run(query.text, bindings))
                    times.append(time.perf_counter() - t0)
                queries[query.name] = {
                    "median_ms": statistics.median(times) * 1000,
                    "runs": runs,
                    "rows": len(result),
                    "digest": _digest(result),
                    "note": "",
                }
            peak_mb = _vm_hwm_mb(server.process.pid) if server.process else None
        finally:
            server.stop()
    return {"load_s": load, "peak_mb": peak_mb, "queries": queries}


def _vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# -- end to end -----------------------------------------------------------------------------------
def end_to_end(data: Path, runs: int, budget: float, rdflib: bool = True) -> dict[str, object]:
    """Process time of ``clustergraph query clusters`` vs a plain rdflib script.

    clustergraph runs with a fresh cache folder: its first run parses the graph and fills the
    cache (reported on its own), the later runs are the usual case (median); a third series runs
    with the cache switched off (every run parses the file, like the rdflib script).
    """
    from clustergraph.query.catalogue import load_query

    script = Path(sys.executable).with_name("clustergraph")  # the installed CLI, as users run it
    launcher = [str(script)] if script.is_file() else [sys.executable, "-m", "clustergraph.cli"]
    ours = [
        *launcher,
        "query",
        "clusters",
        "--data",
        str(data),
        "--format",
        "csv",
    ]
    with tempfile.TemporaryDirectory() as scratch:
        script = Path(scratch) / "plain_rdflib.py"
        script.write_text(RDFLIB_SCRIPT, encoding="utf-8")
        rq = Path(scratch) / "clusters.rq"
        rq.write_text(load_query("clusters").text, encoding="utf-8")
        plain = [sys.executable, str(script), str(data), str(rq)]
        env = dict(os.environ, PYTHONPATH=str(ROOT), CLUSTERGRAPH_CACHE_DIR=f"{scratch}/cache")
        off = dict(env, CLUSTERGRAPH_CACHE_DIR="off")

        def timed(command: list[str], environment: dict[str, str]) -> float:
            t0 = time.perf_counter()
            subprocess.run(command, cwd=ROOT, env=environment, check=True, capture_output=True)
            return time.perf_counter() - t0

        result: dict[str, object] = {"first_s": timed(ours, env)}
        series = [("clustergraph", ours, env), ("clustergraph_nocache", ours, off)]
        if rdflib:
            series.append(("rdflib", plain, env))
        for name, command, environment in series:
            times: list[float] = []
            for _ in range(runs):
                times.append(timed(command, environment))
                if sum(times) > budget:
                    break
            result[name] = {"median_s": statistics.median(times), "runs": len(times)}
    return result


# -- report ---------------------------------------------------------------------------------------
def _ms(value: object) -> str:
    if value is None:
        return "–"
    number = float(value)  # type: ignore[arg-type]
    return f"{number:,.0f}" if number >= 100 else f"{number:.1f}"


def _ratio(slow: object, fast: object) -> str:
    if slow is None or fast is None or not float(fast):  # type: ignore[arg-type]
        return "–"
    ratio = float(slow) / float(fast)  # type: ignore[arg-type]
    return f"{ratio:,.0f}×" if ratio >= 10 else f"{ratio:.1f}×"


def render(sections: list[dict[str, object]], meta: dict[str, str]) -> str:
    lines = [
        "# Canned-query benchmark",
        "",
        "Generated by `benchmarks/bench_queries.py` (" + meta["command"] + ").",
        "",
        (
            f"Machine: {meta['machine']}; Python {meta['python']}; pyoxigraph {meta['pyoxigraph']}; "
            f"rdflib {meta['rdflib']}; {meta['oxigraph_cli']}."
        ),
        "",
        (
            "Synthetic graphs replicate every extracted node of the base graph "
            f"(`{meta['base']}`) under new IRIs; regions, industries, schemes and the source are shared. "
            "Times are medians over repeated runs of each canned query with its example parameters "
            "(rdflib: fewer runs when a query is slow; '> N s' = stopped after the budget; "
            "'not run' = size above `--skip-rdflib-above`). "
            "'floor' is the time to hand the same rows to Python (read back from a VALUES table "
            "through the engine's conversion): no rewrite of a query returning that many rows can "
            "be faster. 'rdflib ÷' columns are rdflib's time divided by the engine's. 'agree' "
            "compares the full normalised answers of the engines that ran."
        ),
    ]
    for section in sections:
        py, rd, sv = section["pyoxigraph"], section.get("rdflib"), section["served"]
        rd_load = f"{rd['load_s']:.2f} s" if rd else "not run"
        rd_peak = f"{rd['peak_mb']:,.0f} MB" if rd else "not run"
        lines += [
            "",
            f"## {section['triples']:,} triples",
            "",
            "| | pyoxigraph (embedded) | rdflib memory store | Oxigraph server (HTTP) |",
            "| --- | ---: | ---: | ---: |",
            (
                f"| load | {py['load_s']:.2f} s | {rd_load} | {sv['load_s']:.2f} s "
                "(`oxigraph load`) |"
            ),
            (
                f"| peak memory | {py['peak_mb']:,.0f} MB | {rd_peak} | "
                f"{(sv['peak_mb'] or 0):,.0f} MB (server) |"
            ),
            "",
            (
                "| query | rows | pyoxigraph ms | floor ms | rdflib ms | server ms | "
                "rdflib ÷ pyoxigraph | rdflib ÷ server | agree |"
            ),
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
        ]
        for name, q in py["queries"].items():
            r = rd["queries"][name] if rd else {"note": "not run", "median_ms": None}
            v = sv["queries"][name]
            agree = q["digest"] == v["digest"] and (r["note"] or q["digest"] == r["digest"])
            rd_cell = r["note"] or _ms(r["median_ms"])
            lines.append(
                f"| {name} | {q['rows']:,} | {_ms(q['median_ms'])} | {_ms(q.get('floor_ms'))} | "
                f"{rd_cell} | {_ms(v['median_ms'])} | {_ratio(r['median_ms'], q['median_ms'])} | "
                f"{_ratio(r['median_ms'], v['median_ms'])} | {'yes' if agree else 'NO'} |"
            )
        finished = [n for n in py["queries"] if not rd or rd["queries"][n]["median_ms"] is not None]
        engines = [("py", py), ("sv", sv)] + ([("rd", rd)] if rd else [])
        total = {k: sum(e["queries"][n]["median_ms"] for n in finished) for k, e in engines}
        label = (
            "all queries"
            if len(finished) == len(py["queries"])
            else (f"the {len(finished)} queries rdflib finished")
        )
        lines.append(
            f"| **sum, {label}** | | {_ms(total['py'])} | | {_ms(total.get('rd'))} | "
            f"{_ms(total['sv'])} | {_ratio(total.get('rd'), total['py'])} | "
            f"{_ratio(total.get('rd'), total['sv'])} | |"
        )
        slow = [
            f"{n} ({_ms(q['median_ms'])}, floor {_ms(q.get('floor_ms'))})"
            for n, q in py["queries"].items()
            if (q["median_ms"] or 0) >= 100
        ]
        lines += ["", f"pyoxigraph ≥ 100 ms: {', '.join(slow) if slow else 'none'}."]
    lines += [
        "",
        "## End to end: `clustergraph query clusters --format csv` vs a plain rdflib script",
        "",
        (
            "Process start to rows printed (read the graph, run the same `clusters.rq`, print CSV). "
            "clustergraph caches parsed query headers, and an indexed copy of each graph file of "
            "2 MB or more it has queried (`clustergraph/query/storecache.py`, keyed by the file's "
            "SHA-256; smaller files are parsed every time, which is as fast as opening a store): "
            "'first run' fills the cache, 'cached' is every later run (median), 'no cache' runs "
            "with `CLUSTERGRAPH_CACHE_DIR=off` (parses everything every time, as the rdflib script "
            "does)."
        ),
        "",
        (
            "| graph | triples | clustergraph first run | clustergraph cached | clustergraph no cache "
            "| plain rdflib | rdflib ÷ cached | rdflib ÷ no cache |"
        ),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for section in [meta["e2e_base"], *sections]:
        e2e = section["e2e"]  # type: ignore[index]
        ours, theirs = e2e["clustergraph"], e2e.get("rdflib")
        nocache = e2e.get("clustergraph_nocache")
        slow = theirs["median_s"] if theirs else None

        def cell(entry: dict[str, object] | None) -> str:
            if not entry:
                return "not run"
            return f"{entry['median_s']:.3f} s (median of {entry['runs']})"

        first = e2e.get("first_s")
        lines.append(
            f"| {section['label']} | {section['triples']:,} "
            f"| {f'{first:.3f} s' if first is not None else '–'} | {cell(ours)} | {cell(nocache)} "
            f"| {cell(theirs)} | {_ratio(slow, ours['median_s'])} "
            f"| {_ratio(slow, nocache['median_s'] if nocache else None)} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=5, help="runs per query (median)")
    parser.add_argument(
        "--budget",
        type=float,
        default=60.0,
        help="seconds per rdflib query (and per end-to-end series)",
    )
    parser.add_argument(
        "--base",
        type=Path,
        default=None,
        help="graph to replicate (default: kg/clustergraph.ttl, else the fixture)",
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "clustergraph-bench"
    )
    parser.add_argument(
        "--skip-rdflib-above",
        type=int,
        default=None,
        metavar="N",
        help="do not run rdflib (queries nor end to end) for sizes above N triples",
    )
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--render", type=Path, help="re-render a saved queries.json, then stop")
    parser.add_argument("--worker", choices=["pyoxigraph", "rdflib"], help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.data, args.runs, args.budget)))
        return
    if args.render:
        saved = json.loads(args.render.read_text(encoding="utf-8"))
        args.out.write_text(render(saved["sections"], saved["meta"]), encoding="utf-8")
        return

    base = args.base or (BUILT if BUILT.is_file() and BUILT.stat().st_size else FIXTURE)
    args.workdir.mkdir(parents=True, exist_ok=True)
    import pyoxigraph
    import rdflib

    oxigraph_cli = (
        subprocess.run(
            [str(Path(sys.executable).with_name("oxigraph")), "--version"],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()
        or "oxigraph CLI"
    )
    meta: dict[str, object] = {
        "command": "`" + " ".join(["python", "benchmarks/bench_queries.py", *sys.argv[1:]]) + "`",
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "rdflib": rdflib.__version__,
        "oxigraph_cli": oxigraph_cli,
        "base": base.relative_to(ROOT) if base.is_relative_to(ROOT) else base,
    }
    rdf_format = pyoxigraph.RdfFormat.from_extension(base.suffix[1:])
    base_triples = sum(1 for _ in pyoxigraph.parse(path=str(base), format=rdf_format))
    print(f"base {base} ({base_triples} triples): end to end", file=sys.stderr)
    meta["e2e_base"] = {
        "label": f"`{meta['base']}`",
        "triples": base_triples,
        "e2e": end_to_end(base, args.runs, args.budget),
    }
    sections = []
    for size in args.sizes:
        data = args.workdir / f"synthetic-{size}.nt"
        triples = synthesize(base, size, data)
        print(f"{data.name}: {triples} triples", file=sys.stderr)
        section: dict[str, object] = {"label": f"synthetic {size:,}", "triples": triples}
        with_rdflib = args.skip_rdflib_above is None or size <= args.skip_rdflib_above
        for engine in ("pyoxigraph", "rdflib") if with_rdflib else ("pyoxigraph",):
            print(f"  {engine} …", file=sys.stderr)
            section[engine] = run_worker(engine, data, args.runs, args.budget)
        print("  oxigraph server …", file=sys.stderr)
        section["served"] = served(data, args.runs)
        print("  end to end …", file=sys.stderr)
        section["e2e"] = end_to_end(data, args.runs, args.budget, rdflib=with_rdflib)
        sections.append(section)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render(sections, meta), encoding="utf-8")  # after each size
        raw = args.out.with_suffix(".json")
        raw.write_text(
            json.dumps(
                {"meta": meta, "sections": sections}, indent=1, ensure_ascii=False, default=str
            )
            + "\n",
            encoding="utf-8",
        )
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
