"""``clustergraph publish``: upload the graph with the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command(name="publish")
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="Graph Store Protocol URL, e.g. http://localhost:7878/store.",
)
@click.option("--graph", metavar="IRI", help="Named graph to write (default: the default graph).")
@click.option(
    "--data",
    type=click.Path(path_type=Path, dir_okay=False),
    help="RDF file to send (default: the bundled kg/clustergraph.ttl).",
)
@click.option("--append", is_flag=True, help="POST (add to the graph) instead of PUT (replace).")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True)
def command(
    endpoint: str, graph: str | None, data: Path | None, append: bool, timeout: float
) -> None:
    """Send the graph's Turtle to a triple store and report what was sent."""
    from clustergraph.query.publish import publish
    from clustergraph.query.runner import default_data

    click.echo(
        publish(data or default_data(), endpoint, graph=graph, append=append, timeout=timeout)
    )
