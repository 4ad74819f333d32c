"""Stable, content-derived IRIs: the same text always yields the same identifiers."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from clustergraph.graph.namespaces import CGID

__all__ = ["mint", "pinyin_label", "slugify"]

_MAX_SLUG = 48
_NON_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)
def slugify(text: str) -> str:
    """ASCII slug of ``text``: pinyin for Chinese characters, lowercase, ``-`` separated.

    Long slugs are cut and suffixed with 8 hex digits of the text's SHA-1 so they stay unique.

    >>> slugify("浙江宁波磁性材料集群")
    'zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun'
    """
    from pypinyin import lazy_pinyin  # lazy: costs ~0.3 s to import

    folded = unicodedata.normalize("NFKC", text)
    parts = lazy_pinyin(folded, errors=lambda chars: [chars])
    slug = _NON_SLUG.sub("-", "-".join(parts).lower()).strip("-")
    if not slug:
        slug = "x"
    if len(slug) > _MAX_SLUG:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]  # noqa: S324 - not security
        slug = f"{slug[:_MAX_SLUG].rstrip('-')}-{digest}"
    return slug


def mint(kind: str, *keys: str | int) -> URIRef:
    """Mint ``cgid:{kind}/{key}/…``; string keys that are not already ASCII slugs are slugified."""
    parts = [kind]
    for key in keys:
        text = str(key)
        parts.append(text if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", text) else slugify(text))
    return URIRef(str(CGID) + "/".join(parts))


@lru_cache(maxsize=8192)
def pinyin_label(text: str) -> str:
    """Pinyin with tone marks, one syllable per character, for ``@zh-Latn-pinyin`` labels.

    >>> pinyin_label("宁波")
    'níng bō'
    """
    from pypinyin import Style, lazy_pinyin

    folded = unicodedata.normalize("NFKC", text)
    parts = lazy_pinyin(folded, style=Style.TONE, errors=lambda chars: [chars])
    return " ".join(" ".join(parts).split())
