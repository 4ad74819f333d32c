"""``clustergraph queries``: the catalogue of canned SPARQL queries."""

from __future__ import annotations

import click

__all__ = ["command"]


@click.command(name="queries")
@click.option("--json", "as_json", is_flag=True, help="Print the full catalogue as JSON.")
def command(as_json: bool) -> None:
    """List the canned queries, one per line: name, then the English title."""
    from clustergraph.query.runner import list_queries

    click.echo(list_queries(as_json=as_json), nl=False)
