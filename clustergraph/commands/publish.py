"""``clustergraph publish``: upload the graph with the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import (
    add_data_file_option,
    add_endpoint_option,
    add_timeout_option,
)
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Send the graph's Turtle to a triple store and report what was sent."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the store (required), the named graph, the data and the upload mode."""
    add_endpoint_option(
        parser, "Graph Store Protocol URL, e.g. http://localhost:7878/store.", required=True
    )
    parser.add_argument(
        "--graph", metavar="IRI", help="Named graph to write (default: the default graph)."
    )
    add_data_file_option(parser, "send")
    parser.add_argument(
        "--append",
        action="store_true",
        help="POST (add to the graph) instead of PUT (replace).",
    )
    add_timeout_option(parser, 60.0)


def run(args: argparse.Namespace) -> None:
    """Upload and print the one-line report."""
    from clustergraph.query.publish import publish
    from clustergraph.query.runner import default_data

    echo(
        publish(
            args.data or default_data(),
            args.endpoint,
            graph=args.graph,
            append=args.append,
            timeout=args.timeout,
        )
    )
