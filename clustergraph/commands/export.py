"""``clustergraph export``: Turtle, N-Triples, JSON-LD or CSV tables (+ CSVW) into a folder."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import path_type, with_default
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Export the graph in a standard format; print the files written."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the format (required), the output folder and the graph to export."""
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=["ttl", "nt", "jsonld", "csv"],
        required=True,
        help="ttl, nt (sorted N-Triples), jsonld (+ context.jsonld) or csv (one table per entity "
        "type + csv-metadata.json).",
    )
    parser.add_argument(
        "-o",
        "--out",
        dest="out_dir",
        type=path_type(file_okay=False),
        default="export",  # a string, so argparse checks it like a given value
        metavar="DIRECTORY",
        help=with_default(
            "Folder to write into (created if missing; files are replaced atomically).", "export"
        ),
    )
    parser.add_argument(
        "--data",
        type=path_type(),
        metavar="PATH",
        help="Graph to export (default: the bundled kg/clustergraph.ttl).",
    )


def run(args: argparse.Namespace) -> None:
    """Export the graph; an unwritable folder is a user error, not a traceback."""
    from clustergraph.errors import InputError
    from clustergraph.export import export
    from clustergraph.resources import DEFAULT_GRAPH, data_path
    from clustergraph.validate.load import load_graph

    graph = load_graph(args.data or data_path(DEFAULT_GRAPH))
    try:
        written = export(graph, args.fmt, args.out_dir)
    except OSError as error:
        raise InputError(
            f"{args.out_dir}: cannot write the export ({error.strerror or error})"
        ) from None
    for path in written:
        echo(str(path))
