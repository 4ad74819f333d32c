"""``clustergraph audit``: the data-quality findings recorded in a graph, with their evidence."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import path_type, with_default
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = """\
Print the findings of GRAPH_FILE (default: the bundled kg/clustergraph.ttl).

Each finding shows its kind, its description and the quoted evidence with its
character offsets in the source. Findings describe the source text, so the exit
code is 0."""


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the optional graph file and the output format."""
    parser.add_argument("graph_file", nargs="?", type=path_type(), metavar="GRAPH_FILE")
    parser.add_argument(
        "--format",
        dest="fmt",
        choices=["text", "table", "json"],
        default="text",
        help=with_default("One block per finding (text), an aligned table, or JSON.", "text"),
    )


def run(args: argparse.Namespace) -> None:
    """Read the findings from the graph and print them in the chosen format."""
    from clustergraph.extract.quality import read_findings, render_findings
    from clustergraph.resources import DEFAULT_GRAPH, data_path
    from clustergraph.validate.load import load_graph

    graph = load_graph(args.graph_file or data_path(DEFAULT_GRAPH))
    echo(render_findings(read_findings(graph), args.fmt), nl=False)
