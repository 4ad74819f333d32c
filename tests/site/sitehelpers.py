"""Constants and helpers shared by the website tests (a plain module: ``tests/site`` is no
package, since a package named ``site`` would shadow the standard library's)."""

from __future__ import annotations

import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
CGID = "https://w3id.org/clustergraph/id/"
CG = "https://w3id.org/clustergraph/ontology#"
NINGBO = CGID + "cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun"
NINGBO_PAGE = "id/cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun.html"
CHROMIUM = Path("/usr/bin/chromium")


def select(store, query: str) -> list[tuple[str | None, ...]]:
    """Rows of plain values from a pyoxigraph store."""
    return [tuple(None if v is None else v.value for v in row) for row in store.query(query)]


def chromium_missing() -> str | None:
    """Why the browser tests cannot run, or None."""
    if not CHROMIUM.is_file() and not shutil.which("chromium"):
        return "Debian's chromium is not installed (apt-get install -y chromium fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright for Python is not installed in this environment"
    return None
