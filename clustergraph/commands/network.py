"""``clustergraph network``: project the graph into a network and write GEXF, GraphML, JSON or CSV."""

from __future__ import annotations

from pathlib import Path

import click

from clustergraph.commands.options import data_source_option

__all__ = ["command"]


@click.command(name="network")
@click.argument("projection", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gexf", "graphml", "json", "csv"]),
    help="Output format (default: from the -o suffix, else json). csv = metrics table.",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="File to write (atomically); default: standard output.",
)
@data_source_option
def command(projection: str | None, fmt: str | None, out: Path | None, data: str | None) -> None:
    """Write network PROJECTION with its metrics; without PROJECTION, list the projections."""
    from clustergraph.network.run import network_output

    click.echo(network_output(projection, fmt=fmt, out=out, data=data), nl=False)
