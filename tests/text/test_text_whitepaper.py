"""End to end on the real white paper: the structure a reader sees, with its PDF artefacts repaired."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from clustergraph.text import Document, Node, parse_document, read_source

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse_document(read_source(SOURCE).text)


def _children(node: Node, kind: str) -> list[Node]:
    return [child for child in node.children if child.kind == kind]


def test_top_level(doc: Document) -> None:
    kinds = [child.kind for child in doc.root.children]
    assert kinds == ["front_matter", "preface", "toc", "part", "part", "furniture"]
    parts = _children(doc.root, "part")
    assert [(p.number, p.title) for p in parts] == [
        ("一", "央地协同:大力支持先进制造业集群发展"),
        ("二", "探索实践:不断丰富先进制造业集群工具箱"),
    ]


def test_sections_and_cases(doc: Document) -> None:
    parts = _children(doc.root, "part")
    assert [len(_children(p, "section")) for p in parts] == [3, 5]
    assert len(list(doc.iter("section"))) == 8
    sections = _children(parts[1], "section")
    assert [len(_children(s, "case")) for s in sections] == [4, 5, 4, 4, 3]
    assert len(list(doc.iter("case"))) == 20
    assert not list(parts[0].iter("case"))
    governance = sections[4]
    assert governance.title == "完善集群治理机制"
    assert [c.title for c in _children(governance, "case")] == [
        "浙江宁波磁性材料集群",
        "浙江温州乐清电器集群",
        "天津动力电池集群",
    ]
    assert all(c.ordinal == k for s in sections for k, c in enumerate(_children(s, "case"), 1))


def test_items_in_part_one(doc: Document) -> None:
    first, _, third = _children(_children(doc.root, "part")[0], "section")
    items = _children(first, "item")
    assert [(i.number, i.title) for i in items] == [(str(k), None) for k in range(1, 7)]
    assert all([c.kind for c in i.children] == ["paragraph"] for i in items)
    titled = _children(third, "item")
    assert [t.title for t in titled] == [
        "全国31个省(自治区、直辖市)政府工作报告对“集群”的定位",
        "重点省市集群政策文件解读及实践探索",
    ]
    assert [c.kind for c in titled[1].children] == ["heading"] + ["paragraph"] * 4 + ["table"]


def test_changzhou_enumeration(doc: Document) -> None:
    case = next(c for c in doc.iter("case") if c.title == "江苏常州新型碳材料集群")
    items = list(case.iter("enumeration"))
    assert [(e.ordinal, e.heading) for e in items] == [
        (1, "强化创新主体能力"),
        (2, "加强创新要素支撑"),
        (3, "促进成果转移转化"),
    ]
    assert items[2].clean_text.startswith("三是促进成果转移转化。启动龙城实验室建设")


def test_bold_enumeration(doc: Document) -> None:
    case = next(c for c in doc.iter("case") if c.title == "广东深圳广州高性能医疗器械集群")
    items = list(case.iter("enumeration"))
    assert [e.ordinal for e in items] == [1, 2, 3, 4, 5]
    assert items[0].heading is None
    assert items[3].heading == "生产配套齐全"
    assert doc.raw[items[1].start - 2 : items[1].start] == "**"
    assert "**" not in doc.clean.clean


def test_table(doc: Document) -> None:
    table = next(doc.iter("table"))
    assert (table.number, table.title) == ("1", "地方确定的集群培育方向一览表")
    rows = _children(table, "table_row")
    assert len(rows) == 10
    assert rows[0].role == "header"
    assert [c.clean_text for c in rows[0].cells] == ["序号", "省份", "集群文件", "集群培育发展方向"]
    data = [r for r in rows if r.role == "data"]
    assert len(data) == 9
    assert all(len(r.cells) == 4 for r in rows)
    assert [r.cells[0].clean_text for r in data] == [str(k) for k in range(1, 10)]
    assert data[7].cells[1].clean_text == "宁波市"


def test_page_breaks_joined(doc: Document) -> None:
    clean = doc.clean.clean
    assert "这次会议提出" in clean
    assert "纺织服装(6个)" in clean
    assert "提升企业自主创新能力。三是" in clean
    paragraph = doc.find_enclosing("paragraph", doc.raw.index("议提出的区域集群"))
    assert paragraph is not None and "这次会\n\n议提出" in paragraph.text


def test_furniture(doc: Document) -> None:
    furniture = list(doc.iter("furniture"))
    assert Counter(f.role for f in furniture) == {
        "blank": 2,
        "figure_caption": 2,
        "running_text": 1,
    }
    footer = furniture[-1]
    assert (footer.text, footer.role, footer.parent) == ("CCID 赛迪智库", "running_text", doc.root)
    captions = [f.title for f in furniture if f.role == "figure_caption"]
    assert captions == ["135个先进制造业集群行业和地区分布", "44家集群初赛优胜者省市和行业分布"]
    clean = doc.clean.clean
    assert "CCID" not in clean and "图1" not in clean
    assert not any(
        f.start < p.end and p.start < f.end for f in furniture for p in doc.iter("sentence")
    )


def test_toc_not_content(doc: Document) -> None:
    toc = next(doc.iter("toc"))
    entries = _children(toc, "toc_entry")
    assert len(entries) == 10
    assert [e.role for e in entries].count("part") == 2
    assert entries[2].title == "工业和信息化部开展全国先进制造业集群竞赛"
    for part in doc.iter("part"):
        assert not list(part.iter("toc_entry"))
        assert part.start > toc.end


def test_front_matter_and_preface(doc: Document) -> None:
    front = next(doc.iter("front_matter"))
    assert [p.clean_text for p in front.children] == [
        "2020",
        "先进制造业集群白皮书",
        "中国电子信息产业发展研究院",
        "规划研究所",
        "2021年3月",
    ]
    preface = next(doc.iter("preface"))
    assert len(_children(preface, "paragraph")) == 3


def test_counts(doc: Document) -> None:
    counts = Counter(node.kind for node in doc.iter())
    assert counts["paragraph"] == 52
    assert counts["enumeration"] == 66
    assert counts["heading"] == 35
