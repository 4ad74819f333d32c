"""Benchmark: build + validate of the bundled white paper (median of N runs, in-process and CLI).

Target (issue: foundation): build + validate under 1 s. Run:
    .venv/bin/python benchmarks/bench_build.py [--runs 5]
Writes benchmarks/results/build.md.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _stage_times(runs: int) -> dict[str, list[float]]:
    from clustergraph.graph.serialize import to_turtle
    from clustergraph.pipeline import build_graph
    from clustergraph.validate.shacl import validate_graph

    times: dict[str, list[float]] = {
        "extract+link": [],
        "validate": [],
        "serialize": [],
        "total": [],
    }
    for _ in range(runs):
        t0 = time.perf_counter()
        result = build_graph()
        t1 = time.perf_counter()
        report = validate_graph(result.graph)
        t2 = time.perf_counter()
        to_turtle(result.graph)
        t3 = time.perf_counter()
        assert report.conforms
        times["extract+link"].append(t1 - t0)
        times["validate"].append(t2 - t1)
        times["serialize"].append(t3 - t2)
        times["total"].append(t3 - t0)
    return times


def _cli_times(runs: int) -> list[float]:
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "clustergraph.cli", "build", "-o", str(Path(tmp) / "g.ttl")],
                check=True,
                capture_output=True,
            )
            out.append(time.perf_counter() - t0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    stages = _stage_times(args.runs + 1)  # first run warms caches; reported separately
    warm = {k: v[1:] for k, v in stages.items()}
    cli = _cli_times(args.runs)
    from clustergraph.pipeline import build_graph

    triples = len(build_graph().graph)
    lines = [
        "# Build benchmark (bundled white paper)",
        "",
        f"runs: {args.runs} (median), triples: {triples}, python {sys.version.split()[0]}",
        "",
        "| stage | median s | min s | max s |",
        "| --- | ---: | ---: | ---: |",
    ]
    for stage, values in warm.items():
        lines.append(
            f"| {stage} (in-process, warm) | {statistics.median(values):.3f} | "
            f"{min(values):.3f} | {max(values):.3f} |"
        )
    lines.append(f"| first in-process build (cold) | {stages['total'][0]:.3f} | | |")
    lines.append(
        f"| `clustergraph build` CLI, process start to file written | "
        f"{statistics.median(cli):.3f} | {min(cli):.3f} | {max(cli):.3f} |"
    )
    lines.append("")
    lines.append(
        f"target: build + validate < 1 s → ratio to target (CLI median): "
        f"{statistics.median(cli) / 1.0:.2f}x"
    )
    text = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "results").mkdir(parents=True, exist_ok=True)
    (ROOT / "benchmarks" / "results" / "build.md").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
