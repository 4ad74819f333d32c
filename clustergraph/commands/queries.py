"""``clustergraph queries``: the catalogue of canned SPARQL queries."""

from __future__ import annotations

import argparse

from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "List the canned queries, one per line: name, then the English title."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the JSON switch."""
    parser.add_argument(
        "--json", dest="as_json", action="store_true", help="Print the full catalogue as JSON."
    )


def run(args: argparse.Namespace) -> None:
    """Print the catalogue."""
    from clustergraph.query.runner import list_queries

    echo(list_queries(as_json=args.as_json), nl=False)
