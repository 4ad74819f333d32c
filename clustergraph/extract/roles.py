"""Roles of institutions in a case-study cluster: n-ary ``cg:Role`` (⊑ ``org:Membership``) nodes.

A role says that an institution (``org:member``) plays a part (``org:role``, a concept of
``cg:RoleTypeScheme``) in a cluster (``org:organization``), with the sentence that says so as
``cg:evidence`` and, for founders and hosts, what it set up (``cg:roleObject``). IRI:
``cgid:role/{cluster slug}/{role type}/{institution slug}``; the same role stated twice is one node
with two pieces of evidence. Only named institutions found by
:mod:`clustergraph.extract.institutions` get roles ("依托集群促进机构" names none → no role).

How the sentence is read, around each institution mention (or the 、-list it belongs to):
``before`` is the sentence up to the list, ``lead`` its last clause (after , ; :), ``after`` the
rest of the sentence.

* **Promotion agency** – ``after`` opens with (积极)承担/履行/担任/作为 … 促进机构 (``X积极承担集群
  发展促进机构职能``, ``X作为促进机构``), or ``lead`` ends with 促进机构 (``由促进机构X牵头``),
  also with its duty and 由 (``集群发展促进机构职能由X承担``).
* **Founder** – the institution is the subject of its clause (nothing before it but 由 …,
  促进机构, or the 支持/鼓励/引导/推动 whose agent it is) and a founding verb (组建, 建设, 建立, 成立,
  创建, 建成, 设立, 搭建, 共建 …) in its clause, or in following clauses that go on with the same
  subject (opening with 并, 同时, 牵头, 联合 or the verb itself), has a named object:
  ``宁波材料所牵头组建了浙江省磁性材料应用技术创新中心``, ``由促进机构X牵头,建设完善A、B等公共服务平台``,
  ``X(简称Y)作为…促进机构,牵头联合…等企业组建Z``, ``支持X建设Y平台``, ``X在芜湖投资…,并与…共建Z``,
  ``X联合金融机构设立Z基金``. Those it 联合s are partners, not founders (``联合海康、大华等行业龙头企业
  组建A`` with an unnamed subject: 海康 and 大华 are partners, nobody named founds A).
  The role objects are the named institutions after the verb that can be set up (centres,
  platforms, alliances, labs, parks, funds, service bodies, associations, research institutes –
  not enterprises, universities or government bodies). A founder needs an object; the object of
  another verb followed by the noun 建设 (``启动龙城实验室建设``) is no founder. A subject may
  follow a relative clause without a verb of the table (``总部位于长沙的X在湘潭投资…,建设Y``), and
  a clause opening with 共同 or 与/同 goes on with it (``X担任…,与Z共建Y``). The passive
  ``Y由X、Z和9家龙头企业共同发起设立`` makes X and Z founders of Y (the name right before 由).
* **Host** – ``lead`` ends with 依托/依靠 (``依托浙江省北大信息技术高等研究院,联合…组建A``), or the
  framed form ``以X(简称Y)为依托``; its objects are found as for founders (none is needed).
* **Partner** – ``lead`` ends with 与/同/携手/会同 and the sentence speaks of co-operation
  (共建, 合作, 共同, 协同, 联合 …), including later lists of the same 与-phrase
  (``与清华、北交大等 25 所一流大学,中科院等 11 所一流院所…共建``); ``联合X`` (with or without a
  founding verb after it). The co-operation word must come before any other verb governing the
  与-phrase (``与X建立…协同发展联席会议机制`` is no partnership), and "X与Y共同作为促进机构" makes
  Y an agency, not a partner.
* **Leading enterprise** – the list's category says 龙头 (``X、Y等龙头企业``, ``围绕X等龙头企业``),
  ``lead`` ends with 龙头企业 (``龙头企业X``), or a list of 企业 follows 龙头企业 in the same
  sentence (``发挥龙头企业带动作用,推动三六零…等企业``).
* **Supporting enterprise** – the category says 配套 (``X、Y等一大批主力配套企业``).
* **Member** – ``lead`` ends with 聚集/集聚/汇聚/吸引/拥有 (``聚集东风本田…等 8 家整车企业``),
  the sentence lists 成员 (``成员单位包括X``), or ``after`` says (均)为…成员/会员 (``X、Y等骨干企业
  均为协会成员``).

Names coordinated with earlier ones (``依托A(简称B)和C``) share their lead, and names coordinated
with later ones (``X和Y共同作为…促进机构``, ``A、B均为协会会员``, ``A等龙头企业,以及B等配套企业均为
联盟成员``, also with an unnamed counted party: ``和9家龙头企业``) share what follows them, for the
agency, member, partner and passive-founder triggers.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import URIRef

from clustergraph.extract.institutions import InstitutionMention, institution_mentions
from clustergraph.graph.mint import mint, slugify
from clustergraph.graph.namespaces import CG, ORG

if TYPE_CHECKING:
    from clustergraph.extract.context import ClusterRecord, ExtractionContext
    from clustergraph.text import Node

__all__ = ["ROLE_SLUGS", "find_roles", "run"]

#: role concept → IRI path segment
ROLE_SLUGS: dict[URIRef, str] = {
    CG.PromotionAgencyRole: "promotion-agency",
    CG.LeadingEnterpriseRole: "leading-enterprise",
    CG.FounderRole: "founder",
    CG.HostRole: "host",
    CG.PartnerRole: "partner",
    CG.MemberRole: "member",
    CG.SupportingEnterpriseRole: "supporting-enterprise",
}

#: kinds of institution that can be set up by another (roleObject of a founder or host)
_FOUNDABLE = {
    CG.InnovationCenter,
    CG.Platform,
    CG.Alliance,
    CG.Laboratory,
    CG.IndustrialPark,
    CG.Fund,
    CG.ServiceOrganization,
    CG.IndustryAssociation,
    CG.ResearchInstitute,
    CG.University,  # 产业学院, 研究生院 … are set up by universities and enterprises
}
_PAREN = r"(?:\s*\([^()]*\))?\s*"
_AGENCY_AFTER = re.compile(
    _PAREN
    + r"(?:积极|主动|正式|充分|继续|主要|共同|联合)?\s*(?:承担|履行|担任|作为|发挥|行使)[^,。;!?]{0,12}促进机构"
)
#: "由促进机构X牵头", "促进机构为X", "集群发展促进机构职能由X承担"
_AGENCY_LEAD = re.compile(r"促进机构(?:的)?(?:职能|职责|工作|角色)?\s*(?:由|为|是)?\s*$")
_FOUND_VERB = re.compile(
    r"组建|建设完善|建设|建立|成立|创建|筹建|建成|发起成立|发起|设立|搭建|打造|共建"
)
#: a clause that goes on with the same subject (并与…共建, 牵头联合…组建, 建成…)
_CONTINUES = re.compile(
    r"\s*(?:并且|并|同时|还|也|又|且|进而|再|牵头|联合|积极|先后|共同|与|同|会同|携手|以及|"
    + _FOUND_VERB.pattern
    + ")"
)
_HOST_LEAD = re.compile(r"(?:依托|依靠)(?:于)?\s*$")
#: the framed form "以X(简称Y)为依托/为依靠"
_HOST_FRAME_LEAD = re.compile(r"以\s*$")
_HOST_FRAME_AFTER = re.compile(_PAREN + r"(?:为|作为)\s*(?:依托|依靠)")
_PARTNER_LEAD = re.compile(r"(?:与|同|携手|会同)\s*$")
_ALLY_LEAD = re.compile(r"联合\s*$")
_COOPERATE = re.compile(r"共建|合作|共同|协同|联合|携手|协作|对接|交流")
#: verbs that make what follows 与X something else than co-operation with X (与X建立…联席会议机制)
_NOT_COOPERATE = re.compile(
    r"建立|召开|举办|签订|签署|成立|设立|组建|建设|打造|形成|推动|实施|出台|制定|发布|印发|开展(?!合作)"
)
_LEADING_LEAD = re.compile(r"龙头企业\s*$")
_SUPPORT_LEAD = re.compile(r"配套企业\s*$")
_MEMBER_LEAD = re.compile(r"(?:聚集|集聚|汇聚|吸引|拥有)(?:了)?\s*$")
_MEMBER_LIST = re.compile(r"成员(?:单位|企业)?\s*(?:包括|有|为|:)")
_MEMBER_AFTER = re.compile(r"(?:均|都|皆|也|已)?\s*(?:为|是|成为|加入)[^,。;!?]{0,12}(?:成员|会员)")
_VERB = re.compile(
    r"依托|依靠|推动|推进|围绕|组织|引导|支持|发挥|建设|建立|组建|成立|开展|实施|打造|聚集|集聚|"
    r"加强|促进|形成|提升|带动|承担|参与|主导"
)
_CLAUSE_BREAK = re.compile(r"[,;:]")
#: earlier names coordinated with this one share its lead: 依托A(简称B)和C → C's lead is 依托
_COORDINATED_TAIL = re.compile(r"(?:□+(?:\([^()]*\))?\s*(?:和|及|以及|、)\s*)+$")
#: a lead that only joins a list to the clause before it (",以及D、E等…")
_JOINED_LIST = re.compile(r"\s*(?:以及|及|并且)\s*")


def _lead(before: str) -> str:
    """What stands before a name in its clause (``before`` is masked: names are □).

    A list joined to the clause before it (",以及D、E等龙头企业") shares that clause's lead (联合…),
    up to the first name of that clause.
    """
    clause_breaks = list(_CLAUSE_BREAK.finditer(before))
    lead = before[clause_breaks[-1].end() :] if clause_breaks else before
    while _JOINED_LIST.fullmatch(lead) and len(clause_breaks) > 1:
        clause_breaks.pop()
        lead = before[clause_breaks[-1].end() :]
        at = lead.find("□")
        lead = lead if at < 0 else lead[:at]
    lead = re.sub(r"^\s*[一二三四五六七八九十]+是", "", lead)
    return _COORDINATED_TAIL.sub("", lead)


#: what may stand before the subject of a founding verb in its clause
_SUBJECT_LEAD = re.compile(r"(?:由|促进机构|龙头企业|支持|鼓励|引导|推动|帮助|指导)\s*$")
#: a relative clause before the subject ("总部位于长沙的X在湘潭投资…,建设Y")
_RELATIVE_LEAD = re.compile(r"的\s*$")
_NOT_SUBJECT = re.compile(r"与|同|联合|依托|依靠|携手|会同")
#: names (□) or unnamed counted parties coordinated after a name: "、B和 9 家龙头企业", ",以及C、D等配套企业"
_COORDINATED_HEAD = re.compile(
    r"^(?:\s*(?:\([^()]*\))?\s*,?\s*(?:、|和|及|以及|与)\s*"
    r"(?:□+|(?:\d+|[一二两三四五六七八九十]+)\s*(?:家|个|所)[^,;。□、]{0,10}?"
    r"(?:企业|单位|机构|高校|院所))"
    r"(?:\s*\([^()]*\))?(?:\s*等[^,;。□、]{0,12}?(?:企业|单位|机构|高校|院所|大学))?)+"
)
#: the passive founding form "Y由X、Z共同发起设立": X and Z found Y
_PASSIVE_FOUND = re.compile(
    r"^\s*(?:共同|联合|一起)?\s*(?:发起)?\s*(?:设立|成立|组建|创建|筹建|建立|组成)"
)


def _sentence_of(sentences: list[Node], offset: int) -> Node | None:
    for sentence in sentences:
        if sentence.clean_start <= offset < sentence.clean_end:
            return sentence
    return None


def _masked(clean: str, start: int, end: int, mentions: list[InstitutionMention]) -> str:
    """``clean[start:end]`` with each institution name replaced by □ (so 与 inside a name is
    not read as a preposition).
    """
    chars = list(clean[start:end])
    for mention in mentions:
        for index in range(max(start, mention.start), min(end, mention.end)):
            chars[index - start] = "□"
    return "".join(chars)


def find_roles(
    ctx: ExtractionContext,
) -> list[tuple[ClusterRecord, Node, InstitutionMention, URIRef, list[InstitutionMention]]]:
    """(cluster, sentence, mention, role concept, role objects) in document order."""
    clean = ctx.doc.clean.clean
    mentions = list(institution_mentions(ctx))
    found: list[
        tuple[ClusterRecord, Node, InstitutionMention, URIRef, list[InstitutionMention]]
    ] = []
    for cluster in ctx.clusters:
        sentences = list(cluster.case.iter("sentence"))
        in_case = [
            m for m in mentions if cluster.case.clean_start <= m.start < cluster.case.clean_end
        ]
        for mention in in_case:
            sentence = _sentence_of(sentences, mention.start)
            if sentence is None:
                continue
            same = [m for m in in_case if sentence.clean_start <= m.start < sentence.clean_end]
            for role, objects in _roles_of(clean, sentence, mention, same):
                found.append((cluster, sentence, mention, role, objects))
    return found


def _roles_of(
    clean: str, sentence: Node, mention: InstitutionMention, same: list[InstitutionMention]
) -> list[tuple[URIRef, list[InstitutionMention]]]:
    list_start = mention.list_start if mention.list_start is not None else mention.start
    list_end = mention.list_end if mention.list_end is not None else mention.end
    if mention.alias_end is not None and mention.list_end is None:
        list_end = mention.alias_end
    before = _masked(clean, sentence.clean_start, list_start, same)
    lead = _lead(before)
    after_start = list_end
    after = clean[after_start : sentence.clean_end]
    # what the names coordinated with this one go on to say is said of this one too
    shared = _masked(clean, after_start, sentence.clean_end, same)
    shared = _COORDINATED_HEAD.sub("", shared)
    category = mention.category or ""
    roles: list[tuple[URIRef, list[InstitutionMention]]] = []

    subject = (
        not lead.strip()
        or bool(_SUBJECT_LEAD.search(lead))
        or (
            bool(_RELATIVE_LEAD.search(lead))
            and not _VERB.search(lead)
            and not _NOT_SUBJECT.search(lead)
        )
    )
    agency = bool(_AGENCY_AFTER.match(shared))
    if agency or _AGENCY_LEAD.search(lead):
        roles.append((CG.PromotionAgencyRole, []))
    if subject:
        objects = _founded(after, after_start, same, mention)
        if lead.rstrip().endswith("由") and _PASSIVE_FOUND.match(shared):
            objects = [*objects, *_passive_object(clean, sentence, list_start, same, mention)]
        if objects:
            roles.append((CG.FounderRole, objects))
    if _HOST_LEAD.search(lead) or (
        _HOST_FRAME_LEAD.search(lead) and _HOST_FRAME_AFTER.match(after)
    ):
        roles.append((CG.HostRole, _founded(after, after_start, same, mention)))
    # "X与Y共同作为促进机构": Y shares X's role, it is no partner of X's
    partner = bool(_PARTNER_LEAD.search(lead)) and _cooperates(shared) and not agency
    if not partner and not lead.strip():
        # a later list of the same 与-phrase: 与A、B等…大学,C等…院所…共建
        with_at = before.rfind("与")
        if with_at >= 0 and not _VERB.search(before[with_at:]) and _cooperates(shared):
            partner = True
    if _ALLY_LEAD.search(lead):
        partner = True
    if partner:
        roles.append((CG.PartnerRole, []))
    if "配套" in category or _SUPPORT_LEAD.search(lead):
        roles.append((CG.SupportingEnterpriseRole, []))
    elif (
        "龙头" in category
        or _LEADING_LEAD.search(lead)
        or (category.endswith("企业") and "龙头企业" in before)
    ):
        roles.append((CG.LeadingEnterpriseRole, []))
    if _MEMBER_LEAD.search(lead) or _MEMBER_LIST.search(before) or _MEMBER_AFTER.match(shared):
        roles.append((CG.MemberRole, []))
    return roles


def _cooperates(after: str) -> bool:
    """The 与-phrase is governed by a co-operation verb (共建, 合作 …), not by another verb whose
    object merely mentions co-operation (与X建立…协同发展联席会议机制).
    """
    cooperate = _COOPERATE.search(after)
    other = _NOT_COOPERATE.search(after)
    return cooperate is not None and (other is None or cooperate.start() <= other.start())


def _passive_object(
    clean: str,
    sentence: Node,
    list_start: int,
    same: list[InstitutionMention],
    mention: InstitutionMention,
) -> list[InstitutionMention]:
    """The institution right before the 由 of "Y由X…共同发起设立" (the one X founds)."""
    at = clean.rfind("由", sentence.clean_start, list_start)
    found = [
        other
        for other in same
        if other.canonical != mention.canonical
        and other.kind in _FOUNDABLE
        and 0 <= at - (other.alias_end or other.end) <= 1
    ]
    return found[-1:]


def _founded(
    after: str, offset: int, same: list[InstitutionMention], mention: InstitutionMention
) -> list[InstitutionMention]:
    """Institutions set up (组建, 建设, 共建 …) by the subject in the clauses that follow it.

    The first clause is the subject's; a later clause keeps the subject only while each clause
    in between opens with a continuation (并, 同时, 牵头, 联合, a founding verb …).
    """
    objects: list[InstitutionMention] = []
    position = 0
    for index, clause in enumerate(re.split(r"([,;:])", after)):
        if clause in ",;:":
            position += len(clause)
            continue
        if index > 0 and not _CONTINUES.match(clause):
            break
        for verb in _FOUND_VERB.finditer(clause):
            start = offset + position + verb.end()
            end = offset + position + len(clause)
            for other in same:
                if (
                    start <= other.start < end
                    and other.kind in _FOUNDABLE
                    and other.canonical != mention.canonical
                    and other not in objects
                ):
                    objects.append(other)
        position += len(clause)
    return objects


def run(ctx: ExtractionContext) -> None:
    """Write one ``cg:Role`` per (cluster, role type, institution), evidence = the sentence."""
    writer = ctx.writer
    for cluster, sentence, mention, role, objects in find_roles(ctx):
        record = ctx.institutions.get(mention.canonical)
        if record is None:
            continue
        iri = mint("role", slugify(cluster.label), ROLE_SLUGS[role], slugify(record.name))
        writer.entity(iri, CG.Role, ORG.Membership, span=(sentence.start, sentence.end))
        writer.add(iri, ORG.member, record.iri)
        writer.add(iri, ORG.organization, cluster.iri)
        writer.add(iri, ORG.role, role)
        for obj in objects:
            target = ctx.institutions.get(obj.canonical)
            if target is not None:
                writer.add(iri, CG.roleObject, target.iri)
