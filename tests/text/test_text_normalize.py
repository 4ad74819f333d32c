"""The clean view: NFKC punctuation, no bold markers, PDF whitespace gone, offsets kept."""

from __future__ import annotations

import pytest

from clustergraph.text import normalize


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("（一）党中央，国务院：好；", "(一)党中央,国务院:好;"),
        ("１２３ＡＢＣ！？", "123ABC!?"),
        ("“集群”、《意见》〔2018〕。", "“集群”、《意见》〔2018〕。"),
        ("**一是**国际化", "一是国际化"),
        ("＊＊粗体＊＊", "粗体"),
        ("前 言", "前言"),
        ("这次会\n\n议提出", "这次会议提出"),
        ("纺织服装（6\n\n个)", "纺织服装(6个)"),
        ("共有 135 家", "共有 135 家"),
        ("AI  智能", "AI 智能"),
        ("Open\nSource", "Open Source"),
        ("\u3000  首行缩进  ", "首行缩进"),
        ("a\t\tb", "a b"),
        ("´", "´"),
        ("①建立机制；⑫个性化", "①建立机制;⑫个性化"),
        ("⑴机制⒉平台", "(1)机制2.平台"),
    ],
    ids=[
        "fullwidth-punct",
        "fullwidth-alnum",
        "cjk-marks-kept",
        "bold-ascii",
        "bold-fullwidth",
        "space-between-cjk",
        "page-break-cjk",
        "page-break-digit-cjk",
        "space-around-digits",
        "space-latin-cjk",
        "line-break-latin",
        "outer-whitespace",
        "tab-in-text",
        "spacing-accent",
        "circled-numbers-kept",
        "parenthesized-numbers-folded",
    ],
)
def test_clean(raw: str, clean: str) -> None:
    assert normalize(raw).clean == clean


def test_tabs_kept_for_table_rows() -> None:
    assert normalize("1\t江苏省 \t 意见", keep_tabs=True).clean == "1\t江苏省\t意见"


def test_offset_map() -> None:
    raw = "**一是**这次会\n\n议提出。"
    view = normalize(raw)
    assert view.clean == "一是这次会议提出。"
    assert view.to_raw(0) == 2
    assert view.to_raw(len(view)) == len(raw)
    k = view.clean.index("议")
    assert raw[view.to_raw(k)] == "议"
    assert view.raw_span(0, 2) == (2, 4)
    start, end = view.raw_span(0, len(view))
    assert raw[start:end] == raw[2:]
    assert view.raw_span(3, 3) == (view.to_raw(3),) * 2
    assert view.to_clean(raw.index("议")) == k
    with pytest.raises(IndexError):
        view.to_raw(len(view) + 1)
    with pytest.raises(IndexError):
        view.raw_span(2, 1)
