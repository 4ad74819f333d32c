"""Headings and page furniture of other house styles: report topics (专题), barred case headings
(典型案例 N | 标题) and long running headers that repeat next to page numbers."""

from __future__ import annotations

import unicodedata

from clustergraph.text import parse_document
from clustergraph.text.patterns import match_line


def test_barred_and_bracketed_case_headings() -> None:
    for line, number, title in [
        ("典型案例 3 | 江苏常州新能源集群", "3", "江苏常州新能源集群"),
        ("典型案例三｜江苏常州新能源集群", "三", "江苏常州新能源集群"),
        ("案例 12 丨 江苏常州新能源集群", "12", "江苏常州新能源集群"),
        ("【案例4】江苏常州新能源集群", "4", "江苏常州新能源集群"),
        ("案例一：江苏常州新能源集群", "一", "江苏常州新能源集群"),
    ]:
        line = unicodedata.normalize("NFKC", line)  # lines are matched normalised
        match = match_line(line)
        assert match is not None and match.kind == "case", line
        assert match.number == number
        assert line[match.title_start : match.title_end] == title


def test_case_words_in_prose_are_no_case_headings() -> None:
    for line in (
        "典型案例表明，集群促进机构的作用越来越重要。",
        "案例3|的做法值得推广,各地可以结合实际,借鉴其经验,形成一套适合本地的集群治理机制和工作方法。",
    ):
        match = match_line(line)
        assert match is None or match.kind != "case", line


def test_topic_headings_are_sections() -> None:
    match = match_line("专题一 协同创新:把创新要素留在集群里")
    assert match is not None and (match.kind, match.ordinal, match.style) == ("section", 1, "专题")
    assert match_line("专题3:数字化赋能") is not None
    prose = match_line("专题研究表明,集群的数字化水平与企业规模密切相关。")
    assert prose is None or prose.kind != "section"


def test_report_with_topics_and_barred_cases() -> None:
    raw = (
        "二、集群工具箱\n\n导言。\n\n专题一 协同创新：把创新要素留在集群里\n\n专题导言。\n\n"
        "典型案例 1 | 安徽合肥智能语音集群\n\n正文一。\n\n"
        "典型案例 2 | 江苏苏州纳米新材料集群\n\n正文二。\n\n"
        "专题二 产业链协作：从集聚到融合\n\n典型案例 3 | 湖北武汉光电子集群\n\n正文三。\n"
    )
    doc = parse_document(raw)
    sections = list(doc.iter("section"))
    assert [s.title for s in sections] == [
        "协同创新:把创新要素留在集群里",
        "产业链协作:从集聚到融合",
    ]
    cases = list(doc.iter("case"))
    assert [(c.title, c.ordinal) for c in cases] == [
        ("安徽合肥智能语音集群", 1),
        ("江苏苏州纳米新材料集群", 2),
        ("湖北武汉光电子集群", 3),
    ]
    assert [c.parent.title for c in cases if c.parent] == [sections[0].title] * 2 + [
        sections[1].title
    ]
    assert sections[0].parent is not None and sections[0].parent.kind == "part"


def test_long_running_header_next_to_page_numbers() -> None:
    header = "清源研究报告 · 长江中游城市群先进制造业集群培育路径研究(2021)"  # 36 characters
    assert len(header) > 30
    raw = "".join(f"第{k}段没有结\n\n第 {k} 页\n\n{header}\n\n束的句子。\n\n" for k in range(1, 4))
    doc = parse_document(raw)
    paragraphs = [p.clean_text for p in doc.iter("paragraph")]
    assert paragraphs == [f"第{k}段没有结束的句子。" for k in range(1, 4)]
    roles = [node.role for node in doc.iter("furniture")]
    assert roles == ["page_number", "running_text"] * 3


def test_long_repeated_line_without_page_numbers_stays_content() -> None:
    line = "集群促进机构是集群治理的组织者,也是政策落地和服务企业的关键载体与重要抓手"
    assert len(line) > 30  # longer than a running header may be away from page numbers
    raw = "".join(f"{line}\n\n正文{k}。\n\n" for k in range(3))
    doc = parse_document(raw)
    assert not [node for node in doc.iter("furniture") if node.role == "running_text"]


def test_lines_that_only_name_a_cluster_are_case_headings() -> None:
    for line, title in [
        ("浙江宁波磁性材料集群", "浙江宁波磁性材料集群"),
        ("专栏 2-1 | 浙江宁波磁性材料集群", "浙江宁波磁性材料集群"),
        ("专栏3:泰州市生物医药集群", "泰州市生物医药集群"),
        ("【典型案例】内蒙古自治区呼和浩特乳制品集群", "内蒙古自治区呼和浩特乳制品集群"),
        ("湖南长沙、株洲、湘潭工程机械集群", "湖南长沙、株洲、湘潭工程机械集群"),
    ]:
        match = match_line(line)
        assert match is not None and (match.kind, match.style) == ("case", "named"), line
        assert line[match.title_start : match.title_end] == title


def test_other_lines_ending_in_cluster_are_no_case_headings() -> None:
    for line in (
        "培育先进制造业集群",  # no place first: a slogan or a heading of prose
        "江苏、浙江等地的先进制造业集群",  # a description (等, 的)
        "2020先进制造业集群",
        "各地积极培育先进制造业集群。",  # a sentence
        "“先进制造业集群”:江苏、浙江",
    ):
        match = match_line(line)
        assert match is None or match.kind != "case", line


def test_named_case_headings_only_in_the_body() -> None:
    raw = (
        "浙江省先进制造业集群\n\n2022年3月\n\n目录\n\n二、典型案例 …… 3\n\n江苏常州储能集群 …… 4\n\n"
        "一、总体情况\n\n正文。\n\n二、典型案例\n\n导言。\n\n"
        "江苏常州储能集群\n\n常州正文。\n\n专栏 2 | 湖北武汉光电子集群\n\n武汉正文。\n"
    )
    doc = parse_document(raw)
    cases = list(doc.iter("case"))
    # the title page line and the contents line ending in 集群 are no cases
    assert [(c.title, c.number, c.ordinal) for c in cases] == [
        ("江苏常州储能集群", None, None),
        ("湖北武汉光电子集群", None, None),
    ]
    assert doc.find_enclosing("case", raw.index("武汉正文")) is cases[1]


def test_decimal_outline_headings() -> None:
    cases = [
        ("1 引言", ("part", "1", 1, "1")),
        ("2.1 中央部署", ("section", "2.1", 1, "1.1")),
        ("2.3.1 政府工作报告中的集群表述", ("section", "2.3.1", 1, "1.1.1")),
        ("3.1.2 陕西西安航空装备集群", ("case", "3.1.2", 2, "1.1.1")),
        ("1.2.3.4 细项", ("item", "1.2.3.4", 4, "1.1.1.1")),
    ]
    for line, expected in cases:
        match = match_line(line)
        assert match is not None, line
        assert (match.kind, match.number, match.ordinal, match.style) == expected, line


def test_numbers_before_a_space_that_are_no_headings() -> None:
    for line in ("2021 年是集群培育的关键一年", "30 家企业参与了竞赛", "0.5 个百分点", "120 其他"):
        match = match_line(line)
        assert match is None or match.kind not in ("part", "section", "case"), line


def test_article_with_decimal_sections_and_cases() -> None:
    raw = (
        "1 引言\n\n正文。\n\n2 典型集群\n\n2.1 协同创新\n\n导言。\n\n"
        "2.1.1 湖北武汉光电子集群\n\n武汉正文。\n\n2.1.2 陕西西安航空装备集群\n\n西安正文。\n\n"
        "2.2 集群治理\n\n【专栏1】广东珠海智能家电集群\n\n珠海正文。\n\n3 结论\n\n结语。\n"
    )
    doc = parse_document(raw)
    assert [p.title for p in doc.iter("part")] == ["引言", "典型集群", "结论"]
    assert [s.title for s in doc.iter("section")] == ["协同创新", "集群治理"]
    cases = list(doc.iter("case"))
    assert [(c.title, c.ordinal) for c in cases] == [
        ("湖北武汉光电子集群", 1),
        ("陕西西安航空装备集群", 2),
        ("广东珠海智能家电集群", None),
    ]
    assert doc.find_enclosing("case", raw.index("结语")) is None


def test_running_lines_that_carry_their_page_number() -> None:
    journal = "产业集群与区域发展　2022年第4期"
    title = "林远，等：集群培育的政策演进"
    raw = "".join(
        f"第{k}段没有结\n\n· {30 + k} ·　　{journal}\n\n束的句子。\n\n"
        f"另一段没有结\n\n{title}　　· {40 + k} ·\n\n束。\n\n"
        for k in range(1, 3)
    )
    doc = parse_document(raw)
    assert [p.clean_text for p in doc.iter("paragraph")] == [
        text for k in range(1, 3) for text in (f"第{k}段没有结束的句子。", "另一段没有结束。")
    ]
    assert {node.role for node in doc.iter("furniture")} == {"running_text"}
    # a single line with a page mark is content: nothing repeats it
    once = parse_document(f"{title}　　· 41 ·\n\n正文。\n")
    assert not list(once.iter("furniture"))


def test_a_pipe_row_opening_with_a_number_is_no_decimal_heading() -> None:
    for line in ("1 | 江苏省 | 苏政发〔2021〕1号", "2 丨 浙江省 丨 浙政发〔2021〕2号"):
        match = match_line(line)
        assert match is None or match.kind not in ("part", "section", "case"), line


def test_markdown_heading_markers_are_left_out_like_indentation() -> None:
    raw = (
        "# 二、探索实践\n\n## （一）协同创新\n\n导言。\n\n### 案例一：浙江宁波磁性材料集群\n\n正文。\n\n"
        "#话题# 不是标题。\n"
    )
    doc = parse_document(raw)
    assert [p.title for p in doc.iter("part")] == ["探索实践"]
    assert [s.title for s in doc.iter("section")] == ["协同创新"]
    case = next(doc.iter("case"))
    assert (case.title, case.ordinal) == ("浙江宁波磁性材料集群", 1)
    # the heading's raw span starts after the marker; a hashtag without a space is text
    assert raw[case.start : case.start + 3] == "案例一"
    assert "#话题#" in doc.clean.clean


def test_bulletin_columns_and_headlines() -> None:
    raw = (
        "【编者按】培育集群是制造强省建设的重要抓手。\n\n"
        "【政策速递】中央层面集群部署回顾\n\n正文。\n\n"
        "【经验交流·协同创新】\n\n导言。\n\n"
        "◆ 常州：新型碳材料集群打造“研发—中试”闭环\n\n常州正文。\n\n"
        "■ 合肥智能语音集群以“揭榜挂帅”攻关共性技术\n\n合肥正文。\n\n"
        "■ 推动集群高质量发展\n\n不是案例。\n\n"
        "○ 省专班召开集群培育工作调度会\n\n动态。\n"
    )
    doc = parse_document(raw)
    # a column label is a section titled by the label; a sentence after it is body text
    assert [s.title for s in doc.iter("section")] == ["编者按", "政策速递", "经验交流·协同创新"]
    # a headline that opens with a place and a cluster's name is a case titled by the name
    assert [c.title for c in doc.iter("case")] == ["常州:新型碳材料集群", "合肥智能语音集群"]
    assert doc.find_enclosing("case", raw.index("不是案例")) is doc.find_enclosing(
        "case", raw.index("合肥正文")
    )


def test_place_first_uses_the_gazetteer_names() -> None:
    # 合肥 and 晋江 carry no 市 or province name: the GB/T 2260 names tell they are places
    for line in ("合肥智能语音集群", "晋江运动鞋服集群", "苏州工业园区纳米新材料集群"):
        match = match_line(line)
        assert match is not None and match.kind == "case", line
    for line in ("智能语音产业集群", "推动集群"):
        match = match_line(line)
        assert match is None or match.kind != "case", line
