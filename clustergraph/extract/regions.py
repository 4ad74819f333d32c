"""The 31 province-level divisions, always in the graph (from the gazetteer, not from the text).

This rule runs first so every later rule can link to a province node. Other regions enter the
graph only when a rule references them, with the span of the mention as evidence
(:func:`clustergraph.gazetteer.rdf.emit_region`); a province the text never names keeps
``prov:wasDerivedFrom cgid:source/gazetteer-cpca`` instead of evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext

__all__ = ["run"]


def run(ctx: ExtractionContext) -> None:
    """Emit all province-level divisions of the gazetteer."""
    from clustergraph.gazetteer.rdf import emit_all_provinces

    emit_all_provinces(ctx.writer, ctx.gazetteer)
