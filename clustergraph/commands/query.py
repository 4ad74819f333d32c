"""``clustergraph query``: run a canned query or a SPARQL file, embedded or on an endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from clustergraph.commands.options import data_file_option, endpoint_option, timeout_option

__all__ = ["command"]


@click.command(name="query")
@click.argument("name", required=False)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A query parameter (repeatable); see 'clustergraph queries --json'.",
)
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Run the SELECT query in this .rq file instead of a canned one.",
)
@data_file_option("query")
@endpoint_option("Query this SPARQL 1.1 endpoint instead.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "tsv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@timeout_option(30.0, "Seconds to wait for an endpoint.")
def command(
    name: str | None,
    params: tuple[str, ...],
    file: Path | None,
    data: Path | None,
    endpoint: str | None,
    fmt: str,
    timeout: float,
) -> None:
    """Run canned query NAME (or --file FILE) and print the results.

    A graph file queried once is kept indexed in a cache (by its SHA-256), so later queries
    skip parsing it: $CLUSTERGRAPH_CACHE_DIR (default ~/.cache/clustergraph) moves the cache,
    CLUSTERGRAPH_CACHE_DIR=off switches it off, and deleting the folder is always safe.
    """
    from clustergraph.query.runner import run_query

    output = run_query(
        name, file=file, params=params, data=data, endpoint=endpoint, fmt=fmt, timeout=timeout
    )
    click.echo(output, nl=False)
