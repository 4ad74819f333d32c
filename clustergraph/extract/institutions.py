"""Institutions named in the case-study part: enterprises, universities, institutes, centres ….

Scope: every paragraph inside a case study, and the introduction paragraphs of a section that
holds case studies (headings are never scanned). Four general rules find names; how each one
decides is spelled out here because the genre has no markup for names.

1. **Suffix rule.** A name ends in an organisation suffix (table :data:`SUFFIXES`; at one end
   position the longest suffix wins, so ``研究所有限公司`` is an enterprise and ``中国科学院`` a
   research institute, not a ``学院``). The name runs left from the suffix over name characters
   (Han, Latin letters, digits, a short embedded ``(集团)``) and stops at punctuation, a space,
   ``等`` (not in ``高等``), ``的``, or ``和/及/与`` right after another suffix (``A药港和B药谷`` is
   two names). It is then cut after the last *lead-in* word inside it: verbs that introduce an
   organisation (依托, 联合, 牵头组建, 建设, 集聚 …), role nouns (促进机构, 龙头企业), counted
   phrases (两个, 八大, 一批), particles (了, 到, 由, 以) and a generic noun joined by 与/和
   (``集群企业与X大学`` → X大学); a leading 与/和/为/是 … is dropped. A few verbs right before the
   suffix belong to the name (联合实验室, 建设集团). A level qualifier (省级, 国家级) stays in the
   label, as printed; the bare name (石墨烯制造业创新中心) becomes an ``skos:altLabel``.

   A candidate is kept only if it has a **proper-name part**: what is left after removing the
   suffix and generic vocabulary (:data:`GENERIC_WORDS`: 国家, 产业, 技术, 创新, 公共, 服务,
   一流 …) has at least two characters. So ``龙头企业``, ``产业投资基金``, ``一批创新中心``,
   ``产业技术创新战略联盟``, ``重点实验室`` are not institutions, while ``龙城实验室`` and
   ``智慧视频技术产业联盟`` are. The case's own industry words do not count either unless a
   designation (国家…, 省级…, a place) opens the name (``磁性材料公共服务平台`` in the 磁性材料
   case is a description). Weak suffixes (平台, 中心, 联盟, 园区 …) right after ``的`` are
   descriptions (``开放的创新服务平台``) unless a place name opens them (``总规模50亿元的合肥…
   产业基金``), and so is the next item of such a 、-list; so is a weak-suffix name followed by
   ``等 … 项目/产品/技术 …`` (a project, not a body) or by ``于一体`` (``集A、B平台于一体``). A whole
   quotation (“一产业链一平台”) is a slogan. ``基地`` is mostly descriptive in the genre (生产基地,
   配套基地, 原料药基地), so it needs a place name in front, or the brand an enterprise of the
   same case opens with (``支持X装备建设X特高压试验基地``; 人才实训基地 stays out). One-character
   government suffixes (部, 局, 厅, 委) and 政府/委员会 need a jurisdiction in front (国家…,
   中央…, a place name) or the ``X和Y部`` ministry form, which keeps ``内部``, ``技术专家委员会``
   out; a one-character suffix that makes an ordinary word with its neighbour (西部, 总部, 布局,
   格局, 展厅, 名城, 同城, 城市) is none. Designated suffixes (标识解析 ``二级节点``, the market
   ``…城``: 中国轻纺城) need 国家/中国/省/市 or a place name in front, where the name begins even
   inside a longer run (``集中展示中国轻纺城`` → 中国轻纺城). Weak-suffix names after an amount and
   的 are names (``设立规模50亿元的长株潭…基金``). Verbs of movement and share (打通, 走出, 占,
   担任 …) and clause conjunctions (否则, 因此 …) are lead-ins too.
2. **Enumeration rule.** Short brand-like names have no suffix; the genre lists them and then says
   what they are: ``推动三六零、曙光信息、飞腾 CPU…等企业``, ``聚集东风本田…等 8 家整车企业``,
   ``与清华、北交大等 25 所一流大学``, ``依托印染大脑、智慧印染两个省级工业互联网平台``. A list
   is ``A、B…等 [count] [modifiers] CATEGORY`` (or ``A、B [count] …`` without 等 when there are
   at least two items); modifiers carry no digits (so ``汽车零部件、门业…等 4 个行业 17 家企业``
   is no list of enterprises); the first item must start a clause or follow a lead-in word
   (so ``电源等关键零部件等上游供应链企业`` is not one either). The category gives the kind
   (:data:`CATEGORIES`); an item with its own suffix keeps the suffix's kind. Items that are bare
   place names or generic words are dropped, and ``N大 …`` lists (八大平台, 四大类支撑平台) name
   kinds of things, so their suffix-less items are dropped too; so are the suffix-less items of
   a list of parks (``激光制造、光电显示等特色园区`` names the parks' industries: a named park has
   its own suffix). Items keep their spelling after whitespace normalisation: ``飞腾 CPU`` keeps
   its space, as printed.
3. **Investors.** ``X在<place>投资/落户/设厂`` names an enterprise X even without a suffix
   (``重点推进了无锡药明康德在泰州投资…`` → 无锡药明康德); X is read like a suffix name (lead-ins
   cut) and must not be a place itself (``合肥在芜湖…``).
4. **Aliases.** ``NAME(简称X)`` / ``(以下简称X)`` / ``(下称X)`` right after a name makes X an
   ``skos:altLabel`` of the same node. Later occurrences of a specific alias (宁波材料所) anywhere
   in scope are mentions of that node; a generic alias (中心, 协会 – itself a suffix or category
   word) counts only inside its own case and only where it starts a clause, so it is never
   merged across cases (it is not registered as a key of ``ctx.institutions`` for that reason).
5. **Undeclared short forms.** The genre also shortens a company name without saying so. A
   suffix-less list item or investor that opens exactly one full company name of the same case
   (中原森特 for 中原森特电气股份有限公司) is that company; and the name without its legal form
   (琴川纺织 for 琴川纺织股份有限公司), where it starts a clause or list item or follows a lead-in
   later in the same case, is a mention of it. Both forms become ``skos:altLabel``.

Every mention adds evidence (the name span; for a defining mention the name with its
``(简称…)``) and ``cg:mentionedInCluster`` of the case it is in; the same name twice is one node
(:func:`clustergraph.extract.context.register_institution`). Labels are the name as printed. A
name that is 国家 + an institution an earlier rule registered (``国家工业和信息化部`` when the
policy rules know ``工业和信息化部``) is that institution, with the longer form as an alias.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from rdflib import URIRef

from clustergraph.extract.clusters import case_industry, written
from clustergraph.extract.context import register_institution
from clustergraph.graph.namespaces import CG

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext
    from clustergraph.gazetteer import Gazetteer
    from clustergraph.text import Document, Node

__all__ = [
    "CATEGORIES",
    "GENERIC_WORDS",
    "SUFFIXES",
    "InstitutionMention",
    "Suffix",
    "institution_mentions",
    "run",
    "scope_paragraphs",
]


@dataclass(frozen=True)
class Suffix:
    """An organisation-name suffix and what it tells about the name."""

    text: str
    kind: URIRef
    strong: bool = False  # a name even after 的 (有限公司, 大学 …)
    standalone: bool = False  # the suffix alone is a name (中科院)
    jurisdiction: bool = False  # needs 国家/中央/a place in front (部, 局, 政府 …)
    place: bool = False  # needs a place name in front (基地)
    designated: bool = False  # needs 国家/中国/省/市 or a place name in front (二级节点, …城)


def _s(kind: URIRef, *texts: str, **flags: bool) -> list[Suffix]:
    return [Suffix(text, kind, **flags) for text in texts]


#: organisation-name suffixes (general knowledge of Chinese organisation names)
SUFFIXES: tuple[Suffix, ...] = tuple(
    sorted(
        [
            *_s(CG.Enterprise, "股份有限公司", "有限责任公司", "有限公司", "集团公司", strong=True),
            *_s(CG.Enterprise, "公司", "集团", "股份", "重工", strong=True),
            *_s(CG.University, "大学", "学院", strong=True),
            *_s(
                CG.ResearchInstitute, "研究院", "研究所", "科学院", "工程院", "设计院", strong=True
            ),
            *_s(CG.ResearchInstitute, "中科院", strong=True, standalone=True),
            *_s(CG.IndustryAssociation, "协会", "商会", "学会", "联合会", strong=True),
            *_s(CG.InnovationCenter, "创新中心"),
            *_s(CG.Alliance, "联盟"),
            *_s(CG.Platform, "平台"),
            *_s(CG.Laboratory, "实验室"),
            *_s(CG.Fund, "基金", "基金会"),
            *_s(
                CG.GovernmentBody,
                "人民政府",
                "政府",
                "管委会",
                "管理委员会",
                "委员会",
                strong=True,
                jurisdiction=True,
            ),
            *_s(CG.GovernmentBody, "部", "局", "厅", "委", strong=True, jurisdiction=True),
            *_s(CG.ServiceOrganization, "服务中心", "促进中心", "促进会", "工作站"),
            *_s(CG.ServiceOrganization, "物流中心", "会展中心"),
            *_s(CG.Platform, "采购中心", "交易中心"),
            *_s(CG.Platform, "检验检测中心", "检测中心", "检验中心", "质检中心", "验证中心"),
            *_s(CG.Platform, "样本库"),
            *_s(CG.ServiceOrganization, "运营中心"),
            *_s(CG.Platform, "二级节点", "顶级节点", designated=True),
            *_s(CG.Platform, "城", designated=True),
            *_s(CG.IndustrialPark, "产业园区", "工业园区", "产业园", "工业园", "科技园", "小镇"),
            *_s(CG.IndustrialPark, "软件园", "合作园", "创业园", "物流园", "创新园", "示范园"),
            *_s(CG.IndustrialPark, "医药城", "药港", "药谷", "科创城", "开发区", "高新区"),
            *_s(CG.IndustrialPark, "经开区"),
            *_s(CG.IndustrialPark, "基地", place=True),
        ],
        key=lambda suffix: -len(suffix.text),
    )
)
#: SUFFIXES by last character, each list in SUFFIXES order (longest first): a position needs only
#: the suffixes that can end there, so scanning a text stays linear in practice
_SUFFIXES_BY_LAST: dict[str, tuple[Suffix, ...]] = {
    last: tuple(s for s in SUFFIXES if s.text[-1] == last)
    for last in {s.text[-1] for s in SUFFIXES}
}

#: list categories (what the sentence calls the listed names) → kind; longest first
CATEGORIES: tuple[tuple[str, URIRef], ...] = (
    ("科研院所", CG.ResearchInstitute),
    ("研究院所", CG.ResearchInstitute),
    ("科研机构", CG.ResearchInstitute),
    ("研究机构", CG.ResearchInstitute),
    ("创新中心", CG.InnovationCenter),
    ("实验室", CG.Laboratory),
    ("产业园", CG.IndustrialPark),
    ("大学", CG.University),
    ("高校", CG.University),
    ("院校", CG.University),
    ("院所", CG.ResearchInstitute),
    ("平台", CG.Platform),
    ("联盟", CG.Alliance),
    ("协会", CG.IndustryAssociation),
    ("商会", CG.IndustryAssociation),
    ("园区", CG.IndustrialPark),
    ("基金", CG.Fund),
    ("企业", CG.Enterprise),
)

#: generic vocabulary: words that do not make a name proper (general, not this document's)
GENERIC_WORDS: tuple[str, ...] = tuple(
    sorted(
        [
            "国家级",
            "省部级",
            "省级",
            "市级",
            "县级",
            "区级",
            "国家",
            "中央",
            "重点",
            "企业",
            "技术",
            "工程",
            "研究",
            "研发",
            "创新",
            "协同",
            "产业",
            "行业",
            "公共",
            "服务",
            "联合",
            "综合",
            "高新",
            "科技",
            "应用",
            "基础",
            "战略",
            "集群",
            "一批",
            "海外",
            "大型",
            "专业",
            "校企",
            "新型",
            "共性",
            "开放",
            "国际",
            "跨区域",
            "跨地区",
            "跨省",
            "跨市",
            "跨境",
            "高能级",
            "高水平",
            "高层次",
            "高质量",
            "高标准",
            "区域",
            "中小",
            "本地",
            "信息",
            "交互",
            "协作",
            "共享",
            "数据",
            "网络化",
            "网络",
            "对接",
            "供需",
            "产业链",
            "供应链",
            "一流",
            "细分",
            "领域",
            "相关",
            "重大",
            "高端",
            "先进",
            "现代",
            "院士",
            "博士后",
            "专家",
            "人才",
            "金融",
            "投资",
            "创业",
            "发展",
            "合作",
            "交流",
            "检测",
            "测试",
            "支撑",
            "中心",
            "工业互联网",
            "互联网",
            "工业",
            "制造业",
            "智能制造",
            "制造",
            "示范",
            "试点",
            "载体",
            "孵化",
            "成果转化",
            "转化",
            "知识产权",
            "标准",
            "质量",
            "认证",
            "咨询",
            "培训",
            "功能",
            "数字化",
            "智能化",
            "配套",
            "生产",
            "加工",
            "产品",
            "科研",
            "院所",
            "高校",
            "机构",
            "单位",
            "部门",
            "各类",
            "各级",
            "多个",
            "若干",
            "以上",
            "赋能",
            "零部件",
            "工作组",
            "工作",
            "专班",
            "体系",
            "其他",
            "有关",
            "全球",
            "全国",
            "世界级",
            "产学研用",
            "产学研",
            "成员",
            "会员",
            "主力",
            "骨干",
            "龙头",
            "核心",
            "优质",
            "上下游",
            "企业主体",
            "整车",
            "模块",
            "绿色",
            "联合体",
            "共同体",
            "中试",
            "熟化",
            "概念验证",
            "概念",
            "专项",
        ],
        key=len,
        reverse=True,
    )
)

_PARTICLES_LEADING = "与和及为同跟并而且即或是对向让使给于"
_CONTINUATION = "制化性式型率"  # 股份制, 平台化, 集团化, 平台型 …
_CONTINUATION_SHORT = "门面署分长件位落属下内外级"  # after 部/局/厅/委: 部门, 局面, 部署 …
#: one-character suffixes that make ordinary words with the character before or after them:
#: 西部, 总部, 布局, 格局, 展厅, 名城, 同城 … and 城市, 城乡
_ORDINARY_BEFORE: dict[str, str] = {
    "部": "东西南北中内外全局底顶头尾腰总本干俱分",
    "局": "布格结大全开变新时残僵终骗棋饭破当",
    "厅": "展大餐客门舞",
    "城": "名同双都省县京古新老主卫边长筑",
}
_ORDINARY_AFTER: dict[str, str] = {"城": "市际乡镇区郊"}
#: "总规模 50 亿元的X基金": a name may follow an amount and 的
_AMOUNT_BEFORE = re.compile(r"\d(?:\.\d+)?\s*[万亿]*(?:元|美元)$")
#: where a designated name (中国…城, 国家…二级节点) begins inside a longer run
_DESIGNATED_START = re.compile(r"中国|国家")
_DELIMITERS = set(",;:。、!?“”‘’\"'《》<>[]【】〔〕{}—…|/\n\t ·-+=~")
_HIGH_DENG = "高平同对均"  # 高等, 平等, 同等 … keep 等 inside a word
_LEAD_IN = re.compile(
    r"[一二三四五六七八九十]+是|(?P<count>(?:[一二两三四五六七八九十百千万几]+|\d+)\s*(?:大类|大|个|家|所|项|批|类)|(?:余|多)(?:个|家|所|项))|促进机构|龙头企业|配套企业|企业主体|牵头组建|牵头建设|建设完善|依托|依靠|联合|牵头|组建|建设|建成|建立|创建|成立|设立|启动|发挥|推动|推进|围绕|集聚|聚集|汇聚|参与|主导|争创|打造|共建|引导|支持|组织|开展|加快|申报|落地|投用|获得|承担|入选|引进|招引|吸引|培育|完善|搭建|构建|加入|携手|会同|委托|授予|批准|认定|获批|成为|作为|通过|包括|拥有|形成|带动|依据|按照|面向|服务于|鼓励|聚焦|实施|落户|落地|推广|联系|对标|借鉴|强化|加大|提升|优化|深化|夯实|健全|扩大|运营|布局|均为|皆为|都为|即为|也为|均是|都是|皆是|也是|即是|(?<![自理缘事])由|了|到|以及|以|在|从|把|被|"
    # verbs of movement and share (打通…走出实验室, 收入占促进中心…) and clause conjunctions
    r"担任|打通|走出|走进|走向|迈向|迈入|占|否则|但是|然而|因此|所以|从而|并且|而且|此外|如果|虽然|尽管|"
    # verbs of effort and use (着力破解…实验室成果, 再用产业链基金…)
    r"着力|破解|解决|补齐|利用|运用|使用|采用|再用|用好|"
    # choosing and time adverbs (遴选X等龙头企业, 每年为X等企业培养…)
    r"遴选|评选|选树|选取|筛选|每年|每季度|每月|每周"
)
#: lead-in words that are also name words right before a suffix (建设集团, 联合实验室)
_NAME_VERBS = frozenset({"联合", "建设", "发展", "投资", "控股", "开发", "提升"})
_FRONT_NOISE = re.compile(r"\([^()]{1,4}\)|(?:余|多)?(?:个|项|批|类)")
#: a generic noun right before 与/和/及/同: 集群企业与X大学 → X大学
_COORDINATED = re.compile(r"(?:企业|机构|高校|院所|院校|单位|集群|部门|园区)[与和及同]")
#: a designation at the start makes a name proper even when the rest is the case's industry
_DESIGNATION = re.compile(r"(?:国家|中国|中华|省级|市级|国家级|省|市)")
_COUNT_PREFIX = re.compile(r"^(?:[一二两三四五六七八九十]+|\d+)\s*(?:大类|大|个|家|所|项|批|类)")
_JURISDICTION = re.compile(r"^(?:国家|中央|国务院|中共|中华人民共和国|全国|省|市|县)")
_ALIAS = re.compile(r"\s*\((?:以下)?(?:简称为|简称|下称)[:]?\s*[“\"]?([^()“”\"]{1,16}?)[”\"]?\)")
_ALIAS_PAREN = re.compile(r"\((?:以下)?(?:简称|下称)[^()]*\)")
#: 等 + modifiers + a head noun that is no organisation: the name is a project, product …
_NON_INSTITUTION_HEAD = re.compile(
    r"等[^、,;。:!?\n]{0,12}?(?:项目|产品|工程|设备|装备|活动|领域|行业|模式|业务|技术)"
)
_MARKER = re.compile(r"[一二三四五六七八九十]+是")
#: 等 + a membership predicate, with no category before it: "A、B等均为联盟会员"
_MEMBERS_AFTER_DENG = re.compile(
    r"等\s*(?:均|都|皆|也)?\s*(?:为|是|成为|加入)(?P<what>[^、,;。:!?\n]{0,12}?(?:会员|成员)(?:单位|企业)?)"
)
#: after a list's category, a relative clause of inability: the list names what the category
#: cannot do or lacks ("安全评价、生物样本等中小企业难以自建的公共能力"), not members of it
_WHAT_THEY_LACK = re.compile(
    r"[^、,;。:!?\n的]{0,4}?(?:难以|无法|不能|无力|缺乏|不便)[^、,;。:!?\n]{0,10}的"
)
_BIG_COUNT = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*大(?!批)")
_COUNT_AFTER = re.compile(
    r"^\s*(?:[一二两三四五六七八九十百千万几]+|\d+)\s*(?:余|多)?\s*(?:大类|大批|大|家|所|个|项|类|批)?"
    r"(?:以上|余|多)?\s*"
)
_COUNT_NO_DENG = re.compile(r"(?:两|[一二三四五六七八九十]+|\d+)\s*(?:个|家|所)")
#: a level qualifier written in front of a name (省级石墨烯制造业创新中心): the bare name is an alias
_LEVEL_PREFIX = re.compile(r"^(?:国家级|省部级|省级|市级|县级|区级)")
#: 国家 in front of a name an earlier rule registered (国家工业和信息化部 = 工业和信息化部)
_NATIONAL_PREFIX = re.compile(r"^(?:国家|中华人民共和国)")
#: 在 + a place + an investment verb: what stands before 在 is an investor
_INVESTS = re.compile(r"在([^\s,;。、:!?]{2,8}?)(?:投资|落户|设厂|建厂|设立分公司)")
_MAX_NAME = 40
_MAX_ITEM = 20
_MAX_BRIDGE = 24


@dataclass(frozen=True)
class InstitutionMention:
    """One place where an institution is named (clean offsets into the document's clean text)."""

    start: int
    end: int
    name: str  # as printed (the mention's own text)
    kind: URIRef
    canonical: str  # the node's name: equals ``name`` except for alias mentions
    #: "suffix", "list", "investor", "alias", "short" (an undeclared short form) or "repeat"
    how: str
    case: Node | None = None
    category: str | None = None  # for list items: modifiers + category ("行业龙头企业")
    list_id: int | None = None
    list_start: int | None = None  # clean start/end of the whole list (first item … category)
    list_end: int | None = None
    alias: str | None = None  # an alias defined right after this mention
    alias_end: int | None = None  # clean end of the "(简称…)" parenthetical
    generic_alias: bool = False


@dataclass
class _Candidate:
    start: int
    end: int
    kind: URIRef
    suffix: Suffix | None
    needs_brand: bool = False  # a 基地 without a place in front: kept if a brand opens it


def _is_name_char(char: str) -> bool:
    return char not in _DELIMITERS and not char.isspace() and char not in "()"


def _suffix_at(text: str, end: int) -> Suffix | None:
    """The longest suffix ending at ``end`` (exclusive)."""
    if end < 1 or end > len(text):
        return None
    for suffix in _SUFFIXES_BY_LAST.get(text[end - 1], ()):
        if end >= len(suffix.text) and text.startswith(suffix.text, end - len(suffix.text)):
            return suffix
    return None


def _matching_open(text: str, close: int, floor: int) -> int | None:
    """Index of the ``(`` matching ``text[close] == ")"`` for a short embedded parenthetical."""
    open_at = text.rfind("(", max(floor, close - 8), close)
    if open_at < 0 or open_at == floor:
        return None
    inner = text[open_at + 1 : close]
    if not inner or any(ch in _DELIMITERS or ch in "()" for ch in inner) or "简称" in inner:
        return None
    if not _is_name_char(text[open_at - 1]):
        return None
    return open_at


def _mixed_space(text: str, at: int, floor: int) -> bool:
    """A single space between a Han character and Latin letters/digits (飞腾 CPU)."""
    if at <= floor or at + 1 >= len(text):
        return False
    before, after = text[at - 1], text[at + 1]
    return _is_name_char(before) and _is_name_char(after) and (before.isascii() != after.isascii())


def _scan_left(text: str, end: int, floor: int, *, spaces: bool = False) -> tuple[int, str]:
    """Start of the name-like run ending at ``end`` and why it stopped (the stopping char).

    With ``spaces``, a space between Han and Latin characters stays inside the run.
    """
    i = end
    while i > floor and end - i < _MAX_NAME:
        char = text[i - 1]
        if spaces and char == " " and _mixed_space(text, i - 1, floor):
            i -= 1
            continue
        if char == ")":
            open_at = _matching_open(text, i - 1, floor)
            if open_at is None:
                return i, char
            i = open_at
            continue
        if not _is_name_char(char):
            return i, char
        if char == "等" and not (i - 2 >= floor and text[i - 2] in _HIGH_DENG):
            return i, char
        if char == "的":
            return i, char
        if char in "和及与" and _suffix_at(text, i - 1) is not None:
            return i, char
        i -= 1
    return i, ""


def _cut_lead_in(text: str, start: int, limit: int) -> tuple[int, str]:
    """Move ``start`` past the last lead-in word before ``limit``; return it and the word.

    A few verbs right before the suffix are part of the name (建设集团, 联合实验室); other
    lead-ins are not (一批创新中心 → 创新中心, 均为协会 → 协会, then not proper). A generic noun joined by 与/和 (集群企业与X大学)
    is cut off too.
    """
    best, word = start, ""
    for match in _LEAD_IN.finditer(text, start, limit):
        inside = match.end() == limit and match.group() in _NAME_VERBS
        if match.end() > best and not inside:
            best, word = match.end(), match.group()
    for match in _COORDINATED.finditer(text, best, limit):
        if match.end() < limit:
            best, word = match.end(), match.group()[-1]
    return best, word


def _strip_front(text: str, start: int, limit: int) -> int:
    """Drop leading particles, a leading short parenthetical and bare measure words."""
    changed = True
    while changed and start < limit:
        changed = False
        if text[start] in _PARTICLES_LEADING:
            start += 1
            changed = True
            continue
        noise = _FRONT_NOISE.match(text, start, limit)
        if noise and noise.end() < limit:
            start = noise.end()
            changed = True
    return start


#: heads of a descriptive noun written in apposition before a name ("常州整车企业金驰汽车",
#: "中试公共服务平台X验证中心")
_DESCRIPTOR_HEADS = ("企业", "公司", "平台", "机构", "单位")


def _drop_descriptor(
    text: str, start: int, suffix_start: int, suffix: Suffix | None, gazetteer: Gazetteer
) -> int:
    """Move ``start`` past a descriptor in apposition: [place] + generic words + a head noun.

    The descriptor goes only when it holds nothing proper (a place, generic words, the head)
    and what follows is a proper name that opens with its proper part (a brand): in
    贵阳市中小企业数字化转型促进中心 企业 belongs to the name.
    """
    run = text[start:suffix_start]
    for head in _DESCRIPTOR_HEADS:
        at = run.rfind(head)
        while at > 0:
            cut = start + at + len(head)
            prefix = run[:at]
            places = gazetteer.find_mentions(prefix, strict=False)
            if places and places[0].start == 0:
                prefix = prefix[places[0].end :]
            rest = text[cut : suffix_start + (len(suffix.text) if suffix else 0)]
            opens_proper = not rest.startswith(GENERIC_WORDS)
            if not _proper_part(prefix) and opens_proper and is_proper(rest, suffix):
                return cut
            at = run.rfind(head, 0, at)
    return start


def _proper_part(core: str) -> str:
    """What is left of ``core`` after removing counts and generic vocabulary."""
    rest = _COUNT_PREFIX.sub("", core.strip())
    for word in GENERIC_WORDS:
        rest = rest.replace(word, "")
    return re.sub(r"[\s()]", "", rest)


def is_proper(name: str, suffix: Suffix | None, industry: str = "") -> bool:
    """True when ``name`` has a proper-name part besides its suffix (see module docstring).

    ``industry`` (the case's industry words) does not count as proper unless the name opens with
    a designation: 磁性材料公共服务平台 in the 磁性材料 case is a description, while
    国家级智能家电创新中心 in the 智能家电 case is a name.
    """
    if suffix is not None and name == suffix.text:
        return suffix.standalone
    core = name[: -len(suffix.text)] if suffix is not None else name
    if industry and len(industry) >= 2 and not _DESIGNATION.match(core):
        core = core.replace(industry, "")
    return len(_proper_part(core)) >= 2


def _starts_with_place(gazetteer: Gazetteer, name: str) -> bool:
    mentions = gazetteer.find_mentions(name)
    return bool(mentions) and mentions[0].start == 0


def _suffix_candidates(
    text: str, floor: int, gazetteer: Gazetteer, industry: str = ""
) -> list[_Candidate]:
    """Suffix-anchored names in ``text[floor:]`` (offsets relative to ``text``)."""
    found: list[_Candidate] = []
    descriptive_ends: set[int] = set()
    excluded = [m.span() for m in _ALIAS_PAREN.finditer(text, floor)]
    end = floor + 1
    while end <= len(text):
        suffix = _suffix_at(text, end)
        if suffix is None or end - len(suffix.text) < floor:
            end += 1
            continue
        follows = text[end] if end < len(text) else ""
        if follows and (
            follows in _CONTINUATION
            or (len(suffix.text) == 1 and suffix.jurisdiction and follows in _CONTINUATION_SHORT)
            or follows in _ORDINARY_AFTER.get(suffix.text, "")
        ):
            end += 1
            continue
        suffix_start = end - len(suffix.text)
        precedes = text[suffix_start - 1] if suffix_start > floor else ""
        if precedes and precedes in _ORDINARY_BEFORE.get(suffix.text, ""):
            end += 1
            continue
        if any(p_start <= suffix_start < p_end for p_start, p_end in excluded):
            end += 1
            continue
        scanned, stop = _scan_left(text, suffix_start, floor)
        start, _ = _cut_lead_in(text, scanned, suffix_start)
        start = _strip_front(text, start, suffix_start)
        start = _drop_descriptor(text, start, suffix_start, suffix, gazetteer)
        if suffix.designated:
            start = _designated_start(text, start, suffix_start, gazetteer)
        name = text[start:end]
        placed = _starts_with_place(gazetteer, name)
        after_amount = bool(_AMOUNT_BEFORE.search(text, max(floor, scanned - 16), scanned - 1))
        descriptive = not suffix.strong and (
            (stop == "的" and start == scanned and not placed and not after_amount)
            or (stop == "、" and scanned - 1 in descriptive_ends)
            or bool(_NON_INSTITUTION_HEAD.match(text, end))
        )
        descriptive = descriptive or text.startswith("于一体", end)
        ok = is_proper(name, suffix, industry) if not suffix.jurisdiction else True
        if suffix.jurisdiction:
            ok = len(name) > len(suffix.text) and (
                bool(_JURISDICTION.match(name))
                or placed
                or ("和" in name and len(suffix.text) == 1)
            )
        if suffix.designated:
            ok = ok and (placed or bool(_DESIGNATION.match(name)))
        needs_brand = False
        if suffix.place and not placed:
            needs_brand, ok = ok, False
        quoted = start > 0 and text[start - 1] == "“" and text.startswith("”", end)
        if descriptive:
            descriptive_ends.add(end)
        elif quoted:
            pass  # a whole quotation is a slogan or nickname (“一产业链一平台”), not a name
        elif ok or needs_brand:
            found.append(_Candidate(start, end, suffix.kind, suffix, needs_brand=needs_brand))
        end += 1
    return found


def _designated_start(text: str, start: int, suffix_start: int, gazetteer: Gazetteer) -> int:
    """Where a designated name begins: at 中国/国家 or a place name inside the run, if any.

    A run such as ``集中展示中国轻纺城`` holds a verb the lead-in table does not know; the
    designation that such names open with marks their real start.
    """
    run = text[start:suffix_start]
    if _DESIGNATION.match(run) or _starts_with_place(gazetteer, run):
        return start
    starts = [m.start() for m in _DESIGNATED_START.finditer(run)]
    starts += [m.start for m in gazetteer.find_mentions(run)]
    return start + min(starts) if starts else start


@dataclass
class _ListItem:
    start: int
    end: int
    kind: URIRef
    category: str
    list_id: int
    list_start: int
    list_end: int


def _list_items(text: str, floor: int, gazetteer: Gazetteer, first_id: int) -> list[_ListItem]:
    """Items of ``A、B…等 … CATEGORY`` enumerations in ``text[floor:]``."""
    items: list[_ListItem] = []
    list_id = first_id
    pattern = re.compile("|".join(word for word, _ in CATEGORIES))
    kinds = dict(CATEGORIES)
    seen_ends: set[int] = set()
    excluded = [m.span() for m in _ALIAS_PAREN.finditer(text, floor)]
    for match in pattern.finditer(text, floor):
        category_start, category_end = match.start(), match.end()
        if _WHAT_THEY_LACK.match(text, category_end):
            continue  # "A、B等中小企业难以自建的能力": A and B are what the category lacks
        kind = kinds[match.group()]
        parsed = _parse_list(text, floor, category_start, excluded)
        if parsed is None:
            continue
        spans, modifiers_start, big = parsed
        if spans[-1][1] in seen_ends:
            continue
        kept: list[tuple[int, int]] = []
        for start, end in spans:
            name = text[start:end].strip()
            if not 2 <= len(name) <= _MAX_ITEM or name.isdigit():
                continue
            suffix = _suffix_at(text, end)
            own = suffix is not None and not suffix.jurisdiction and is_proper(name, suffix)
            core = name[: -len(suffix.text)] if suffix is not None else name
            if not own and (big or len(_proper_part(core)) < 2):
                continue
            if any(p_start <= start < p_end for p_start, p_end in excluded):
                continue
            place = gazetteer.find_mentions(name)
            if place and place[0].start == 0 and place[0].end == len(name):
                continue
            kept.append((start, end))
        if kind == CG.IndustrialPark:
            # parks are named with their own suffix; bare items (激光制造、光电显示等特色园区)
            # are the industries the parks are for
            kept = [(start, end) for start, end in kept if _suffix_at(text, end) is not None]
        if not kept:
            continue
        list_id += 1
        seen_ends.add(spans[-1][1])
        category = text[modifiers_start:category_end].strip()
        for start, end in kept:
            suffix = _suffix_at(text, end)
            own_kind = suffix.kind if suffix is not None and not suffix.jurisdiction else kind
            items.append(
                _ListItem(start, end, own_kind, category, list_id, spans[0][0], category_end)
            )
    items.extend(_member_items(text, floor, gazetteer, list_id, excluded, seen_ends))
    return items


def _member_items(
    text: str,
    floor: int,
    gazetteer: Gazetteer,
    list_id: int,
    excluded: list[tuple[int, int]],
    seen_ends: set[int],
) -> list[_ListItem]:
    """Items of ``A、B、C等均为联盟会员``: a list closed by 等 and a membership predicate.

    The list names no category, so it counts only when one item carries an organisation
    suffix (members may be people); bare names get the general kind, as the text gives none.
    """
    items: list[_ListItem] = []
    for match in _MEMBERS_AFTER_DENG.finditer(text, floor):
        deng = match.start()
        if deng in seen_ends:
            continue
        parsed = _parse_list(text, floor, deng, excluded, bridge=(deng, deng + 1, False, True))
        if parsed is None:
            continue
        spans = [
            (start, end)
            for start, end in parsed[0]
            if 2 <= end - start <= _MAX_ITEM
            and not any(p_start <= start < p_end for p_start, p_end in excluded)
            and not _is_place(gazetteer, text[start:end])
        ]
        suffixes = [_suffix_at(text, end) for _, end in spans]
        if len(spans) < 2 or not any(s is not None and s.strong for s in suffixes):
            continue
        list_id += 1
        for (start, end), suffix in zip(spans, suffixes, strict=True):
            if suffix is None and len(_proper_part(text[start:end])) < 2:
                continue
            kind = suffix.kind if suffix is not None else CG.Institution
            items.append(
                # the list ends at 等: what follows (均为…会员) is said of every item
                _ListItem(start, end, kind, match.group("what"), list_id, spans[0][0], deng + 1)
            )
    return items


def _is_place(gazetteer: Gazetteer, name: str) -> bool:
    place = gazetteer.find_mentions(name)
    return bool(place) and place[0].start == 0 and place[0].end == len(name)


def _list_bridge(text: str, floor: int, category_start: int) -> tuple[int, int, bool, bool] | None:
    """Between the last item and the category: (items end, modifiers start, ``N大``, need two).

    ``…等 [count] [modifiers]`` or, without 等, ``[count] [modifiers]`` (then at least two items).
    """
    window_start = max(floor, category_start - _MAX_BRIDGE)
    bridge = text[window_start:category_start]
    deng = -1
    for index in range(len(bridge) - 1, -1, -1):
        char = bridge[index]
        if char in ",;。:!?\n()":
            break
        if char == "等" and not (index > 0 and bridge[index - 1] in _HIGH_DENG):
            deng = window_start + index
            break
    if deng >= 0:
        after = text[deng + 1 : category_start]
        count = _COUNT_AFTER.match(after)
        rest = after[count.end() :] if count else after
        if re.search(r"[\d的]", rest) or _LEAD_IN.search(rest):
            return None
        return deng, deng + 1, bool(_BIG_COUNT.match(after)), False
    counts = [
        m
        for m in _COUNT_NO_DENG.finditer(bridge)
        if not re.search(r"[、,;。:!?\n]", bridge[m.start() :])
    ]
    if not counts or re.search(r"\d", bridge[counts[0].end() :]):
        return None
    last_end = window_start + counts[0].start()
    return last_end, last_end, False, True


def _parse_list(
    text: str,
    floor: int,
    category_start: int,
    aliases: list[tuple[int, int]],
    bridge: tuple[int, int, bool, bool] | None = None,
) -> tuple[list[tuple[int, int]], int, bool] | None:
    """Item spans, where the modifiers start, and whether the count is ``N大``; or None.

    An item's own ``(简称X)`` (``A(简称B)、C等龙头企业``) is skipped, not read as a boundary.
    ``bridge``: where the items end, when the caller found it (see :func:`_member_items`).
    """
    bridge = bridge or _list_bridge(text, floor, category_start)
    if bridge is None:
        return None
    end, modifiers_start, big, need_two = bridge
    alias_ends = {alias_end: alias_start for alias_start, alias_end in aliases}
    spans: list[tuple[int, int]] = []
    while True:
        end = alias_ends.get(end, end)
        start, stop = _scan_left(text, end, floor, spaces=True)
        if stop == "等" or (stop == "" and start > floor and end - start >= _MAX_NAME):
            return None
        spans.insert(0, (start, end))
        if stop == "、" and start - 1 > floor:
            end = start - 1
            continue
        break
    if need_two and len(spans) < 2:
        return None
    # the first item: drop an enumeration marker and the lead-in word before the first name
    first_start, first_end = spans[0]
    marker = _MARKER.match(text, first_start, first_end)
    if marker:
        first_start = marker.end()
    cut, _ = _cut_lead_in(text, first_start, first_end)
    spans[0] = (_strip_front(text, cut, first_end), first_end)
    if any(_LEAD_IN.search(text, start, end) for start, end in spans[1:]):
        return None
    if any(start >= end for start, end in spans):
        return None
    return spans, modifiers_start, big


def _investors(text: str, floor: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Names that invest somewhere: ``X在<place>投资/落户/设厂`` (无锡药明康德在泰州投资…)."""
    found: list[tuple[int, int]] = []
    for match in _INVESTS.finditer(text, floor):
        places = gazetteer.find_mentions(match.group(1), strict=False)
        if not places or places[0].start != 0:
            continue
        scanned, _ = _scan_left(text, match.start(), floor)
        start, _ = _cut_lead_in(text, scanned, match.start())
        start = _strip_front(text, start, match.start())
        start = _drop_descriptor(
            text, start, match.start(), _suffix_at(text, match.start()), gazetteer
        )
        name = text[start : match.start()]
        if not 2 <= len(name) <= _MAX_ITEM or len(_proper_part(name)) < 2:
            continue
        whole = gazetteer.find_mentions(name, strict=False)
        if whole and whole[0].start == 0 and whole[0].end == len(name):
            continue
        found.append((start, match.start()))
    return found


def scope_paragraphs(doc: Document) -> list[Node]:
    """Paragraphs of case studies and of the introductions of sections holding case studies."""
    chosen: list[Node] = []
    for paragraph in doc.iter("paragraph"):
        if paragraph.enclosing("toc") is not None:
            continue
        if paragraph.enclosing("case") is not None:
            chosen.append(paragraph)
            continue
        section = paragraph.enclosing("section")
        if section is not None and any(True for _ in section.iter("case")):
            chosen.append(paragraph)
    return chosen


def _generic_alias(alias: str) -> bool:
    """中心, 协会, 该联盟 …: a word any case could use for its own body."""
    word = alias.lstrip("本该")
    return (
        any(word == suffix.text for suffix in SUFFIXES)
        or word in dict(CATEGORIES)
        or (word in {"中心", "集团", "公司", "园区", "基地", "机构", "促进机构"})
    )


@lru_cache(maxsize=4)
def _mentions(doc: Document, gazetteer: Gazetteer) -> tuple[InstitutionMention, ...]:
    clean = doc.clean.clean
    found: list[InstitutionMention] = []
    deferred: list[InstitutionMention] = []
    list_id = 0
    paragraphs = scope_paragraphs(doc)
    for paragraph in paragraphs:
        floor, limit = paragraph.clean_start, paragraph.clean_end
        text = clean[:limit]
        case = paragraph.enclosing("case")
        industry = case_industry(doc, gazetteer, case) if case is not None else ""
        suffixed = _suffix_candidates(text, floor, gazetteer, industry)
        deferred.extend(
            _make(doc, c.start, c.end, c.kind, "suffix", case) for c in suffixed if c.needs_brand
        )
        suffixed = [c for c in suffixed if not c.needs_brand]
        listed = _list_items(text, floor, gazetteer, list_id)
        if listed:
            list_id = max(item.list_id for item in listed)
        chosen: list[InstitutionMention] = []
        for candidate in sorted(suffixed, key=lambda c: (c.start - c.end, c.start)):
            if any(c.start < candidate.end and candidate.start < c.end for c in chosen):
                continue
            chosen.append(
                _make(doc, candidate.start, candidate.end, candidate.kind, "suffix", case)
            )
        for item in listed:
            overlapping = [m for m in chosen if m.start < item.end and item.start < m.end]
            extra = {
                "category": item.category,
                "list_id": item.list_id,
                "list_start": item.list_start,
                "list_end": item.list_end,
            }
            if overlapping:
                for mention in overlapping:
                    if mention.list_id is None:
                        chosen[chosen.index(mention)] = replace(mention, **extra)
                continue
            chosen.append(
                replace(_make(doc, item.start, item.end, item.kind, "list", case), **extra)
            )
        for start, end in _investors(text, floor, gazetteer):
            if not any(m.start < end and start < m.end for m in chosen):
                suffix = _suffix_at(text, end)
                kind = suffix.kind if suffix is not None else CG.Enterprise
                chosen.append(_make(doc, start, end, kind, "investor", case))
        chosen.sort(key=lambda m: m.start)
        for index, mention in enumerate(chosen):
            alias = _ALIAS.match(clean, mention.end, limit)
            if alias:
                name = alias.group(1).strip()
                chosen[index] = replace(
                    mention, alias=name, alias_end=alias.end(), generic_alias=_generic_alias(name)
                )
        found.extend(chosen)
    found.extend(_branded(deferred, found, gazetteer))
    found = _short_forms(found)
    found.extend(_alias_mentions(doc, paragraphs, found))
    found.extend(_stem_mentions(doc, paragraphs, found))
    found.extend(_repeat_mentions(doc, paragraphs, found))
    found.sort(key=lambda m: m.start)
    return tuple(found)


def _overlaps_any(start: int, end: int, mentions: list[InstitutionMention]) -> bool:
    return any(m.start < end and start < (m.alias_end or m.end) for m in mentions)


def _branded(
    deferred: list[InstitutionMention], found: list[InstitutionMention], gazetteer: Gazetteer
) -> list[InstitutionMention]:
    """基地 names opened by the brand of an enterprise of the same case (许都装备 → 许都…试验基地).

    A base needs a proper-name element in front; a place name is one (checked earlier), and so is
    the brand an enterprise named in the same case starts with. 生产基地, 人才实训基地 … are not.
    """
    kept: list[InstitutionMention] = []
    for base in deferred:
        brands = [
            name
            for m in found
            if m.case is base.case and m.kind == CG.Enterprise
            for name in (m.name, m.alias or "")
            if name
        ]
        for brand in brands:
            shared = 0
            while shared < min(len(brand), len(base.name)) and brand[shared] == base.name[shared]:
                shared += 1
            head = base.name[:shared]
            if (
                len(_proper_part(head)) >= 2
                and not _DESIGNATION.match(head)
                and not gazetteer.find_mentions(head, strict=False)
                and not _overlaps_any(base.start, base.end, found + kept)
            ):
                kept.append(base)
                break
    return kept


#: the legal-form tail of a company name (琴川纺织股份有限公司 → 琴川纺织)
_COMPANY_TAIL = re.compile(r"(?:集团)?(?:股份)?(?:有限责任公司|有限公司|公司)$")


def _full_names(found: list[InstitutionMention], case: Node | None) -> list[str]:
    """Distinct enterprise names with a legal-form tail named in ``case``."""
    names: list[str] = []
    for m in found:
        if (
            m.case is case
            and m.kind == CG.Enterprise
            and m.how == "suffix"
            and _COMPANY_TAIL.search(m.name)
            and m.name not in names
        ):
            names.append(m.name)
    return names


def _short_forms(found: list[InstitutionMention]) -> list[InstitutionMention]:
    """A suffix-less enterprise name that opens exactly one full company name of the same case is
    that company, written short (中原森特 for 中原森特电气股份有限公司), as the genre does without
    declaring it.
    """
    result: list[InstitutionMention] = []
    for mention in found:
        if mention.kind == CG.Enterprise and mention.how in ("list", "investor"):
            longer = [
                name
                for name in _full_names(found, mention.case)
                if name != mention.name and name.startswith(mention.name)
            ]
            if len(longer) == 1:
                mention = replace(mention, canonical=longer[0], how="short")
        result.append(mention)
    return result


def _stem_mentions(
    doc: Document, paragraphs: list[Node], found: list[InstitutionMention]
) -> list[InstitutionMention]:
    """Later uses, in the same case, of a company name without its legal form (琴川纺织 for
    琴川纺织股份有限公司), where the stem starts a clause or list item or follows a lead-in.
    """
    clean = doc.clean.clean
    taken = list(found)
    extra: list[InstitutionMention] = []
    for paragraph in paragraphs:
        case = paragraph.enclosing("case")
        if case is None:
            continue
        for full in _full_names(found, case):
            stem = full[: _COMPANY_TAIL.search(full).start()]  # type: ignore[union-attr]
            if len(stem) < 3 or len(_proper_part(stem)) < 2:
                continue
            first = min(m.start for m in found if m.case is case and m.name == full)
            position = max(paragraph.clean_start, first)
            while (at := clean.find(stem, position, paragraph.clean_end)) >= 0:
                end = at + len(stem)
                position = end
                if _overlaps_any(at, end, taken) or not _item_initial(clean, at, paragraph):
                    continue
                mention = InstitutionMention(
                    at, end, written(doc, at, end), CG.Enterprise, full, "short", case
                )
                taken.append(mention)
                extra.append(mention)
    return extra


def _repeat_mentions(
    doc: Document, paragraphs: list[Node], found: list[InstitutionMention]
) -> list[InstitutionMention]:
    """Later uses, in the same case, of a name that has no suffix and was found in a list or as
    an investor (金驰汽车 of "金驰汽车、X等龙头企业", again in "由金驰汽车牵头…"), where the name
    starts a clause or list item or follows a lead-in. A suffixed name is found again by its suffix.
    """
    clean = doc.clean.clean
    taken = list(found)
    extra: list[InstitutionMention] = []
    bare = [m for m in found if m.how in ("list", "investor") and m.case is not None]
    for paragraph in paragraphs:
        case = paragraph.enclosing("case")
        for named in (m for m in bare if m.case is case):
            position = max(paragraph.clean_start, named.alias_end or named.end)
            while (at := clean.find(named.name, position, paragraph.clean_end)) >= 0:
                end = position = at + len(named.name)
                if _overlaps_any(at, end, taken) or not _item_initial(clean, at, paragraph):
                    continue
                mention = InstitutionMention(
                    at, end, written(doc, at, end), named.kind, named.canonical, "repeat", case
                )
                taken.append(mention)
                extra.append(mention)
    return extra


def _item_initial(clean: str, at: int, paragraph: Node) -> bool:
    """``clean[at]`` starts a clause or list item, or follows a lead-in word."""
    if _clause_initial(clean, at, paragraph.clean_start):
        return True
    window = clean[max(paragraph.clean_start, at - 6) : at]
    return any(m.end() == len(window) for m in _LEAD_IN.finditer(window))


def _make(doc: Document, start: int, end: int, kind: URIRef, how: str, case: Node | None):
    name = written(doc, start, end)
    return InstitutionMention(start, end, name, kind, name, how, case)


def _alias_mentions(
    doc: Document, paragraphs: list[Node], found: list[InstitutionMention]
) -> list[InstitutionMention]:
    """Later uses of each alias (specific: anywhere after; generic: in its case, clause-initial)."""
    clean = doc.clean.clean
    taken = [(m.start, m.alias_end or m.end) for m in found]
    extra: list[InstitutionMention] = []
    for definer in [m for m in found if m.alias]:
        alias = definer.alias or ""
        for paragraph in paragraphs:
            if paragraph.clean_end <= definer.start:
                continue
            if definer.generic_alias and paragraph.enclosing("case") is not definer.case:
                continue
            position = max(paragraph.clean_start, definer.alias_end or definer.end)
            while True:
                at = clean.find(alias, position, paragraph.clean_end)
                if at < 0:
                    break
                position = at + len(alias)
                end = at + len(alias)
                if any(s < end and at < e for s, e in taken):
                    continue
                if definer.generic_alias and not _clause_initial(clean, at, paragraph.clean_start):
                    continue
                taken.append((at, end))
                extra.append(
                    InstitutionMention(
                        at,
                        end,
                        written(doc, at, end),
                        definer.kind,
                        definer.canonical,
                        "alias",
                        paragraph.enclosing("case"),
                    )
                )
    return extra


def _clause_initial(clean: str, at: int, floor: int) -> bool:
    if at <= floor:
        return True
    before = clean[at - 1]
    if before in _DELIMITERS or before.isspace():
        return True
    return bool(re.search(r"[一二三四五六七八九十]+是$", clean[max(floor, at - 4) : at]))


def institution_mentions(ctx: ExtractionContext) -> tuple[InstitutionMention, ...]:
    """Every institution mention in scope, in document order (pure; used by later rules too)."""
    return _mentions(ctx.doc, ctx.gazetteer)


def run(ctx: ExtractionContext) -> None:
    """Register one node per institution with evidence for each mention and its case's cluster."""
    writer = ctx.writer
    for mention in institution_mentions(ctx):
        span = writer.raw_span(mention.start, mention.alias_end or mention.end)
        aliases = (mention.alias,) if mention.alias and not mention.generic_alias else ()
        canonical = mention.canonical
        if mention.how == "short":
            aliases = (*aliases, mention.name)
        bare = _LEVEL_PREFIX.sub("", canonical)
        if bare != canonical and len(bare) >= 2:
            aliases = (*aliases, bare)
        national = _NATIONAL_PREFIX.sub("", canonical)
        if national != canonical and national in ctx.institutions:
            # 国家工业和信息化部 is the 工业和信息化部 an earlier rule already knows
            aliases = (*aliases, canonical)
            canonical = ctx.institutions[national].name
        record = register_institution(ctx, canonical, mention.kind, span, aliases=aliases)
        if mention.alias and mention.generic_alias and mention.alias not in record.aliases:
            record.aliases.add(mention.alias)
            writer.label(record.iri, mention.alias, alt=True)
        cluster = ctx.cluster_for(span[0])
        if cluster is not None:
            writer.add(record.iri, CG.mentionedInCluster, cluster.iri)
