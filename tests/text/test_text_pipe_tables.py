"""Tables written with "|" pipes: outer pipes, Markdown rule rows, empty cells, and the lines
with a pipe that are no table (prose, headings, a lone line).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from clustergraph.text import Document, Node, parse_document
from clustergraph.text.tables import is_rule_row, pipe_cells, row_delimiter
from tests.text.test_text_properties import check_document


def _tables(doc: Document) -> list[Node]:
    return list(doc.iter("table"))


def _cells(table: Node) -> list[list[str]]:
    return [[c.clean_text for c in row.cells] for row in table.iter("table_row")]


def test_pipe_cells_and_delimiters() -> None:
    assert pipe_cells("a | b | c") == ["a", "b", "c"]
    assert pipe_cells("| a | b |") == ["a", "b"]  # outer pipes add no cells
    assert pipe_cells("a | | c") == ["a", "", "c"]  # an empty cell keeps its column
    assert pipe_cells("| a |") is None  # one cell: no row
    assert pipe_cells("a |") is None
    assert pipe_cells("没有竖线的一行。") is None
    assert is_rule_row("|---|:---:|")
    assert is_rule_row("--- | ---")
    assert not is_rule_row("| a | --- |")
    assert row_delimiter("a\tb | c") == "\t"  # tabs win
    assert row_delimiter("a | b") == "|"
    assert row_delimiter("a b") is None


def test_captioned_pipe_table_with_outer_pipes_and_rule_row() -> None:
    raw = (
        "一、政策\n\n表2-3 示例政策一览\n\n"
        "| 序号 | 地区 | 文号 | 方向 |\n"
        "|---|---|:---:|---|\n"
        "| 1 | 甲省 | 甲政发〔2022〕1号 | 2个集群：钢铁、装备 |\n"
        "| 2 | 乙市 | — | 1个集群：纺织 |\n\n"
        "表后的正文。\n"
    )
    doc = parse_document(raw)
    (table,) = _tables(doc)
    assert (table.title, table.number) == ("示例政策一览", "2-3")
    rows = list(table.iter("table_row"))
    assert [r.role for r in rows] == ["header", "data", "data"]  # the rule row is no row
    assert _cells(table) == [
        ["序号", "地区", "文号", "方向"],
        ["1", "甲省", "甲政发〔2022〕1号", "2个集群:钢铁、装备"],
        ["2", "乙市", "—", "1个集群:纺织"],
    ]
    assert rows[2].clean_text == "2\t乙市\t—\t1个集群:纺织"  # cells joined by tabs in clean
    assert rows[1].cells[2].text == "甲政发〔2022〕1号"  # raw spans without pipes or spaces
    assert [p.clean_text for p in doc.iter("paragraph")] == ["表后的正文。"]
    check_document(doc)


def test_pipe_table_without_caption_and_full_width_bars() -> None:
    raw = "正文一段。\n\n名称 ｜ 数量 ｜ 单位\n甲 ｜ 3 ｜ 家\n乙 ｜ 4 ｜ 个\n\n二、下一部分\n"
    doc = parse_document(raw)
    (table,) = _tables(doc)
    assert _cells(table) == [["名称", "数量", "单位"], ["甲", "3", "家"], ["乙", "4", "个"]]
    check_document(doc)


def test_empty_middle_cell_keeps_the_columns() -> None:
    raw = (
        "表1 空格\n\n序号 | 名称 | 文号 | 方向\n1 | 甲 |  | 钢铁\n2 | 乙 | 乙发〔2020〕2号 | 纺织\n"
    )
    doc = parse_document(raw)
    (table,) = _tables(doc)
    assert _cells(table)[1] == ["1", "甲", "", "钢铁"]
    assert [c.ordinal for c in list(table.iter("table_row"))[1].cells] == [1, 2, 3, 4]
    check_document(doc)


def test_pipe_row_cut_by_a_page_break_continues() -> None:
    raw = (
        "表1 方向\n\n序号 | 省份 | 方向\n1 | 江苏 | 前沿新材料、生物\n\n12\n\n"
        "医药和新型医疗器械。\n2 | 浙江 | 数字安防。\n\n二、下一部分\n"
    )
    doc = parse_document(raw)
    (table,) = _tables(doc)
    assert _cells(table)[1] == ["1", "江苏", "前沿新材料、生物医药和新型医疗器械。"]
    assert _cells(table)[2] == ["2", "浙江", "数字安防。"]
    check_document(doc)


def test_uncaptioned_markdown_table_under_a_bracketed_column_label() -> None:
    raw = (
        "【政策汇编】部分地区文件一览\n\n"
        "各地出台了培育政策，见下表。\n\n"
        "| 地区 | 文件 | 文号 | 梯次 |\n"
        "| --- | --- | --- | --- |\n"
        "| 甲省 | 《甲省集群方案》 | 甲政[2022]1号 | 2个集群：钢铁、装备；5个省级集群 |\n"
        "| 乙市 | 《乙市集群方案》 | — | 1个集群：纺织 |\n\n"
        "注：乙市文件未列文号。\n"
    )
    doc = parse_document(raw)
    (table,) = _tables(doc)
    assert _cells(table) == [
        ["地区", "文件", "文号", "梯次"],
        ["甲省", "《甲省集群方案》", "甲政[2022]1号", "2个集群:钢铁、装备;5个省级集群"],
        ["乙市", "《乙市集群方案》", "—", "1个集群:纺织"],
    ]
    texts = [p.clean_text for p in doc.iter("paragraph")]
    assert "注:乙市文件未列文号。" in texts  # the note after the blank line is no row
    check_document(doc)


def test_rule_row_without_a_header_above_is_no_table() -> None:
    raw = "【说明】\n\n| --- | --- |\n| 甲 | 乙 |\n\n正文。\n"
    doc = parse_document(raw)
    assert _tables(doc) == []  # a table starts at its header, never at a rule row
    check_document(doc)


def test_lines_with_a_pipe_that_are_no_table() -> None:
    raw = (
        "一、总论\n\n"
        "地址: 略 | 联系方式: 略\n\n"  # a lone line of prose
        "本段提到 A|B 两种写法，并非表格。\n"
        "下一行也有竖线 | 但列数不同 | 仍是正文 | 四段\n\n"  # cell counts differ: prose
        "结语。\n"
    )
    doc = parse_document(raw)
    assert _tables(doc) == []
    assert [r for r in doc.iter("table_row")] == []
    texts = "".join(p.clean_text for p in doc.iter("paragraph"))
    assert "地址: 略 | 联系方式: 略" in texts  # the pipes stay in the prose
    assert "本段提到 A|B 两种写法,并非表格。" in texts
    assert "下一行也有竖线 | 但列数不同 | 仍是正文 | 四段" in texts
    check_document(doc)


def test_heading_with_a_pipe_stays_a_heading_and_ends_a_pipe_table() -> None:
    raw = (
        "二、案例\n\n序号 | 名称\n1 | 甲\n案例一：甲乙集群\n\n正文。\n\n三、总结 | 附记\n\n结语。\n"
    )
    doc = parse_document(raw)
    (table,) = _tables(doc)
    assert _cells(table) == [["序号", "名称"], ["1", "甲"]]
    assert [c.title for c in doc.iter("case")] == ["甲乙集群"]
    assert len(list(doc.iter("part"))) == 2
    check_document(doc)


_CELL = st.text(alphabet="甲乙丙丁集群产业 12-—", min_size=0, max_size=6)


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    st.lists(st.lists(_CELL, min_size=2, max_size=4), min_size=1, max_size=4),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_generated_pipe_tables_keep_offsets(
    rows: list[list[str]], outer: bool, rule: bool, caption: bool
) -> None:
    lines = [" | ".join(cells) for cells in rows]
    if outer:
        lines = [f"| {line} |" for line in lines]
    if rule:
        lines.insert(1, "|---|---|")
    head = "表1 生成的表\n\n" if caption else ""
    check_document(parse_document("一、总论\n\n" + head + "\n".join(lines) + "\n\n结语。\n"))
