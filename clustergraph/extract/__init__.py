"""Extraction rules: each module turns one kind of passage into facts with evidence.

The rules are general for documents of this genre (structure, patterns and gazetteers, never a list
of one document's answers). They run in this order because later rules use what earlier ones found
(for example, roles and quantities attach to the clusters found in case studies).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext

__all__ = ["RULES", "run_rules"]

#: module names under clustergraph.extract, each with ``run(ctx: ExtractionContext) -> None``
RULES: tuple[str, ...] = (
    "regions",
    "timeline",
    "competition",
    "work_reports",
    "policy_table",
    "practices",
    "clusters",
    "institutions",
    "roles",
    "measures",
    "quantities",
    "links",
    "quality",
)


def run_rules(ctx: ExtractionContext, rules: tuple[str, ...] = RULES) -> None:
    """Run every extraction rule in order over the document held by ``ctx``."""
    for name in rules:
        module = importlib.import_module(f"clustergraph.extract.{name}")
        module.run(ctx)
