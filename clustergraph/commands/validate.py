"""``clustergraph validate``: check a graph file against the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["command"]


@click.command(name="validate")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option(
    "--shapes",
    "shapes_file",
    type=click.Path(path_type=Path),
    default=None,
    help="SHACL shapes to use instead of the bundled ontology/shapes.ttl.",
)
def command(file: Path | None, shapes_file: Path | None) -> None:
    """Validate FILE (default: the bundled kg/clustergraph.ttl); exit 1 on violations."""
    from clustergraph.errors import ValidationFailed
    from clustergraph.resources import DEFAULT_GRAPH, data_path
    from clustergraph.validate.load import load_graph
    from clustergraph.validate.shacl import validate_graph

    path = file if file is not None else data_path(DEFAULT_GRAPH)
    graph = load_graph(path)
    shapes = load_graph(shapes_file) if shapes_file is not None else None
    result = validate_graph(graph, shapes=shapes)
    if not result.conforms:
        raise ValidationFailed(f"{path}: {result.summary()}", report=result.grouped_text())
    click.echo(f"{path}: {result.summary()} ({result.seconds:.2f} s)")
