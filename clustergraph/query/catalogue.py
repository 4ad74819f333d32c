"""The canned queries: ``queries/NAME.rq`` files whose ``#+`` YAML header describes them.

The header (grlc style, every line starting with ``#+``) is checked strictly: unknown keys are
rejected (a typo must not silently drop a parameter), ``columns`` must equal the SELECT
projection, and every parameter must be a projected variable (pyoxigraph binds only those).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustergraph.errors import QueryError
from clustergraph.query.sparqltext import select_variables

__all__ = [
    "HEADER_KEYS",
    "PARAMETER_TYPES",
    "VIEWS",
    "CannedQuery",
    "Expect",
    "Parameter",
    "Text",
    "load_all",
    "load_file",
    "load_query",
    "parse_query",
    "queries_dir",
    "query_names",
]

HEADER_KEYS = ("title", "description", "parameters", "columns", "view", "tags", "expect")
PARAMETER_KEYS = (
    "name",
    "type",
    "values",
    "default",
    "optional",
    "description",
    "or_label",
    "label_variable",
)
PARAMETER_TYPES = ("iri", "string", "integer", "date", "enum")
VIEWS = ("table", "graph", "map", "chart", "timeline")
EXPECT_KEYS = ("min_rows", "contains", "params")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Text:
    """A bilingual string."""

    zh: str
    en: str


@dataclass(frozen=True)
class Parameter:
    """One declared parameter; its value is bound to the variable of the same name.

    ``or_label`` parameters take an IRI or a label: a label is bound to ``label_variable``
    (default ``{name}Label``) and the query matches it against labels.
    """

    name: str
    type: str
    description: str = ""
    values: tuple[str, ...] = ()
    default: str | None = None
    optional: bool = False
    or_label: bool = False
    label_variable: str | None = None

    @property
    def required(self) -> bool:
        """True when the user must give a value (no default, not optional)."""
        return not self.optional and self.default is None

    def describe(self) -> str:
        """Short usage text, e.g. ``cluster=IRI|label``."""
        kind = "|".join(self.values) if self.type == "enum" else self.type.upper()
        if self.or_label:
            kind += "|label"
        return f"{self.name}={kind}"


@dataclass(frozen=True)
class Expect:
    """What a test expects from the query on the fixture and on the built graph."""

    min_rows: int = 0
    contains: tuple[tuple[tuple[str, str], ...], ...] = ()
    params: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class CannedQuery:
    """A parsed ``.rq`` file."""

    name: str
    text: str
    title: Text
    description: Text
    columns: tuple[str, ...]
    view: str = "table"
    parameters: tuple[Parameter, ...] = ()
    tags: tuple[str, ...] = ()
    expect: Expect = field(default_factory=Expect)
    path: Path | None = None

    def parameter(self, name: str) -> Parameter:
        """The declared parameter ``name``; QueryError listing the declared ones otherwise."""
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.describe() for p in self.parameters) or "none"
        raise QueryError(f"unknown parameter '{name}' for query '{self.name}'; known: {known}")

    def summary(self) -> dict[str, Any]:
        """A JSON-ready description (for ``clustergraph queries --json`` and the site)."""
        return {
            "name": self.name,
            "title": {"zh": self.title.zh, "en": self.title.en},
            "description": {"zh": self.description.zh, "en": self.description.en},
            "parameters": [
                {
                    "name": p.name,
                    "type": p.type,
                    "values": list(p.values),
                    "default": p.default,
                    "optional": p.optional,
                    "or_label": p.or_label,
                    "description": p.description,
                }
                for p in self.parameters
            ],
            "columns": list(self.columns),
            "view": self.view,
            "tags": list(self.tags),
        }


def queries_dir() -> Path:
    """The folder holding the canned ``.rq`` files (checkout or installed wheel)."""
    from clustergraph.resources import data_path

    return data_path("queries")


def query_names() -> list[str]:
    """The canned query names, sorted."""
    folder = queries_dir()
    return sorted(p.stem for p in folder.glob("*.rq")) if folder.is_dir() else []


def load_query(name: str) -> CannedQuery:
    """Load canned query ``name``; QueryError listing the known names if there is none."""
    names = query_names()
    if not _NAME.match(name) or name not in names:
        raise QueryError(f"unknown query '{name}'; known: {', '.join(names) or 'none'}")
    path = queries_dir() / f"{name}.rq"
    return parse_query(path.read_text(encoding="utf-8"), name, path)


def load_all() -> list[CannedQuery]:
    """Every canned query, sorted by name."""
    return [load_query(name) for name in query_names()]


def load_file(path: str | Path) -> CannedQuery:
    """Load an ad-hoc ``.rq`` file; its ``#+`` header is optional."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QueryError(f"{source}: no such query file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise QueryError(f"{source}: cannot read query file ({error})") from None
    return parse_query(text, source.stem, source, header_required=False)


def parse_query(
    text: str, name: str, path: Path | None = None, *, header_required: bool = True
) -> CannedQuery:
    """Parse and check a query file's header against its SPARQL text."""
    where = path.name if path is not None else name
    header = _header(text, where)
    if not header and not header_required:
        columns = _projection(text, where, allow_star=True)
        return CannedQuery(name, text, Text(name, name), Text("", ""), columns, path=path)
    unknown = sorted(set(header) - set(HEADER_KEYS))
    if unknown:
        raise QueryError(
            f"{where}: unknown header key '{unknown[0]}'; allowed: {', '.join(HEADER_KEYS)}"
        )
    for key in ("title", "description", "columns", "view"):
        if key not in header:
            raise QueryError(f"{where}: header key '{key}' is missing")
    columns = tuple(_string_list(header["columns"], "columns", where))
    projection = _projection(text, where, allow_star=False)
    if columns != projection:
        raise QueryError(
            f"{where}: columns {list(columns)} differ from the SELECT variables {list(projection)}"
        )
    view = str(header["view"])
    if view not in VIEWS:
        raise QueryError(f"{where}: view '{view}' is not one of {', '.join(VIEWS)}")
    raw_parameters = header.get("parameters") or []
    if not isinstance(raw_parameters, list):
        raise QueryError(f"{where}: 'parameters' must be a list")
    parameters = tuple(_parameter(item, columns, where) for item in raw_parameters)
    names = [p.name for p in parameters]
    if len(set(names)) != len(names):
        raise QueryError(f"{where}: a parameter is declared twice")
    return CannedQuery(
        name=name,
        text=text,
        title=_text(header["title"], "title", where),
        description=_text(header["description"], "description", where),
        columns=columns,
        view=view,
        parameters=parameters,
        tags=tuple(_string_list(header.get("tags") or [], "tags", where)),
        expect=_expect(header.get("expect") or {}, columns, parameters, where),
        path=path,
    )


def _header(text: str, where: str) -> dict[str, Any]:
    lines: list[str] = []
    for line in text.splitlines():
        if not line.startswith("#+"):
            if line.strip() or lines:
                break
            continue
        body = line[2:]
        lines.append(body.removeprefix(" "))
    if not lines:
        return {}
    from clustergraph.query import headercache

    body = "\n".join(lines)
    cached = headercache.get(body)
    if cached is not None:
        return cached
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(body, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        first = str(error).splitlines()[0]
        raise QueryError(f"{where}: the #+ header is not valid YAML ({first})") from None
    if not isinstance(data, dict):
        raise QueryError(f"{where}: the #+ header must be a YAML mapping")
    headercache.put(body, data)
    return data


def _projection(text: str, where: str, *, allow_star: bool) -> tuple[str, ...]:
    try:
        variables = select_variables(text)
    except ValueError as error:
        raise QueryError(f"{where}: {error}") from None
    if variables is None:
        if allow_star:
            return ()
        raise QueryError(f"{where}: canned queries must list their variables (no SELECT *)")
    return tuple(variables)


def _text(value: object, key: str, where: str) -> Text:
    if not isinstance(value, dict) or set(value) != {"zh", "en"}:
        raise QueryError(f"{where}: '{key}' must have exactly the keys zh and en")
    return Text(str(value["zh"]), str(value["en"]))


def _string_list(value: object, key: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise QueryError(f"{where}: '{key}' must be a list of strings")
    return [str(v) for v in value]


def _parameter(item: object, columns: tuple[str, ...], where: str) -> Parameter:
    if not isinstance(item, dict):
        raise QueryError(f"{where}: each parameter must be a mapping")
    unknown = sorted(set(item) - set(PARAMETER_KEYS))
    if unknown:
        raise QueryError(
            f"{where}: unknown parameter key '{unknown[0]}'; allowed: {', '.join(PARAMETER_KEYS)}"
        )
    name = str(item.get("name", ""))
    kind = str(item.get("type", ""))
    if not _VARIABLE.match(name):
        raise QueryError(f"{where}: parameter name '{name}' is not a SPARQL variable name")
    if kind not in PARAMETER_TYPES:
        raise QueryError(
            f"{where}: parameter '{name}' has type '{kind}'; use one of {', '.join(PARAMETER_TYPES)}"
        )
    values = tuple(str(v) for v in item.get("values") or [])
    if (kind == "enum") != bool(values):
        raise QueryError(f"{where}: parameter '{name}': 'values' go with type enum, and only there")
    or_label = bool(item.get("or_label", False))
    if or_label and kind != "iri":
        raise QueryError(f"{where}: parameter '{name}': or_label needs type iri")
    label_variable = item.get("label_variable")
    if label_variable is not None and not or_label:
        raise QueryError(f"{where}: parameter '{name}': label_variable needs or_label: true")
    if or_label:
        label_variable = str(label_variable or f"{name}Label")
    for variable in (name, label_variable):
        if variable is not None and variable not in columns:
            raise QueryError(
                f"{where}: parameter variable ?{variable} must be projected (listed in columns)"
            )
    default = item.get("default")
    parameter = Parameter(
        name=name,
        type=kind,
        description=str(item.get("description", "")),
        values=values,
        default=None if default is None else str(default),
        optional=bool(item.get("optional", False)),
        or_label=or_label,
        label_variable=label_variable,
    )
    if parameter.default is not None:
        from clustergraph.query.params import parse_value

        try:
            parse_value(parameter, parameter.default)
        except QueryError as error:
            raise QueryError(f"{where}: default of '{name}': {error}") from None
    return parameter


def _expect(
    value: object, columns: tuple[str, ...], parameters: tuple[Parameter, ...], where: str
) -> Expect:
    if not isinstance(value, dict):
        raise QueryError(f"{where}: 'expect' must be a mapping")
    unknown = sorted(set(value) - set(EXPECT_KEYS))
    if unknown:
        raise QueryError(
            f"{where}: unknown expect key '{unknown[0]}'; allowed: {', '.join(EXPECT_KEYS)}"
        )
    min_rows = value.get("min_rows", 0)
    if not isinstance(min_rows, int) or min_rows < 0:
        raise QueryError(f"{where}: expect.min_rows must be a non-negative integer")
    contains = []
    for item in value.get("contains") or []:
        if not isinstance(item, dict) or not item or not set(item) <= set(columns):
            raise QueryError(f"{where}: expect.contains items map result columns to values")
        contains.append(tuple(sorted((str(k), str(v)) for k, v in item.items())))
    params = value.get("params") or {}
    declared = {p.name for p in parameters}
    if not isinstance(params, dict) or not set(params) <= declared:
        raise QueryError(f"{where}: expect.params must name declared parameters")
    return Expect(
        min_rows=min_rows,
        contains=tuple(contains),
        params=tuple(sorted((str(k), str(v)) for k, v in params.items())),
    )
