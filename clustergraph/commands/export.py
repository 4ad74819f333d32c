"""``clustergraph export``: Turtle, N-Triples, JSON-LD or CSV tables (+ CSVW) into a folder."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command(name="export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["ttl", "nt", "jsonld", "csv"]),
    required=True,
    help="ttl, nt (sorted N-Triples), jsonld (+ context.jsonld) or csv (one table per entity "
    "type + csv-metadata.json).",
)
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("export"),
    show_default=True,
    help="Folder to write into (created if missing; files are replaced atomically).",
)
@click.option(
    "--data",
    type=click.Path(path_type=Path),
    default=None,
    help="Graph to export (default: the bundled kg/clustergraph.ttl).",
)
def command(fmt: str, out_dir: Path, data: Path | None) -> None:
    """Export the graph in a standard format; print the files written."""
    from clustergraph.errors import InputError
    from clustergraph.export import export
    from clustergraph.resources import DEFAULT_GRAPH, data_path
    from clustergraph.validate.load import load_graph

    graph = load_graph(data or data_path(DEFAULT_GRAPH))
    try:
        written = export(graph, fmt, out_dir)
    except OSError as error:
        raise InputError(
            f"{out_dir}: cannot write the export ({error.strerror or error})"
        ) from None
    for path in written:
        click.echo(str(path))
