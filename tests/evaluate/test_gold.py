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
}
#: what each document states: case count, timeline items, table rows, competition totals
STATED = {
    "whitepaper": {
        "clusters": 20,
        "policies": 6,
        "policy_documents": 9,
        "entrants": 135,
        "winners": 44,
    },
    "genre": {"clusters": 10, "policies": 4, "policy_documents": 7, "entrants": 60, "winners": 19},
    "heldout": {"clusters": 8, "policies": 5, "policy_documents": 8, "entrants": 72, "winners": 25},
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
def adcodes() -> frozenset[str]:
    table = files("cpca").joinpath("resources", "adcodes.csv").read_text(encoding="utf-8")
    return frozenset(row["adcode"][:6] for row in csv.DictReader(table.splitlines()))


def cases(name: str) -> dict[str, str]:
    """Case title → case text (up to the next case or section heading)."""
    raw = text(name)
    heads = list(re.finditer(r"^案例[一二三四五六七八九十]+：(.+)$", raw, flags=re.MULTILINE))
    sections = [
        m.start()
        for m in re.finditer(r"^[（(][一二三四五六七八九十]+[)）]", raw, flags=re.MULTILINE)
    ]
    spans = {}
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(raw)
        end = min([end, *[s for s in sections if s > head.start()]])
        spans[head.group(1).strip()] = raw[head.end() : end]
    return spans


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


@pytest.mark.parametrize("name", DOCS)
def test_measures_are_the_enumerated_items_of_each_case(name):
    data, spans = gold(name), cases(name)
    annotated = Counter(m["cluster"] for m in data["measures"] if m["cluster"])
    for label, body in spans.items():
        stated = {ORDINALS.index(c) + 1 for c in re.findall(r"([一二三四五六七八九十])是", body)}
        assert stated == set(range(1, annotated[label] + 1)), label
    general = [m for m in data["measures"] if m["cluster"] is None]
    assert all(m["category"] in CATEGORIES for m in general)
    per_category = Counter(m["category"] for m in general)
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
    assert declared and set(declared) <= aliases


@pytest.mark.parametrize("name", DOCS)
def test_roles_point_at_gold_institutions_and_clusters(name):
    data = gold(name)
    institutions = {i["label"]: i for i in data["institutions"]}
    for role in data["roles"]:
        assert role["role"] in ROLES
        assert role["cluster"] in institutions[role["institution"]]["clusters"], role
    assert len({tuple(r.values()) for r in data["roles"]}) == len(data["roles"])


UNITS = r"亿美元|亿元|万平方米|万家|万台|万辆|家|个|项|台|所|次|人|天|年|%"
NUMBER = re.compile(rf"(?<![0-9.A-Za-z])(\d+(?:\.\d+)?)\s*(?:余|多)?\s*({UNITS})")
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


@pytest.mark.parametrize("name", DOCS)
def test_quantities_are_every_number_with_a_unit_in_the_cases(name):
    data, spans = gold(name), cases(name)
    annotated = Counter(
        (q["cluster"], Decimal(str(q["value"])), q["unit"]) for q in data["quantities"]
    )
    found: Counter = Counter()
    for label, body in spans.items():
        for value, unit in NUMBER.findall(body):
            if unit == "年" and len(value) == 4:
                continue  # a year, not a duration
            found[(label, Decimal(value), unit)] += 1
        for unit in re.findall(rf"上({UNITS})", body):
            found[(label, Decimal(1), unit)] += 1
        for numeral, unit in CHINESE.findall(body):
            found[(label, Decimal(chinese_number(numeral)), unit)] += 1
        for denominator, numerator in re.findall(
            r"([一二三四五六七八九十])分之([一二三四五六七八九])", body
        ):
            share = Decimal(100 * chinese_number(numerator)) / chinese_number(denominator)
            found[(label, share, "%")] += 1
    assert annotated == found
    assert all(q["qualifier"] in QUALIFIERS for q in data["quantities"])
    assert all(q["cluster"] in spans for q in data["quantities"])


@pytest.mark.parametrize("name", DOCS)
def test_timeline_and_table_rows(name):
    data, raw = gold(name), text(name)
    policies = data["policies"]
    assert len(policies) == STATED[name]["policies"]
    items = re.findall(r"^\d+\. (\d{4})年(\d{1,2})月", raw, flags=re.MULTILINE)
    assert [p["date"] for p in policies] == [f"{y}-{int(m):02d}" for y, m in items]
    for policy in policies:
        assert policy["label"] in raw
    rows = data["policy_documents"]
    assert len(rows) == STATED[name]["policy_documents"]
    for row in rows:
        assert row["document_number"] is None or row["document_number"] in raw
        assert row["province"] in adcodes()
        for tier in row["tiers"]:
            assert f"{tier['count']}个{tier['label']}：" in raw, tier


@pytest.mark.parametrize("name", DOCS)
def test_competition_counts_add_up_to_the_stated_totals(name):
    data = gold(name)
    totals: Counter = Counter()
    for record in data["competition"]:
        assert record["stage"] in {"entrants", "winners"}
        if record["dimension"] == "province":
            assert record["category"] in adcodes() and record["category"].endswith("0000")
        totals[(record["stage"], record["dimension"])] += record["count"]
    stated = STATED[name]
    assert totals[("entrants", "industry")] == stated["entrants"]
    assert totals[("winners", "industry")] == stated["winners"]
    assert totals[("winners", "province")] == stated["winners"]
    assert totals[("entrants", "province")] <= stated["entrants"]  # the list ends with 等


@pytest.mark.parametrize("name", DOCS)
def test_phrasings_cover_29_provinces_once(name):
    data = gold(name)
    provinces = [p["province"] for p in data["phrasings"]]
    assert len(provinces) == len(set(provinces)) == 29
    assert all(p in adcodes() and p.endswith("0000") for p in provinces)
    for phrase in {p["phrase"] for p in data["phrasings"]}:
        assert f"“{phrase}”" in text(name).replace("**", "")


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
