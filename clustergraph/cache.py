"""Where clustergraph keeps derived files that are only there to save time (never needed).

Everything under the cache root can be deleted at any moment: it is rebuilt on demand. Entries
are named by the SHA-256 of what they were derived from, so an edited input is never answered from
an old entry. ``$CLUSTERGRAPH_CACHE_DIR`` moves the root (``off`` switches caching off); otherwise
it follows the XDG base-directory rules (``$XDG_CACHE_HOME/clustergraph``, ``~/.cache/clustergraph``).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["CACHE_ENV", "cache_root"]

CACHE_ENV = "CLUSTERGRAPH_CACHE_DIR"
_DISABLED = {"", "0", "off", "no", "none", "false"}


def cache_root() -> Path | None:
    """The cache root folder (not created here), or None when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        if configured.strip().lower() in _DISABLED:
            return None
        return Path(configured).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "clustergraph"
