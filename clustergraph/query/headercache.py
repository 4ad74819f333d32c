"""Parsed ``#+`` query headers, cached as JSON so running a query need not import PyYAML.

Importing PyYAML costs about as much as the rest of a ``clustergraph query`` run's imports
together (≈10 ms, mostly compiling its scanner's regular expressions), yet the twenty headers
change only when a query file is edited. So the YAML text of each header is parsed once and the
result kept under the cache root (:mod:`clustergraph.cache`) in a file named by the SHA-256 of that
text; an edited header has another name and is parsed afresh. Only values that survive a JSON
round trip unchanged are cached (a YAML date, say, is not), and every failure to read or write the
cache just means parsing again: the header is still checked in full by the catalogue either way.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from clustergraph.cache import cache_root

__all__ = ["KEEP", "get", "put"]

#: how many parsed headers to keep (a few times the size of the catalogue)
KEEP = 256
_FORMAT = "yaml-safe-1"  # bump if what is stored changes


def _entry(text: str) -> Path | None:
    root = cache_root()
    if root is None:
        return None
    digest = hashlib.sha256(f"{_FORMAT}\n{text}".encode()).hexdigest()
    return root / "headers" / f"{digest}.json"


def get(text: str) -> dict[str, Any] | None:
    """The cached parse of header ``text``, or None (not cached, caching off, unreadable)."""
    entry = _entry(text)
    if entry is None:
        return None
    try:
        data = json.loads(entry.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def put(text: str, data: dict[str, Any]) -> None:
    """Remember that header ``text`` parses to ``data`` (when JSON keeps it exactly)."""
    entry = _entry(text)
    if entry is None:
        return
    try:
        encoded = json.dumps(data, ensure_ascii=False, sort_keys=True)
    except (TypeError, ValueError):
        return
    if json.loads(encoded) != data or not _same_types(json.loads(encoded), data):
        return
    from clustergraph.fileio import atomic_write_text

    try:
        atomic_write_text(entry, encoded)
        _prune(entry.parent)
    except OSError:
        return


def _same_types(a: object, b: object) -> bool:
    """Equal values can still differ in type (1 == 1.0 == True); the cache must not change them."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return all(_same_types(a[k], b[k]) for k in a)  # type: ignore[index]
    if isinstance(a, list):
        return all(_same_types(x, y) for x, y in zip(a, b, strict=True))  # type: ignore[arg-type]
    return True


def _prune(folder: Path) -> None:
    entries = []
    for child in folder.iterdir():
        try:
            entries.append((child.stat().st_mtime_ns, child))
        except OSError:
            continue
    if len(entries) <= KEEP:
        return
    entries.sort(reverse=True)
    for _, stale in entries[KEEP:]:
        stale.unlink(missing_ok=True)
