"""Document structure: headings, items, cases, enumerations, tables, contents, sentences."""

from __future__ import annotations

from clustergraph.text import Document, Node, parse_document


def _kinds(node: Node) -> list[str]:
    return [child.kind for child in node.children]


def _one(doc: Document, kind: str) -> Node:
    nodes = list(doc.iter(kind))
    assert len(nodes) == 1, nodes
    return nodes[0]


def test_parts_and_full_and_half_width_sections() -> None:
    raw = "一、央地协同：大力支持集群\n\n导言。\n\n（一）全角标题\n\n正文。\n\n(二) 半角标题\n\n正文。\n"
    doc = parse_document(raw)
    part = _one(doc, "part")
    assert (part.title, part.number, part.ordinal) == ("央地协同:大力支持集群", "一", 1)
    assert _kinds(part) == ["heading", "paragraph", "section", "section"]
    sections = list(doc.iter("section"))
    assert [(s.title, s.number, s.ordinal) for s in sections] == [
        ("全角标题", "一", 1),
        ("半角标题", "二", 2),
    ]
    assert sections[1].children[0].text == "(二) 半角标题"
    assert sections[1].children[0].role == "section"


def test_body_text_starting_with_yi_shi_is_not_a_part() -> None:
    doc = parse_document("一、总论\n\n一是加强领导。二是完善机制。\n\n二、分论\n")
    assert [p.title for p in doc.iter("part")] == ["总论", "分论"]


def test_long_numbered_lines_are_untitled_items() -> None:
    raw = "（一）脉络\n\n1. 2017年10月，会议提出要培育集群，这是首次提出。\n\n2．2018年，会议又提出。\n"
    doc = parse_document(raw)
    items = list(doc.iter("item"))
    assert [(i.number, i.ordinal, i.title) for i in items] == [("1", 1, None), ("2", 2, None)]
    assert [_kinds(i) for i in items] == [["paragraph"], ["paragraph"]]
    assert items[0].children[0].clean_text.startswith("2017年10月,")
    assert items[0].text.startswith("1. 2017")
    assert all(i.parent is not None and i.parent.kind == "section" for i in items)


def test_short_numbered_lines_are_titled_items() -> None:
    raw = (
        "（三）地方实践\n\n1、全国31个省的定位\n\n第一段。\n\n第二段。\n\n"
        "2、重点省市政策\n\n第三段。\n\n1.5万家企业参与。\n"
    )
    doc = parse_document(raw)
    items = list(doc.iter("item"))
    assert [i.title for i in items] == ["全国31个省的定位", "重点省市政策"]
    assert _kinds(items[0]) == ["heading", "paragraph", "paragraph"]
    assert _kinds(items[1]) == ["heading", "paragraph", "paragraph"]  # 1.5万 is no item
    assert items[1].children[2].clean_text == "1.5万家企业参与。"


def test_items_nest_by_marker_style() -> None:
    raw = "1、总体要求\n\n(1) 第一条内容很长，包含逗号。\n\n(2) 第二条。\n\n2、保障措施\n"
    doc = parse_document(raw)
    outer = [i for i in doc.iter("item") if i.title]
    assert [i.title for i in outer] == ["总体要求", "保障措施"]
    inner = [i for i in outer[0].children if i.kind == "item"]
    assert [i.ordinal for i in inner] == [1, 2]


def test_run_in_section_heading() -> None:
    doc = parse_document("（一）加强组织领导。各地要建立机制，落实责任。\n")
    section = _one(doc, "section")
    assert section.title == "加强组织领导"
    assert [c.clean_text for c in section.children] == [
        "(一)加强组织领导。",
        "各地要建立机制,落实责任。",
    ]


def test_cases() -> None:
    raw = "（一）协同创新\n\n导言。\n\n案例一：浙江宁波磁性材料集群\n\n正文一。\n\n续。\n\n案例2:天津动力电池集群\n\n正文二。\n"
    doc = parse_document(raw)
    cases = list(doc.iter("case"))
    assert [(c.title, c.number, c.ordinal) for c in cases] == [
        ("浙江宁波磁性材料集群", "一", 1),
        ("天津动力电池集群", "2", 2),
    ]
    assert _kinds(cases[0]) == ["heading", "paragraph", "paragraph"]
    assert all(c.parent is not None and c.parent.kind == "section" for c in cases)
    offset = doc.raw.index("正文二")
    assert doc.find_enclosing("case", offset) is cases[1]
    assert doc.find_enclosing("section", offset) is _one(doc, "section")
    assert doc.find_enclosing("case", doc.raw.index("导言")) is None


def _enumerations(raw: str) -> list[tuple[int | None, str | None, str]]:
    doc = parse_document(raw)
    return [(e.ordinal, e.heading, e.clean_text) for e in doc.iter("enumeration")]


def test_enumeration_plain() -> None:
    got = _enumerations(
        "主要做法如下：一是加强产业凝聚力。推进集聚。二是提升创新力。三是提高引领力。"
    )
    assert got == [
        (1, "加强产业凝聚力", "一是加强产业凝聚力。推进集聚。"),
        (2, "提升创新力", "二是提升创新力。"),
        (3, "提高引领力", "三是提高引领力。"),
    ]


def test_enumeration_bold_and_semicolons() -> None:
    raw = "主要体现在：**一是**国际化营商环境促进了生产要素合理配置、高效流动和上下游企业高度集聚，吸引了企业；**二是**产业发达；三是配套齐全。"
    got = _enumerations(raw)
    assert [g[0] for g in got] == [1, 2, 3]
    assert got[0][1] is None  # the first clause is longer than a heading
    assert got[1] == (2, "产业发达", "二是产业发达;")
    doc = parse_document(raw)
    second = list(doc.iter("enumeration"))[1]
    assert second.text == "二是**产业发达；"


def test_enumeration_needs_a_sequence() -> None:
    assert _enumerations("统一是关键，唯一是目标。一是孤立的。") == []
    assert _enumerations("一是甲。三是丙。") == []


def test_enumeration_continues_in_next_paragraph() -> None:
    got = _enumerations("一是加强合作。\n\n二是完善机制。\n\n无关的段落。\n\n三是迟到的。")
    assert [(g[0], g[1]) for g in got] == [(1, "加强合作"), (2, "完善机制")]


def test_table_rows_split_by_blank_lines() -> None:
    raw = (
        "表1 地方集群培育方向一览表\n\n序号\t省份\t方向\n"
        "1\t江苏\t前沿新材料、生物\n\n医药和新型医疗器械。\n"
        "2\t浙\n\n江省\t数字安防。\n\n3\t广东\t智能家电。\n\n二、下一部分\n"
    )
    doc = parse_document(raw)
    table = _one(doc, "table")
    assert (table.title, table.number, table.ordinal) == ("地方集群培育方向一览表", "1", 1)
    rows = [r for r in table.children if r.kind == "table_row"]
    assert [r.role for r in rows] == ["header", "data", "data", "data"]
    assert [[c.clean_text for c in r.cells] for r in rows] == [
        ["序号", "省份", "方向"],
        ["1", "江苏", "前沿新材料、生物医药和新型医疗器械。"],
        ["2", "浙江省", "数字安防。"],
        ["3", "广东", "智能家电。"],
    ]
    assert rows[1].clean_text == "1\t江苏\t前沿新材料、生物医药和新型医疗器械。"
    assert [c.ordinal for c in rows[2].cells] == [1, 2, 3]
    assert _one(doc, "part").title == "下一部分"


def test_toc_is_separate_from_content() -> None:
    raw = (
        "目 录\n\n一、总论\t1\n（一）背景 ……\t2\n(二) 意义 .... 3\n\n"
        "一、总论\n\n（一）背景\n\n正文。\n"
    )
    doc = parse_document(raw)
    toc = _one(doc, "toc")
    entries = [c for c in toc.children if c.kind == "toc_entry"]
    assert [(e.role, e.number, e.title) for e in entries] == [
        ("part", "一", "总论"),
        ("section", "一", "背景"),
        ("section", "二", "意义"),
    ]
    part = _one(doc, "part")
    assert not list(part.iter("toc_entry"))
    assert toc.end <= part.start
    assert [s.title for s in doc.iter("section")] == ["背景"]


def test_front_matter_and_preface() -> None:
    raw = "2020\n\n先进制造业集群白皮书\n\n前 言\n\n第一段。\n\n目 录\n\n一、总论\t1\n\n一、总论\n"
    doc = parse_document(raw)
    assert _kinds(doc.root) == ["front_matter", "preface", "toc", "part"]
    preface = _one(doc, "preface")
    assert preface.title == "前言"
    assert [c.clean_text for c in preface.children] == ["前言", "第一段。"]


def test_sentences() -> None:
    doc = parse_document("甲说：“好。明天见。”乙；丙！丁？戊")
    sentences = [s.clean_text for s in doc.iter("sentence")]
    assert sentences == ["甲说:“好。明天见。”乙;丙!", "丁?", "戊"]
    assert [s.ordinal for s in doc.iter("sentence")] == [1, 2, 3]


def test_node_helpers() -> None:
    doc = parse_document("一、总论\n\n（一）背景\n\n正文。\n")
    sentence = next(doc.iter("sentence"))
    assert [a.kind for a in sentence.ancestors()] == ["paragraph", "section", "part", "document"]
    assert sentence.enclosing("part") is _one(doc, "part")
    assert repr(_one(doc, "section")).startswith("<section '背景'")
    assert [n.kind for n in doc.root.iter("heading")] == ["heading", "heading"]


# -- chapters, 第X节 and other numbering styles ---------------------------------------------------

CHAPTERED = (
    "第一章　政策篇\n\n导言。\n\n第一节　中央部署\n\n正文一。\n\n第二节　地方实践\n\n正文二。\n\n"
    "第二章　实践篇\n\n导言二。\n\n一、协同创新\n\n（一）平台建设\n\n正文三。\n\n"
    "案例一：江苏无锡物联网集群\n\n案例正文。\n\n二、产业链协作\n\n正文四。\n\n"
    "第三章　展望篇\n\n（一）趋势\n\n正文五。\n"
)


def test_chapters_hold_jie_and_numbered_sections() -> None:
    doc = parse_document(CHAPTERED)
    parts = list(doc.iter("part"))
    assert [p.title for p in parts] == ["政策篇", "实践篇", "展望篇"]
    assert [(s.title, s.parent.title if s.parent else None) for s in doc.iter("section")] == [
        ("中央部署", "政策篇"),
        ("地方实践", "政策篇"),
        ("协同创新", "实践篇"),  # 一、 inside a chapter is a section, not a part
        ("平台建设", "协同创新"),  # (一) nests inside the 一、 section
        ("产业链协作", "实践篇"),  # a new 一、 heading closes the (一) section and the case
        ("趋势", "展望篇"),
    ]
    case = _one(doc, "case")
    assert case.enclosing("section").title == "平台建设"
    assert doc.find_enclosing("case", doc.raw.index("正文四")) is None
    # a 第X节 line is a heading, not the start of the paragraph after it
    assert [c.clean_text for c in parts[0].children if c.kind == "paragraph"] == ["导言。"]


def test_chapter_like_lines_that_are_no_headings() -> None:
    doc = parse_document(
        "一、总论\n\n第一类是“先进制造业集群”。江苏采用这一提法。\n\n第一，加强领导。\n"
    )
    assert [p.title for p in doc.iter("part")] == ["总论"]  # without chapters 一、 stays a part
    assert not list(doc.iter("section"))
    assert len(list(doc.iter("paragraph"))) == 2


def test_right_paren_and_circled_items_with_run_in_heads() -> None:
    raw = (
        "案例一：四川绵阳电子信息集群\n\n主要做法如下。\n\n"
        "1）建立协同机制。由市经信局牵头建立推进机制。\n\n2）组建产业联盟。组建联盟。\n\n"
        "值得注意的是，集群仍面临短板。\n\n"
        "案例二：浙江台州汽车零部件集群\n\n①建设配套园区。入驻企业 30 家。\n\n"
        "②搭建对接平台。促成交易。\n"
    )
    doc = parse_document(raw)
    items = list(doc.iter("item"))
    assert [(i.number, i.ordinal, i.title) for i in items] == [
        ("1", 1, "建立协同机制"),
        ("2", 2, "组建产业联盟"),
        ("①", 1, "建设配套园区"),
        ("②", 2, "搭建对接平台"),
    ]
    assert all(i.parent is not None and i.parent.kind == "case" for i in items)
    heading = items[1].children[0]
    assert heading.clean_text == "2)组建产业联盟。"
    # the run-in head is a sentence of the case too
    assert [s.clean_text for s in heading.children] == ["2)组建产业联盟。"]
    assert items[2].children[0].text == "①建设配套园区。"


def test_numbered_lines_that_are_no_items() -> None:
    doc = parse_document("案例一：某集群\n\n1)\n\n正文提到①号线路和 3) 条款。\n")
    assert not list(doc.iter("item"))


def _marked(raw: str) -> list[tuple[str | None, str | None, int | None, str | None]]:
    doc = parse_document(raw)
    return [(e.role, e.number, e.ordinal, e.heading) for e in doc.iter("enumeration")]


def test_enumeration_di_yi_across_paragraphs() -> None:
    got = _marked(
        "第一，建设创新平台。依托研究院。\n\n第二，培育骨干企业。\n\n第三，完善金融服务。\n"
    )
    assert got == [
        ("第", "第一", 1, "建设创新平台"),
        ("第", "第二", 2, "培育骨干企业"),
        ("第", "第三", 3, "完善金融服务"),
    ]


def test_enumeration_shouxian_qici_zuihou() -> None:
    got = _marked("做法有三。首先，建设平台。其次，推进改造。再次，培育人才。最后，完善服务。")
    assert [(g[1], g[2], g[3]) for g in got] == [
        ("首先", 1, "建设平台"),
        ("其次", 2, "推进改造"),
        ("再次", 3, "培育人才"),
        ("最后", 4, "完善服务"),
    ]
    # 最后 also closes a 第一/第二 sequence
    got = _marked("第一，甲。第二，乙。最后，丙。")
    assert [(g[0], g[2], g[3]) for g in got] == [("第", 1, "甲"), ("第", 2, "乙"), ("第", 3, "丙")]


def test_enumeration_qi_yi_across_paragraphs_and_inline() -> None:
    got = _marked(
        "做法有三个方面。\n\n其一，建设创新平台。依托研究院。\n\n其二，培育骨干企业。\n\n"
        "其三，完善金融服务。\n"
    )
    assert got == [
        ("其", "其一", 1, "建设创新平台"),
        ("其", "其二", 2, "培育骨干企业"),
        ("其", "其三", 3, "完善金融服务"),
    ]
    # 其一是…;其二是… inside a sentence, and 最后 closing a 其 sequence
    got = _marked("原因有二:其一是成本较高;其二是人才不足。")
    assert [(g[1], g[2], g[3]) for g in got] == [("其一", 1, "成本较高"), ("其二", 2, "人才不足")]
    got = _marked("其一，甲。其二，乙。最后，丙。")
    assert [(g[0], g[2], g[3]) for g in got] == [("其", 1, "甲"), ("其", 2, "乙"), ("其", 3, "丙")]


def test_enumeration_circled_and_parenthesised_inline() -> None:
    got = _marked("主要举措有：①建立机制；②组建联盟；③共建平台。")
    assert [(g[0], g[1], g[2], g[3]) for g in got] == [
        ("①", "①", 1, "建立机制"),
        ("①", "②", 2, "组建联盟"),
        ("①", "③", 3, "共建平台"),
    ]
    got = _marked("主要举措有：(1)建立机制;(2)组建联盟。还有：1)甲;2)乙。")
    assert [(g[0], g[2]) for g in got] == [("()", 1), ("()", 2), (")", 1), (")", 2)]


def test_enumerations_of_two_styles_nest() -> None:
    doc = parse_document("做法：一是建机制，包括：(1)定期会商;(2)联合督办;二是建平台。")
    items = [(e.role, e.ordinal, e.clean_text) for e in doc.iter("enumeration")]
    assert items == [
        ("是", 1, "一是建机制,包括:(1)定期会商;(2)联合督办;"),
        ("()", 1, "(1)定期会商;"),
        ("()", 2, "(2)联合督办;"),  # ends where the outer list goes on
        ("是", 2, "二是建平台。"),
    ]


def test_enumeration_markers_that_do_not_count() -> None:
    assert _marked("产业规模全国第一，在医学影像领域领先。第二，其他。") == []
    assert _marked("要重视人才。然后，再看资金。最后，看效果。") == []  # no 首先 to continue
    assert _marked("其次，推进改造。首先，完善服务。") == []  # 首先 alone is no sequence
    assert _marked("第一类是先进制造业集群，第二类是战略性新兴产业集群。") == []
    assert _marked("占比为3)和5)两项。") == []
    assert _marked("其一，只有一项。") == []  # 其一 alone is no sequence
    assert _marked("与其一味扩大规模，不如提升质量。其二，其他。") == []  # 其一味: no marker
    assert _marked("尤其一是成本，二是人才。") == []  # 一是 after 尤其 is not at a clause start


def test_enumeration_lettered_inline() -> None:
    got = _marked("主要做法包括：(a)组建联盟。联合攻关。(b)建设平台。(c)设立基金。")
    assert got == [
        ("(a)", "a", 1, "组建联盟"),
        ("(a)", "b", 2, "建设平台"),
        ("(a)", "c", 3, "设立基金"),
    ]
    doc = parse_document("主要做法包括：(a)组建联盟。联合攻关。(b)建设平台。")
    assert [e.clean_text for e in doc.iter("enumeration")] == [
        "(a)组建联盟。联合攻关。",
        "(b)建设平台。",
    ]
    # upper-case letters are a sequence of their own; full-width brackets fold to ( )
    got = _marked("体现在：（A）建立机制；（B）组建联盟。")
    assert [(g[0], g[2], g[3]) for g in got] == [("(A)", 1, "建立机制"), ("(A)", 2, "组建联盟")]


def test_lettered_markers_that_do_not_count() -> None:
    assert _marked("结果见图(a)和图(b)。") == []  # after a word, not punctuation
    assert _marked("做法：(a)只有一项。") == []  # no sequence
    assert _marked("做法：(b)甲。(c)乙。") == []  # no (a) to start it
    assert _marked("做法：(a)甲。(B)乙。") == []  # (a) and (B) are two styles


def test_enumeration_di_with_digits_half_and_full_width() -> None:
    got = _marked("体系如下。第１，共建载体。依托大学。第２，推动融通。\n\n第３，完善服务。\n")
    assert got == [
        ("第", "第1", 1, "共建载体"),
        ("第", "第2", 2, "推动融通"),
        ("第", "第3", 3, "完善服务"),
    ]
    got = _marked("做法有三。第1，建立机制。第2，组建联盟。最后，共建平台。")
    assert [(g[1], g[2], g[3]) for g in got] == [
        ("第1", 1, "建立机制"),
        ("第2", 2, "组建联盟"),
        ("最后", 3, "共建平台"),
    ]


def test_di_digit_markers_that_do_not_count() -> None:
    assert _marked("产量居全国第1，出口居第2，均领先。") == []  # after a word
    assert _marked("做法：第1季度开工，第2季度投产。") == []  # no comma after the number
    assert _marked("做法：第1，只有一项。") == []


def test_enumeration_yi_fangmian_ling_yi_fangmian_ci_wai() -> None:
    got = _marked(
        "推进数字化：一方面，支持企业建设工厂；另一方面，依托研究院建设节点。"
        "此外，由龙头企业建设云平台。2021年，收入增长。"
    )
    assert got == [
        ("方面", "一方面", 1, "支持企业建设工厂"),
        ("方面", "另一方面", 2, "依托研究院建设节点"),
        ("方面", "此外", 3, "由龙头企业建设云平台"),
    ]
    # 此外 may come in the next paragraph, and the list may go on after a 。
    got = _marked("一方面引进项目。\n\n另一方面建设园区。\n\n此外，设立基金。\n")
    assert [(g[1], g[2], g[3]) for g in got] == [
        ("一方面", 1, "引进项目"),
        ("另一方面", 2, "建设园区"),
        ("此外", 3, "设立基金"),
    ]


def test_fangmian_and_ci_wai_markers_that_do_not_count() -> None:
    assert _marked("一是建设平台。二是培育企业。此外，还有其他。") == [
        ("是", "一", 1, "建设平台"),
        ("是", "二", 2, "培育企业"),
    ]  # 此外 continues no 一是 list
    assert _marked("第一，甲。第二，乙。此外，丙。") == [
        ("第", "第一", 1, "甲"),
        ("第", "第二", 2, "乙"),
    ]
    assert _marked("此外，还有一点。另一方面，也要看到不足。") == []  # no 一方面 to start it
    assert _marked("在这一方面，集群做得较好；另一方面，仍有不足。") == []  # 这一方面 is no marker
    assert _marked("一方面，只有一半。") == []


def test_enumeration_yi_ze() -> None:
    got = _marked(
        "主要做法如下。一则强化整车带动。发挥作用。\n\n二则，打造配套园区。三则补齐环节。\n"
    )
    assert got == [
        ("则", "一", 1, "强化整车带动"),
        ("则", "二", 2, "打造配套园区"),
        ("则", "三", 3, "补齐环节"),
    ]
    assert _marked("据一则消息，集群规模扩大。") == []  # 一则 after a word, and alone
    assert _marked("一则新闻报道了此事。") == []  # no 二则
    assert _marked("按规则，二则不计。") == []  # no 一则 to start it


def test_enumeration_yi_yao() -> None:
    got = _marked("协同创新是源泉。一要共建研发机构；二要完善中试服务；三要健全人才体系。")
    assert got == [
        ("要", "一", 1, "共建研发机构"),
        ("要", "二", 2, "完善中试服务"),
        ("要", "三", 3, "健全人才体系"),
    ]
    assert _marked("必须统一要求，一要素不能少。") == []  # 统一要 and 一要素 are no markers
    assert _marked("一要素齐全；二要素缺失。") == []
    assert _marked("一要加强合作。") == []  # no 二要


def test_ci_wai_needs_a_whole_yi_fangmian_pair() -> None:
    assert _marked("一方面，引进项目。此外，建设园区。") == []


def test_enumeration_parenthesised_ideographs_across_paragraphs() -> None:
    # "㈠" is a list glyph (kept by the clean text), not the outline heading "(一)"
    doc = parse_document("一、做法\n\n某集群做法如下。\n\n㈠强化带动。发挥作用。\n\n㈡建设园区。\n")
    assert list(doc.iter("section")) == []
    assert _marked("某集群做法如下。\n\n㈠强化带动。发挥作用。\n\n㈡建设园区。\n") == [
        ("㈠", "㈠", 1, "强化带动"),
        ("㈠", "㈡", 2, "建设园区"),
    ]
    assert _marked("做法：㈠甲；㈡乙；㈢丙。")[2] == ("㈠", "㈢", 3, "丙")
    assert _marked("㈠只有一项。\n\n正文。\n\n㈡隔开的一项。\n") == []  # no sequence
    assert [s.title for s in parse_document("（一）真正的节标题\n\n正文。\n").iter("section")] == [
        "真正的节标题"
    ]


def test_enumeration_label_words_with_numbers() -> None:
    got = _marked("做法如下。\n\n**措施一：**建设平台。联合企业。\n\n**措施二：**推广样板线。\n")
    assert got == [
        ("措施", "措施一", 1, "建设平台"),
        ("措施", "措施二", 2, "推广样板线"),
    ]
    assert [g[2] for g in _marked("其做法：做法一:甲;做法二:乙;做法三:丙。")] == [1, 2, 3]
    assert _marked("**措施一：**只有一项。") == []  # no 措施二
    assert _marked("措施一:甲。做法二:乙。") == []  # two labels are two lists
    assert _marked("采取的措施一律公开,措施二字不提。") == []  # no colon: no label


def test_enumeration_arrow_paragraphs() -> None:
    got = _marked(
        "主要举措如下：\n\n→建立工作机制。由市领导担任链长。\n\n→引育配套企业。\n\n→搭建平台。\n"
    )
    assert got == [
        ("→", "→", 1, "建立工作机制"),
        ("→", "→", 2, "引育配套企业"),
        ("→", "→", 3, "搭建平台"),
    ]
    assert _marked("→只有一段。\n\n正文。\n\n→又一段。\n") == []  # each alone
    assert (
        _marked("成本下降→利润上升→投资增加。\n\n价格→需求。\n") == []
    )  # not at a paragraph start


def test_enumeration_dingbat_circled_numbers_are_items() -> None:
    raw = "案例一：某市某集群\n\n❶组建联盟。联合高校。\n\n❷共建平台。开放服务。\n"
    items = [(i.number, i.ordinal, i.title) for i in parse_document(raw).iter("item")]
    assert items == [("❶", 1, "组建联盟"), ("❷", 2, "共建平台")]
