"""An on-disk cache of indexed Oxigraph stores, one per graph file content.

Parsing Turtle is most of what a one-off ``clustergraph query`` spends (≈30 ms for the bundled
graph, ≈2 s at a million triples); opening an already indexed RocksDB store read-only takes a few
milliseconds whatever the size. So the first query of a graph file builds its store in the cache
and later queries open it. Entries are keyed by the file's SHA-256 (not its path or mtime), the
pyoxigraph version and the RDF format, so an edited file can never be answered from a stale store.

An entry is built in a private temporary folder and renamed into place, so readers see a complete
store or none, and two processes racing to build the same entry both end up with a good one.
Nothing here is needed for correctness: when the cache folder cannot be written, or caching is
switched off (``CLUSTERGRAPH_CACHE_DIR=off``, see :mod:`clustergraph.cache`), queries fall back to
an in-memory load.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from clustergraph.cache import cache_root

if TYPE_CHECKING:
    import pyoxigraph

__all__ = ["KEEP", "cache_dir", "cached_store", "entry_name"]

#: how many graph stores the cache keeps (least recently used ones go first)
KEEP = 4
#: seconds after which an unfinished ``.building-*`` folder is treated as abandoned
_ABANDONED = 24 * 3600


def cache_dir() -> Path | None:
    """The folder of cached stores, or None when caching is off."""
    root = cache_root()
    return None if root is None else root / "stores"


def entry_name(path: Path, rdf_format: pyoxigraph.RdfFormat) -> str:
    """The cache key of a graph file: content hash, parser format and pyoxigraph version."""
    import pyoxigraph

    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    return f"{digest}-{rdf_format.file_extension}-oxigraph{pyoxigraph.__version__}"


def cached_store(path: Path, rdf_format: pyoxigraph.RdfFormat) -> pyoxigraph.Store | None:
    """A read-only store holding ``path``'s triples, from the cache (built on a miss).

    Returns None when the cache is off or unusable; the caller then loads into memory. Parse
    errors in the file propagate as pyoxigraph raises them (``SyntaxError``), like a plain load.
    """
    import pyoxigraph

    root = cache_dir()
    if root is None:
        return None
    try:
        entry = root / entry_name(path, rdf_format)
        if not entry.is_dir():
            _build(path, rdf_format, root, entry)
        store = pyoxigraph.Store.read_only(str(entry))
        os.utime(entry)  # recently used: pruned last
    except OSError:
        return None
    return store


def _build(path: Path, rdf_format: pyoxigraph.RdfFormat, root: Path, entry: Path) -> None:
    """Index ``path`` into a temporary store folder, then rename it to ``entry``."""
    import shutil
    import tempfile

    import pyoxigraph

    root.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=root))
    try:
        store = pyoxigraph.Store(str(building))
        store.bulk_load(path=str(path), format=rdf_format)
        store.flush()
        del store  # closes the database before it is moved
        try:
            building.rename(entry)
        except OSError:
            if not entry.is_dir():  # not a lost race: a real failure
                raise
    finally:
        shutil.rmtree(building, ignore_errors=True)
    _prune(root, keep=entry)


def _prune(root: Path, keep: Path) -> None:
    """Remove all but the ``KEEP`` most recently used entries (never ``keep``).

    Also removes ``.building-*`` folders left by a process killed mid-build (older than a day, so
    a build still running elsewhere is never touched).
    """
    import shutil
    import time

    entries = []
    for child in root.iterdir():
        try:
            mtime = child.stat().st_mtime
        except OSError:
            continue  # removed by another process meanwhile
        if child.name.startswith(".building-"):
            if time.time() - mtime > _ABANDONED:
                shutil.rmtree(child, ignore_errors=True)
        elif child.is_dir():
            entries.append((mtime, child))
    entries.sort(reverse=True)
    for _, stale in entries[KEEP:]:
        if stale != keep:
            shutil.rmtree(stale, ignore_errors=True)
