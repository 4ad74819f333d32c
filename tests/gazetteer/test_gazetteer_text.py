"""find_mentions and expand_abbreviation, on sentences and on the real white paper."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from clustergraph.gazetteer import Gazetteer, Region

ROOT = Path(__file__).resolve().parents[2]
WHITEPAPER = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _codes(gaz: Gazetteer, text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(m.surface, m.region.code6) for m in gaz.find_mentions(text, **kwargs)]


def test_mentions_in_a_case_title(gaz: Gazetteer) -> None:
    text = "案例二:浙江温州乐清电器集群。乐清市电气产业创新发展服务中心"
    mentions = gaz.find_mentions(text)
    assert [(m.surface, m.region.code6) for m in mentions] == [
        ("浙江", "330000"),
        ("温州", "330300"),
        ("乐清", "330382"),
        ("乐清市", "330382"),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.surface
    assert mentions[2].by_short_name and not mentions[3].by_short_name


def test_longest_match_wins(gaz: Gazetteer) -> None:
    assert _codes(gaz, "内蒙古自治区呼和浩特乳制品集群") == [
        ("内蒙古自治区", "150000"),
        ("呼和浩特", "150100"),
    ]
    assert _codes(gaz, "浙江西部") == [("浙江", "330000")]  # not 江西


def test_qualified_reading(gaz: Gazetteer) -> None:
    assert _codes(gaz, "北京朝阳") == [("北京", "110000"), ("朝阳", "110105")]
    assert _codes(gaz, "辽宁朝阳") == [("辽宁", "210000"), ("朝阳", "211300")]
    assert _codes(gaz, "天津、河北、海南") == [
        ("天津", "120000"),
        ("河北", "130000"),
        ("海南", "460000"),
    ]


def test_strict_drops_unsupported_county_short_names(gaz: Gazetteer) -> None:
    for text in ("战略性新兴产业", "加强院地合作", "集群沿长江北岸布局", "实施“龙城英才计划”"):
        assert gaz.find_mentions(text) == [], text
    assert _codes(gaz, "集群沿长江北岸布局", strict=False) == [("江北", "330205")]
    # a county short name next to its prefecture is kept
    assert ("柯桥", "330603") in _codes(gaz, "绍兴现代纺织集群……发布中国柯桥纺织指数")


def test_whitepaper_mentions(gaz: Gazetteer) -> None:
    text = unicodedata.normalize("NFKC", WHITEPAPER.read_text(encoding="utf-8"))
    mentions = gaz.find_mentions(text)
    found = {m.region.code6 for m in mentions}
    for code in ("330382", "330603", "320600", "321000", "321200", "320700", "320200", "421000"):
        assert code in found, code
    for code in ("211303", "469007", "230902", "445321", "623001"):  # 龙城 东方 新兴 新兴 合作
        assert code not in found, code
    assert len({m.region.code6 for m in mentions if m.region.level == "province"}) >= 28


def _names(regions: list[Region] | None) -> list[str] | None:
    return None if regions is None else [r.short_name for r in regions]


@pytest.mark.parametrize(
    ("token", "context", "expected"),
    [
        ("深广", ["深圳", "广州"], ["深圳", "广州"]),
        ("深广", ["广东"], ["深圳", "广州"]),
        ("广深佛莞", ["广东"], ["广州", "深圳", "佛山", "东莞"]),
        ("成德", ["四川"], ["成都", "德阳"]),
        ("成德", ["成都", "德阳"], ["成都", "德阳"]),
        ("通扬泰", ["南通", "扬州", "泰州"], ["南通", "扬州", "泰州"]),
        ("通扬泰", ["江苏"], ["南通", "扬州", "泰州"]),
        ("泰连锡", ["泰州", "连云港", "无锡"], ["泰州", "连云港", "无锡"]),
        ("泰连锡", ["江苏"], ["泰州", "连云港", "无锡"]),
        ("永武缙", ["浙江", "金华"], ["永康", "武义", "缙云"]),
        ("永武缙", ["金华"], ["永康", "武义", "缙云"]),
        # official one-character abbreviations of province-level divisions
        ("成渝", ["成都", "重庆"], ["成都", "重庆"]),
        ("川渝", ["成都", "重庆"], ["四川", "重庆"]),
        ("京津冀", ["北京", "天津", "河北"], ["北京", "天津", "河北"]),
        # 湘 next to 湘潭 is 湘潭 (a nearby place with the character in its name), not 湖南
        ("长株潭", ["长沙", "株洲", "湘潭"], ["长沙", "株洲", "湘潭"]),
        # customary city abbreviations that are no character of the name (宁 = 南京, not 江宁区)
        ("宁镇扬", ["江苏"], ["南京", "镇江", "扬州"]),
        ("甬台温", ["浙江"], ["宁波", "台州", "温州"]),
        ("宁镇扬", ["南京", "镇江", "扬州"], ["南京", "镇江", "扬州"]),
    ],
)
def test_abbreviations(gaz: Gazetteer, token: str, context: list[str], expected: list[str]) -> None:
    regions = [gaz.lookup(name) for name in context]
    assert _names(gaz.expand_abbreviation(token, regions)) == expected


def test_abbreviation_levels(gaz: Gazetteer) -> None:
    counties = gaz.expand_abbreviation("永武缙", [gaz.lookup("金华")])
    assert [r.code6 for r in counties] == ["330784", "330723", "331122"]
    assert all(r.level == "county" for r in counties)
    cities = gaz.expand_abbreviation("广深佛莞", [gaz.lookup("广东")])
    assert all(r.level == "prefecture" for r in cities)


def test_abbreviation_without_answer(gaz: Gazetteer) -> None:
    assert gaz.expand_abbreviation("深广", []) is None  # no context, no guess
    assert gaz.expand_abbreviation("深", [gaz.lookup("广东")]) is None  # one character
    assert gaz.expand_abbreviation("深广", [gaz.lookup("新疆")]) is None  # nothing nearby
    assert gaz.expand_abbreviation("AB", [gaz.lookup("广东")]) is None
    assert gaz.expand_abbreviation("成渝", [gaz.lookup("四川")]) is None  # 重庆 not in scope
