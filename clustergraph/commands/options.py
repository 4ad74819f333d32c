"""Command-line options that several commands share, declared once so their meaning stays alike.

Only the standard library is imported here: every command module imports this one, and the CLI
must start fast. Each ``add_*`` function adds a fresh argument to the parser it is given and
returns the new ``argparse.Action``. The value checks copy what the CLI always accepted: a path
of the wrong kind, a number out of range or a bad choice is a usage error (exit 2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

__all__ = [
    "DEFAULT_GRAPH_HELP",
    "add_data_file_option",
    "add_data_source_option",
    "add_endpoint_option",
    "add_timeout_option",
    "float_range",
    "int_range",
    "path_type",
    "with_default",
]

#: How the help of every ``--data`` option ends.
DEFAULT_GRAPH_HELP = "(default: the bundled kg/clustergraph.ttl)."


def with_default(help_text: str | None, default: object, limits: str | None = None) -> str:
    """HELP_TEXT followed by the default (and allowed range) in brackets, as ``--help`` shows it."""
    shown = f"[default: {default}; {limits}]" if limits else f"[default: {default}]"
    text = f"{help_text}  {shown}" if help_text else shown
    return text.replace("%", "%%")  # argparse %-formats help strings


def path_type(*, file_okay: bool = True, dir_okay: bool = True) -> Callable[[str], Path]:
    """A converter to Path that refuses an existing file (or folder) where a folder (file) is due.

    Paths that do not exist pass: the command itself says what is missing, as a user error.
    """
    kind = "File" if not dir_okay else "Directory" if not file_okay else "Path"

    def convert(value: str) -> Path:
        path = Path(value)
        if not file_okay and path.is_file():
            raise argparse.ArgumentTypeError(f"{kind} {value!r} is a file.")
        if not dir_okay and path.is_dir():
            raise argparse.ArgumentTypeError(f"{kind} {value!r} is a directory.")
        return path

    return convert


def int_range(minimum: int, maximum: int | None = None) -> Callable[[str], int]:
    """A converter to int that refuses numbers below MINIMUM (or above MAXIMUM)."""
    limits = f"{minimum}<=x<={maximum}" if maximum is not None else f"x>={minimum}"

    def convert(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a valid integer range.") from None
        if number < minimum or (maximum is not None and number > maximum):
            raise argparse.ArgumentTypeError(f"{number} is not in the range {limits}.")
        return number

    return convert


def float_range(minimum: float) -> Callable[[str], float]:
    """A converter to float that refuses numbers below MINIMUM."""

    def convert(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a valid float range.") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"{number} is not in the range x>={minimum}.")
        return number

    return convert


def add_data_source_option(parser: argparse.ArgumentParser) -> argparse.Action:
    """``--data FILE|URL``: what a network is projected from, a local file or a SPARQL endpoint."""
    return parser.add_argument(
        "--data", metavar="FILE|URL", help=f"RDF file or SPARQL endpoint {DEFAULT_GRAPH_HELP}"
    )


def add_data_file_option(parser: argparse.ArgumentParser, verb: str) -> argparse.Action:
    """``--data FILE``: the local RDF file a command VERBs (e.g. "query": "RDF file to query")."""
    return parser.add_argument(
        "--data",
        type=path_type(dir_okay=False),
        metavar="FILE",
        help=f"RDF file to {verb} {DEFAULT_GRAPH_HELP}",
    )


def add_endpoint_option(
    parser: argparse.ArgumentParser, help_text: str, *, required: bool = False
) -> argparse.Action:
    """``--endpoint URL``: a SPARQL service to talk to; HELP_TEXT says which protocol and what for."""
    return parser.add_argument("--endpoint", required=required, metavar="URL", help=help_text)


def add_timeout_option(
    parser: argparse.ArgumentParser, default: float, help_text: str | None = None
) -> argparse.Action:
    """``--timeout SECONDS`` for network calls; DEFAULT differs between a query and an upload."""
    return parser.add_argument(
        "--timeout",
        type=float_range(0.1),
        default=default,
        metavar="FLOAT",
        help=with_default(help_text, default, "x>=0.1"),
    )
