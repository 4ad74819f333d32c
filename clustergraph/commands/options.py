"""Click options that several commands share, declared once so their meaning and help stay alike.

Only click and the standard library are imported here: every command module imports this one,
and the CLI must start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

__all__ = ["data_file_option", "data_source_option", "endpoint_option", "timeout_option"]

F = TypeVar("F", bound=Callable[..., Any])

#: How the help of every ``--data`` option ends.
DEFAULT_GRAPH_HELP = "(default: the bundled kg/clustergraph.ttl)."

#: ``--data FILE|URL``: what a network is projected from, a local file or a SPARQL endpoint.
data_source_option = click.option(
    "--data",
    metavar="FILE|URL",
    help=f"RDF file or SPARQL endpoint {DEFAULT_GRAPH_HELP}",
)


def data_file_option(verb: str) -> Callable[[F], F]:
    """``--data FILE``: the local RDF file a command VERBs (e.g. "query": "RDF file to query")."""
    return click.option(
        "--data",
        type=click.Path(path_type=Path, dir_okay=False),
        help=f"RDF file to {verb} {DEFAULT_GRAPH_HELP}",
    )


def endpoint_option(help_text: str, *, required: bool = False) -> Callable[[F], F]:
    """``--endpoint URL``: a SPARQL service to talk to; HELP_TEXT says which protocol and what for."""
    return click.option("--endpoint", required=required, metavar="URL", help=help_text)


def timeout_option(default: float, help_text: str | None = None) -> Callable[[F], F]:
    """``--timeout SECONDS`` for network calls; DEFAULT differs between a query and an upload."""
    return click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        default=default,
        show_default=True,
        help=help_text,
    )
