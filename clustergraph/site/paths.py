"""Page paths follow entity IRIs, so the site can serve as the IRIs' landing pages.

``https://w3id.org/clustergraph/id/cluster/xyz`` → ``id/cluster/xyz.html`` (with ``.ttl`` and
``.jsonld`` beside it). Every link in the site is relative (``root`` = ``../`` per folder level),
so pages work from ``file://`` and under any prefix on a static host.
"""

from __future__ import annotations

import re

from clustergraph.site.graphindex import CGID

__all__ = ["PageMap", "iri_path", "root_prefix"]

_SAFE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*$")


def iri_path(iri: str) -> str | None:
    """The site path (without extension) of a ``cgid:`` IRI, or None for other IRIs."""
    if not iri.startswith(CGID):
        return None
    local = iri[len(CGID) :]
    if not _SAFE.match(local) or ".." in local:
        return None
    return f"id/{local}"


def root_prefix(path: str) -> str:
    """The relative prefix from page ``path`` back to the site root (``""`` at the top)."""
    return "../" * path.count("/")


class PageMap:
    """Which entities have pages, and where (site-root-relative ``.html`` paths)."""

    def __init__(self) -> None:
        self._pages: dict[str, str] = {}
        self._kinds: dict[str, str] = {}

    def add(self, iri: str, kind: str) -> str:
        """Register a page for ``iri``; returns its path (``id/…/x.html``)."""
        base = iri_path(iri)
        if base is None:
            raise ValueError(f"no page path for {iri}")
        path = base + ".html"
        self._pages[iri] = path
        self._kinds[iri] = kind
        return path

    def href(self, iri: str | None) -> str | None:
        """The page path of ``iri`` when it has a page."""
        return self._pages.get(iri) if iri else None

    def kind(self, iri: str) -> str | None:
        """The page kind (cluster, institution …) of ``iri``."""
        return self._kinds.get(iri)

    def items(self) -> list[tuple[str, str, str]]:
        """(iri, kind, path) for every page, sorted by path."""
        return sorted(
            ((iri, self._kinds[iri], path) for iri, path in self._pages.items()),
            key=lambda item: item[2],
        )

    def __contains__(self, iri: object) -> bool:
        return iri in self._pages
