"""Page furniture leaves the clean text; paragraphs cut by page breaks are joined again."""

from __future__ import annotations

from clustergraph.text import Document, parse_document


def _paragraphs(doc: Document) -> list[str]:
    return [node.clean_text for node in doc.iter("paragraph")]


def _furniture(doc: Document) -> list[tuple[str | None, str | None]]:
    return [(node.role, node.title) for node in doc.iter("furniture")]


def test_page_break_joined() -> None:
    doc = parse_document("研究认为，这次会\n\n议提出的区域集群。\n\n另一段。\n")
    assert _paragraphs(doc) == ["研究认为,这次会议提出的区域集群。", "另一段。"]
    paragraph = next(doc.iter("paragraph"))
    assert paragraph.text == "研究认为，这次会\n\n议提出的区域集群。"


def test_join_skips_page_number_and_running_header() -> None:
    header = "2022 省域集群报告"
    raw = (
        f"甲。\n\n{header}\n\n1\n\n第一段没有结\n\n{header}\n\n2\n\n束的句子。\n\n"
        f"乙。\n\n{header}\n\n3\n"
    )
    doc = parse_document(raw)
    assert _paragraphs(doc) == ["甲。", "第一段没有结束的句子。", "乙。"]
    roles = [role for role, _ in _furniture(doc)]
    assert roles == ["running_text", "page_number"] * 3
    assert header not in doc.clean.clean
    joined = next(p for p in doc.iter("paragraph") if "结" in p.clean_text)
    assert all(child.kind == "sentence" for child in joined.children)
    inside = [f for f in doc.iter("furniture") if joined.start < f.start < joined.end]
    assert len(inside) == 2 and all(f.parent is doc.root for f in inside)


def test_no_join_after_terminal_or_closing_mark() -> None:
    doc = parse_document("第一句。\n\n第二句\n\n第三句。\n\n要“推动集群发展”\n\n新的一段。\n")
    assert _paragraphs(doc) == ["第一句。", "第二句第三句。", "要“推动集群发展”", "新的一段。"]


def test_no_join_into_heading_or_item() -> None:
    raw = "（一）标题\n\n正文没有句号\n\n（二）下一节\n\n列表前言\n\n1. 2019年，第一项。\n"
    doc = parse_document(raw)
    assert [s.title for s in doc.iter("section")] == ["标题", "下一节"]
    assert _paragraphs(doc) == ["正文没有句号", "列表前言", "2019年,第一项。"]


def test_whitespace_lines_and_figure_caption() -> None:
    raw = "正文。\n\n \n\n\n图1 135个集群行业分布\n\n续文。\n"
    doc = parse_document(raw)
    assert _furniture(doc) == [("blank", None), ("figure_caption", "135个集群行业分布")]
    caption = list(doc.iter("furniture"))[1]
    assert (caption.number, caption.ordinal) == ("1", 1)
    assert caption.clean_start == caption.clean_end
    assert "图1" not in doc.clean.clean
    assert _paragraphs(doc) == ["正文。", "续文。"]


def test_caption_inside_text_is_content() -> None:
    doc = parse_document("正文。\n图1 显示了分布\n续文。\n")
    assert _furniture(doc) == []
    assert "图1 显示了分布" in _paragraphs(doc)


def test_brand_footer_at_end() -> None:
    doc = parse_document("一、总论\n\n正文。\n\nCCID 赛迪智库\n")
    assert _furniture(doc) == [("running_text", "CCID 赛迪智库")]
    footer = next(doc.iter("furniture"))
    assert footer.parent is doc.root
    assert footer.text == "CCID 赛迪智库"
    assert "CCID" not in doc.clean.clean


def test_title_page_year_is_not_a_page_number() -> None:
    doc = parse_document("2020\n\n集群白皮书\n\n前 言\n\n正文。\n")
    front = next(doc.iter("front_matter"))
    assert [p.clean_text for p in front.iter("paragraph")] == ["2020", "集群白皮书"]
    assert _furniture(doc) == []
