"""``clustergraph build``: text → validated, deterministic Turtle."""

from __future__ import annotations

import time
from pathlib import Path

import click

__all__ = ["command"]


@click.command(name="build")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path),
    default=Path("kg/clustergraph.ttl"),
    show_default=True,
    help="Turtle file to write (only if the graph conforms).",
)
@click.option("--encoding", default=None, help="Source encoding (default: detect UTF-8/GB18030).")
@click.option("--no-validate", is_flag=True, help="Skip SHACL validation (not for publishing).")
def command(source: Path | None, out: Path, encoding: str | None, no_validate: bool) -> None:
    """Build the graph from SOURCE (default: the bundled white paper) and write OUT."""
    from clustergraph.pipeline import build

    started = time.perf_counter()
    result = build(source, out, encoding=encoding, validate=not no_validate)
    for warning in result.warnings:
        click.echo(f"clustergraph: warning: {warning}", err=True)
    seconds = time.perf_counter() - started
    click.echo(f"wrote {out} ({result.triples} triples, {seconds:.2f} s)", err=True)
