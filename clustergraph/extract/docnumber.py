"""Chinese official document numbers (文号) such as 苏政发〔2018〕86号: find, parse, mint.

A 文号 is ``{issuer code}{bracketed year}{serial}号``. Writers bracket the year with 〔〕 (the
standard), [] or ［］, ()/（） or 【】, so all are accepted. The issuer code starts with the issuing
province's one-character abbreviation (苏 江苏, 鲁 山东, 川 四川 …) – a fixed national convention, so
the table below is general knowledge, not data from any one document. Codes of the central
government (国发, 国办发 …) and of ministries have no province.

The IRI of a numbered document is ``cgid:eli/cn-{province code}/{issuer initials}/{year}/{serial}``
(``cgid:eli/cn/…`` for central documents), so the same 文号 always names the same node.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rdflib import URIRef

from clustergraph.graph.mint import mint

__all__ = [
    "DOC_NUMBER_RE",
    "PROVINCE_ABBREVIATIONS",
    "DocNumber",
    "eli_iri",
    "find_doc_numbers",
    "is_central",
    "issuer_body_name",
    "issuer_initials",
    "parse_doc_number",
    "province_for_issuer",
]

#: one-character abbreviations of the 31 province-level divisions → (2-digit code, short name).
#: Several provinces have two (贵/黔, 云/滇, 陕/秦, 甘/陇, 川/蜀); 内 is how 内蒙古 numbers its files.
PROVINCE_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    "京": ("11", "北京"),
    "津": ("12", "天津"),
    "冀": ("13", "河北"),
    "晋": ("14", "山西"),
    "内": ("15", "内蒙古"),
    "蒙": ("15", "内蒙古"),
    "辽": ("21", "辽宁"),
    "吉": ("22", "吉林"),
    "黑": ("23", "黑龙江"),
    "沪": ("31", "上海"),
    "苏": ("32", "江苏"),
    "浙": ("33", "浙江"),
    "皖": ("34", "安徽"),
    "闽": ("35", "福建"),
    "赣": ("36", "江西"),
    "鲁": ("37", "山东"),
    "豫": ("41", "河南"),
    "鄂": ("42", "湖北"),
    "湘": ("43", "湖南"),
    "粤": ("44", "广东"),
    "桂": ("45", "广西"),
    "琼": ("46", "海南"),
    "渝": ("50", "重庆"),
    "川": ("51", "四川"),
    "蜀": ("51", "四川"),
    "黔": ("52", "贵州"),
    "贵": ("52", "贵州"),
    "云": ("53", "云南"),
    "滇": ("53", "云南"),
    "藏": ("54", "西藏"),
    "陕": ("61", "陕西"),
    "秦": ("61", "陕西"),
    "甘": ("62", "甘肃"),
    "陇": ("62", "甘肃"),
    "青": ("63", "青海"),
    "宁": ("64", "宁夏"),
    "新": ("65", "新疆"),
}

#: issuer-code prefixes of central organs (no province): 国发, 国办发, 中发, 工信部…
_CENTRAL_PREFIXES: tuple[str, ...] = ("国", "中", "工信部", "发改", "财", "科", "商", "人社部")

#: issuer-code endings → the body the convention names (X政发 = X人民政府, X办发 = its 办公厅)
_BODY_BY_CODE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^.(?:政|府)办(?:发|函|字)$|^.办(?:发|函|字)$"), "人民政府办公厅"),
    (re.compile(r"^.(?:政|府)(?:发|函|字|规)?$"), "人民政府"),
)

#: central issuer codes whose body is fixed by convention
_CENTRAL_BODIES: dict[str, str] = {
    "国发": "国务院",
    "国函": "国务院",
    "国办发": "国务院办公厅",
    "国办函": "国务院办公厅",
    "中发": "中共中央",
    "中办发": "中共中央办公厅",
}

#: how central issuer codes begin (used to find where a code starts inside prose)
_CENTRAL_STARTS: tuple[str, ...] = ("国发", "国办", "国函", "中发", "中办", "工信部", "发改")

_OPEN = "〔[［(（【"
_CLOSE = "〕]］)）】"
#: issuer code: 1–8 CJK characters; year: four digits (half- or full-width); serial: digits
DOC_NUMBER_RE = re.compile(
    rf"(?P<issuer>[\u4e00-\u9fff]{{1,8}})\s*[{re.escape(_OPEN)}]\s*"
    rf"(?P<year>[0-9０-９]{{4}})\s*[{re.escape(_CLOSE)}]\s*"
    r"(?P<serial>[0-9０-９]{1,5})\s*号"
)

#: words that precede a 文号 in prose but are not part of its issuer code
_PROSE_LEAD = re.compile(r"^.*?(?:印发了?|发布了?|出台了?|见|即|文件|的)")


@dataclass(frozen=True)
class DocNumber:
    """A parsed 文号 and where it was found (offsets into the searched string)."""

    text: str
    issuer: str
    year: int
    serial: int
    start: int
    end: int

    @property
    def canonical(self) -> str:
        """The standard spelling with 〔〕 and ASCII digits: 苏政发〔2018〕86号."""
        return f"{self.issuer}〔{self.year}〕{self.serial}号"

    @property
    def province(self) -> tuple[str, str] | None:
        """(2-digit code, short name) of the issuing province, or None for central/unknown codes."""
        return province_for_issuer(self.issuer)


def _digits(text: str) -> int:
    return int(unicodedata.normalize("NFKC", text))


def _trim_issuer(run: str) -> str:
    """Cut prose before the issuer code in a run of CJK characters (见苏政发 → 苏政发).

    The code starts at the last province abbreviation or central prefix (国发, 国办, 中办 …) that
    leaves at least two characters; without one, known prose words before it are cut.
    """
    for index in range(len(run) - 2, -1, -1):
        if run[index] in PROVINCE_ABBREVIATIONS or run.startswith(_CENTRAL_STARTS, index):
            return run[index:]
    trimmed = _PROSE_LEAD.sub("", run)
    return trimmed if len(trimmed) >= 2 else run


def find_doc_numbers(text: str) -> list[DocNumber]:
    """Every 文号 in ``text``, in order."""
    found: list[DocNumber] = []
    for match in DOC_NUMBER_RE.finditer(text):
        run = match.group("issuer")
        issuer = _trim_issuer(run)
        start = match.start("issuer") + (len(run) - len(issuer))
        found.append(
            DocNumber(
                text=text[start : match.end()],
                issuer=issuer,
                year=_digits(match.group("year")),
                serial=_digits(match.group("serial")),
                start=start,
                end=match.end(),
            )
        )
    return found


def parse_doc_number(text: str) -> DocNumber | None:
    """The first 文号 in ``text`` (e.g. ``"苏政发〔2018〕86号"``), or None."""
    numbers = find_doc_numbers(text)
    return numbers[0] if numbers else None


def is_central(issuer: str) -> bool:
    """True for issuer codes of central organs (国发, 国办发, 工信部…)."""
    return any(issuer.startswith(prefix) for prefix in _CENTRAL_PREFIXES)


def province_for_issuer(issuer: str) -> tuple[str, str] | None:
    """(2-digit code, short name) from the issuer code's first character; None when central or
    the character is no province abbreviation (a city's, such as 甬 for 宁波).
    """
    if not issuer or is_central(issuer):
        return None
    return PROVINCE_ABBREVIATIONS.get(issuer[0])


@lru_cache(maxsize=1024)
def issuer_initials(issuer: str) -> str:
    """Pinyin initials of the issuer code: 苏政发 → ``szf``."""
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(issuer, style=Style.FIRST_LETTER, errors=lambda chars: list(chars))
    initials = "".join(letter[:1] for letter in letters).lower()
    return re.sub(r"[^a-z0-9]", "", initials) or "x"


def eli_iri(number: DocNumber, province_code: str | None = None) -> URIRef:
    """``cgid:eli/cn-{province}/{initials}/{year}/{serial}`` (``cn`` alone for central codes).

    :param province_code: two digits; defaults to the province of the issuer's abbreviation.
    """
    if province_code is None:
        province = number.province
        province_code = province[0] if province else None
    country = f"cn-{province_code[:2]}" if province_code else "cn"
    return mint("eli", country, issuer_initials(number.issuer), number.year, number.serial)


def issuer_body_name(issuer: str, province_full_name: str) -> str | None:
    """The body a 文号 convention names: 苏政发 + 江苏省 → 江苏省人民政府; 川办发 → …人民政府办公厅.

    Returns None when the code follows no convention this module knows.
    """
    if is_central(issuer):
        return _CENTRAL_BODIES.get(issuer)
    for pattern, body in _BODY_BY_CODE:
        if pattern.match(issuer):
            return province_full_name + body
    return None
