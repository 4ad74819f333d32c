"""Expected answers of canned queries on the graph built from the white paper."""

from __future__ import annotations

from clustergraph.query.catalogue import load_query
from clustergraph.query.runner import run_canned


def _values(table, column: str) -> set[str]:
    return {row[column].value for row in table.rows if column in row}


def test_promotion_agencies(built) -> None:
    _, out = built
    table = run_canned(load_query("promotion-agencies"), data=out)
    assert _values(table, "agencyLabel") >= {
        "中国科学院宁波材料技术与工程研究所",
        "乐清市电气产业创新发展服务中心",
        "天津市电池行业协会",
        "江苏省船舶工业行业协会",
    }


def test_cross_regional_clusters_include_the_cross_regional_section(built) -> None:
    _, out = built
    table = run_canned(load_query("cross-regional-clusters"), data=out)
    assert _values(table, "label") >= {
        "泰州市、连云港市、无锡市生物医药和新型医疗器械先进制造业集群",
        "江苏南通、扬州、泰州海工装备和高技术船舶集群",
        "湖北宜昌、荆州、荆门磷化工集群",
        "四川成都、德阳高端能源装备集群",
    }


def test_exactly_two_provinces_without_cluster_mention(built) -> None:
    _, out = built
    table = run_canned(load_query("provinces-without-cluster-mention"), data=out)
    assert sorted(_values(table, "label")) == ["四川省", "西藏自治区"]
