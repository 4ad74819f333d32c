"""Evidence quotes and the marked-up source view.

Every evidence node names a ``[start, end)`` span of the decoded source text and its quote
(``oa:exact == text[start:end]``, Python code-point offsets). The source view renders the raw text
once, split at every span boundary: each piece inside one or more spans becomes a ``<mark>`` whose
``data-ev`` lists the spans it belongs to (``S-E`` keys), and an empty ``<span id="ev-S-E">`` anchor
sits at each span's start. So overlapping and nested spans need no nesting of elements, and the
concatenated text of the marks of one key is exactly that span's quote.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from clustergraph.errors import InputError
from clustergraph.site.graphindex import CG, OA, GraphIndex

__all__ = ["Evidence", "Segment", "SourceDoc", "collect_evidence", "load_source_text", "segments"]


@dataclass(frozen=True, order=True)
class Evidence:
    """One evidence span: offsets, quote and whether it matches the source text."""

    start: int
    end: int
    exact: str
    iri: str
    ok: bool = True

    @property
    def key(self) -> str:
        """``S-E``, the span's key in ``data-ev`` attributes."""
        return f"{self.start}-{self.end}"

    @property
    def anchor(self) -> str:
        """``ev-S-E``, the fragment id of the span in the source view."""
        return f"ev-{self.start}-{self.end}"

    @property
    def short(self) -> bool:
        """Short quotes are shown inline (``<q>``), long ones as block quotes."""
        return len(self.exact) <= 40 and "\n" not in self.exact


@dataclass(frozen=True)
class Segment:
    """A run of source text, the span anchors starting at it and the span keys covering it."""

    text: str
    anchors: tuple[str, ...]
    keys: tuple[str, ...]


@dataclass(frozen=True)
class SourceDoc:
    """The source document node and its decoded text."""

    iri: str
    text: str
    file_name: str
    title: str


def _source_iri(index: GraphIndex) -> str:
    counts: dict[str, int] = defaultdict(int)
    for evidence in index.instances(OA + "SpecificResource"):
        for source in index.iris(evidence, OA + "hasSource"):
            counts[source] += 1
    if not counts:
        raise InputError("the graph has no evidence (oa:SpecificResource with oa:hasSource)")
    return min(counts, key=lambda iri: (-counts[iri], iri))


def load_source_text(index: GraphIndex, source: Path | None = None) -> SourceDoc:
    """The decoded text of the graph's source document (checked against its ``cg:sha256``).

    :param source: the text file; default: the bundled file named by the node's ``cg:fileName``.
    :raises InputError: no such file, or a file whose checksum differs from the graph's.
    """
    from clustergraph.resources import data_path
    from clustergraph.source import load_source

    iri = _source_iri(index)
    file_name = index.value(iri, CG + "fileName") or ""
    expected = index.value(iri, CG + "sha256")
    path = source if source is not None else data_path(f"kg/sources/{file_name}")
    if not path.is_file():
        raise InputError(f"{path}: the graph's source text is missing; give it with --source")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if expected and digest != expected:
        raise InputError(
            f"{path.name}: sha256 {digest[:16]}… differs from the graph's source "
            f"({expected[:16]}…); give the matching text with --source"
        )
    loaded = load_source(path)
    title = index.label_in(iri, "zh") or index.value(iri, "http://purl.org/dc/terms/title") or ""
    return SourceDoc(iri=iri, text=loaded.text, file_name=file_name, title=title)


def collect_evidence(index: GraphIndex, doc: SourceDoc) -> dict[str, Evidence]:
    """Every evidence node on ``doc``: IRI → :class:`Evidence` (``ok`` False on a bad quote)."""
    found: dict[str, Evidence] = {}
    for iri in index.instances(OA + "SpecificResource"):
        if doc.iri not in index.iris(iri, OA + "hasSource"):
            continue
        start = end = None
        exact = ""
        for selector in index.iris(iri, OA + "hasSelector"):
            if index.value(selector, OA + "start") is not None:
                start = int(index.value(selector, OA + "start") or 0)
                end = int(index.value(selector, OA + "end") or 0)
            quote = index.value(selector, OA + "exact")
            if quote is not None:
                exact = quote
        if start is None or end is None:
            continue
        ok = 0 <= start < end <= len(doc.text) and doc.text[start:end] == exact
        found[iri] = Evidence(start, end, exact, iri, ok)
    return found


def segments(text: str, spans: list[Evidence]) -> list[Segment]:
    """Split ``text`` at every boundary of ``spans`` (only ``ok`` spans are marked)."""
    good = sorted({(e.start, e.end) for e in spans if e.ok})
    cuts = sorted({0, len(text)} | {s for s, _ in good} | {e for _, e in good})
    starts: dict[int, list[str]] = defaultdict(list)
    for start, end in good:
        starts[start].append(f"ev-{start}-{end}")
    out: list[Segment] = []
    active: list[tuple[int, int]] = []
    pending = list(good)
    position = 0
    for cut in cuts[1:]:
        while pending and pending[0][0] <= position:
            active.append(pending.pop(0))
        active = [span for span in active if span[1] > position]
        keys = tuple(f"{s}-{e}" for s, e in sorted(active))
        out.append(Segment(text[position:cut], tuple(starts.get(position, ())), keys))
        position = cut
    return [segment for segment in out if segment.text or segment.anchors]
