"""Gazetteer table, codes, levels, parents, short names and look-ups."""

from __future__ import annotations

import subprocess
import sys

import pytest

from clustergraph.gazetteer import Gazetteer, Region
from clustergraph.gazetteer import table as table_module
from clustergraph.gazetteer.names import short_name


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def test_31_mainland_provinces(gaz: Gazetteer) -> None:
    provinces = gaz.provinces()
    assert len(provinces) == 31
    codes = [p.code6 for p in provinces]
    assert codes == sorted(codes)
    assert all(p.level == "province" and p.parent_code is None for p in provinces)
    assert not {"710000", "810000", "820000"} & set(codes)
    assert {p.short_name for p in provinces} >= {
        "内蒙古",
        "广西",
        "宁夏",
        "新疆",
        "西藏",
        "黑龙江",
        "重庆",
    }


def test_sar_and_taiwan_are_in_the_table_but_not_provinces(gaz: Gazetteer) -> None:
    assert gaz.lookup("香港").code6 == "810000"
    assert gaz.lookup("澳门").code6 == "820000"


def test_no_placeholders(gaz: Gazetteer) -> None:
    names = {r.name for r in gaz}
    assert not names & table_module.PLACEHOLDER_NAMES
    assert gaz.by_code("110100") is None  # 北京 市辖区


def test_ningbo(gaz: Gazetteer) -> None:
    region = gaz.lookup("宁波")
    assert region is not None
    assert (region.code6, region.code12, region.name, region.level) == (
        "330200",
        "330200000000",
        "宁波市",
        "prefecture",
    )
    assert region.parent_code == "330000"
    assert gaz.lookup("宁波市") == region


def test_yueqing_county_under_wenzhou(gaz: Gazetteer) -> None:
    region = gaz.lookup("乐清")
    assert region is not None
    assert (region.code6, region.level, region.parent_code) == ("330382", "county", "330300")
    assert [a.code6 for a in gaz.ancestors("330382")] == ["330300", "330000"]
    assert gaz.province_of("330382").short_name == "浙江"


def test_keqiao(gaz: Gazetteer) -> None:
    region = gaz.lookup("柯桥")
    assert region is not None and region.code6 == "330603"
    assert region.parent_code == "330600"


def test_jinyun_is_in_lishui(gaz: Gazetteer) -> None:
    assert gaz.lookup("缙云").parent_code == "331100"


def test_chongqing_is_province_level(gaz: Gazetteer) -> None:
    region = gaz.lookup("重庆")
    assert region is not None
    assert (region.code6, region.level, region.parent_code) == ("500000", "province", None)


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("110105", "110000"),  # 北京 朝阳区: 1101 pseudo-prefecture skipped
        ("120116", "120000"),  # 天津 滨海新区
        ("310115", "310000"),  # 上海 浦东新区
        ("500103", "500000"),  # 重庆 渝中区
        ("500229", "500000"),  # 重庆 城口县 (5002 县 pseudo-prefecture)
        ("429004", "420000"),  # 仙桃: 省直辖县级行政区划
        ("441900", "440000"),  # 东莞: prefecture without counties
    ],
)
def test_parents_skip_pseudo_prefectures(gaz: Gazetteer, code: str, parent: str) -> None:
    region = gaz.by_code(code)
    assert region is not None
    assert region.parent_code == parent
    assert gaz.by_code(parent) is not None


def test_levels_from_code_structure(gaz: Gazetteer) -> None:
    for region in gaz:
        if region.code6.endswith("0000"):
            assert region.level == "province"
        elif region.code6.endswith("00"):
            assert region.level == "prefecture"
        else:
            assert region.level == "county"
        if region.parent_code is not None:
            assert gaz.by_code(region.parent_code) is not None


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("内蒙古自治区", "内蒙古"),
        ("广西壮族自治区", "广西"),
        ("宁夏回族自治区", "宁夏"),
        ("新疆维吾尔自治区", "新疆"),
        ("西藏自治区", "西藏"),
        ("香港特别行政区", "香港"),
        ("黔东南苗族侗族自治州", "黔东南"),
        ("延边朝鲜族自治州", "延边"),
        ("阿克苏地区", "阿克苏"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("本溪满族自治县", "本溪"),
        ("浦东新区", "浦东"),
        ("乐清市", "乐清"),
        ("城区", "城区"),  # one-character stem: no short name
        ("赵县", "赵县"),
    ],
)
def test_short_names(gaz: Gazetteer, name: str, short: str) -> None:
    assert short_name(name, table_module._ethnic_names()) == short


def test_lookup_prefers_higher_level(gaz: Gazetteer) -> None:
    assert gaz.lookup("吉林").code6 == "220000"  # province over 吉林市
    assert gaz.lookup("吉林市").code6 == "220200"  # exact official name wins
    assert gaz.lookup("海南").code6 == "460000"  # province over 海南藏族自治州
    assert gaz.lookup("朝阳").code6 == "211300"  # 朝阳市 over the districts
    assert gaz.lookup("本溪").code6 == "210500"  # city over 本溪满族自治县


def test_lookup_within(gaz: Gazetteer) -> None:
    assert gaz.lookup("朝阳", within="110000").code6 == "110105"
    assert gaz.lookup("朝阳区", within="22").code6 == "220104"
    assert gaz.lookup("通州", within="32").code6 == "320612"
    assert gaz.lookup("江北", within="500000").code6 == "500105"
    assert gaz.lookup("宁波", within="44") is None


def test_lookup_unknown_and_nfkc(gaz: Gazetteer) -> None:
    assert gaz.lookup("不存在的地方") is None
    assert gaz.lookup(" 宁波 ").code6 == "330200"
    assert gaz.by_code("not a code") is None
    assert gaz.by_code("330382000000").code6 == "330382"


def test_region_is_a_value(gaz: Gazetteer) -> None:
    region = gaz.by_code("330200")
    assert isinstance(region, Region)
    assert region.names == ("宁波市", "宁波")
    assert region.province_code == "330000"
    assert 121 < region.lon < 122 and 29 < region.lat < 30


def test_does_not_import_cpca_or_pandas() -> None:
    code = (
        "import sys; from clustergraph.gazetteer import Gazetteer; Gazetteer.default().lookup('宁波');"
        "print('cpca' in sys.modules, 'pandas' in sys.modules, 'pkg_resources' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.split() == ["False", "False", "False"]
