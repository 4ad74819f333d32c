"""Numbers with units: values and units as written, qualifiers, and what is not a quantity."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clustergraph.extract.numbers import find_numbers, parse_chinese_int, parse_number


def _one(text: str) -> tuple[Decimal, str, str]:
    found = find_numbers(text)
    assert len(found) == 1, [text[m.start : m.end] for m in found]
    match = found[0]
    return match.value, match.unit, match.qualifier


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("共有大小纺织企业近7万家,", "7", "万家", "Approximately"),
        ("两市拥有上万家医疗器械流通企业", "1", "万家", "AtLeast"),
        ("集聚了 1300 多家零部件企业", "1300", "家", "MoreThan"),
        ("在泰州投资 15.8 亿美元建立", "15.8", "亿美元", "Exact"),
        ("全球市占率达 30%,", "30", "%", "Exact"),
        ("本地配套率已经达到60%以上。", "60", "%", "MoreThan"),
        ("机联网率 58.2%。", "58.2", "%", "Exact"),
        ("成立了 10 余个联合实验室", "10", "个", "MoreThan"),
        ("成立了十余个联合实验室", "10", "个", "MoreThan"),
        ("投用20万平方米的综合体", "20", "万平方米", "Exact"),
        ("平台接入设备超过 1.2 万台,", "1.2", "万台", "MoreThan"),
        ("稀土永磁材料产量占全国的 40% 左右。", "40", "%", "Approximately"),
        ("交货周期缩短至不足 7 天。", "7", "天", "LessThan"),
        ("连续 9 年组织开展大赛", "9", "年", "Exact"),
        ("依托印染大脑、智慧印染两个省级平台", "2", "个", "Exact"),
        ("带动变速器百万台产能落地", "100", "万台", "Exact"),
        ("海工装备占国内市场的四分之一、", "25", "%", "Exact"),
        ("不少于 50 家企业", "50", "家", "AtLeast"),
        ("销量约三成", "30", "%", "Approximately"),
        ("整机产量约占全国的六分之一", "16.67", "%", "Approximately"),  # qualifier on 占
        ("出口额近占全省总量的 30%", "30", "%", "Approximately"),
    ],
)
def test_figures_are_read_as_written(text: str, value: str, unit: str, qualifier: str) -> None:
    assert _one(text) == (Decimal(value), unit, qualifier)


def test_magnitudes_are_normalised_beside_the_written_form() -> None:
    (match,) = find_numbers("近7万家")
    assert (match.normalized, match.base_unit) == (Decimal(70000), "家")
    (money,) = find_numbers("投资 15.8 亿美元")
    assert (money.normalized, money.base_unit) == (Decimal(1580000000), "美元")
    (plain,) = find_numbers("2858家")
    assert (plain.normalized, plain.base_unit) == (Decimal(2858), "家")


@pytest.mark.parametrize(
    "text",
    [
        "2020 年集群发展",  # a year
        "2019年5月启动",  # a date
        "启动了第一批和第二批初赛",  # ordinals
        "T700 级碳纤维和 M55J 及以上级别",  # model names
        "盛瑞8AT自动变速器",  # model name
        "推进基于 5G 等技术",  # technology name
        "形成“1+2+3+8”创新服务模式",  # a slogan
        "着力构建“415”集群建设体系",  # a quoted slogan
        "形成了“一小时”外协供应圈,打造半小时通勤圈",  # hours as slogans
        "形成一个完整体系,一家企业",  # the article 一
        "惠及千家万户",  # an idiom
        "近三年来先后组织",  # a time frame, not a duration
        "实施创新智造三年行动计划",  # a plan name
        "具有百年发展历史",  # a bare magnitude
        "聚焦五大领域,搭建八大平台",  # N大 enumerations
        "《成都市软件产业高质量发展规划(2019—2025)》",  # a title
        "苏政发〔2018〕86号",  # a document number
        "十九届五中全会和十三届全国人大四次会议",  # ordinals without 第
        "位居全国前三名",  # a ranking
        "数十家企业和十几个平台",  # vague amounts
        "二维码和二级节点",  # 二 as an ordinal
        "两市共建,三地协同",  # place counts
        "连接两座城市,覆盖三个地市",  # counted places with a classifier
        "做好三件事,形成四种模式,培育两类主体",  # points of an argument
    ],
)
def test_not_quantities(text: str) -> None:
    assert find_numbers(text) == [], [text[m.start : m.end] for m in find_numbers(text)]


def test_spans_cover_qualifier_number_and_unit() -> None:
    text = "服务企业达 5000 余家。"
    (match,) = find_numbers(text)
    assert text[match.start : match.end] == "5000 余家"
    assert text[match.number_start : match.number_end] == "5000"


def test_parsers() -> None:
    assert parse_chinese_int("一千三百") == 1300
    assert parse_chinese_int("两万") == 20000
    assert parse_chinese_int("十") == 10
    assert parse_chinese_int("万千") is None
    assert parse_number("1,300") == Decimal(1300)
    assert parse_number("7万") == Decimal(70000)
    assert parse_number("15.8") == Decimal("15.8")
    assert parse_number("abc") is None
