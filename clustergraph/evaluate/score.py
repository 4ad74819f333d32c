"""Precision, recall and F1 per fact type: the facts of a built graph against a gold file.

Matching rules (tests/gold/README.md explains the annotation side):

* strings are compared after NFKC folding and removal of whitespace and ``**``;
* a 文号's year brackets are compared as one ([2021], (2021), （2021）, 【2021】 = 〔2021〕): the
  graph's ``eli:id_local`` is the GB/T 9704 spelling, the gold keeps the brackets as printed;
* tuple facts are multisets compared on a *strict* key (every field) and a *lenient* key (the
  identity of the fact without the attribute most often wrong), numbers as ``Decimal``;
* institutions match one-to-one when any name (label or alias) is shared; roles name their
  institution through the gold aliases; symmetric region links ignore direction;
* findings match one-to-one when the kinds agree and the evidence overlaps the gold span.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from clustergraph.errors import InputError
from clustergraph.evaluate.facts import FACT_TYPES, extract_facts

__all__ = [
    "Counts",
    "doc_number",
    "evaluate_document",
    "load_gold",
    "render_markdown",
    "report",
    "score_facts",
]

Record = dict[str, Any]
Key = tuple[Any, ...]
SYMMETRIC_LINKS = frozenset({"multi-city", "joint-meeting", "same-city", "alliance", "platform"})
_SPACE = re.compile(r"\s+")
_LISTED = 50


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one comparison."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """Share of predicted facts that are in the gold (1.0 when nothing was due or given)."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        """Share of gold facts that were predicted (1.0 when the gold is empty and so is the
        prediction).
        """
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, Any]:
        """Counts and rounded scores, JSON-ready."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


# -- normalisation ------------------------------------------------------------------------------


def norm(text: object) -> str:
    """Fold a string for comparison: NFKC, no whitespace, no bold markers."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).replace("**", "")
    return _SPACE.sub("", folded)


_YEAR_BRACKETS = re.compile(r"[〔\[(【]\s*(\d{4})\s*[〕\])】]")


def doc_number(text: object) -> str:
    """A 文号 folded for comparison: :func:`norm`, with its year bracketed 〔〕 (GB/T 9704)."""
    return _YEAR_BRACKETS.sub(r"〔\1〕", norm(text))


def _decimal(value: object) -> Decimal | str:
    try:
        return Decimal(str(value)).normalize()
    except InvalidOperation:
        return norm(value)


def _int(value: object) -> int | str:
    try:
        return int(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return norm(value)


def _link_codes(record: Record) -> tuple[str, str]:
    first, second = str(record.get("from")), str(record.get("to"))
    if record.get("kind") in SYMMETRIC_LINKS and second < first:
        first, second = second, first
    return first, second


# -- keys of the tuple fact types ------------------------------------------------------------

KeyFn = Callable[[Record], Key]


def _cluster_key(r: Record) -> Key:
    places = tuple(sorted(str(p) for p in r.get("places") or ()))
    return norm(r.get("label")), r.get("category"), places, bool(r.get("multi_city"))


def _measure_key(r: Record) -> Key:
    cluster = r.get("cluster")
    category = r.get("category") if cluster is None else None
    return norm(cluster), category or "", _int(r.get("ordinal"))


def _quantity_key(r: Record) -> Key:
    return norm(r.get("cluster")), _decimal(r.get("value")), norm(r.get("unit")), r.get("qualifier")


def _document_key(r: Record) -> Key:
    tiers = tuple(
        sorted((norm(t.get("label")), _int(t.get("count"))) for t in r.get("tiers") or ())
    )
    return doc_number(r.get("document_number")), str(r.get("province")), tiers


def _competition_key(r: Record) -> Key:
    return r.get("stage"), r.get("dimension"), norm(r.get("category")), _int(r.get("count"))


def _link_key(r: Record) -> Key:
    return (*_link_codes(r), r.get("kind"), norm(r.get("cluster")))


def _link_lenient(r: Record) -> Key:
    return tuple(sorted((str(r.get("from")), str(r.get("to"))))), norm(r.get("cluster"))


#: fact type → (strict key, lenient key); roles get their keys from the gold alias table
TUPLE_KEYS: dict[str, tuple[KeyFn, KeyFn]] = {
    "clusters": (_cluster_key, lambda r: (norm(r.get("label")),)),
    "measures": (_measure_key, _measure_key),
    "quantities": (_quantity_key, lambda r: _quantity_key(r)[:3]),
    "policies": (
        lambda r: (str(r.get("date"))[:7], norm(r.get("label"))),
        lambda r: (str(r.get("date"))[:7],),
    ),
    "policy_documents": (_document_key, lambda r: (str(r.get("province")),)),
    "competition": (_competition_key, _competition_key),
    "phrasings": (
        lambda r: (str(r.get("province")), norm(r.get("phrase"))),
        lambda r: (str(r.get("province")),),
    ),
    "region_links": (_link_key, _link_lenient),
}


# -- comparisons -----------------------------------------------------------------------------


def _describe(key: Key) -> str:
    def show(part: Any) -> str:
        if part is None:
            return ""
        return format(part, "f") if isinstance(part, Decimal) else str(part)

    return " | ".join(show(part) for part in key)


def _multiset(
    gold: list[Record], predicted: list[Record], key: KeyFn
) -> tuple[Counts, Counter[Key], Counter[Key]]:
    """Counts of a multiset comparison, with the gold keys missed and the predicted keys not due."""
    expected = Counter(key(r) for r in gold)
    found = Counter(key(r) for r in predicted)
    common = expected & found
    tp = sum(common.values())
    counts = Counts(tp=tp, fp=sum(found.values()) - tp, fn=sum(expected.values()) - tp)
    return counts, expected - common, found - common


def _listing(counter: Counter[Key]) -> list[str]:
    return sorted(_describe(k) for k in counter.elements())[:_LISTED]


def _compare_tuples(
    gold: list[Record], predicted: list[Record], keys: tuple[KeyFn, KeyFn]
) -> Record:
    strict, missing, spurious = _multiset(gold, predicted, keys[0])
    lenient, _, _ = _multiset(gold, predicted, keys[1])
    return {
        **strict.as_dict(),
        "lenient": lenient.as_dict(),
        "missing": _listing(missing),
        "spurious": _listing(spurious),
    }


def _max_matching(edges: list[list[int]]) -> list[tuple[int, int]]:
    """Maximum bipartite matching (Kuhn): ``edges[left]`` lists the right nodes it may take."""
    owner: dict[int, int] = {}

    def assign(left: int, seen: set[int]) -> bool:
        for right in edges[left]:
            if right in seen:
                continue
            seen.add(right)
            if right not in owner or assign(owner[right], seen):
                owner[right] = left
                return True
        return False

    for left in range(len(edges)):
        assign(left, set())
    return sorted((left, right) for right, left in owner.items())


def _names(record: Record) -> set[str]:
    names = {norm(record.get("label"))} | {norm(a) for a in record.get("aliases") or ()}
    return {n for n in names if n}


def _compare_institutions(gold: list[Record], predicted: list[Record]) -> Record:
    gold_names = [_names(r) for r in gold]
    pred_names = [_names(r) for r in predicted]
    edges = [[j for j, p in enumerate(pred_names) if g & p] for g in gold_names]
    pairs = _max_matching(edges)
    counts = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    agree = sum(1 for i, j in pairs if gold[i].get("type") == predicted[j].get("type"))
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    return {
        **counts.as_dict(),
        "lenient": counts.as_dict(),
        "missing": sorted(str(gold[i]["label"]) for i in range(len(gold)) if i not in matched_gold)[
            :_LISTED
        ],
        "spurious": sorted(
            str(predicted[j]["label"]) for j in range(len(predicted)) if j not in matched_pred
        )[:_LISTED],
        "type_agreement": {
            "matched": len(pairs),
            "agree": agree,
            "rate": round(agree / len(pairs), 4) if pairs else 1.0,
            "disagreements": sorted(
                f"{gold[i]['label']}: {gold[i].get('type')} ≠ {predicted[j].get('type')}"
                for i, j in pairs
                if gold[i].get("type") != predicted[j].get("type")
            )[:_LISTED],
        },
    }


def _role_keys(gold_institutions: list[Record]) -> tuple[KeyFn, KeyFn]:
    """Role keys that name the institution by its gold label whenever any of its names is known."""
    table: dict[str, list[tuple[str, set[str]]]] = {}
    for record in gold_institutions:
        entry = (norm(record.get("label")), {norm(c) for c in record.get("clusters") or ()})
        for name in _names(record):
            table.setdefault(name, []).append(entry)

    def canonical(r: Record) -> str:
        label = norm(r.get("institution"))
        names = [label] + sorted({norm(n) for n in r.get("names") or ()} - {label})
        cluster = norm(r.get("cluster"))
        candidates = [entry for name in names for entry in table.get(name, ())]
        for gold_label, clusters in candidates:
            if cluster in clusters:
                return gold_label
        return candidates[0][0] if candidates else label

    def strict(r: Record) -> Key:
        return canonical(r), norm(r.get("cluster")), r.get("role")

    def lenient(r: Record) -> Key:
        return canonical(r), norm(r.get("cluster"))

    return strict, lenient


def _spans(record: Record) -> list[tuple[int | None, int | None, str]]:
    if "spans" in record:
        return [(s, e, q) for s, e, q in record.get("spans") or ()]
    return [(record.get("start"), record.get("end"), record.get("quote") or "")]


def _overlaps(gold: Record, predicted: Record) -> bool:
    for g_start, g_end, g_quote in _spans(gold):
        for p_start, p_end, p_quote in _spans(predicted):
            if None not in (g_start, g_end, p_start, p_end):
                if p_start < g_end and g_start < p_end:  # type: ignore[operator]
                    return True
                continue
            a, b = norm(g_quote), norm(p_quote)
            if a and b and (a in b or b in a):
                return True
    return False


def _compare_findings(gold: list[Record], predicted: list[Record]) -> Record:
    def run(same_kind: bool) -> list[tuple[int, int]]:
        edges = [
            [
                j
                for j, p in enumerate(predicted)
                if (not same_kind or g.get("kind") == p.get("kind")) and _overlaps(g, p)
            ]
            for g in gold
        ]
        return _max_matching(edges)

    strict, lenient = run(True), run(False)

    def counts(pairs: list[tuple[int, int]]) -> Counts:
        return Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))

    matched_gold = {i for i, _ in strict}
    matched_pred = {j for _, j in strict}
    return {
        **counts(strict).as_dict(),
        "lenient": counts(lenient).as_dict(),
        "missing": sorted(
            f"{gold[i].get('kind')} | {gold[i].get('quote')}"
            for i in range(len(gold))
            if i not in matched_gold
        ),
        "spurious": sorted(
            f"{p.get('kind')} | " + " / ".join(q for _, _, q in _spans(p))
            for j, p in enumerate(predicted)
            if j not in matched_pred
        )[:_LISTED],
    }


# -- gold, report, rendering ------------------------------------------------------------------


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read and check a gold file: every fact type present as a list of records.

    :raises InputError: the file is missing, not JSON, or lacks a fact type.
    """
    source = Path(path)
    try:
        gold = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{source}: no such gold file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{source.name}: not a UTF-8 JSON gold file ({error})") from None
    if not isinstance(gold, dict):
        raise InputError(f"{source.name}: a gold file is a JSON object")
    missing = [name for name in FACT_TYPES if not isinstance(gold.get(name), list)]
    if missing:
        raise InputError(f"{source.name}: no list of records for {', '.join(missing)}")
    return gold


def score_facts(predicted: dict[str, list[Record]], gold: dict[str, Any]) -> dict[str, Any]:
    """Compare predicted records with gold records, fact type by fact type."""
    in_case_only = set(gold.get("in_case_only") or ())
    results: dict[str, Record] = {}
    for name in FACT_TYPES:
        expected = list(gold.get(name) or ())
        found = list(predicted.get(name) or ())
        if name in in_case_only:
            found = [r for r in found if r.get("cluster") is not None]
        if name == "institutions":
            result = _compare_institutions(expected, found)
        elif name == "findings":
            result = _compare_findings(expected, found)
        elif name == "roles":
            result = _compare_tuples(expected, found, _role_keys(gold.get("institutions") or []))
        else:
            result = _compare_tuples(expected, found, TUPLE_KEYS[name])
        results[name] = {"gold": len(expected), "predicted": len(found), **result}
    micro = Counts(
        tp=sum(r["tp"] for r in results.values()),
        fp=sum(r["fp"] for r in results.values()),
        fn=sum(r["fn"] for r in results.values()),
    )
    return {
        "document": gold.get("document"),
        "fact_types": results,
        "micro": micro.as_dict(),
        "macro_f1": round(sum(r["f1"] for r in results.values()) / len(results), 4),
    }


def report(graph: Any, gold_path: str | Path) -> dict[str, Any]:
    """Score the facts of ``graph`` (an rdflib Graph) against the gold file at ``gold_path``."""
    gold = load_gold(gold_path)
    return score_facts(extract_facts(graph), gold)


def evaluate_document(text_path: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """Build the graph of ``text_path`` with the pipeline and score it against ``gold_path``."""
    from clustergraph.pipeline import build_graph  # lazy: the whole extraction stack

    gold = load_gold(gold_path)
    result = build_graph(text_path)
    scored = score_facts(extract_facts(getattr(result, "graph", result)), gold)
    digest = hashlib.sha256(Path(text_path).read_bytes()).hexdigest()
    warnings = []
    if gold.get("sha256") and gold["sha256"] != digest:
        warnings.append(
            f"{Path(text_path).name} (sha256 {digest[:12]}…) is not the text the gold annotates "
            f"(sha256 {str(gold['sha256'])[:12]}…)"
        )
    scored["warnings"] = warnings
    return scored


def _row(name: str, r: Record) -> str:
    return (
        f"| {name} | {r['gold']} | {r['predicted']} | {r['tp']} | {r['fp']} | {r['fn']} | "
        f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | {r['lenient']['f1']:.3f} |"
    )


def render_markdown(scored: dict[str, Any], title: str | None = None) -> str:
    """A markdown table of a :func:`report` (one row per fact type, then the micro average)."""
    lines: list[str] = []
    heading = title or f"Extraction evaluation: {scored.get('document') or 'document'}"
    lines += [f"### {heading}", ""]
    lines.append(
        "| fact type | gold | predicted | TP | FP | FN | precision | recall | F1 | lenient F1 |"
    )
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    types: dict[str, Record] = scored["fact_types"]
    for name in FACT_TYPES:
        if name in types:
            lines.append(_row(name, types[name]))
    micro = scored["micro"]
    gold_total = sum(r["gold"] for r in types.values())
    pred_total = sum(r["predicted"] for r in types.values())
    lines.append(
        f"| **micro** | {gold_total} | {pred_total} | {micro['tp']} | {micro['fp']} | "
        f"{micro['fn']} | {micro['precision']:.3f} | {micro['recall']:.3f} | "
        f"{micro['f1']:.3f} | |"
    )
    agreement = types.get("institutions", {}).get("type_agreement")
    lines.append("")
    lines.append(f"Macro F1: {scored['macro_f1']:.3f}.")
    if agreement:
        lines.append(
            f"Institution types agree for {agreement['agree']} of {agreement['matched']} "
            "matched institutions."
        )
    for warning in _iter(scored.get("warnings")):
        lines.append(f"Warning: {warning}")
    return "\n".join(lines) + "\n"


def _iter(values: Iterable[str] | None) -> Iterable[str]:
    return values or ()
