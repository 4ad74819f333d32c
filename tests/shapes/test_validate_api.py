"""validate_graph, load_graph and the ``clustergraph validate`` command."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from clustergraph.cli import main
from clustergraph.errors import InputError
from clustergraph.graph.namespaces import CG, OA, ORG
from clustergraph.resources import DEFAULT_SOURCE, data_path
from clustergraph.validate.load import load_graph
from clustergraph.validate.shacl import ValidationResult, Violation, validate_graph

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "valid.ttl"
ID = "https://w3id.org/clustergraph/id/"
HAIKANG = URIRef(f"{ID}institution/hai-kang")
FOUNDER = URIRef(f"{ID}role/zhe-jiang-hang-zhou-shu-zi-an-fang-ji-qun/founder/hai-kang")
SHAPES = "https://w3id.org/clustergraph/shapes#"


@pytest.fixture
def data() -> Graph:
    return Graph().parse(FIXTURE)


def test_fixture_quotes_are_the_source_text(data: Graph) -> None:
    raw = data_path(DEFAULT_SOURCE).read_text(encoding="utf-8")
    quotes = 0
    for evidence in data.subjects(RDF.type, OA.SpecificResource):
        selectors = list(data.objects(evidence, OA.hasSelector))
        start = next(int(o) for s in selectors for o in data.objects(s, OA.start))
        end = next(int(o) for s in selectors for o in data.objects(s, OA.end))
        exact = next(str(o) for s in selectors for o in data.objects(s, OA.exact))
        assert raw[start:end] == exact
        quotes += 1
    assert quotes > 30


def test_validation_leaves_the_data_unchanged(data: Graph) -> None:
    before = set(data)
    assert not any(True for _ in data.triples((None, RDFS.subClassOf, None)))
    validate_graph(data)
    assert set(data) == before


def test_subclass_instances_satisfy_sh_class(data: Graph) -> None:
    # 海康 is typed cg:Enterprise and cg:Institution; keep only the subclass type.
    data.remove((HAIKANG, RDF.type, CG.Institution))
    assert (FOUNDER, ORG.member, HAIKANG) in data
    result = validate_graph(data)
    assert result.conforms, result.grouped_text()


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91350100M000100Y43", True),
        ("91350100M000100Y44", False),
        ("91330100MA0000000C", True),
        ("91330100MA0000000D", False),
    ],
)
def test_gb32100_check_character(data: Graph, code: str, valid: bool) -> None:
    data.set((HAIKANG, CG.unifiedSocialCreditCode, Literal(code)))
    result = validate_graph(data)
    assert result.conforms is valid
    if not valid:
        (violation,) = result.violations
        assert violation.shape == SHAPES + "UnifiedSocialCreditCodeCheck"
        assert code in violation.message
        assert code in violation.message_zh


def _violation(shape: str, focus: str, value: str = "") -> Violation:
    return Violation(
        shape=SHAPES + shape,
        focus=ID + focus,
        path=str(CG.evidence),
        message=f"{shape} message",
        severity="Violation",
        component="MinCountConstraintComponent",
        value=value,
        message_zh=f"{shape} 说明",
    )


def test_grouped_text_counts_limits_and_sorts() -> None:
    violations = [_violation("Evidence", f"cluster/c{i}") for i in range(7)]
    violations += [_violation("Role-member", "role/r1")]
    result = ValidationResult(conforms=False, violations=sorted(violations, reverse=True))
    text = result.grouped_text()
    lines = text.splitlines()
    assert lines[0] == "cgsh:Evidence (7): Evidence message"
    assert lines[1] == "    Evidence 说明"
    assert lines[2].startswith("  - <https://w3id.org/clustergraph/id/cluster/c0>") or lines[
        2
    ].startswith("  - cgid:cluster/c0")
    assert sum(1 for line in lines if line.startswith("  - ")) == 5 + 1
    assert "  … and 2 more" in lines
    assert "cgsh:Role-member (1): Role-member message" in lines
    assert text == ValidationResult(conforms=False, violations=violations).grouped_text()
    assert result.summary() == "does not conform: 8 violations of 2 shapes in 0 triples"


def test_report_of_a_real_validation(data: Graph) -> None:
    data.remove((FOUNDER, ORG.member, None))
    data.remove((HAIKANG, RDFS.label, None))
    result = validate_graph(data)
    shapes = sorted({v.shape.rsplit("#", 1)[-1] for v in result.violations})
    assert shapes == ["LabelPinyin", "LabelZh", "Role-member"]
    assert result.violations == sorted(result.violations)
    assert "cgsh:Role-member (1)" in result.grouped_text()
    assert result.summary().startswith("does not conform: 3 violations of 3 shapes")


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".rdf"])
def test_load_graph_formats(tmp_path: Path, data: Graph, suffix: str) -> None:
    formats = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".rdf": "xml"}
    path = tmp_path / f"graph{suffix}"
    path.write_bytes(data.serialize(format=formats[suffix], encoding="utf-8"))
    assert len(load_graph(path)) == len(data)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.ttl", None, "no such file"),
        ("empty.ttl", b"  \n", "empty"),
        ("broken.ttl", b"<a> <b> .", "not valid turtle"),
        ("prefixes.ttl", b"@prefix ex: <http://example.org/> .\n", "no triples"),
        ("table.csv", b"a,b\n", "unknown graph format"),
    ],
)
def test_load_graph_errors_are_one_line(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        load_graph(path)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    out, err = capsys.readouterr()
    return int(exited.value.code or 0), out, err


def test_cli_conforming_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["validate", str(FIXTURE)], capsys)
    assert code == 0
    assert "conforms" in out and len(out.strip().splitlines()) == 1


def test_cli_violations_exit_1_with_grouped_report(
    tmp_path: Path, data: Graph, capsys: pytest.CaptureFixture[str]
) -> None:
    data.remove((FOUNDER, ORG.member, None))
    path = tmp_path / "bad.ttl"
    path.write_bytes(data.serialize(format="turtle", encoding="utf-8"))
    code, _out, err = run(["validate", str(path)], capsys)
    assert code == 1
    assert "does not conform: 1 violation" in err
    assert "cgsh:Role-member (1)" in err


def test_cli_load_error_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["validate", str(tmp_path / "nope.ttl")], capsys)
    assert code == 2
    assert "no such file" in err


def test_cli_custom_shapes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix cg: <https://w3id.org/clustergraph/ontology#> .\n"
        "<urn:x:CaseNumberBelow3> a sh:PropertyShape ; sh:targetClass cg:Cluster ;\n"
        "    sh:path cg:caseNumber ; sh:maxExclusive 3 .\n",
        encoding="utf-8",
    )
    code, _out, err = run(["validate", str(FIXTURE), "--shapes", str(shapes)], capsys)
    assert code == 1
    assert "urn:x:CaseNumberBelow3 (1)" in err


def test_cli_unusable_shapes_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "@prefix cg: <https://w3id.org/clustergraph/ontology#> .\n"
        "<urn:x:Bad> a sh:NodeShape ; sh:targetClass cg:Cluster ; sh:maxCount 0 .\n",
        encoding="utf-8",
    )
    code, _out, err = run(["validate", str(FIXTURE), "--shapes", str(shapes)], capsys)
    assert code == 2
    assert "the shapes cannot be used" in err
    assert len(err.strip().splitlines()) == 1
