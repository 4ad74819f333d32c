"""What ``clustergraph site`` does: read the graph and its source text, write the whole site.

Output is deterministic (sorted everywhere, no clocks) and every file is written atomically, so
an interrupted run never leaves a half-written page behind.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from clustergraph.errors import InputError
from clustergraph.fileio import atomic_write_bytes, atomic_write_text
from clustergraph.site.context import Context
from clustergraph.site.graphindex import CG, CGID, SKOS, GraphIndex
from clustergraph.site.paths import PageMap

__all__ = ["ENTITY_KINDS", "STATIC_FILES", "SiteReport", "generate_site"]

STATIC_FILES = ("site.css", "site.js")
#: entity kinds with their own pages: kind → how to find them
ENTITY_KINDS = ("cluster", "institution", "region", "policy", "industry")
_INDUSTRY_SCHEME = CGID + "scheme/industries"
_NODE_OWNERS = (
    "http://www.w3.org/ns/org#member",
    CG + "refCluster",
    CG + "measureOf",
    CG + "refRegion",
    CG + "sector",
    CG + "region",
)


@dataclass
class SiteReport:
    """What was written: page counts by kind, files in total, warnings."""

    out: Path
    pages: dict[str, int] = field(default_factory=dict)
    files: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line per page kind, then the total."""
        lines = [f"{kind:12} {count:5}" for kind, count in sorted(self.pages.items())]
        lines.append(
            f"{'pages':12} {sum(self.pages.values()):5}  ({self.files} files in {self.out})"
        )
        return "\n".join(lines) + "\n"


class _Writer:
    def __init__(self, out: Path, report: SiteReport) -> None:
        self.out = out
        self.report = report
        self.pages: Counter[str] = Counter()

    def text(self, path: str, text: str, kind: str | None = None) -> None:
        atomic_write_text(self.out / path, text)
        self.report.files += 1
        if kind:
            self.pages[kind] += 1

    def data(self, path: str, data: bytes) -> None:
        atomic_write_bytes(self.out / path, data)
        self.report.files += 1


def _entities(index: GraphIndex) -> dict[str, list[str]]:
    return {
        "cluster": index.instances(CG + "Cluster"),
        "institution": index.instances(CG + "Institution"),
        "region": index.instances(CG + "Region"),
        "policy": index.instances(CG + "Policy"),
        "industry": index.subjects(SKOS + "inScheme", _INDUSTRY_SCHEME),
    }


def _register(index: GraphIndex, warnings: list[str]) -> PageMap:
    pages = PageMap()
    for kind, iris in _entities(index).items():
        for iri in iris:
            if iri in pages:
                continue
            try:
                pages.add(iri, kind)
            except ValueError:
                warnings.append(f"no page for {iri} (IRI outside {CGID} or unsafe)")
    return pages


def generate_site(out: Path, data: Path | None = None, source: Path | None = None) -> SiteReport:
    """Generate the site from graph ``data`` (default: the bundled graph) into ``out``.

    :param source: the white-paper text (default: the bundled file the graph names).
    :raises InputError: unreadable graph or a source text that does not match the graph.
    """
    from clustergraph.query.engine import EmbeddedEngine, load_store
    from clustergraph.query.runner import default_data
    from clustergraph.site.evidence import collect_evidence, load_source_text
    from clustergraph.site.render import Renderer, i18n_script, load_messages

    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder; give another -o")
    graph_file = data if data is not None else default_data()
    store = load_store(graph_file)
    index = GraphIndex(store)
    report = SiteReport(out=out)
    doc = load_source_text(index, source)
    evidence = collect_evidence(index, doc)
    bad = sorted(e.key for e in evidence.values() if not e.ok)
    if bad:
        report.warnings.append(
            f"{len(bad)} evidence quote(s) differ from the source text: {', '.join(bad[:5])}"
        )
    messages = load_messages()
    ctx = Context(
        index, _register(index, report.warnings), doc, evidence, messages, report.warnings
    )
    renderer = Renderer(messages)
    writer = _Writer(out, report)
    engine = EmbeddedEngine(store)

    for name in STATIC_FILES:
        static = files("clustergraph.site").joinpath("static", name).read_bytes()
        writer.data(f"static/{name}", static)
    writer.text("static/i18n.js", i18n_script(messages))
    download = f"clustergraph{graph_file.suffix or '.ttl'}"
    writer.data(download, graph_file.read_bytes())

    from clustergraph.site.neighbours import cluster_reasons, neighbour_rows

    reasons, origin = cluster_reasons(ctx, engine)
    neighbours = neighbour_rows(ctx, reasons)
    _entity_pages(ctx, renderer, writer, neighbours)
    _network_page(ctx, renderer, writer, engine, (reasons, origin, neighbours))
    _overview_pages(ctx, renderer, writer, engine)
    report.pages = dict(sorted(writer.pages.items()))
    return report


def _entity_pages(
    ctx: Context, renderer: Any, writer: _Writer, neighbours: dict[str, list[dict[str, Any]]]
) -> None:
    from clustergraph.site import entities
    from clustergraph.site.rdfdocs import description, to_jsonld, to_ttl

    provinces = ctx.index.instances(CG + "ProvinceLevelDivision")
    for iri, kind, path in ctx.pages.items():
        if kind == "cluster":
            page = entities.cluster_page(ctx, iri, neighbours.get(iri, []), provinces)
        elif kind == "institution":
            page = entities.institution_page(ctx, iri)
        elif kind == "region":
            page = entities.region_page(ctx, iri, provinces)
        elif kind == "policy":
            page = entities.policy_page(ctx, iri)
        else:
            page = entities.industry_page(ctx, iri)
        base = path.removesuffix(".html")
        name = base.rsplit("/", 1)[-1]
        section = {"cluster": "clusters", "institution": "institutions", "region": "regions"}
        html = renderer.render(
            f"{kind}.html",
            path,
            page=page,
            kind=kind,
            alternate=name,
            rdf_base=name,
            section=section.get(kind, "policies" if kind == "policy" else None),
        )
        writer.text(path, html, kind)
        triples = description(ctx.index, iri)
        writer.data(base + ".ttl", to_ttl(triples))
        writer.data(base + ".jsonld", to_jsonld(triples))


def _overview_pages(ctx: Context, renderer: Any, writer: _Writer, engine: Any) -> None:
    from clustergraph.site import listings
    from clustergraph.site.evidence import segments
    from clustergraph.site.gallery import run_gallery

    rows = listings.cluster_rows(ctx)
    kinds = {k: ctx.messages[f"kind.{k}"] for k in ENTITY_KINDS}
    writer.text(
        "index.html",
        renderer.render(
            "index.html",
            "index.html",
            rows=rows,
            filters=listings.filter_options(rows),
            search=listings.search_index(ctx, rows),
            kinds=kinds,
            title_key="index.title",
            section="clusters",
        ),
        "index",
    )
    simple = (
        ("institutions.html", "institutions", {"rows": listings.institution_rows(ctx)}),
        (
            "regions.html",
            "regions",
            {"rows": listings.region_rows(ctx), "surveys": listings.surveys(ctx)},
        ),
        ("policies.html", "policies", {"timeline": listings.policy_timeline(ctx)}),
        ("competition.html", "competition", {"data": listings.competition_page(ctx)}),
    )
    for path, section, context in simple:
        html = renderer.render(path, path, title_key=f"{section}.title", section=section, **context)
        writer.text(path, html, section)

    items = run_gallery(ctx, engine)
    for item in items:
        writer.text(f"queries/{item.query.name}.rq", item.query.text)
        if item.csv is not None:
            writer.text(f"queries/{item.query.name}.csv", item.csv)
    writer.text(
        "queries/index.html",
        renderer.render(
            "queries.html",
            "queries/index.html",
            items=items,
            title_key="queries.title",
            section="queries",
        ),
        "queries",
    )

    spans = [e for e in ctx.evidence.values() if e.ok]
    writer.text(
        "source.html",
        renderer.render(
            "source.html",
            "source.html",
            doc=ctx.doc,
            segments=segments(ctx.doc.text, spans),
            count=len({e.key for e in spans}),
            cited_by=_cited_by(ctx),
            title_key="source.title",
            section="source",
        ),
        "source",
    )


def _network_page(
    ctx: Context, renderer: Any, writer: _Writer, engine: Any, network: tuple[Any, str, Any]
) -> None:
    from clustergraph.site.neighbours import PROJECTION, network_pages

    reasons, origin, rows = network

    embeds = []
    for name, info in sorted(network_pages(engine, ctx).items()):
        href = f"network/{name}.html"
        writer.text(href, info["html"], "network")
        embeds.append(
            {"name": name, "href": href, **{k: v for k, v in info.items() if k != "html"}}
        )
    main = next((e for e in embeds if e["name"] == PROJECTION), embeds[0] if embeds else None)
    edges = []
    for (a, b), found in sorted(reasons.items()):
        shared = next(r["shared"] for r in rows.get(a, []) if r["cluster"]["iri"] == b)
        edges.append({"a": ctx.ref(a), "b": ctx.ref(b), "weight": len(found), "shared": shared})
    edges.sort(key=lambda e: (-e["weight"], e["a"]["label"], e["b"]["label"]))
    writer.text(
        "network.html",
        renderer.render(
            "network.html",
            "network.html",
            embeds=embeds,
            main_embed=main,
            edges=edges,
            source=origin,
            title_key="network.title",
            section="network",
        ),
        "network",
    )


def _node_label(ctx: Context, node: str) -> str:
    index = ctx.index
    own = index.label_in(node, "zh")
    if own:
        return own
    classes = [t for t in index.types(node) if t.startswith(CG)]
    concept = ctx.concept(min(classes)) if classes else None
    kind = concept["zh"] if concept else ""
    for prop in _NODE_OWNERS:
        target = index.iri(node, prop)
        if target:
            return f"{kind}: {index.label(target, 'zh')}" if kind else index.label(target, "zh")
    return kind or index.label(node, "zh")


def _cited_by(ctx: Context) -> dict[str, list[dict[str, Any]]]:
    """Evidence key ``S-E`` → the nodes citing it (label and page), for the source view."""
    found: dict[str, list[dict[str, Any]]] = {}
    for iri, ev in sorted(ctx.evidence.items()):
        if not ev.ok:
            continue
        citing = []
        for node in ctx.index.subjects(CG + "evidence", iri):
            citing.append({"label": _node_label(ctx, node), "href": ctx.owner(node)})
        citing.sort(key=lambda c: (c["label"], c["href"] or ""))
        found.setdefault(ev.key, []).extend(citing)
    return found
