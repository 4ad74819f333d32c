"""``clustergraph viz``: an offline interactive HTML page, or a PNG/SVG picture, of a network."""

from __future__ import annotations

import argparse

from clustergraph.commands.options import add_data_source_option, int_range, path_type, with_default
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Draw PROJECTION (default cluster-institution-region; 'map' draws a map) into OUT."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the projection, the output file (required), the data and the label count."""
    parser.add_argument("projection", nargs="?", metavar="PROJECTION")
    parser.add_argument(
        "-o",
        "--out",
        required=True,
        type=path_type(dir_okay=False),
        metavar="FILE",
        help="FILE.html (interactive, offline), FILE.png or FILE.svg.",
    )
    add_data_source_option(parser)
    parser.add_argument(
        "--labels",
        type=int_range(0),
        default=30,
        metavar="INTEGER",
        help=with_default("PNG/SVG: label this many of the most central nodes.", 30, "x>=0"),
    )


def run(args: argparse.Namespace) -> None:
    """Draw the picture and print what was written."""
    from clustergraph.network.run import viz_output

    echo(viz_output(args.projection, args.out, data=args.data, labels=args.labels), nl=False)
