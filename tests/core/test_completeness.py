"""Truncation warnings: a text cut in mid-sentence warns; a report ending with its sign-off does not."""

from __future__ import annotations

import pytest

from clustergraph.completeness import completeness_warnings
from clustergraph.text import parse_document

BODY = (
    "一、总体情况\n\n某省集群发展势头良好，产业规模持续扩大。\n\n下一步将继续推进集群培育工作。\n"
)


def _warnings(text: str) -> list[str]:
    return completeness_warnings(parse_document(text))


@pytest.mark.parametrize(
    "closing",
    ["某某产业经济研究院集群发展研究中心", "2022年4月", "课题组"],
    ids=["organisation", "date", "short-author"],
)
def test_a_sign_off_after_a_finished_paragraph_is_not_truncation(closing: str) -> None:
    assert _warnings(BODY + "\n" + closing + "\n") == []


def test_a_text_cut_in_mid_sentence_warns() -> None:
    cut = BODY + "\n各地积极推动集群促进机构建设，探索"
    (warning,) = _warnings(cut)
    assert "ends mid-sentence" in warning


def test_a_short_fragment_with_clause_punctuation_still_warns() -> None:
    (warning,) = _warnings(BODY + "\n其中，江苏、浙江")
    assert "ends mid-sentence" in warning


def test_a_whole_text_does_not_warn() -> None:
    assert _warnings(BODY) == []
