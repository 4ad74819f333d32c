"""Tell a truncated or partial document from a whole one, so the build can warn about it.

Two general signals: headings the table of contents promises but the body lacks, and a body that
ends in the middle of a sentence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from clustergraph.text import Document

__all__ = ["completeness_warnings"]

_TERMINAL = "。！？!?”」』)）.;；:："


def completeness_warnings(document: Document) -> list[str]:
    """Warnings for a document that looks cut short (empty for a whole one)."""
    warnings: list[str] = []
    promised = [n.title for n in document.iter("toc_entry") if n.title]
    found = {n.title for n in document.iter() if n.kind in {"part", "section"} and n.title}
    missing = [title for title in promised if title not in found]
    if promised and missing:
        warnings.append(
            f"the document looks truncated: {len(missing)} of {len(promised)} headings in its table "
            f"of contents are missing from the text (first: {missing[0]}); built what it holds"
        )
    paragraphs = [n for n in document.iter("paragraph")]
    if paragraphs:
        tail = document.clean_text(paragraphs[-1]).rstrip()
        if tail and tail[-1] not in _TERMINAL:
            warnings.append(f"the text ends mid-sentence (…{tail[-12:]}); it may be truncated")
    return warnings
