"""``clustergraph serve``: a local, read-only Oxigraph SPARQL endpoint for the graph."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import add_data_file_option, int_range, path_type, with_default
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Serve the graph read-only at http://HOST:PORT/query until interrupted."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the data, the address to bind and where to keep the store."""
    add_data_file_option(parser, "serve")
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        metavar="TEXT",
        help=with_default("Address to bind.", "127.0.0.1"),
    )
    parser.add_argument(
        "--port",
        type=int_range(1, 65535),
        default=7878,
        metavar="INTEGER",
        help=with_default(None, 7878, "1<=x<=65535"),
    )
    parser.add_argument(
        "--location",
        type=path_type(file_okay=False),
        metavar="DIRECTORY",
        help="Oxigraph store directory to keep (default: a temporary one).",
    )
    parser.add_argument(
        "--allow-remote", action="store_true", help="Allow binding a non-loopback address."
    )


def run(args: argparse.Namespace) -> None:
    """Serve until interrupted, printing the URL once the server is up."""
    from clustergraph.query.runner import default_data
    from clustergraph.query.server import serve

    serve(
        args.data or default_data(),
        host=args.host,
        port=args.port,
        location=args.location,
        allow_remote=args.allow_remote,
        echo=echo,
    )
