"""``clustergraph site``: generate the static explorer website."""

from __future__ import annotations

import argparse
import time

from clustergraph.commands.options import add_data_file_option, path_type, with_default
from clustergraph.commands.output import echo

__all__ = ["DESCRIPTION", "configure", "run"]

DESCRIPTION = "Generate the static explorer website from the graph into OUT."


def configure(parser: argparse.ArgumentParser) -> None:
    """Declare the output folder, the graph and the source text."""
    parser.add_argument(
        "-o",
        "--out",
        type=path_type(file_okay=False),
        default="site",  # a string, so argparse checks it like a given value
        metavar="DIRECTORY",
        help=with_default("Folder to write the site into (created if needed).", "site"),
    )
    add_data_file_option(parser, "read")
    parser.add_argument(
        "--source",
        type=path_type(dir_okay=False),
        metavar="FILE",
        help="The white-paper text the graph was built from (default: the bundled one).",
    )


def run(args: argparse.Namespace) -> None:
    """Generate the site; the summary goes to stdout, warnings and timing to stderr."""
    from clustergraph.site import generate_site

    started = time.perf_counter()
    report = generate_site(args.out, data=args.data, source=args.source)
    for warning in report.warnings:
        echo(f"clustergraph: warning: {warning}", err=True)
    echo(report.summary(), nl=False)
    echo(f"generated in {time.perf_counter() - started:.2f} s", err=True)
