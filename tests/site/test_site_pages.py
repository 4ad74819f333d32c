"""The generated site without a browser: page counts, well-formed HTML, links, RDF alternates,
the source view's marks, offline-ness and byte-identical output."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sitehelpers import CG, CGID, NINGBO, NINGBO_PAGE, ROOT, select

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
OA = "http://www.w3.org/ns/oa#"


class Page(HTMLParser):
    """Collects what the tests check and reports unbalanced tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[int, int]]] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.links: list[tuple[str, str, str]] = []
        self.alternates: dict[str, str] = {}
        self.html_lang: str | None = None
        self.i18n: set[str] = set()
        self.scripts: list[str] = []
        self.quotes: list[tuple[str, str]] = []

    def _attrs(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.html_lang = values.get("lang")
        if "id" in values:
            self.ids.append(values["id"])
        for key in ("href", "src", "cite"):
            if key in values:
                self.links.append((tag, key, values[key]))
        if tag == "link" and values.get("rel") == "alternate":
            self.alternates[values.get("type", "")] = values.get("href", "")
        if tag == "script" and "src" in values:
            self.scripts.append(values["src"])
        if tag in ("q", "blockquote") and "cite" in values:
            self.quotes.append((tag, values["cite"]))
        if "data-i18n" in values:
            self.i18n.add(values["data-i18n"])
        for pair in values.get("data-i18n-attr", "").split(";"):
            if ":" in pair:
                self.i18n.add(pair.split(":", 1)[1])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._attrs(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            open_tag = self.stack[-1] if self.stack else None
            self.errors.append(f"</{tag}> at {self.getpos()} closes {open_tag}")
            while self.stack and self.stack[-1][0] != tag:
                self.stack.pop()
        if self.stack:
            self.stack.pop()

    def finish(self) -> None:
        self.close()
        for tag, position in self.stack:
            self.errors.append(f"<{tag}> at {position} is never closed")


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.finish()
    return page


@pytest.fixture(scope="module")
def pages(site) -> dict[str, Page]:
    out, _ = site
    return {p.relative_to(out).as_posix(): parse(p) for p in sorted(out.rglob("*.html"))}


def own_pages(pages: dict[str, Page]) -> dict[str, Page]:
    """The site's own pages (network/*.html are clustergraph.network's standalone pages)."""
    return {k: v for k, v in pages.items() if not k.startswith("network/")}


# -- counts ---------------------------------------------------------------------------------------
def test_page_counts_match_the_graph(site, store) -> None:
    _, report = site

    def count(cls: str) -> int:
        return len(select(store, f"SELECT DISTINCT ?s WHERE {{ ?s a <{cls}> }}"))

    industries = select(
        store,
        "SELECT DISTINCT ?s WHERE { ?s <http://www.w3.org/2004/02/skos/core#inScheme> "
        f"<{CGID}scheme/industries> }}",
    )
    assert report.pages["cluster"] == count(CG + "Cluster") == 20
    assert report.pages["institution"] == count(CG + "Institution")
    assert report.pages["region"] == count(CG + "Region") >= 31
    assert report.pages["policy"] == count(CG + "Policy")
    assert report.pages["industry"] == len(industries)
    for single in ("index", "institutions", "regions", "policies", "competition", "queries"):
        assert report.pages[single] == 1
    assert report.pages["source"] == 1


def test_entity_paths_follow_iris(site) -> None:
    out, _ = site
    assert (out / "id/cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun.html").is_file()
    assert (out / "id/region/330200.html").is_file()
    assert (out / "id/eli/cn-32/szf/2018/86.html").is_file()
    assert (out / "id/eli/cn-32/szf/2018/86.ttl").is_file()


# -- HTML -----------------------------------------------------------------------------------------
def test_every_page_parses_with_balanced_tags(pages) -> None:
    problems = {name: page.errors[:3] for name, page in own_pages(pages).items() if page.errors}
    assert not problems
    for name, page in own_pages(pages).items():
        assert page.html_lang == "zh", name
        duplicated = {i for i in page.ids if page.ids.count(i) > 1}
        assert not duplicated, (name, sorted(duplicated)[:5])


def test_every_internal_link_resolves(site, pages) -> None:
    out, _ = site
    broken = []
    for name, page in pages.items():
        here = out / name
        for tag, attr, value in page.links:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                assert tag == "a", f"{name}: <{tag} {attr}={value}> loads from the network"
                continue
            if parts.scheme == "data":
                continue
            assert not parts.scheme, f"{name}: unexpected URL {value}"
            target = (here.parent / unquote(parts.path)).resolve() if parts.path else here
            if not target.is_file():
                broken.append(f"{name}: {value}")
                continue
            if parts.fragment and target.suffix == ".html":
                key = target.relative_to(out.resolve()).as_posix()
                if parts.fragment not in pages[key].ids:
                    broken.append(f"{name}: {value} (no id)")
    assert not broken, broken[:10]


def test_no_external_resources_are_loaded(site, pages) -> None:
    out, _ = site
    for name, page in pages.items():
        for src in page.scripts:
            assert not urlsplit(src).scheme, (name, src)
    for css in out.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8"))
        assert "@import" not in css.read_text(encoding="utf-8")
    for name in own_pages(pages):
        text = (out / name).read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", text), name


def test_interface_texts_exist_in_both_languages(pages) -> None:
    from clustergraph.site.render import load_messages

    messages = load_messages()
    used = set().union(*(page.i18n for page in own_pages(pages).values()))
    missing = sorted(used - set(messages))
    assert not missing
    assert all(messages[k]["zh"] and messages[k]["en"] for k in used)


def test_quotes_are_quotations_citing_the_source_view(site, pages) -> None:
    cluster = pages[NINGBO_PAGE]
    assert {tag for tag, _ in cluster.quotes} == {"q", "blockquote"}
    for name, page in own_pages(pages).items():
        for _, cite in page.quotes:
            assert re.search(r"source\.html#ev-\d+-\d+$", cite), (name, cite)


# -- RDF beside each entity page --------------------------------------------------------------------
def test_entity_pages_have_parsable_rdf_alternates(site, pages, store) -> None:
    import pyoxigraph
    from rdflib import Graph, URIRef

    out, _ = site
    entity_pages = {k: v for k, v in pages.items() if k.startswith("id/")}
    assert len(entity_pages) > 150
    for name, page in entity_pages.items():
        ttl = page.alternates.get("text/turtle")
        jsonld = page.alternates.get("application/ld+json")
        assert ttl and jsonld, name
        folder = (out / name).parent
        iri = URIRef(CGID + name.removeprefix("id/").removesuffix(".html"))
        turtle = Graph().parse(folder / ttl, format="turtle")
        expected = len(list(store.quads_for_pattern(pyoxigraph.NamedNode(str(iri)), None, None)))
        assert len(list(turtle.triples((iri, None, None)))) == expected, name
        if name.startswith("id/cluster/") or name.endswith("/330200.html"):
            linked = Graph().parse(folder / jsonld, format="json-ld")
            assert len(linked) == len(turtle), name
            assert set(linked) == set(turtle), name


def test_rdf_alternates_carry_the_evidence(site) -> None:
    from rdflib import Graph, URIRef

    out, _ = site
    graph = Graph().parse(out / "id/cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun.ttl")
    evidence = list(graph.objects(URIRef(NINGBO), URIRef(CG + "evidence")))
    assert evidence
    for ev in evidence:
        selectors = list(graph.objects(ev, URIRef(OA + "hasSelector")))
        assert len(selectors) == 2
        assert any((s, URIRef(OA + "exact"), None) in graph for s in selectors)


# -- the source view ------------------------------------------------------------------------------------
class SourceView(HTMLParser):
    """The text of #source-text with, for each piece, the span keys of its <mark>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.keys: tuple[str, ...] = ()
        self.pieces: list[tuple[str, tuple[str, ...]]] = []
        self.anchors: dict[str, int] = {}
        self.length = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if values.get("id") == "source-text":
            self.depth = 1
            return
        if not self.depth:
            return
        self.depth += 1
        if tag == "mark":
            self.keys = tuple(values.get("data-ev", "").split())
        if values.get("class") == "anchor":
            self.anchors[values["id"]] = self.length

    def handle_endtag(self, tag: str) -> None:
        if not self.depth:
            return
        self.depth -= 1
        if tag == "mark":
            self.keys = ()

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.pieces.append((data, self.keys))
            self.length += len(data)


def test_source_view_marks_every_span_exactly(site, store) -> None:
    from clustergraph.source import load_source

    out, _ = site
    view = SourceView()
    view.feed((out / "source.html").read_text(encoding="utf-8"))
    view.close()
    text = load_source(ROOT / "kg/sources/ccid-2020-advanced-manufacturing-cluster-whitepaper.txt")
    assert "".join(piece for piece, _ in view.pieces) == text.text
    rows = select(
        store,
        f"""SELECT DISTINCT ?s ?e ?x WHERE {{
              ?ev a <{OA}SpecificResource> ; <{OA}hasSelector> ?p , ?q .
              ?p <{OA}start> ?s ; <{OA}end> ?e . ?q <{OA}exact> ?x }}""",
    )
    assert len(rows) > 300
    covered: dict[str, list[str]] = {}
    for piece, keys in view.pieces:
        for key in keys:
            covered.setdefault(key, []).append(piece)
    overlapping = 0
    for start, end, exact in rows:
        key = f"{start}-{end}"
        assert view.anchors[f"ev-{key}"] == int(start), key
        assert "".join(covered[key]) == exact, key
        overlapping += any(len(keys) > 1 for piece, keys in view.pieces if key in keys)
    assert overlapping > 0  # the white paper's spans do nest and overlap


# -- index search data ---------------------------------------------------------------------------------
def test_search_index_finds_ningbo_by_chinese_pinyin_and_english(site) -> None:
    from clustergraph.site.listings import normalise

    out, _ = site
    html = (out / "index.html").read_text(encoding="utf-8")
    raw = re.search(
        r'<script type="application/json" id="search-index">(.*?)</script>', html, re.DOTALL
    )
    assert raw
    entries = json.loads(raw.group(1))
    clusters = [e for e in entries if e["kind"] == "cluster"]
    assert len(clusters) == 20
    for query in ("宁波", "ningbo", "Ning Bo", "NINGBO magnetic"):
        found = [e for e in clusters if any(normalise(query) in k for k in e["keys"])]
        assert [e["href"] for e in found] == [NINGBO_PAGE], query
    for entry in entries:
        assert (out / entry["href"]).is_file()


def test_gallery_runs_queries_and_writes_csv(site) -> None:
    from clustergraph.query.catalogue import query_names

    out, _ = site
    for name in query_names():
        assert (out / "queries" / f"{name}.rq").is_file()
    csv = (out / "queries/clusters.csv").read_bytes().decode("utf-8")
    assert csv.count("\r\n") >= 21
    assert "浙江宁波磁性材料集群" in csv
    profile = (out / "queries/cluster-profile.csv").read_text(encoding="utf-8")
    assert "浙江宁波磁性材料集群" in profile


# -- CLI, determinism, bad input ------------------------------------------------------------------------
def run_site(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clustergraph.cli", "site", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_cli_output_is_byte_identical_to_the_first_run(site, site_graph, tmp_path) -> None:
    out, report = site
    again = tmp_path / "again"
    result = run_site("-o", str(again), "--data", str(site_graph))
    assert result.returncode == 0, result.stderr
    assert "cluster" in result.stdout and "pages" in result.stdout
    first = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    second = sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    assert first == second
    assert len(first) == report.files
    differing = [n for n in first if (out / n).read_bytes() != (again / n).read_bytes()]
    assert not differing, differing[:5]
    assert not list(again.rglob(".*.tmp"))


def test_a_source_text_that_does_not_match_is_refused(site_graph, tmp_path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("一、不是白皮书\n", encoding="utf-8")
    result = run_site(
        "-o", str(tmp_path / "out"), "--data", str(site_graph), "--source", str(other)
    )
    assert result.returncode == 2
    assert "sha256" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
