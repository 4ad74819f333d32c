"""``clustergraph validate``: check a graph file against the SHACL shapes."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import path_type
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Validate FILE (default: the bundled kg/clustergraph.ttl); exit 1 on violations."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the graph file and the shapes to use."""
    parser.add_argument("file", nargs="?", type=path_type(), metavar="FILE")
    parser.add_argument(
        "--shapes",
        dest="shapes_file",
        type=path_type(),
        metavar="PATH",
        help="SHACL shapes to use instead of the bundled ontology/shapes.ttl.",
    )


def run(args: argparse.Namespace) -> None:
    """Validate; violations raise ValidationFailed (exit 1) with the grouped report."""
    from clustergraph.errors import ValidationFailed
    from clustergraph.resources import DEFAULT_GRAPH, data_path
    from clustergraph.validate.load import load_graph
    from clustergraph.validate.shacl import validate_graph

    path = args.file if args.file is not None else data_path(DEFAULT_GRAPH)
    graph = load_graph(path)
    shapes = load_graph(args.shapes_file) if args.shapes_file is not None else None
    result = validate_graph(graph, shapes=shapes)
    if not result.conforms:
        raise ValidationFailed(f"{path}: {result.summary()}", report=result.grouped_text())
    echo(f"{path}: {result.summary()} ({result.seconds:.2f} s)")
