"""Scoring on tiny hand-made graphs: perfect match, a missing fact, an extra fact, matching rules."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib import namespace as ns
from rdflib.plugins.sparql import prepareQuery

from clustergraph.errors import InputError
from clustergraph.evaluate import (
    FACT_TYPES,
    evaluate_document,
    extract_facts,
    load_gold,
    render_markdown,
    report,
    score_facts,
)
from clustergraph.evaluate.facts import load_query
from clustergraph.evaluate.score import Counts, doc_number
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
GENRE = ROOT / "tests" / "fixtures" / "genre" / "provincial-cluster-report.txt"


def write(tmp_path: Path, gold: dict) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return path


def scores(graph, gold: dict) -> dict:
    return score_facts(extract_facts(graph), gold)["fact_types"]


def test_perfect_match_scores_one_for_every_fact_type(graph_from, tiny_gold):
    result = scores(graph_from(tiny_gold), tiny_gold)
    assert set(result) == set(FACT_TYPES)
    for name, r in result.items():
        assert (r["precision"], r["recall"], r["f1"]) == (1.0, 1.0, 1.0), (name, r)
        assert r["gold"] == r["predicted"] == len(tiny_gold[name]) == r["tp"]


@pytest.mark.parametrize("name", ["whitepaper", "genre"])
def test_full_gold_rendered_as_a_graph_scores_one(graph_from, name):
    gold = load_gold(GOLD / f"{name}.json")
    scored = report(graph_from(gold), GOLD / f"{name}.json")
    for fact_type, r in scored["fact_types"].items():
        assert r["f1"] == 1.0, (fact_type, r["missing"][:5], r["spurious"][:5])
    assert scored["micro"]["f1"] == 1.0
    assert scored["fact_types"]["institutions"]["type_agreement"]["rate"] == 1.0


@pytest.mark.parametrize("name", FACT_TYPES)
def test_a_missing_fact_lowers_recall_only(graph_from, tiny_gold, name):
    predicted = dict(tiny_gold)
    predicted[name] = tiny_gold[name][1:]
    if name == "institutions":  # roles must still name their member
        predicted["roles"] = [
            r
            for r in tiny_gold["roles"]
            if r["institution"] != "中国科学院宁波材料技术与工程研究所"
        ]
    r = scores(graph_from(predicted), tiny_gold)[name]
    assert r["fn"] == 1 and r["fp"] == 0
    assert r["recall"] == pytest.approx((len(tiny_gold[name]) - 1) / len(tiny_gold[name]), abs=1e-4)
    assert r["precision"] == 1.0


EXTRA = {
    "clusters": {
        "label": "天津动力电池集群",
        "category": "governance",
        "places": ["120000"],
        "multi_city": False,
    },
    "measures": {"cluster": "浙江宁波磁性材料集群", "ordinal": 3},
    "institutions": {
        "label": "合力磁材",
        "type": "Enterprise",
        "aliases": [],
        "clusters": ["浙江宁波磁性材料集群"],
    },
    "roles": {"institution": "科宁达", "cluster": "浙江宁波磁性材料集群", "role": "member"},
    "quantities": {
        "cluster": "浙江宁波磁性材料集群",
        "value": 3,
        "unit": "年",
        "qualifier": "exact",
    },
    "policies": {"date": "2018-12", "label": "中央经济工作会议"},
    "policy_documents": {
        "document_number": "苏政发〔2018〕86号",
        "province": "320000",
        "tiers": [{"label": "先进制造业集群", "count": 13}],
    },
    "competition": {
        "stage": "entrants",
        "dimension": "province",
        "category": "440000",
        "count": 20,
    },
    "phrasings": {"province": "620000", "phrase": "产业集群"},
    "region_links": {
        "from": "320600",
        "to": "321200",
        "kind": "platform",
        "cluster": "江苏南通、扬州、泰州海工装备和高技术船舶集群",
    },
    "findings": {"kind": "garbled-text", "quote": "氛围浓厚", "start": 500, "end": 504},
}


@pytest.mark.parametrize("name", FACT_TYPES)
def test_an_extra_fact_lowers_precision_only(graph_from, tiny_gold, name):
    predicted = dict(tiny_gold)
    predicted[name] = [*tiny_gold[name], EXTRA[name]]
    r = scores(graph_from(predicted), tiny_gold)[name]
    assert r["fp"] == 1 and r["fn"] == 0
    assert r["precision"] == pytest.approx(
        len(tiny_gold[name]) / (len(tiny_gold[name]) + 1), abs=1e-4
    )
    assert r["recall"] == 1.0
    assert r["spurious"], "the extra fact is listed"


def test_institution_matches_through_an_alias_and_type_is_reported(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["institutions"] = [
        {
            "label": "宁波材料所",
            "type": "Platform",
            "aliases": [],
            "clusters": ["浙江宁波磁性材料集群"],
        },
        *tiny_gold["institutions"][1:],
    ]
    predicted["roles"] = []
    r = scores(graph_from(predicted), tiny_gold)["institutions"]
    assert (r["tp"], r["fp"], r["fn"]) == (3, 0, 0)
    assert r["type_agreement"]["agree"] == 2
    assert r["type_agreement"]["disagreements"] == [
        "中国科学院宁波材料技术与工程研究所: ResearchInstitute ≠ Platform"
    ]


def test_two_predicted_nodes_for_one_institution_count_one_false_positive(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["institutions"] = [
        *tiny_gold["institutions"],
        {
            "label": "宁波材料所",
            "type": "ResearchInstitute",
            "aliases": [],
            "clusters": ["浙江宁波磁性材料集群"],
        },
    ]
    r = scores(graph_from(predicted), tiny_gold)["institutions"]
    assert (r["tp"], r["fp"], r["fn"]) == (3, 1, 0)


def test_roles_name_their_institution_through_gold_aliases(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["institutions"] = [
        {
            "label": "协会",
            "type": "IndustryAssociation",
            "aliases": [],
            "clusters": [tiny_gold["clusters"][1]["label"]],
        },
        *tiny_gold["institutions"][:2],
    ]
    predicted["roles"] = [
        tiny_gold["roles"][0],
        {**tiny_gold["roles"][1], "institution": "协会"},
    ]
    r = scores(graph_from(predicted), tiny_gold)["roles"]
    assert r["f1"] == 1.0


def test_numbers_compare_as_decimals(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["quantities"] = [
        {**tiny_gold["quantities"][0], "value": "30.0"},
        {**tiny_gold["quantities"][1], "value": "40.00"},
        {**tiny_gold["quantities"][2], "value": "15.80"},
    ]
    assert scores(graph_from(predicted), tiny_gold)["quantities"]["f1"] == 1.0


def test_a_wrong_qualifier_fails_strict_but_passes_lenient(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["quantities"] = [
        {**tiny_gold["quantities"][0], "qualifier": "exact"},
        *tiny_gold["quantities"][1:],
    ]
    r = scores(graph_from(predicted), tiny_gold)["quantities"]
    assert (r["tp"], r["fp"], r["fn"]) == (2, 1, 1)
    assert r["lenient"]["f1"] == 1.0


def test_repeated_facts_are_a_multiset(graph_from, tiny_gold):
    gold = dict(tiny_gold)
    gold["quantities"] = [tiny_gold["quantities"][0], tiny_gold["quantities"][0]]
    predicted = dict(tiny_gold)
    predicted["quantities"] = [tiny_gold["quantities"][0]]
    r = scores(graph_from(predicted), gold)["quantities"]
    assert (r["tp"], r["fp"], r["fn"]) == (1, 0, 1)


def test_quantities_outside_case_studies_are_out_of_scope(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["quantities"] = [
        *tiny_gold["quantities"],
        {"cluster": None, "value": 135, "unit": "家", "qualifier": "exact"},
    ]
    r = scores(graph_from(predicted), tiny_gold)["quantities"]
    assert (r["predicted"], r["f1"]) == (3, 1.0)


def test_symmetric_links_ignore_direction_but_investments_do_not(graph_from, tiny_gold):
    multi, investment = tiny_gold["region_links"]
    predicted = dict(tiny_gold)
    predicted["region_links"] = [
        {**multi, "from": multi["to"], "to": multi["from"]},
        {**investment, "from": investment["to"], "to": investment["from"]},
    ]
    r = scores(graph_from(predicted), tiny_gold)["region_links"]
    assert (r["tp"], r["fp"], r["fn"]) == (1, 1, 1)
    assert r["lenient"]["f1"] == 1.0


def test_findings_match_on_overlapping_evidence_and_kind(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["findings"] = [
        {"kind": "garbled-text", "quote": "优势制造业", "start": 103, "end": 108}
    ]
    r = scores(graph_from(predicted), tiny_gold)["findings"]
    assert (r["tp"], r["lenient"]["tp"]) == (0, 1)
    predicted["findings"] = [{"kind": "count-mismatch", "quote": "x", "start": 60, "end": 101}]
    assert scores(graph_from(predicted), tiny_gold)["findings"]["tp"] == 1
    predicted["findings"] = [{"kind": "count-mismatch", "quote": "x", "start": 110, "end": 120}]
    assert scores(graph_from(predicted), tiny_gold)["findings"]["tp"] == 0


def test_strings_are_folded_before_comparison(graph_from, tiny_gold):
    predicted = dict(tiny_gold)
    predicted["policy_documents"] = [
        {
            **tiny_gold["policy_documents"][0],
            "tiers": [{"label": "世界级 集群", "count": 4}, {"label": "**培育性集群", "count": 10}],
        },
        tiny_gold["policy_documents"][1],
    ]
    predicted["phrasings"] = [
        {"province": "500000", "phrase": "支柱产业集群 "},
        {"province": "630000", "phrase": "循环产业集群"},
    ]
    result = scores(graph_from(predicted), tiny_gold)
    assert result["policy_documents"]["f1"] == result["phrasings"]["f1"] == 1.0


def test_doc_number_year_brackets_compare_as_one(graph_from, tiny_gold):
    # the graph writes the GB/T 9704 spelling 〔〕; a gold may keep [] or （） as printed
    gold = json.loads(json.dumps(tiny_gold))
    for printed in ("川办发[2018]92号", "川办发（2018）92号", "川办发【2018】92号"):
        gold["policy_documents"][0]["document_number"] = printed
        assert scores(graph_from(tiny_gold), gold)["policy_documents"]["f1"] == 1.0
    # another year or serial is another document
    gold["policy_documents"][0]["document_number"] = "川办发(2019)92号"
    assert scores(graph_from(tiny_gold), gold)["policy_documents"]["tp"] == 1


def test_doc_number_folding_keeps_issuer_and_serial():
    assert doc_number("豫政（2021）15号") == doc_number("豫政〔2021〕15号") == "豫政〔2021〕15号"
    assert doc_number("闽政 [2021] 9号") == "闽政〔2021〕9号"
    assert doc_number("豫政(21)15号") == "豫政(21)15号"  # not a year: left alone
    assert doc_number(None) == ""


def test_the_most_specific_jurisdiction_is_compared(graph_from, tiny_gold):
    graph = graph_from(tiny_gold)
    city = mint("region", "330200")
    document = next(d for d in graph.subjects(CG.jurisdiction, city))
    province = mint("region", "330000")
    graph.add((province, CG.gbt2260Code, Literal("330000")))
    graph.add((document, CG.jurisdiction, province))
    assert scores(graph, tiny_gold)["policy_documents"]["f1"] == 1.0


def test_industry_labels_fall_back_to_rdfs_label(graph_from, tiny_gold):
    graph = graph_from(tiny_gold)
    sector = mint("industry", "电子信息")
    graph.remove((sector, ns.SKOS.prefLabel, None))
    graph.add((sector, ns.RDFS.label, Literal("电子信息", lang="zh")))
    assert scores(graph, tiny_gold)["competition"]["f1"] == 1.0


def test_a_missing_qualifier_means_exact(graph_from, tiny_gold):
    graph = graph_from(tiny_gold)
    for observation in list(graph.subjects(ns.RDF.type, CG.Quantity)):
        if (observation, CG.qualifier, CG.Exact) in graph:
            graph.remove((observation, CG.qualifier, CG.Exact))
    assert scores(graph, tiny_gold)["quantities"]["f1"] == 1.0


def test_integer_typed_counts_and_decimal_values(graph_from, tiny_gold):
    graph = graph_from(tiny_gold)
    for s, _, o in list(graph.triples((None, CG.value, None))):
        graph.remove((s, CG.value, o))
        graph.add((s, CG.value, Literal(f"{Decimal(str(o)):.2f}", datatype=ns.XSD.decimal)))
    assert scores(graph, tiny_gold)["quantities"]["f1"] == 1.0


def test_counts_edge_cases():
    assert (Counts(0, 0, 0).precision, Counts(0, 0, 0).recall, Counts(0, 0, 0).f1) == (
        1.0,
        1.0,
        1.0,
    )
    assert (Counts(0, 0, 3).precision, Counts(0, 0, 3).recall) == (0.0, 0.0)
    assert (Counts(0, 2, 0).precision, Counts(0, 2, 0).recall) == (0.0, 0.0)
    assert Counts(3, 1, 1).f1 == pytest.approx(0.75)


def test_report_and_markdown(graph_from, tiny_gold, tmp_path):
    path = write(tmp_path, tiny_gold)
    scored = report(graph_from(tiny_gold), path)
    json.dumps(scored)  # JSON-ready
    table = render_markdown(scored)
    assert table.count("\n| ") == len(FACT_TYPES) + 3  # header, rule, one row per type, micro
    assert "| quantities | 3 | 3 | 3 | 0 | 0 | 1.000 | 1.000 | 1.000 | 1.000 |" in table


def test_every_query_is_package_data_and_parses():
    for name in FACT_TYPES:
        text = load_query(name)
        assert "SELECT" in text
        prepareQuery(text)


def test_bad_gold_files_are_input_errors(tmp_path):
    with pytest.raises(InputError):
        load_gold(tmp_path / "absent.json")
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError):
        load_gold(tmp_path / "bad.json")
    (tmp_path / "partial.json").write_text('{"clusters": []}', encoding="utf-8")
    with pytest.raises(InputError, match="measures"):
        load_gold(tmp_path / "partial.json")


def test_evaluate_document_builds_with_the_pipeline(graph_from, monkeypatch):
    from clustergraph import pipeline

    gold = load_gold(GOLD / "genre.json")
    calls = []

    class Result:
        graph = graph_from(gold)

    def fake_build_graph(path):
        calls.append(Path(path))
        return Result()

    monkeypatch.setattr(pipeline, "build_graph", fake_build_graph)
    scored = evaluate_document(GENRE, GOLD / "genre.json")
    assert calls == [GENRE]
    assert scored["micro"]["f1"] == 1.0
    assert scored["warnings"] == []
    scored = evaluate_document(GENRE, GOLD / "whitepaper.json")
    assert scored["warnings"] and scored["micro"]["recall"] < 0.2


def test_module_entry_point_prints_the_table(graph_from, monkeypatch, capsys):
    from clustergraph import pipeline
    from clustergraph.evaluate.__main__ import main

    gold = load_gold(GOLD / "genre.json")
    monkeypatch.setattr(pipeline, "build_graph", lambda path: graph_from(gold))
    assert main([str(GENRE), str(GOLD / "genre.json")]) == 0
    assert "| findings | 2 | 2 | 2 | 0 | 0 | 1.000 |" in capsys.readouterr().out
    assert main([str(GENRE), str(GOLD / "genre.json"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["micro"]["f1"] == 1.0
    assert main([str(GENRE)]) == 2
    assert main([str(GENRE), str(GOLD / "absent.json")]) == 2
