"""The query gallery: every canned query run embedded at build time.

A query with a required parameter runs with the example its header gives for the tests
(``expect.params``); without one it is shown but not run. Results become a table (IRIs shortened
with the query's own prefixes and linked to their pages) and a SPARQL 1.1 CSV file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clustergraph.errors import QueryError

if TYPE_CHECKING:
    from clustergraph.query.catalogue import CannedQuery
    from clustergraph.query.engine import Engine
    from clustergraph.site.context import Context

__all__ = ["GalleryItem", "run_gallery"]


@dataclass
class GalleryItem:
    """One canned query with its results (or why it was not run)."""

    query: CannedQuery
    params: dict[str, str]
    columns: list[str] = field(default_factory=list)
    rows: list[list[dict[str, Any]]] = field(default_factory=list)
    csv: str | None = None
    error: str = ""
    skipped: bool = False


def _example(query: CannedQuery) -> dict[str, str] | None:
    given = dict(query.expect.params)
    missing = [p.name for p in query.parameters if p.required and p.name not in given]
    return None if missing else given


def _cell(ctx: Context, term: Any, prefixes: list[tuple[str, str]]) -> dict[str, Any]:
    if term is None:
        return {"text": "", "href": None, "lang": None, "iri": False}
    if term.type == "uri":
        text = term.value
        for prefix, namespace in prefixes:
            if text.startswith(namespace) and len(text) > len(namespace):
                text = f"{prefix}:{text[len(namespace) :]}"
                break
        return {"text": text, "href": ctx.owner(term.value), "lang": None, "iri": True}
    return {"text": term.value, "href": None, "lang": term.lang, "iri": False}


def run_gallery(ctx: Context, engine: Engine) -> list[GalleryItem]:
    """Run every canned query (sorted by name) on ``engine``."""
    from clustergraph.query.catalogue import load_all
    from clustergraph.query.formats import to_csv
    from clustergraph.query.params import bind_parameters
    from clustergraph.query.sparqltext import prefixes

    items = []
    for query in load_all():
        params = _example(query)
        if params is None:
            items.append(GalleryItem(query, {}, list(query.columns), skipped=True))
            continue
        item = GalleryItem(query, params, list(query.columns))
        try:
            table = engine.run(query.text, bind_parameters(query, params))
        except QueryError as error:
            item.error = str(error)
            ctx.warnings.append(f"query {query.name}: {error}")
            items.append(item)
            continue
        known = sorted(prefixes(query.text).items(), key=lambda kv: len(kv[1]), reverse=True)
        item.columns = list(table.columns)
        item.rows = [[_cell(ctx, row.get(c), known) for c in table.columns] for row in table.rows]
        item.csv = to_csv(table)
        items.append(item)
    return items
