"""Policy-table rule: one policy document per row, 文号 parts, issuers, dates, tiers and targets."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from clustergraph.extract import policy_table
from clustergraph.extract.policy_table import find_bodies, normalise_title, parse_tiers
from clustergraph.graph.namespaces import CG, DCTERMS, ELI, SKOS
from tests.conftest import GENRE
from tests.extract._helpers import ID, extract
from tests.extract._helpers import zh_label as _label

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (policy_table,)
FIXTURE = "part1_policy_table.txt"


def _tiers(graph: Graph, doc: URIRef) -> list[tuple[str, int, int]]:
    """(label, stated count, number of targets) in tier order."""
    tiers = sorted(
        graph.objects(doc, CG.hasTier), key=lambda t: int(graph.value(t, CG.tierOrdinal))
    )
    return [
        (
            _label(graph, t),
            int(graph.value(t, CG.statedCount)),
            len(set(graph.objects(t, CG.target))),
        )
        for t in tiers
    ]


def _documents(graph: Graph) -> list[URIRef]:
    return sorted(
        d for d in graph.subjects(ns.RDF.type, CG.PolicyDocument) if (d, CG.hasTier, None) in graph
    )


def test_fixture_rows_become_documents(fixture_graph: Graph) -> None:
    assert len(_documents(fixture_graph)) == 5


def test_fixture_numbered_document(fixture_graph: Graph) -> None:
    graph = fixture_graph
    doc = URIRef(ID + "eli/cn-32/szf/2018/86")
    assert _label(graph, doc) == "江苏省人民政府关于加快培育先进制造业集群的指导意见"
    assert graph.value(doc, ELI.id_local) == Literal("苏政发〔2018〕86号", datatype=ns.XSD.string)
    assert str(graph.value(doc, CG.docNumberIssuer)) == "苏政发"
    assert graph.value(doc, CG.docNumberYear) == Literal("2018", datatype=ns.XSD.gYear)
    assert int(graph.value(doc, CG.docNumberSerial)) == 86
    assert graph.value(doc, DCTERMS.date) == Literal("2018", datatype=ns.XSD.gYear)
    assert graph.value(doc, CG.jurisdiction) == URIRef(ID + "region/320000")
    assert graph.value(doc, CG.policyLevel) == CG.ProvincialLevel
    assert graph.value(doc, ELI.type_document) == CG.OpinionDocumentType
    assert _label(graph, graph.value(doc, CG.issuer)) == "江苏省人民政府"
    assert _tiers(graph, doc) == [("先进制造业集群", 3, 3)]


def test_fixture_square_brackets_and_he_split(fixture_graph: Graph) -> None:
    graph = fixture_graph
    doc = URIRef(ID + "eli/cn-50/yff/2019/14")
    assert str(graph.value(doc, ELI.id_local)) == "渝府发〔2019〕14号"
    assert str(graph.value(doc, CG.docNumberAsWritten)) == "渝府发[2019]14号"
    assert _label(graph, graph.value(doc, CG.issuer)) == "重庆市人民政府"  # by the 文号 convention
    assert graph.value(doc, ELI.type_document) == CG.NoticeDocumentType
    assert _tiers(graph, doc) == [("支柱性产业集群", 2, 2), ("培育型产业集群", 3, 3)]
    assert (doc, CG.hasTier, URIRef(str(doc) + "/tier/2")) in graph


def test_fixture_rows_without_number(fixture_graph: Graph) -> None:
    graph = fixture_graph
    by_label = {_label(graph, d): d for d in _documents(graph)}
    zhejiang = by_label["浙江省培育先进制造业集群行动计划"]
    assert str(zhejiang).startswith(ID + "policy/")
    assert _label(graph, graph.value(zhejiang, CG.issuer)) == "浙江省工业转型升级领导小组"
    assert str(graph.value(zhejiang, DCTERMS.date)) == "2020"
    assert _tiers(graph, zhejiang) == [("世界级先进制造业集群", 4, 3)]  # stated 4, lists 3
    shenzhen = by_label["深圳市关于推动制造业高质量发展的若干措施"]
    assert graph.value(shenzhen, CG.issuer) is None  # a place, not a body
    assert graph.value(shenzhen, CG.jurisdiction) == URIRef(ID + "region/440300")
    assert graph.value(shenzhen, CG.policyLevel) == CG.MunicipalLevel
    hunan = by_label["关于进一步提升工业新兴优势产业链现代化水平的意见"]
    issuers = sorted(_label(graph, i) for i in graph.objects(hunan, CG.issuer))
    assert issuers == ["湖南省委办公厅", "湖南省政府办公厅"]
    assert graph.value(hunan, DCTERMS.date) == Literal("2020-06", datatype=ns.XSD.gYearMonth)
    assert _tiers(graph, hunan) == [("一批产业集群", 2, 2)]  # items separated by ；


def test_targets_are_concepts_of_the_policy_target_scheme(fixture_graph: Graph) -> None:
    graph = fixture_graph
    target = URIRef(ID + "target/wu-lian-wang")
    assert (target, ns.RDF.type, SKOS.Concept) in graph
    assert graph.value(target, SKOS.inScheme) == URIRef(ID + "scheme/policy-targets")
    assert graph.value(target, SKOS.prefLabel) == Literal("物联网", lang="zh")


def test_white_paper_table(paper_graph: Graph) -> None:
    graph = paper_graph
    documents = _documents(graph)
    assert len(documents) == 9
    jiangsu = URIRef(ID + "eli/cn-32/szf/2018/86")
    assert _tiers(graph, jiangsu) == [("先进制造业集群", 13, 13)]
    numbers = sorted(str(n) for d in documents for n in graph.objects(d, ELI.id_local))
    assert numbers == sorted(
        [
            "苏政发〔2018〕86号",
            "鲁政字〔2019〕84号",
            "川办发〔2018〕92号",
            "渝府发〔2019〕14号",
            "粤府函〔2020〕82号",
        ]
    )
    zhejiang = next(d for d in documents if _label(graph, d) == "浙江省培育先进制造业集群行动计划")
    assert (_tiers(graph, zhejiang)[1][1], _tiers(graph, zhejiang)[1][2]) == (15, 14)
    ningbo = next(
        d for d in documents if graph.value(d, CG.jurisdiction) == URIRef(ID + "region/330200")
    )
    assert sorted(_label(graph, i) for i in graph.objects(ningbo, CG.issuer)) == [
        "中共宁波市委",
        "宁波市人民政府",
    ]
    assert [t[1] for t in _tiers(graph, ningbo)] == [2, 4, 6]


def test_genre_table() -> None:
    graph = extract(GENRE, policy_table).writer.graph
    documents = _documents(graph)
    assert len(documents) == 7
    shaanxi = URIRef(ID + "eli/cn-61/szf/2021/18")
    assert _tiers(graph, shaanxi) == [("重点产业集群", 15, 14)]
    jiangxi = URIRef(ID + "eli/cn-36/gftf/2021/9")
    assert _label(graph, graph.value(jiangxi, CG.issuer)) == "江西省人民政府办公厅"


def test_helpers() -> None:
    text = "中共宁波市委 宁波市人民政府"
    assert [text[s:e] for s, e in find_bodies(text)] == ["中共宁波市委", "宁波市人民政府"]
    assert find_bodies("深圳市") == []
    assert normalise_title("江苏省人民政府关于加快培育先进制造业集群的指导意见") == normalise_title(
        "《关于加快培育先进制造业集群的指导意见》"
    )
    assert normalise_title("提升工业新兴优势产业链现代化水平的若干意见") == normalise_title(
        "关于进一步提升工业新兴优势产业链现代化水平的意见"
    )
    clean = "13个先进制造业集群:A、B(新)C、D和E。"
    tiers = parse_tiers(clean, 0, len(clean))
    assert [clean[s:e] for s, e in tiers[0].items] == [
        "A",
        "B(新)C",
        "D和E",
    ]  # 13 stated: no 和 split


def test_group_without_stated_count_ends_the_tier_before_it() -> None:
    # "label:A、B" with no N is a group of its own (no tier): its items are not the first tier's
    clean = "3个主导产业集群:钢铁、石化、装备;重点培育的新兴产业:氢能、储能"
    tiers = parse_tiers(clean, 0, len(clean))
    assert len(tiers) == 1
    assert clean[slice(*tiers[0].label)] == "主导产业集群"
    assert [clean[s:e] for s, e in tiers[0].items] == ["钢铁", "石化", "装备"]
    # a ";" chunk without a head still continues the tier (2个X:A;B)
    clean = "2个一批产业集群:以满足消费需要的经典产业集群;以保障安全的支柱产业集群"
    assert len(parse_tiers(clean, 0, len(clean))[0].items) == 2


def test_tier_whose_list_is_given_elsewhere_has_no_items() -> None:
    # "20个X:以县域为主体培育,名单另行发布" states N but lists nothing: no targets, a note instead
    clean = "5个千亿级产业集群:钢铁、石化、装备、建材、食品;20个百亿级产业集群:由各市推荐,名单另行公布。"
    tiers = parse_tiers(clean, 0, len(clean))
    assert [(clean[slice(*t.label)], t.stated, len(t.items)) for t in tiers] == [
        ("千亿级产业集群", 5, 5),
        ("百亿级产业集群", 20, 0),
    ]
    assert clean[slice(*tiers[1].note)] == "由各市推荐,名单另行公布"
    assert tiers[0].note is None


NESTED = (
    "表1 地方集群政策一览\n\n序号\t地区\t政策文件\t培育方向\n"
    "1\t河北省\t河北省人民政府关于培育先进制造业集群的意见（冀政（2022）7号）\t"
    "2个世界级集群：钢铁、装备； 10个省级集群：以设区市为单元培育，名单另行发布。\n"
)


def test_nested_full_width_doc_number_and_unlisted_tier() -> None:
    graph = extract(NESTED, policy_table).writer.graph
    doc = URIRef(ID + "eli/cn-13/jz/2022/7")
    assert str(graph.value(doc, ELI.id_local)) == "冀政〔2022〕7号"
    assert str(graph.value(doc, CG.docNumberAsWritten)) == "冀政（2022）7号"  # as printed
    assert _tiers(graph, doc) == [("世界级集群", 2, 2), ("省级集群", 10, 0)]
    tier = URIRef(str(doc) + "/tier/2")
    assert str(graph.value(tier, ns.RDFS.comment)) == "以设区市为单元培育，名单另行发布"


PIPED = (
    "表2-1 部分地区集群政策一览\n\n"
    "| 序号 | 地区 | 政策文件 | 文号 | 培育方向 |\n"
    "|---|---|---|---|---|\n"
    "| 1 | 河北省 | 河北省先进制造业集群培育方案 | 冀政办发[2022]5号 | "
    "2个世界级集群：钢铁、装备；3个省级集群：食品、建材、纺织 |\n"
    "| 2 | 宁波市 | 宁波市先进制造业集群发展行动计划 | 宁政发〔2022〕3号 | "
    "3个千亿级产业集群：绿色石化、汽车、家电 |\n"
    "| 3 | 洛阳市 | 洛阳市先进制造业集群培育规划（2022—2025年） | — | 2个百亿级集群：轴承、耐火材料 |\n"
    "| 4 | — | — | / | — |\n"
)


def test_pipe_table_with_a_number_column() -> None:
    graph = extract(PIPED, policy_table).writer.graph
    assert len(_documents(graph)) == 3  # the row of dashes is empty: no document
    hebei = URIRef(ID + "eli/cn-13/jzbf/2022/5")
    assert _label(graph, hebei) == "河北省先进制造业集群培育方案"
    assert str(graph.value(hebei, ELI.id_local)) == "冀政办发〔2022〕5号"  # [] folded to 〔〕
    assert str(graph.value(hebei, CG.docNumberAsWritten)) == "冀政办发[2022]5号"
    assert graph.value(hebei, DCTERMS.date) == Literal("2022", datatype=ns.XSD.gYear)
    assert _label(graph, graph.value(hebei, CG.issuer)) == "河北省人民政府办公厅"
    assert graph.value(hebei, CG.policyLevel) == CG.ProvincialLevel
    assert _tiers(graph, hebei) == [("世界级集群", 2, 2), ("省级集群", 3, 3)]


def test_city_row_of_a_pipe_table() -> None:
    graph = extract(PIPED, policy_table).writer.graph
    # 宁 is also 宁夏's abbreviation: in a 宁波市 row it is the city's own code
    ningbo = URIRef(ID + "eli/cn-33/nzf/2022/3")
    assert graph.value(ningbo, CG.jurisdiction) == URIRef(ID + "region/330200")
    assert graph.value(ningbo, CG.policyLevel) == CG.MunicipalLevel
    assert _label(graph, graph.value(ningbo, CG.issuer)) == "宁波市人民政府"
    by_label = {_label(graph, d): d for d in _documents(graph)}
    luoyang = by_label["洛阳市先进制造业集群培育规划（2022—2025年）"]  # "—": no 文号
    assert str(luoyang).startswith(ID + "policy/")
    assert graph.value(luoyang, ELI.id_local) is None
    assert graph.value(luoyang, CG.issuer) is None
    assert graph.value(luoyang, CG.jurisdiction) == URIRef(ID + "region/410300")
    assert graph.value(luoyang, CG.policyLevel) == CG.MunicipalLevel
    assert _tiers(graph, luoyang) == [("百亿级集群", 2, 2)]
    assert graph.value(luoyang, ELI.type_document) == CG.PlanningDocumentType  # 规划（…年）


def test_number_column_before_the_document_column_and_combined_header() -> None:
    raw = (
        "表3 政策\n\n序号 | 发文字号 | 省份 | 文件名称 | 重点方向\n"
        "1 | 晋政发〔2021〕8号 | 山西省 | 山西省集群培育意见 | 2个集群：煤机、钢铁\n"
    )
    graph = extract(raw, policy_table).writer.graph
    doc = URIRef(ID + "eli/cn-14/jzf/2021/8")
    assert _label(graph, doc) == "山西省集群培育意见"  # not the 文号 column
    assert str(graph.value(doc, ELI.id_local)) == "晋政发〔2021〕8号"
    # one column for the document and its number ("文件（文号）"): the document column
    raw = (
        "表4 政策\n\n序号 | 地区 | 文件（文号） | 方向\n"
        "1 | 山西省 | 山西省集群培育意见（晋政发〔2021〕8号） | 2个集群：煤机、钢铁\n"
    )
    graph = extract(raw, policy_table).writer.graph
    assert _label(graph, doc) == "山西省集群培育意见"


TIER_HEADER = (
    "【政策汇编】部分地区集群政策文件一览\n\n"
    "各地陆续出台集群培育政策，部分文件见下表。\n\n"
    "| 地区 | 文件 | 文号 | {tiers} |\n"
    "| --- | --- | --- | --- |\n"
    "| 河南省 | 《河南省集群梯次培育方案》 | 豫政[2022]7号 | "
    "2个世界级产业集群：装备、食品；9个国家级先进制造业集群 |\n"
    "| 洛阳市 | 《洛阳市集群培育工作方案》 | — | 2个百亿级集群：轴承、耐火材料 |\n"
)


def test_tiers_column_headed_by_tier_words() -> None:
    # "梯次" (or "层级") heads the tiers column as 方向/重点/集群/目标 do
    for word in ("梯次", "层级"):
        graph = extract(TIER_HEADER.format(tiers=word), policy_table).writer.graph
        assert len(_documents(graph)) == 2
        henan = URIRef(ID + "eli/cn-41/yz/2022/7")
        assert str(graph.value(henan, ELI.id_local)) == "豫政〔2022〕7号"
        assert str(graph.value(henan, CG.docNumberAsWritten)) == "豫政[2022]7号"
        assert graph.value(henan, CG.jurisdiction) == URIRef(ID + "region/410000")
        assert _tiers(graph, henan) == [("世界级产业集群", 2, 2), ("国家级先进制造业集群", 9, 0)]
        by_label = {_label(graph, d): d for d in _documents(graph)}
        luoyang = by_label["洛阳市集群培育工作方案"]
        assert graph.value(luoyang, ELI.id_local) is None  # "—": no 文号
        assert graph.value(luoyang, CG.jurisdiction) == URIRef(ID + "region/410300")
        assert _tiers(graph, luoyang) == [("百亿级集群", 2, 2)]


def test_column_without_a_tier_word_states_no_tiers() -> None:
    # a remarks column is no tiers column, even when its cells read like tiers
    graph = extract(TIER_HEADER.format(tiers="备注"), policy_table).writer.graph
    assert _documents(graph) == []  # documents, but none with tiers
    assert len(list(graph.subjects(ns.RDF.type, CG.PolicyDocument))) == 2
    assert not list(graph.subjects(ns.RDF.type, CG.PolicyTier))


def test_pipe_lines_without_a_document_column_make_no_documents() -> None:
    raw = (
        "序号 | 指标 | 数值\n1 | 集群数量 | 45个\n2 | 产值 | 19万亿元\n\n地址: 略 | 联系方式: 略\n"
    )
    graph = extract(raw, policy_table).writer.graph
    assert _documents(graph) == []
    assert not list(graph.subjects(ns.RDF.type, CG.PolicyDocument))


def test_blank_cells() -> None:
    assert all(policy_table.is_blank(t) for t in ("—", "-", "/", "——", "－", "无", " ", ""))
    assert not any(policy_table.is_blank(t) for t in ("江苏省", "1", "无锡市", "2-3"))


RECORDS = (
    "2.3 省级政策文件\n\n主要省（市）的政策文件摘录如下：\n\n"
    "河北省：《河北省先进制造业集群培育方案》（冀政发〔２０２２〕１２号），提出3个世界级集群："
    "钢铁、装备、食品；8个省级先进制造业集群，到2025年营业收入突破3万亿元。\n"
    "山西省:山西省集群培育行动计划(晋政〔2022〕4号),构建“2+6”体系,即2个万亿级产业集群:"
    "煤机、钢铁;6个千亿级产业集群、10个百亿级特色产业集群,并实行“一群一策”。\n"
    "洛阳市：《洛阳市先进制造业集群建设方案》，围绕3个方面，培育4个千亿级产业集群：轴承、"
    "耐火材料、农机装备，同时要求各县（市）编制方案。\n"
    "辽宁省：辽宁省集群发展实施意见，提出2个支柱产业集群：石化和冶金，比重保持在三成左右。\n"
)


def test_one_line_records_become_documents_with_tiers() -> None:
    graph = extract(RECORDS, policy_table).writer.graph
    assert len(_documents(graph)) == 4
    hebei = URIRef(ID + "eli/cn-13/jzf/2022/12")
    assert _label(graph, hebei) == "河北省先进制造业集群培育方案"
    assert str(graph.value(hebei, ELI.id_local)) == "冀政发〔2022〕12号"
    assert str(graph.value(hebei, CG.docNumberAsWritten)) == "冀政发〔２０２２〕１２号"
    assert graph.value(hebei, CG.jurisdiction) == URIRef(ID + "region/130000")
    assert graph.value(hebei, CG.policyLevel) == CG.ProvincialLevel
    assert _label(graph, graph.value(hebei, CG.issuer)) == "河北省人民政府"
    # a stated N without a list is a tier without targets; its comment quotes the statement
    assert _tiers(graph, hebei) == [("世界级集群", 3, 3), ("省级先进制造业集群", 8, 0)]
    tier = URIRef(str(hebei) + "/tier/2")
    assert str(graph.value(tier, ns.RDFS.comment)) == "8个省级先进制造业集群"
    # bare title with (文号) and a half-width colon; tiers after 即, joined by 、
    shanxi = URIRef(ID + "eli/cn-14/jz/2022/4")
    assert _label(graph, shanxi) == "山西省集群培育行动计划"
    assert _tiers(graph, shanxi) == [
        ("万亿级产业集群", 2, 2),
        ("千亿级产业集群", 6, 0),
        ("百亿级特色产业集群", 10, 0),
    ]


def test_one_line_records_of_a_city_and_without_a_number() -> None:
    graph = extract(RECORDS, policy_table).writer.graph
    by_label = {_label(graph, d): d for d in _documents(graph)}
    luoyang = by_label["洛阳市先进制造业集群建设方案"]
    assert str(luoyang).startswith(ID + "policy/")
    assert graph.value(luoyang, ELI.id_local) is None
    assert graph.value(luoyang, CG.jurisdiction) == URIRef(ID + "region/410300")
    assert graph.value(luoyang, CG.policyLevel) == CG.MunicipalLevel
    # "3个方面" counts no cluster and has no list: not a tier; the list ends at ","
    assert _tiers(graph, luoyang) == [("千亿级产业集群", 4, 3)]  # stated 4, lists 3
    liaoning = by_label["辽宁省集群发展实施意见"]  # bare title, no 文号, but tiers
    assert _tiers(graph, liaoning) == [("支柱产业集群", 2, 2)]  # 石化和冶金 split at 和


def test_lines_that_are_not_records() -> None:
    raw = (
        "2.3 地方部署\n\n"
        "江苏省：坚持创新驱动，提出3个重点方向：研发、制造、服务。\n"
        "资料来源：《中国工业统计年鉴》（2022），提出5个先进制造业集群：甲、乙、丙、丁、戊。\n"
        "广东省：实施集群培育行动计划，推动产业升级。\n"
        "浙江省2021年出台《浙江省集群培育方案》（浙政发〔2021〕9号），提出4个集群：甲、乙、丙、丁。\n"
        "关键词：先进制造业集群；集群竞赛\n"
    )
    graph = extract(raw, policy_table).writer.graph
    # no document after the colon; a lead that is no place; a bare title without 文号 or tiers;
    # no colon after the place (a practice sentence, read by the practices rule)
    assert not list(graph.subjects(ns.RDF.type, CG.PolicyDocument))
    assert policy_table.parse_record(raw, 0, raw.find("\n")) is None  # a heading


def test_bare_count_chunk_is_a_tier_without_items() -> None:
    clean = "3个世界级集群:A、B、C;10个省级集群"
    tiers = parse_tiers(clean, 0, len(clean))
    assert [(clean[slice(*t.label)], t.stated, len(t.items)) for t in tiers] == [
        ("世界级集群", 3, 3),
        ("省级集群", 10, 0),
    ]
    assert clean[slice(*tiers[1].note)] == "10个省级集群"
    # a chunk with an N inside its words is still the tier's item, not a tier of its own
    clean = "2个集群:A;含3个子集群的B"
    assert len(parse_tiers(clean, 0, len(clean))[0].items) == 2


def test_record_in_a_practice_section_is_one_document() -> None:
    from clustergraph.extract import practices

    raw = (
        "（三）地方政策文件及实践探索\n\n"
        "湖南省：《湖南省先进制造业集群培育方案》（湘政发〔2022〕3号），提出2个万亿级产业集群："
        "工程机械、轨道交通装备。\n"
    )
    graph = extract(raw, policy_table, practices).writer.graph
    documents = list(graph.subjects(ns.RDF.type, CG.PolicyDocument))
    assert documents == [URIRef(ID + "eli/cn-43/xzf/2022/3")]
    assert _tiers(graph, documents[0]) == [("万亿级产业集群", 2, 2)]
