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
_CLAUSE = "，,、；;：:"
#: longest closing line read as a sign-off (author, organisation, date)
_SIGNATURE_MAX = 40


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
    texts = [document.clean_text(p).rstrip() for p in paragraphs[-2:]]
    if texts and texts[-1] and texts[-1][-1] not in _TERMINAL and not _is_signature(texts):
        tail = texts[-1]
        warnings.append(f"the text ends mid-sentence (…{tail[-12:]}); it may be truncated")
    return warnings


def _is_signature(texts: list[str]) -> bool:
    """A closing sign-off (author line, date) after a finished paragraph: reports end so.

    Short, no clause punctuation, and the paragraph before it ends a sentence; a text cut off in
    mid-sentence almost never leaves such a line behind a complete one.
    """
    *before, last = texts
    return (
        len(last) <= _SIGNATURE_MAX
        and not any(mark in last for mark in _CLAUSE)
        and bool(before)
        and bool(before[-1])
        and before[-1][-1] in _TERMINAL
    )
