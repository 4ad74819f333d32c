"""Offsets never lie: every node's raw span, clean span and text agree, for any input.

Checked on the real white paper, on documents generated from the genre's fragments (headings,
paragraphs cut by page breaks, enumerations, tables, furniture) and on arbitrary Unicode.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clustergraph.text import Document, Node, normalize, parse_document
from clustergraph.text.decode import decode_bytes
from clustergraph.text.nodes import KINDS

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
GENRE = ROOT / "tests" / "fixtures" / "genre" / "provincial-cluster-report.txt"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout" / "municipal-cluster-observation.txt"
BLIND = ROOT / "tests" / "fixtures" / "blind" / "regional-cluster-yearbook.txt"
BLIND2 = ROOT / "tests" / "fixtures" / "blind" / "provincial-cluster-think-tank-report.txt"
BLIND3 = ROOT / "tests" / "fixtures" / "blind" / "academic-journal-cluster-article.txt"
BLIND4 = ROOT / "tests" / "fixtures" / "blind" / "provincial-cluster-work-bulletin.txt"

#: kinds whose clean text is exactly the normalisation of their raw text
_LEAVES = {"paragraph", "sentence", "enumeration", "heading", "table_cell"}
_TABBED = {"table_row", "toc_entry"}


def _check_node(doc: Document, node: Node, furniture: list[tuple[int, int]]) -> None:
    raw, clean = doc.raw, doc.clean
    assert 0 <= node.start <= node.end <= len(raw), node
    assert 0 <= node.clean_start <= node.clean_end <= len(clean), node
    assert doc.raw_text(node) == raw[node.start : node.end] == node.text
    assert doc.clean_text(node) == node.clean_text
    if node.clean_end > node.clean_start:
        start, end = clean.raw_span(node.clean_start, node.clean_end)
        assert node.start <= start <= end <= node.end, (node, start, end)
    starts = [child.start for child in node.children]
    assert starts == sorted(starts), node
    for child in node.children:
        assert child.parent is node
        assert node.start <= child.start <= child.end <= node.end, (node, child)
        if child.clean_end > child.clean_start and node.kind != "document":
            assert node.clean_start <= child.clean_start <= child.clean_end <= node.clean_end
    has_furniture = any(node.start <= a < node.end for a, _ in furniture)
    if node.kind == "table_row":  # cells joined by tabs, whatever separated them in the source
        joined = "\t".join(c.clean_text for c in node.cells)
        # (the clean text never starts with a separator: a first row's empty first cells add none)
        assert node.clean_text == (joined.lstrip("\t") if node.clean_start == 0 else joined), node
    piped = node.kind == "table_row" and any(bar in node.text for bar in "|｜")
    if node.kind in _LEAVES | _TABBED and node.end > node.start and not has_furniture | piped:
        again = normalize(raw[node.start : node.end], keep_tabs=node.kind in _TABBED)
        assert again.clean == node.clean_text, (node, again.clean, node.clean_text)


def check_document(doc: Document) -> None:
    """All offset invariants of a parsed document."""
    assert doc.root.kind == "document"
    assert (doc.root.start, doc.root.end) == (0, len(doc.raw))
    furniture = [(n.start, n.end) for n in doc.iter("furniture")]
    for node in doc.iter():
        assert node.kind in KINDS, node
        assert node.document is doc
        _check_node(doc, node, furniture)
        if node.kind in {"paragraph", "sentence", "enumeration", "heading"}:
            assert "\n" not in node.clean_text, node
        if node.kind == "furniture":
            assert node.clean_start == node.clean_end
        if node.kind == "enumeration" and node.role == "是":
            assert node.clean_text.startswith(f"{node.number}是"), node
        elif node.kind == "enumeration":
            assert node.number and node.clean_text.lstrip("(").startswith(node.number), node
        if node.kind in {"part", "section", "case"} and node.title:
            assert node.title in doc.clean_text(node.children[0]), node
    mapped = [doc.clean.to_raw(i) for i in range(len(doc.clean) + 1)]
    assert mapped == sorted(mapped)


@pytest.mark.parametrize(
    ("path", "parts", "cases"),
    [
        (SOURCE, 2, 20),
        (GENRE, 2, 10),
        (HELDOUT, 2, 8),
        (BLIND, 3, 6),
        (BLIND2, 3, 11),
        (BLIND3, 5, 10),
        (BLIND4, 0, 10),
    ],
    ids=["whitepaper", "genre", "heldout", "blind", "blind2", "blind3", "blind4"],
)
def test_real_documents_offsets(path: Path, parts: int, cases: int) -> None:
    if not path.exists():
        pytest.skip(f"{path.name} is not in this checkout")
    doc = parse_document(decode_bytes(path.read_bytes(), name=path.name))  # UTF-8 or GB18030
    check_document(doc)
    assert len(list(doc.iter("part"))) == parts
    assert len(list(doc.iter("case"))) == cases


# -- generated documents of the genre -----------------------------------------------------------
_CJK = "集群产业发展创新制造先进区域协同企业平台技术园链数字化培育推动建设服务龙头配套"
_WORD = (
    st.text(alphabet=_CJK + "0123456789AIGPU ", min_size=2, max_size=14).map(str.strip).filter(bool)
)
_CN_NUM = "一二三四五六七八九十"


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(_WORD, min_size=1, max_size=4))
    comma = draw(st.sampled_from(["，", ",", "、", "；", ";", "："]))
    end = draw(st.sampled_from(["。", "。", "！", "？", "；", ""]))
    return comma.join(words) + end


_MARKERS = (
    lambda k: f"{_CN_NUM[k]}是",
    lambda k: f"第{_CN_NUM[k]}，",
    lambda k: f"其{_CN_NUM[k]}，",
    lambda k: ("首先，", "其次，", "再次，", "最后，")[k],
    lambda k: "①②③④"[k],
    lambda k: f"（{k + 1}）",
    lambda k: f"{k + 1}）",
)


@st.composite
def _enumeration(draw: st.DrawFn) -> str:
    count = draw(st.integers(2, 4))
    bold = draw(st.booleans())
    style = draw(st.sampled_from(_MARKERS))
    parts = []
    for k in range(count):
        marker = style(k)
        parts.append((f"**{marker}**" if bold else marker) + draw(_sentence()))
    lead = draw(_sentence())
    sep = draw(st.sampled_from(["", "。", "；"]))
    return lead + sep.join(parts)


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    text = draw(
        st.one_of(_enumeration(), st.lists(_sentence(), min_size=1, max_size=3).map("".join))
    )
    if len(text) > 4 and draw(st.booleans()):  # a page break in the middle of a sentence
        cut = draw(st.integers(1, len(text) - 1))
        furniture = draw(
            st.sampled_from(["", "\n\n12", "\n\nCCID 赛迪智库", "\n\n \n\n图3 分布图"])
        )
        text = text[:cut] + furniture + "\n\n" + text[cut:]
    return text


def _title(draw: st.DrawFn) -> str:
    return draw(_WORD).replace(" ", "") or "标题"


@st.composite
def _block(draw: st.DrawFn) -> str:
    kind = draw(
        st.sampled_from(
            ["part", "chapter", "section", "case", "item", "litem", "ritem", "table", "para"]
        )
    )
    n = draw(st.integers(1, 9))
    if kind == "part":
        return f"{_CN_NUM[n - 1]}、{_title(draw)}"
    if kind == "chapter":
        return draw(
            st.sampled_from([f"第{_CN_NUM[n - 1]}章　", f"第{_CN_NUM[n - 1]}节 "])
        ) + _title(draw)
    if kind == "ritem":  # "1）" or "①" items, with a run-in head or as body text
        marker = draw(st.sampled_from([f"{n}）", "①②③④⑤⑥⑦⑧⑨"[n - 1]]))
        return marker + draw(st.sampled_from([f"{_title(draw)}。", ""])) + draw(_paragraph())
    if kind == "section":
        return draw(st.sampled_from([f"（{_CN_NUM[n - 1]}）", f"({_CN_NUM[n - 1]}) "])) + _title(
            draw
        )
    if kind == "case":
        return f"案例{_CN_NUM[n - 1]}：{_title(draw)}"
    if kind == "item":
        return f"{n}、{_title(draw)}"
    if kind == "litem":
        return draw(st.sampled_from([f"{n}. ", f"{n}．", f"{n}、"])) + draw(_paragraph()) + "。"
    if kind == "table":
        rows = [
            f"{k}\t{_title(draw)}\t{draw(_sentence())}"
            for k in range(1, draw(st.integers(1, 3)) + 1)
        ]
        return f"表{n} {_title(draw)}\n\n序号\t名称\t内容\n" + "\n".join(rows)
    return draw(_paragraph())


@st.composite
def _document(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(["", "2020\n\n白皮书\n\n前 言\n\n", "目 录\n\n一、总论\t1\n\n"]))
    blocks = draw(st.lists(_block(), min_size=1, max_size=10))
    tail = draw(st.sampled_from(["", "\n\nCCID 赛迪智库\n"]))
    return head + "\n\n".join(blocks) + tail


@settings(max_examples=150, deadline=None, derandomize=True)
@given(_document())
def test_generated_documents_keep_offsets(raw: str) -> None:
    check_document(parse_document(raw))


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(st.text())
def test_arbitrary_text_parses(raw: str) -> None:
    check_document(parse_document(raw))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(), st.booleans())
def test_normalize_never_crashes_and_maps_monotonically(raw: str, tabs: bool) -> None:
    view = normalize(raw, keep_tabs=tabs)
    mapped = [view.to_raw(i) for i in range(len(view) + 1)]
    assert mapped == sorted(mapped)
    assert mapped[-1] == len(raw)
    assert all(0 <= i <= len(raw) for i in mapped)
    for i in range(len(view)):
        start, end = view.raw_span(i, i + 1)
        assert 0 <= start < end <= len(raw)
