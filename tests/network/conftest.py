"""Fixtures for the network tests: the query fixture graph, and the same graph with planted nodes
(an HTML-injection label, a shared institution, an institution bridging two provinces)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "query" / "fixtures" / "mini.ttl"
PLANTED = Path(__file__).with_name("fixtures") / "planted.ttl"
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
CHROMIUM = Path("/usr/bin/chromium")
PLANTED_CLUSTER = "https://w3id.org/clustergraph/id/cluster/planted-xss"
PLANTED_LABEL = "<script>alert(1)</script>宁波测试集群"
BRIDGE = "https://w3id.org/clustergraph/id/institution/planted-bridge"
NINGBO = "https://w3id.org/clustergraph/id/cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun"
HANGZHOU = "https://w3id.org/clustergraph/id/cluster/zhe-jiang-hang-zhou-shu-zi-an-fang-ji-qun"
TAILIANXI = (
    "https://w3id.org/clustergraph/id/cluster/"
    "tai-zhou-shi-lian-yun-gang-shi-wu-xi-shi-sheng-w-364c8e82"
)


@pytest.fixture(scope="session")
def mini() -> Path:
    """The hand-written fixture graph shared with the query tests."""
    return MINI


@pytest.fixture(scope="session")
def planted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mini.ttl plus fixtures/planted.ttl, as one Turtle file."""
    out = tmp_path_factory.mktemp("planted") / "planted.ttl"
    shutil.copyfile(MINI, out)
    with out.open("a", encoding="utf-8") as handle:
        handle.write("\n" + PLANTED.read_text(encoding="utf-8"))
    return out
