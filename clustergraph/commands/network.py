"""``clustergraph network``: project the graph into a network and write GEXF, GraphML, JSON or CSV."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import add_data_source_option, path_type
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Write network PROJECTION with its metrics; without PROJECTION, list the projections."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the projection, the format, the output file and the data source."""
    parser.add_argument("projection", nargs="?", metavar="PROJECTION")
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=["gexf", "graphml", "json", "csv"],
        help="Output format (default: from the -o suffix, else json). csv = metrics table.",
    )
    parser.add_argument(
        "-o",
        "--out",
        type=path_type(dir_okay=False),
        metavar="FILE",
        help="File to write (atomically); default: standard output.",
    )
    add_data_source_option(parser)


def run(args: argparse.Namespace) -> None:
    """Print the network (or the file written, or the list of projections)."""
    from clustergraph.network.run import network_output

    echo(network_output(args.projection, fmt=args.fmt, out=args.out, data=args.data), nl=False)
