"""``clustergraph publish``: upload the graph with the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path

import click

from clustergraph.commands.options import data_file_option, endpoint_option, timeout_option

__all__ = ["command"]


@click.command(name="publish")
@endpoint_option("Graph Store Protocol URL, e.g. http://localhost:7878/store.", required=True)
@click.option("--graph", metavar="IRI", help="Named graph to write (default: the default graph).")
@data_file_option("send")
@click.option("--append", is_flag=True, help="POST (add to the graph) instead of PUT (replace).")
@timeout_option(60.0)
def command(
    endpoint: str, graph: str | None, data: Path | None, append: bool, timeout: float
) -> None:
    """Send the graph's Turtle to a triple store and report what was sent."""
    from clustergraph.query.publish import publish
    from clustergraph.query.runner import default_data

    click.echo(
        publish(data or default_data(), endpoint, graph=graph, append=append, timeout=timeout)
    )
