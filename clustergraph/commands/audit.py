"""``clustergraph audit``: the data-quality findings recorded in a graph, with their evidence."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command(name="audit")
@click.argument("graph_file", required=False, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "table", "json"]),
    default="text",
    show_default=True,
    help="One block per finding (text), an aligned table, or JSON.",
)
def command(graph_file: Path | None, fmt: str) -> None:
    """Print the findings of GRAPH_FILE (default: the bundled kg/clustergraph.ttl).

    Each finding shows its kind, its description and the quoted evidence with its character
    offsets in the source. Findings describe the source text, so the exit code is 0.
    """
    from clustergraph.extract.quality import read_findings, render_findings
    from clustergraph.resources import DEFAULT_GRAPH, data_path
    from clustergraph.validate.load import load_graph

    graph = load_graph(graph_file or data_path(DEFAULT_GRAPH))
    click.echo(render_findings(read_findings(graph), fmt), nl=False)
