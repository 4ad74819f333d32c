"""``python -m clustergraph.evaluate TEXT GOLD [--json]``: build TEXT and score it against GOLD."""

from __future__ import annotations

import json
import sys

from clustergraph.errors import InputError


def main(argv: list[str] | None = None) -> int:
    """Print the markdown table (or the JSON report with ``--json``); exit 2 on bad input."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args
    paths = [a for a in args if a != "--json"]
    if len(paths) != 2:
        sys.stderr.write("usage: python -m clustergraph.evaluate TEXT GOLD [--json]\n")
        return 2
    from clustergraph.evaluate import evaluate_document, render_markdown

    try:
        scored = evaluate_document(paths[0], paths[1])
    except InputError as error:
        sys.stderr.write(f"error: {error}\n")
        return 2
    if as_json:
        sys.stdout.write(json.dumps(scored, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
    else:
        sys.stdout.write(render_markdown(scored))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
