"""``clustergraph query``: run a canned query or a SPARQL file, embedded or on an endpoint."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import (
    add_data_file_option,
    add_endpoint_option,
    add_timeout_option,
    path_type,
    with_default,
)
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = """\
Run canned query NAME (or --file FILE) and print the results.

A graph file of 2 MB or more is kept indexed in a cache after its first query
(by its SHA-256), so later queries skip parsing it: $CLUSTERGRAPH_CACHE_DIR
(default ~/.cache/clustergraph) moves the cache, CLUSTERGRAPH_CACHE_DIR=off
switches it off, and deleting the folder is always safe."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the query (name or file), its parameters, the data or endpoint and the format."""
    parser.add_argument("name", nargs="?", metavar="NAME")
    parser.add_argument(
        "-p",
        "--param",
        dest="params",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="A query parameter (repeatable); see 'clustergraph queries --json'.",
    )
    parser.add_argument(
        "--file",
        type=path_type(dir_okay=False),
        metavar="FILE",
        help="Run the SELECT query in this .rq file instead of a canned one.",
    )
    add_data_file_option(parser, "query")
    add_endpoint_option(parser, "Query this SPARQL 1.1 endpoint instead.")
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=["table", "csv", "tsv", "json"],
        default="table",
        help=with_default("Output format.", "table"),
    )
    add_timeout_option(parser, 30.0, "Seconds to wait for an endpoint.")


def run(args: argparse.Namespace) -> None:
    """Run the query and print the rendered results."""
    from clustergraph.query.runner import run_query

    output = run_query(
        args.name,
        file=args.file,
        params=tuple(args.params),
        data=args.data,
        endpoint=args.endpoint,
        fmt=args.fmt,
        timeout=args.timeout,
    )
    echo(output, nl=False)
