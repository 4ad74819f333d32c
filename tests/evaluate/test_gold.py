"""The gold files agree with their texts and with the annotation guidelines (tests/gold/README.md)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from decimal import Decimal
from functools import cache
from importlib.resources import files
from pathlib import Path

import pytest

from clustergraph.evaluate import FACT_TYPES

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
TEXTS = {
    "whitepaper": ROOT
    / "kg"
    / "sources"
    / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt",
    "genre": ROOT / "tests" / "fixtures" / "genre" / "provincial-cluster-report.txt",
    "heldout": ROOT / "tests" / "fixtures" / "heldout" / "municipal-cluster-observation.txt",
    "blind": ROOT / "tests" / "fixtures" / "blind" / "regional-cluster-yearbook.txt",
    "blind2": ROOT / "tests" / "fixtures" / "blind" / "provincial-cluster-think-tank-report.txt",
    "blind3": ROOT / "tests" / "fixtures" / "blind" / "academic-journal-cluster-article.txt",
}
#: what each document states: case count, timeline items, table rows, competition totals and
#: the number of provinces whose work reports use a cluster phrasing ("有29个地区…", "其余 30 个地区…")
STATED = {
    "whitepaper": {
        "clusters": 20,
        "policies": 6,
        "policy_documents": 9,
        "entrants": 135,
        "winners": 44,
        "phrasing_provinces": 29,
    },
    "genre": {
        "clusters": 10,
        "policies": 4,
        "policy_documents": 7,
        "entrants": 60,
        "winners": 19,
        "phrasing_provinces": 29,
    },
    "heldout": {
        "clusters": 8,
        "policies": 5,
        "policy_documents": 8,
        "entrants": 72,
        "winners": 25,
        "phrasing_provinces": 29,
    },
    "blind": {
        "clusters": 6,
        "policies": 6,
        "policy_documents": 7,
        "entrants": 62,
        "winners": 27,
        "phrasing_provinces": 30,
    },
    "blind2": {
        "clusters": 11,
        "policies": 6,
        "policy_documents": 8,
        "entrants": 78,
        "winners": 30,
        "phrasing_provinces": 25,
    },
    "blind3": {
        "clusters": 10,
        "policies": 6,
        "policy_documents": 8,
        "entrants": 84,
        "winners": 30,
        "phrasing_provinces": 28,
    },
}
CATEGORIES = {"innovation", "industrial-chain", "digitalization", "cross-regional", "governance"}
TYPES = {
    "Enterprise",
    "University",
    "ResearchInstitute",
    "IndustryAssociation",
    "InnovationCenter",
    "Alliance",
    "Platform",
    "Laboratory",
    "Fund",
    "GovernmentBody",
    "ServiceOrganization",
    "IndustrialPark",
}
ROLES = {
    "promotion-agency",
    "leading-enterprise",
    "founder",
    "host",
    "partner",
    "member",
    "supporting-enterprise",
}
QUALIFIERS = {"exact", "approximately", "more-than", "at-least", "less-than"}
LINKS = {
    "multi-city",
    "investment",
    "enclave-economy",
    "joint-meeting",
    "same-city",
    "alliance",
    "platform",
}
SYMMETRIC = LINKS - {"investment", "enclave-economy"}
FINDINGS = {
    "count-mismatch",
    "sum-mismatch",
    "percentage-mismatch",
    "garbled-text",
    "duplicated-text",
    "name-inconsistency",
}
ORDINALS = "一二三四五六七八九十"
DOCS = sorted(TEXTS)


@cache
def gold(name: str) -> dict:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


@cache
def text(name: str) -> str:
    return TEXTS[name].read_text(encoding="utf-8")


@cache
def adcode_names() -> dict[str, str]:
    """Six-digit code → name, from the cpca table the gold codes come from."""
    table = files("cpca").joinpath("resources", "adcodes.csv").read_text(encoding="utf-8")
    return {row["adcode"][:6]: row["name"] for row in csv.DictReader(table.splitlines())}


@cache
def adcodes() -> frozenset[str]:
    return frozenset(adcode_names())


def province_short(code: str) -> str:
    """The name a text uses for a province (陕西省 → 陕西, 广西壮族自治区 → 广西)."""
    suffix = r"(?:壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治区|省|市)$"
    return re.sub(suffix, "", adcode_names()[code])


#: a decimal section heading: "4 比较与讨论", "3.2 产业链协作", "3.1.1 title" (a number of one or two
#: digits per level, a space, then a Han character: not "2022 省域…" footers or "1\t江苏省" table rows)
DECIMAL = r"\d{1,2}(?:\.\d{1,2})*[ \u3000]+(?=[\u4e00-\u9fff])"
#: a heading that ends a case: （二）/(二) sections, 二、 toolbox sections, 第三章/第四节 chapters,
#: 专题二 toolbox sections ("专题二 产业链协作：…"), decimal sections ("3.2 产业链协作", "4 讨论")
SECTION = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+[章节]"
    rf"|专题[一二三四五六七八九十]+[ \t\u3000]|{DECIMAL})",
    flags=re.MULTILINE,
)
#: a case heading, group 1 = the title: "案例一：title", "典型案例 1 | title", "【专栏1】title", or a
#: decimal subsection titled by a cluster name ("3.1.1 title…集群"; not "2.3.1 政府工作报告中的集群表述")
CASE_HEAD = re.compile(
    r"^(?:案例[一二三四五六七八九十]+[：:]|典型案例[ \t]*\d+[ \t]*[|｜]"
    r"|【专栏[\d一二三四五六七八九十]+】"
    r"|\d{1,2}(?:\.\d{1,2})+[ \u3000]+(?=[^\n]*集群[ \t\u3000]*$))[ \t]*(.+)$",
    flags=re.MULTILINE,
)


def case_spans(raw: str) -> dict[str, str]:
    """Case title → case text (up to the next case or section heading)."""
    heads = list(CASE_HEAD.finditer(raw))
    sections = [m.start() for m in SECTION.finditer(raw)]
    spans = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(raw)
        end = min([end, *[s for s in sections if s > head.start()]])
        spans[head.group(1).strip()] = raw[head.end() : end]
    return spans


def cases(name: str) -> dict[str, str]:
    """Case title → case text of a registered document."""
    return case_spans(text(name))


def test_case_spans_read_each_house_style():
    raw = "案例一：甲集群\n一是甲。\n（二）其他\n案例二: 乙集群\n二是乙。"
    assert case_spans(raw) == {"甲集群": "\n一是甲。\n", "乙集群": "\n二是乙。"}
    raw = "专题一 协同创新：x\n典型案例 1 | 丙集群\n其一，丙。\n【启示】丁。\n专题二 产业链：y\n"
    assert case_spans(raw) == {"丙集群": "\n其一，丙。\n【启示】丁。\n"}
    raw = "典型案例 10 | 戊集群\n（1）戊。\n第 9 页\n典型案例 11 ｜ 己集群\n(1) 己。\n三、问题\n"
    assert case_spans(raw) == {"戊集群": "\n（1）戊。\n第 9 页\n", "己集群": "\n(1) 己。\n"}
    assert case_spans("详见典型案例 1 | 不是标题\n案例一：\n正文") == {}
    raw = (
        "3.1 协同创新\n概述。\n3.1.1 湖北武汉甲集群\n第1，甲。\n3.1.2 乙集群\n(a)乙。\n"
        "3.2 产业链\n专栏1介绍丙集群\n【专栏1】广东珠海丙集群\n一则丙。\n· 38 ·　　期刊\n4 比较\n"
        "2.3.1 政府工作报告中的集群表述\n正文。\n"
    )
    assert case_spans(raw) == {
        "湖北武汉甲集群": "\n第1，甲。\n",
        "乙集群": "\n(a)乙。\n",
        "广东珠海丙集群": "\n一则丙。\n· 38 ·　　期刊\n",
    }
    # footers with a year and table rows after a number are no sections
    raw = "案例一：甲集群\n一是甲。\n2022 省域报告\n1\t江苏省\n12\n二是乙。\n1 引言\n"
    assert case_spans(raw) == {"甲集群": "\n一是甲。\n2022 省域报告\n1\t江苏省\n12\n二是乙。\n"}


@pytest.mark.parametrize("name", DOCS)
def test_gold_file_shape_and_checksum(name):
    data = gold(name)
    assert all(isinstance(data[key], list) for key in FACT_TYPES)
    assert data["sha256"] == hashlib.sha256(TEXTS[name].read_bytes()).hexdigest()
    assert (ROOT / data["document"]).resolve() == TEXTS[name].resolve()


@pytest.mark.parametrize("name", DOCS)
def test_clusters_are_the_case_titles(name):
    data, spans = gold(name), cases(name)
    labels = [c["label"] for c in data["clusters"]]
    assert labels == list(spans) and len(labels) == STATED[name]["clusters"]
    for cluster in data["clusters"]:
        assert cluster["category"] in CATEGORIES
        assert cluster["places"] == sorted(set(cluster["places"]))
        assert set(cluster["places"]) <= adcodes(), cluster
        assert cluster["multi_city"] == (len(cluster["places"]) > 1)


#: a sentence or line start, where 首先…/1）… enumerators stand
LEAD = r"(?:^|[。；：])\s*(?:\*\*)?"
SEQUENCE = ("首先", "其次", "再次")
#: 一方面…另一方面…, then each sentence-initial 此外， after them is one more item (alone, 此外 is none)
ASPECTS = ("一方面", "另一方面")
#: the house styles of a case's enumerated measures: pattern (group 1 = the enumerator) and the
#: item's ordinal given the enumerator and the previous ordinal of the same style
ENUMERATORS = {
    "一是": (re.compile(r"([一二三四五六七八九十])是"), lambda g, _: ORDINALS.index(g) + 1),
    "第一，": (
        re.compile(r"第([一二三四五六七八九十])[，,]"),
        lambda g, _: ORDINALS.index(g) + 1,
    ),
    "首先": (
        re.compile(LEAD + r"(首先|其次|再次|最后)(?:\*\*)?[，,]", flags=re.MULTILINE),
        lambda g, previous: SEQUENCE.index(g) + 1 if g in SEQUENCE else previous + 1,
    ),
    "①": (re.compile(r"([①-⑳])"), lambda g, _: ord(g) - ord("①") + 1),
    "1）": (re.compile(LEAD + r"(\d{1,2})[）)]", flags=re.MULTILINE), lambda g, _: int(g)),
    "其一，": (
        re.compile(r"其([一二三四五六七八九十])[，,]"),
        lambda g, _: ORDINALS.index(g) + 1,
    ),
    # （1） full-width or (1) half-width, at a sentence or line start
    "（1）": (re.compile(LEAD + r"[（(](\d{1,2})[）)]", flags=re.MULTILINE), lambda g, _: int(g)),
    # 第1，/第１， (half- or full-width digits)
    "第1，": (re.compile(r"第(\d{1,2})[，,]"), lambda g, _: int(g)),
    # (a)/（a）, at a sentence or line start ("主要做法包括：(a)…")
    "(a)": (
        re.compile(LEAD + r"[（(]([a-z])[）)]", flags=re.MULTILINE),
        lambda g, _: ord(g) - ord("a") + 1,
    ),
    "一则": (
        re.compile(LEAD + r"([一二三四五六七八九十])则", flags=re.MULTILINE),
        lambda g, _: ORDINALS.index(g) + 1,
    ),
    # 一要…；二要… (section introductions); sentence-initial, unlike 统一要求
    "一要": (
        re.compile(LEAD + r"([一二三四五六七八九十])要", flags=re.MULTILINE),
        lambda g, _: ORDINALS.index(g) + 1,
    ),
    "一方面": (
        re.compile(r"(另一方面|一方面|(?:^|(?<=[。；]))此外(?=[，,]))", flags=re.MULTILINE),
        lambda g, previous: (
            ASPECTS.index(g) + 1 if g in ASPECTS else previous + 1 if previous >= 2 else None
        ),
    ),
}


def enumerated(body: str) -> set[int]:
    """Ordinals of a case's enumerated items, in the first style that enumerates (1 then 2).

    Only one style is read, so that a case's other numbering (a lone 第一, an inner list) does
    not count; with no enumeration of two items, every enumerator found counts. An ordinal of
    None is no item (此外 without 一方面…另一方面 before it).
    """
    found: dict[str, list[tuple[int, int]]] = {}
    for style, (pattern, ordinal) in ENUMERATORS.items():
        items, previous = [], 0
        for match in pattern.finditer(body):
            number = ordinal(match.group(1), previous)
            if number is None:
                continue
            previous = number
            items.append((match.start(1), previous))
        found[style] = items
    starts = {
        style: items[i][0]
        for style, items in found.items()
        for i in range(len(items) - 1)
        if (items[i][1], items[i + 1][1]) == (1, 2)
    }
    if not starts:
        return {n for items in found.values() for _, n in items}
    return {n for _, n in found[min(starts, key=starts.__getitem__)]}


def test_enumerated_reads_each_house_style():
    assert enumerated("主要做法：**一是**甲。**二是**乙；三是丙。第一，丁") == {1, 2, 3}
    assert enumerated("第一，甲。\n\n第二，乙。\n\n第三，丙。①丁") == {1, 2, 3}
    assert enumerated("概述。\n\n首先，甲。\n\n其次，乙。\n\n最后，丙。") == {1, 2, 3}
    assert enumerated("首先，甲。其次，乙。再次，丙。最后，丁。") == {1, 2, 3, 4}
    assert enumerated("主要举措有：\n\n①甲。\n\n②乙。\n\n③丙。") == {1, 2, 3}
    assert enumerated("如下。\n\n1）甲。\n\n2）乙。二是") == {1, 2}
    assert enumerated("其一是甲。") == {1}
    assert enumerated("一是甲；三是乙。") == {1, 3}  # a gap fails the 1..n check
    assert enumerated("共 3 个平台(2个在建)。") == set()
    assert enumerated("四个方面。\n\n其一，甲。\n\n其二，乙。\n\n其三，丙。一是丁") == {1, 2, 3}
    assert enumerated("包括：\n\n（1）甲。\n\n（2）乙。\n\n（3）丙。\n\n【启示】一是") == {1, 2, 3}
    assert enumerated("如下:\n\n(1) 甲。\n\n(2) 乙。\n\n(3) 丙。\n\n(4) 丁。") == {1, 2, 3, 4}
    assert enumerated("着手：（1）甲；（2）乙；（3）丙。其一是") == {1, 2, 3}
    assert enumerated("推进协同创新，一是甲；二是乙；三是丙。（2021）") == {1, 2, 3}
    assert enumerated("年度报告（2021）与（简称甲）") == set()
    assert enumerated("第1，甲。第2，乙。第3，丙。第4，丁。2021年，结果。") == {1, 2, 3, 4}
    assert enumerated("转型。第１，甲。第２，乙。第３，丙。") == {1, 2, 3}
    assert enumerated("主要做法包括：(a)甲。(b)乙。(c)丙。（d）丁。(e)戊。") == {1, 2, 3, 4, 5}
    assert enumerated("四个方面：（a）甲。（b）乙。") == {1, 2}
    assert enumerated("如下。一则甲。二则乙。三则丙。否则，规则与原则。") == {1, 2, 3}
    assert enumerated("源泉。一要甲；二要乙；三要丙。统一要求。") == {1, 2, 3}
    assert enumerated("统一要求，否则按规则。") == set()
    assert enumerated("集群一方面甲；另一方面乙。此外，丙。2021年，丁。") == {1, 2, 3}
    assert enumerated("数字化：一方面，甲；另一方面，乙。此外，丙。此外，丁。") == {1, 2, 3, 4}
    assert enumerated("此外，甲。另外，乙。") == set()
    assert enumerated("一是甲；二是乙。此外，丙。") == {1, 2}


@pytest.mark.parametrize("name", DOCS)
def test_measures_are_the_enumerated_items_of_each_case(name):
    data, spans = gold(name), cases(name)
    ordinals: dict[str, list[int]] = {label: [] for label in spans}
    for measure in data["measures"]:
        key = measure["cluster"] or measure["category"]
        ordinals.setdefault(key, []).append(measure["ordinal"])
    assert set(ordinals) <= set(spans) | CATEGORIES
    for label, body in spans.items():
        n = len(ordinals[label])
        assert sorted(ordinals[label]) == list(range(1, n + 1)), label
        assert enumerated(body) == set(range(1, n + 1)), label
    general = [m for m in data["measures"] if m["cluster"] is None]
    assert all(m["category"] in CATEGORIES for m in general)
    per_category = Counter(m["category"] for m in general)
    for category, n in per_category.items():  # ordinals count per section in text order
        assert sorted(ordinals[category]) == list(range(1, n + 1)), category
    expected = {
        "genre": {
            "innovation": 3,
            "industrial-chain": 1,
            "digitalization": 1,
            "cross-regional": 1,
            "governance": 1,
        },
        "whitepaper": {
            "innovation": 3,
            "industrial-chain": 1,
            "digitalization": 2,
            "cross-regional": 4,
            "governance": 2,
        },
        "heldout": {"digitalization": 2},
        "blind": {
            "innovation": 3,
            "industrial-chain": 1,
            "digitalization": 2,
            "cross-regional": 2,
            "governance": 1,
        },
        "blind2": {
            "innovation": 2,
            "industrial-chain": 3,
            "digitalization": 1,
            "cross-regional": 2,
            "governance": 2,
        },
        "blind3": {
            "innovation": 3,
            "industrial-chain": 1,
            "digitalization": 2,
            "cross-regional": 2,
            "governance": 1,
        },
    }
    assert dict(per_category) == expected[name]


@pytest.mark.parametrize("name", DOCS)
def test_institutions_are_named_in_their_cases(name):
    data, spans = gold(name), cases(name)
    seen: set[str] = set()
    for inst in data["institutions"]:
        assert inst["type"] in TYPES, inst
        assert inst["label"] not in seen
        seen.add(inst["label"])
        assert inst["clusters"] and all(c in spans for c in inst["clusters"])
        assert any(inst["label"] in spans[c] for c in inst["clusters"]), inst["label"]
        for alias in inst["aliases"]:
            assert alias in text(name) or alias.startswith(inst["label"]), alias


@pytest.mark.parametrize("name", DOCS)
def test_declared_aliases_are_annotated(name):
    data = gold(name)
    aliases = {a for inst in data["institutions"] for a in inst["aliases"]}
    declared = re.findall(r"（(?:以下)?简称([^）]+)）", text(name))
    # an alias may be declared in quotes (（以下简称“促进中心”）); it is recorded without them
    assert declared and {alias.strip('“”"') for alias in declared} <= aliases


@pytest.mark.parametrize("name", DOCS)
def test_roles_point_at_gold_institutions_and_clusters(name):
    data = gold(name)
    institutions = {i["label"]: i for i in data["institutions"]}
    for role in data["roles"]:
        assert role["role"] in ROLES
        assert role["cluster"] in institutions[role["institution"]]["clusters"], role
    assert len({tuple(r.values()) for r in data["roles"]}) == len(data["roles"])


UNITS = r"亿美元|亿元|万亿元|万元|万平方米|万家|万台|万辆|家|个|项|台|所|次|人|天|年|%"
#: \d is also a full-width digit (１６００余家 → 1600 家); 年代 is a decade (20世纪70年代), not a duration
NUMBER = re.compile(rf"(?<![\d.A-Za-z])(\d+(?:\.\d+)?)\s*(?:余|多)?\s*({UNITS})(?!代)")
#: Chinese numerals count with measure words only (not 年, 大, 批: 近三年, 八大, 一批)
CHINESE = re.compile(
    r"([一二两三四五六七八九十百千]+)(?:余|多)?(万台|万家|个|家|项|台|所|次|人|天)"
)
DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(numeral: str) -> int:
    """Value of a small Chinese numeral (两, 八, 十五, 二十, 百, 三百)."""
    total, digit = 0, 0
    for char in numeral:
        if char in DIGITS:
            digit = DIGITS[char]
        else:
            total += (digit or 1) * {"十": 10, "百": 100, "千": 1000}[char]
            digit = 0
    return total + digit


#: the idiom 上万 + unit (上万家 → 1 万家), not 上 before any unit (链上项目, 线上个人)
ABOVE = re.compile(
    "上({})".format("|".join(unit for unit in UNITS.split("|") if unit.startswith("万")))
)


def quantities_in(body: str) -> Counter:
    """(value, unit) → how often a case states it, read as tests/gold/README.md counts them."""
    found: Counter = Counter()
    for value, unit in NUMBER.findall(body):
        if unit == "年" and len(value) == 4:
            continue  # a year, not a duration
        found[(Decimal(value), unit)] += 1
    for unit in ABOVE.findall(body):
        found[(Decimal(1), unit)] += 1
    for numeral, unit in CHINESE.findall(body):
        if numeral == "一":
            continue  # the article 一 (一个集群, 一家, 召开一次), not a count
        found[(Decimal(chinese_number(numeral)), unit)] += 1
    for denominator, numerator in re.findall(
        r"([一二三四五六七八九十])分之([一二三四五六七八九])", body
    ):
        share = Decimal(100 * chinese_number(numerator)) / chinese_number(denominator)
        found[(share, "%")] += 1
    return found


def test_quantities_in_reads_each_number_form():
    assert quantities_in("现有企业逾1200家，产值约1380亿元，增长21.6%。") == Counter(
        {(Decimal(1200), "家"): 1, (Decimal(1380), "亿元"): 1, (Decimal("21.6"), "%"): 1}
    )
    assert quantities_in("产值1.1万亿元，接入设备38万台，860余家，85%以上") == Counter(
        {
            (Decimal("1.1"), "万亿元"): 1,
            (Decimal(38), "万台"): 1,
            (Decimal(860), "家"): 1,
            (Decimal(85), "%"): 1,
        }
    )
    assert quantities_in("上下游企业上万家，约占全国的五分之二，四个方面") == Counter(
        {(Decimal(1), "万家"): 1, (Decimal(40), "%"): 1, (Decimal(4), "个"): 1}
    )
    assert quantities_in("已投资链上项目21个，由35%提高到62%") == Counter(
        {(Decimal(21), "个"): 1, (Decimal(35), "%"): 1, (Decimal(62), "%"): 1}
    )
    # not quantities: years, 年 with Chinese numerals, 件, the article 一, enumerators, page marks
    assert (
        quantities_in("2021年，十余年，近三年，三件事，会商一次，（1）建设，(2) 推进，第 8 页")
        == Counter()
    )
    # full-width digits; decades, 四十余年, 三市, 第１/(a) enumerators, page lines, citations
    assert quantities_in("集聚企业１６００余家，连续9年，培养1500人以上") == Counter(
        {(Decimal(1600), "家"): 1, (Decimal(9), "年"): 1, (Decimal(1500), "人"): 1}
    )
    assert (
        quantities_in(
            "发端于20世纪70年代，经过四十余年发展，横跨三市。第１，(a)甲[10]。\n"
            "· 40 ·　　产业集群与区域发展　2022年第4期\n"
        )
        == Counter()
    )


@pytest.mark.parametrize("name", DOCS)
def test_quantities_are_every_number_with_a_unit_in_the_cases(name):
    data, spans = gold(name), cases(name)
    annotated = Counter(
        (q["cluster"], Decimal(str(q["value"])), q["unit"]) for q in data["quantities"]
    )
    found: Counter = Counter()
    for label, body in spans.items():
        for (value, unit), n in quantities_in(body).items():
            found[(label, value, unit)] += n
    assert annotated == found
    assert all(q["qualifier"] in QUALIFIERS for q in data["quantities"])
    assert all(q["cluster"] in spans for q in data["quantities"])


#: a timeline item numbered "1. 2020年5月，…", "1）2020年5月，…" or "（1）2017年10月，…", or an
#: unnumbered dash item "——2017年10月，…" (the day, 2021年3月11日, is not kept)
TIMELINE = re.compile(
    r"^(?:\d+(?:\. |[）)])|[（(]\d+[）)]|——[ \t]*)(\d{4})年(\d{1,2})月", flags=re.MULTILINE
)
#: a tier in a table cell: "N个X：" (16个先进制造业集群：…), not a group without a stated N
#: (一批新兴产业集群：…)
#: a tier: "N个X：list", or a stated "N个…集群" with no list ("12个国家级先进制造业集群，到2025年")
TIER = re.compile(r"(\d+)\s*个([^：:；;，,、\s|]+)(?:[：:]|(?<=集群)(?=[，,、；;。]|$))")


def timeline_dates(raw: str) -> list[str]:
    """YYYY-MM of each numbered timeline item, in text order."""
    return [f"{y}-{int(m):02d}" for y, m in TIMELINE.findall(raw)]


def pipe_rows(raw: str) -> list[tuple[str, str | None, list[tuple[str, int]]]]:
    """(地区, 文号 or None for "—", tiers) of each row of a pipe-separated policy table
    ("序号 | 地区 | 文件名称 | 文号 | 培育方向与梯次")."""
    rows = []
    for line in raw.splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) != 5 or not cells[0].isdigit():
            continue
        _, region, _, number, direction = cells
        tiers = [(label, int(n)) for n, label in TIER.findall(direction)]
        rows.append((region, None if number in {"—", "－", "-", ""} else number, tiers))
    return rows


#: a one-line policy record "江苏省：《title》（文号），提出N个X：…；M个Y：…" (地区, 文号, the rest)
RECORD = re.compile(
    r"^([\u4e00-\u9fff]{2,12}?(?:省|市|自治区))[：:]《[^》\n]+》[（(]([^（）()\n]+)[）)](.*)$",
    flags=re.MULTILINE,
)


def record_rows(raw: str) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """(地区, 文号, tiers) of each one-line policy record, in text order."""
    return [
        (region, number, [(label, int(n)) for n, label in TIER.findall(rest)])
        for region, number, rest in RECORD.findall(raw)
    ]


def test_timeline_and_table_readers():
    raw = "1. 2017年10月，甲\n2）2018年12月，乙\n（3）2021年3月11日，丙\n（4）无"
    assert timeline_dates(raw) == ["2017-10", "2018-12", "2021-03"]
    raw = "——基于10个集群\n\n——2017年10月，甲\n\n—— 2019年12月，乙\n文中——2020年1月，丙"
    assert timeline_dates(raw) == ["2017-10", "2019-12"]
    raw = (
        "摘录如下：\n"
        "江苏省：《关于…的实施意见》（苏政发〔2021〕38号），提出4个世界级集群：甲、乙；3个国家级集群：丙\n"
        "浙江省：《方案（2021—2025年）》（浙政发〔2021〕23号），构建“4+8”体系，即4个世界级集群：甲\n"
        "河南省：《行动计划》（豫政〔２０２１〕３０号），提出2个千亿级集群：甲、乙\n"
        "成都市：《方案》（成府发〔2022〕5号），提出5个千亿级产业集群：甲，按照“一个集群”推进。\n"
        "广西壮族自治区：《意见》（桂政发〔2021〕1号），提出一批产业集群：甲\n"
        "比较来看，江苏省：《不是记录》\n"
    )
    assert record_rows(raw) == [
        ("江苏省", "苏政发〔2021〕38号", [("世界级集群", 4), ("国家级集群", 3)]),
        ("浙江省", "浙政发〔2021〕23号", [("世界级集群", 4)]),
        ("河南省", "豫政〔２０２１〕３０号", [("千亿级集群", 2)]),
        ("成都市", "成府发〔2022〕5号", [("千亿级产业集群", 5)]),
        ("广西壮族自治区", "桂政发〔2021〕1号", []),
    ]
    listless = (
        "山东省：《方案》（鲁政字〔2021〕1号），提出10个省级先进制造业集群、30个特色产业集群，并…\n"
    )
    assert record_rows(listless) == [
        ("山东省", "鲁政字〔2021〕1号", [("省级先进制造业集群", 10), ("特色产业集群", 30)])
    ]
    assert record_rows("山东省：《方案》（鲁政字〔2021〕1号），提出3个方面的举措\n")[0][2] == []
    assert record_rows("1 | 湖北省 | 规划 | 鄂政发[2021]18号 | 5个集群：甲") == []
    raw = (
        "序号 | 地区 | 文件名称 | 文号 | 培育方向与梯次\n"
        "1 | 湖北省 | 规划 | 鄂政发[2021]18号 | 5个万亿级支柱产业集群：甲、乙；4个五千亿级产业集群：丙\n"
        "2 | 合肥市 | 规划 | — | 2个万亿级产业集群：丁；一批新兴产业集群：戊\n"
    )
    assert pipe_rows(raw) == [
        ("湖北省", "鄂政发[2021]18号", [("万亿级支柱产业集群", 5), ("五千亿级产业集群", 4)]),
        ("合肥市", None, [("万亿级产业集群", 2)]),
    ]
    assert pipe_rows("江苏省\t苏政发〔2021〕1号\t3个集群：甲") == []


@pytest.mark.parametrize("name", DOCS)
def test_timeline_and_table_rows(name):
    data, raw = gold(name), text(name)
    policies = data["policies"]
    assert len(policies) == STATED[name]["policies"]
    assert [p["date"] for p in policies] == timeline_dates(raw)
    for policy in policies:
        assert policy["label"] in raw
    rows = data["policy_documents"]
    assert len(rows) == STATED[name]["policy_documents"]
    for row in rows:
        assert row["document_number"] is None or row["document_number"] in raw
        assert row["province"] in adcodes()
        for tier in row["tiers"]:
            stated = re.escape(f"{tier['count']}个{tier['label']}")
            assert re.search(stated + r"(?:：|(?<=集群)(?=[，、；。]))", raw), tier
    annotated = [
        (
            adcode_names()[row["province"]],
            row["document_number"],
            [(tier["label"], tier["count"]) for tier in row["tiers"]],
        )
        for row in rows
    ]
    table = pipe_rows(raw)
    if table:  # a pipe-separated table is read row by row: 地区, 文号 ("—" = none) and tiers
        assert annotated == table
    records = record_rows(raw)
    if records:  # one-line records "地区：《title》（文号），…N个X：…" are read the same way
        assert annotated == records


STAGES = ("entrants", "winners")


@pytest.mark.parametrize("name", DOCS)
def test_competition_counts_add_up_to_the_stated_totals(name):
    data = gold(name)
    totals: Counter = Counter()
    # (stage, dimension) → category → count, to compare with a list that a finding quotes
    lists: dict[tuple[str, str], Counter] = {
        (stage, dimension): Counter() for stage in STAGES for dimension in ("industry", "province")
    }
    for record in data["competition"]:
        assert record["stage"] in STAGES
        assert record["dimension"] in {"industry", "province"}
        if record["dimension"] == "province":
            assert record["category"] in adcodes() and record["category"].endswith("0000")
        lists[(record["stage"], record["dimension"])][record["category"]] += record["count"]
        totals[(record["stage"], record["dimension"])] += record["count"]
    stated = STATED[name]
    # a sum-mismatch finding that quotes a province or industry list: the gold keeps the list as
    # printed (README: counts as stated), and the list does disagree with the stated total
    mismatched = set()
    for finding in data["findings"]:
        listed = listed_counts(finding["quote"])
        if finding["kind"] == "sum-mismatch" and listed is not None:
            dimension, counts = listed
            stages = [stage for stage in STAGES if lists[(stage, dimension)] == counts]
            assert stages, finding["quote"]
            assert all(sum(counts.values()) != stated[stage] for stage in stages)
            mismatched.update((stage, dimension) for stage in stages)
    for stage in STAGES:
        if (stage, "industry") not in mismatched:
            assert totals[(stage, "industry")] == stated[stage], stage
    if ("winners", "province") not in mismatched:
        assert totals[("winners", "province")] == stated["winners"]
    endings = re.findall(r"\d\s*[个家]\s*等[。；]", text(name))
    assert len(endings) <= 1
    if endings:  # a province list ending in 等 is taken as stated (no sum check)
        assert totals[("entrants", "province")] <= stated["entrants"]
    elif ("entrants", "province") not in mismatched:
        assert totals[("entrants", "province")] == stated["entrants"]


#: one group of a count list: 江苏5个, 广东、浙江各4家, 辽宁和广西各 1 个, 新一代信息技术16家
COUNT_GROUP = re.compile(r"\s*(.+?)各?\s*(\d+)\s*[个家]\s*")


def province_counts(listing: str) -> Counter | None:
    """Province code → count in a list like 江苏5个，广东、浙江各4家 (None when it is not one)."""
    codes = {province_short(c): c for c in adcodes() if c.endswith("0000")}
    counts: Counter = Counter()
    for part in re.split(r"[，,；;]", listing):
        match = COUNT_GROUP.fullmatch(part)
        if not match:
            return None
        for place in re.split(r"[、和]", match.group(1)):
            if place not in codes:
                return None
            counts[codes[place]] += int(match.group(2))
    return counts


def industry_counts(listing: str) -> Counter | None:
    """Industry → count in a list like 新一代信息技术16家，新材料、消费品各4家 (None when it is
    not one). Only 、 separates industries: 和 belongs to names such as 软件和信息服务."""
    provinces = {province_short(c) for c in adcodes() if c.endswith("0000")}
    counts: Counter = Counter()
    for part in re.split(r"[，,；;]", listing):
        match = COUNT_GROUP.fullmatch(part)
        if not match:
            return None
        for industry in match.group(1).split("、"):
            if not industry or industry in provinces or re.search(r"[\d\s]", industry):
                return None
            counts[industry] += int(match.group(2))
    return counts


def listed_counts(listing: str) -> tuple[str, Counter] | None:
    """(dimension, category → count) of a quoted count list: provinces first, else industries."""
    provinces = province_counts(listing)
    if provinces is not None:
        return "province", provinces
    industries = industry_counts(listing)
    return None if industries is None else ("industry", industries)


def test_province_counts():
    assert province_counts("江苏5个，广东、浙江各4个,辽宁和广西各 1 个") == Counter(
        {"320000": 5, "440000": 4, "330000": 4, "210000": 1, "450000": 1}
    )
    assert province_counts("2019年94家参赛,24家胜出") is None
    assert province_counts("江苏5个，长三角各4个") is None
    assert province_counts("江苏、广东各5家，浙江4家") == Counter(
        {"320000": 5, "440000": 5, "330000": 4}
    )
    assert industry_counts("新一代信息技术16家，软件和信息服务9家，新材料、消费品各4家") == Counter(
        {"新一代信息技术": 16, "软件和信息服务": 9, "新材料": 4, "消费品": 4}
    )
    assert industry_counts("2019年94家参赛,24家胜出") is None
    assert industry_counts("高端装备15家，江苏8家") is None
    assert listed_counts("江苏5个，广东4个") == ("province", Counter({"320000": 5, "440000": 4}))
    assert listed_counts("高端装备15家，绿色石化5家") == (
        "industry",
        Counter({"高端装备": 15, "绿色石化": 5}),
    )
    assert listed_counts("15个优势制造业集群") is None


#: a bulleted phrasing list, "· “phrase”：province、province…" (after ，/。 come examples:
#: "，如湖南提出…", "。其中湖北提出…")
BULLET = re.compile(r"^·[ \t]*“([^”]+)”[：:]([^，,。\n]+)", flags=re.MULTILINE)


def bulleted_phrasings(raw: str) -> set[tuple[str, str]]:
    """(province code, phrase) of a bulleted list; a name that is no province is kept as is."""
    codes = {province_short(c): c for c in adcodes() if c.endswith("0000")}
    return {
        (codes.get(place.strip(), place.strip()), phrase)
        for phrase, listing in BULLET.findall(raw)
        for place in listing.split("、")
    }


def grouped_phrasings(raw: str) -> set[tuple[str, str]]:
    """(province code, phrase) of running prose grouped by phrase: a clause with one quoted phrase
    that starts with a list of provinces (安徽、河南、江西使用“战略性新兴产业集群”这一表述) or with the
    phrase, followed by one ("“先进制造业集群”出现在江苏、浙江…7个省（市）的报告中"). A clause whose
    list has a name that is no province, or that quotes two phrases, is not read."""
    codes = {province_short(c): c for c in adcodes() if c.endswith("0000")}
    name = "|".join(sorted(map(re.escape, codes), key=len, reverse=True))
    listing = rf"((?:{name})(?:、(?:{name}))*)"
    before = re.compile(rf"{listing}[^“”、]{{0,8}}?“([^”]+)”")
    after = re.compile(rf"“([^”]+)”[^“”、]{{0,8}}?{listing}(?!、)")
    pairs = set()
    for clause in re.split(r"[。；;，,\n]", raw.replace("**", "")):
        clause = clause.strip()
        if clause.count("“") != 1:
            continue
        if match := before.match(clause):
            places, phrase = match.groups()
        elif match := after.match(clause):
            phrase, places = match.groups()
        else:
            continue
        pairs |= {(codes[place], phrase) for place in places.split("、")}
    return pairs


def provinces_named(sentence: str) -> set[str]:
    return {c for c in adcodes() if c.endswith("0000") and province_short(c) in sentence}


def gives_phrases(sentence: str, province: str, phrases: list[str]) -> bool:
    """Whether one sentence gives a province several phrases: quoted from as many report years
    (陕西: 2020 年政府工作报告…“优势产业集群”，2021 年政府工作报告…“万亿级产业集群”), or added for that
    province alone (此外，广东在使用“先进制造业集群”的同时，还提出壮大“战略性支柱产业集群”)."""
    if province_short(province) not in sentence:
        return False
    if not all(f"“{phrase}”" in sentence for phrase in phrases):
        return False
    years = set(re.findall(r"(\d{4})\s*年政府工作报告", sentence))
    added = provinces_named(sentence) == {province} and re.search(r"同时|还|此外", sentence)
    return len(years) == len(phrases) or bool(added)


def test_phrasing_readers():
    raw = (
        "· “先进制造业集群”：江苏、浙江、广东。其中湖北提出“打造…先进制造业集群”。\n"
        "· “产业集群”：北京、湖南，如湖南提出培育…产业集群。\n"
        "“优势产业集群”：山东\n"
    )
    assert bulleted_phrasings(raw) == {
        ("320000", "先进制造业集群"),
        ("330000", "先进制造业集群"),
        ("440000", "先进制造业集群"),
        ("110000", "产业集群"),
        ("430000", "产业集群"),
    }
    assert bulleted_phrasings("· “产业集群”：长三角") == {("长三角", "产业集群")}
    prose = (
        "除西藏、青海、新疆外，28个省（区、市）均对产业集群作出部署。"
        "“先进制造业集群”出现在江苏、浙江2个省（市）的报告中，是使用频率最高的表述。"
        "安徽、江西使用“战略性新兴产业集群”这一表述，如湖南提出打造世界级产业集群。"
        "山东、江西强调壮大“优势产业集群”；海南则提出打造“高新技术产业集群”。"
        "可见，东部省份更多使用“先进制造业集群”，使用“甲”和“乙”的省份增多；"
        "长三角提出“区域集群”；江苏、长三角提出“戊”；广东、浙江提出“丙”和“丁”。"
        "“己”见于四川、重庆的报告中；“庚”见于四川、长三角。"
    )
    assert grouped_phrasings(prose) == {
        ("320000", "先进制造业集群"),
        ("330000", "先进制造业集群"),
        ("340000", "战略性新兴产业集群"),
        ("360000", "战略性新兴产业集群"),
        ("370000", "优势产业集群"),
        ("360000", "优势产业集群"),
        ("460000", "高新技术产业集群"),
        ("510000", "己"),
        ("500000", "己"),
    }
    phrases = ["先进制造业集群", "战略性支柱产业集群"]
    added = "此外，广东在使用“先进制造业集群”的同时，还提出壮大“战略性支柱产业集群”"
    assert gives_phrases(added, "440000", phrases)
    assert not gives_phrases(added.replace("广东", "广东、江苏"), "440000", phrases)
    assert not gives_phrases("广东提出“先进制造业集群”和“战略性支柱产业集群”", "440000", phrases)
    years = "陕西：2020 年政府工作报告提出“优势产业集群”，2021 年政府工作报告提出“万亿级产业集群”"
    assert gives_phrases(years, "610000", ["优势产业集群", "万亿级产业集群"])
    assert not gives_phrases(
        years.replace("2021", "2020"), "610000", ["优势产业集群", "万亿级产业集群"]
    )


@pytest.mark.parametrize("name", DOCS)
def test_phrasings_cover_the_stated_provinces(name):
    data, raw = gold(name), text(name).replace("**", "")
    stated = STATED[name]["phrasing_provinces"]
    # "有29个地区…", "其余 30 个地区…", "除西藏、青海、新疆外，28个省（区、市）均…"
    statement = re.search(rf"(?<!\d){stated}\s*个(?:地区|省[（(]区、市[）)])", raw)
    assert statement
    pairs = [(p["province"], p["phrase"]) for p in data["phrasings"]]
    assert len(pairs) == len(set(pairs))
    per_province = Counter(province for province, _ in pairs)
    assert len(per_province) == stated
    assert all(p in adcodes() and p.endswith("0000") for p in per_province)
    for _, phrase in pairs:
        assert f"“{phrase}”" in raw
    # a bulleted list is read pair by pair; a pair beyond it is a province's further phrase
    listed = bulleted_phrasings(raw)
    assert listed <= set(pairs), listed - set(pairs)
    if listed:
        assert all(per_province[code] > 1 for code, _ in set(pairs) - listed)
    # prose grouped by phrase in the statement's paragraph is read pair by pair too; read in full
    # (every stated province), it is the whole annotation
    start, end = raw.rfind("\n", 0, statement.start()) + 1, raw.find("\n", statement.end())
    grouped = grouped_phrasings(raw[start : end if end >= 0 else len(raw)])
    assert grouped <= set(pairs), grouped - set(pairs)
    if len({code for code, _ in grouped}) == stated:
        assert grouped == set(pairs), set(pairs) - grouped
    # one phrase per province, unless one sentence gives it several (gives_phrases) or the
    # province is listed under each of its phrases in grouped prose (江西 in two groups)
    sentences = re.split(r"[。\n]", raw)
    for province, n in per_province.items():
        if n == 1:
            continue
        phrases = [phrase for code, phrase in pairs if code == province]
        if all((province, phrase) in grouped for phrase in phrases):
            continue
        assert any(gives_phrases(sentence, province, phrases) for sentence in sentences), province


@pytest.mark.parametrize("name", DOCS)
def test_region_links(name):
    data = gold(name)
    clusters = {c["label"]: c for c in data["clusters"]}
    for link in data["region_links"]:
        assert link["kind"] in LINKS
        assert {link["from"], link["to"]} <= set(clusters[link["cluster"]]["places"])
        if link["kind"] in SYMMETRIC:
            assert link["from"] < link["to"]
    multi = Counter(
        link["cluster"] for link in data["region_links"] if link["kind"] == "multi-city"
    )
    for cluster in clusters.values():
        n = len(cluster["places"])
        assert multi[cluster["label"]] == n * (n - 1) // 2


@pytest.mark.parametrize("name", DOCS)
def test_findings_quote_the_text(name):
    data, raw = gold(name), text(name)
    for finding in data["findings"]:
        assert finding["kind"] in FINDINGS
        assert raw[finding["start"] : finding["end"]] == finding["quote"]


def test_chinese_numerals():
    assert [chinese_number(n) for n in ("两", "八", "十", "十五", "二十", "百", "三百")] == [
        2,
        8,
        10,
        15,
        20,
        100,
        300,
    ]


def test_the_genre_document_has_the_genres_artifacts():
    raw = text("genre")
    lines = raw.split("\n")
    footer = "2022 省域先进制造业集群发展报告"
    assert 2 <= lines.count(footer) <= 3
    assert sum(1 for line in lines if re.fullmatch(r"\d{1,2}", line)) >= 2  # bare page numbers
    assert any(line and not line.strip() for line in lines)  # whitespace-only lines
    assert any(line.startswith("图1 ") for line in lines)
    assert any(line.startswith("表1 ") for line in lines)
    assert any(re.fullmatch(r"\(二\) .+", line) for line in lines)  # half-width heading
    assert raw.count("**") % 2 == 1  # a stray bold marker
    assert "（" in raw and "(" in raw and "，" in raw and "," in raw
    assert re.search(r"联席会\n\n.*\n\n12\n\n议制度", raw)  # a word broken over a page break
    assert "案例一：" in raw and "（以下简称" in raw and "（简称" in raw
    meta = json.loads(
        TEXTS["genre"].with_name("provincial-cluster-report.meta.json").read_text("utf-8")
    )
    assert meta["issued"] == "2022-06" and meta["language"] == "zh"
    assert meta["sha256"] == gold("genre")["sha256"]
    han = len(re.findall(r"[\u4e00-\u9fff]", raw))
    assert 4000 <= han <= 6000
