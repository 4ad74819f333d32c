"""The terms of the clustergraph ontology as a strict rdflib namespace (generated: do not edit).

Generated from ontology/clustergraph.ttl by ``python scripts/gen_vocab.py``. Unlike a plain
``Namespace``, ``CG.Clustr`` raises ``AttributeError``, so code cannot mint a misspelled ``cg:``
IRI. ``CG.count`` works here (with a plain ``Namespace`` it is ``str.count``).
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["CG"]


class CG(DefinedNamespace):
    """clustergraph ontology (184 terms)."""

    _NS = Namespace("https://w3id.org/clustergraph/ontology#")
    _fail = True

    # Classes
    Alliance: URIRef
    Cluster: URIRef
    Competition: URIRef
    CompetitionBatch: URIRef
    CompetitionObservation: URIRef
    CountyLevelDivision: URIRef
    CuratedLink: URIRef
    Enterprise: URIRef
    Finding: URIRef
    Fund: URIRef
    GovernmentBody: URIRef
    IndustrialPark: URIRef
    IndustryAssociation: URIRef
    InnovationCenter: URIRef
    Institution: URIRef
    Laboratory: URIRef
    Measure: URIRef
    NationalClusterList: URIRef
    NationalListStatus: URIRef
    PhrasingUsage: URIRef
    Platform: URIRef
    Policy: URIRef
    PolicyDocument: URIRef
    PolicyTier: URIRef
    PrefectureLevelDivision: URIRef
    Programme: URIRef
    ProvinceLevelDivision: URIRef
    Quantity: URIRef
    RecommendedMeasure: URIRef
    Region: URIRef
    RegionLink: URIRef
    ResearchInstitute: URIRef
    Role: URIRef
    ServiceOrganization: URIRef
    University: URIRef
    WorkReportSurvey: URIRef

    # Properties
    batchNumber: URIRef
    caseNumber: URIRef
    characterCount: URIRef
    computedValue: URIRef
    count: URIRef
    docNumberAsWritten: URIRef
    docNumberIssuer: URIRef
    docNumberSerial: URIRef
    docNumberYear: URIRef
    entrantCount: URIRef
    evidence: URIRef
    fileName: URIRef
    findingKind: URIRef
    fromRegion: URIRef
    gbt2260Code: URIRef
    hasTier: URIRef
    industry: URIRef
    isPartial: URIRef
    issuer: URIRef
    jurisdiction: URIRef
    keyPhrase: URIRef
    launchDate: URIRef
    linkKind: URIRef
    linkObject: URIRef
    linkPredicate: URIRef
    linkSource: URIRef
    linkSubject: URIRef
    listStatus: URIRef
    listedIn: URIRef
    locatedIn: URIRef
    measureOf: URIRef
    measuredThing: URIRef
    mentionedInCluster: URIRef
    nameInList: URIRef
    nationalList: URIRef
    normalizedUnit: URIRef
    normalizedValue: URIRef
    ordinal: URIRef
    organizer: URIRef
    parentRegion: URIRef
    partOfProgramme: URIRef
    phrase: URIRef
    policyLevel: URIRef
    province: URIRef
    qualifier: URIRef
    recommendedFor: URIRef
    refCluster: URIRef
    refCompetition: URIRef
    refRegion: URIRef
    region: URIRef
    roleObject: URIRef
    sector: URIRef
    sha256: URIRef
    size: URIRef
    spansMultipleCities: URIRef
    spansMultipleProvinces: URIRef
    speaker: URIRef
    stage: URIRef
    statedCount: URIRef
    statedShare: URIRef
    statedValue: URIRef
    statisticalCode: URIRef
    surveyedCount: URIRef
    target: URIRef
    tierKind: URIRef
    tierOrdinal: URIRef
    timelineOrdinal: URIRef
    toRegion: URIRef
    toolboxCategory: URIRef
    unifiedSocialCreditCode: URIRef
    unit: URIRef
    usage: URIRef
    value: URIRef
    verification: URIRef
    winnerCount: URIRef

    # Concept schemes and data structures
    CompetitionByIndustryStructure: URIRef
    CompetitionByProvinceStructure: URIRef
    CompetitionStageScheme: URIRef
    DocumentTypeScheme: URIRef
    FindingKindScheme: URIRef
    LinkKindScheme: URIRef
    NationalListStatusScheme: URIRef
    PolicyLevelScheme: URIRef
    QualifierScheme: URIRef
    QuantityStructure: URIRef
    RoleTypeScheme: URIRef
    TierScheme: URIRef
    ToolboxScheme: URIRef
    VerificationScheme: URIRef

    # Concepts
    ActionPlanDocumentType: URIRef
    AdvantageTier: URIRef
    Approximately: URIRef
    AtLeast: URIRef
    CentralLevel: URIRef
    CountMismatch: URIRef
    CrossRegionalAlliance: URIRef
    CrossRegionalPlatform: URIRef
    CrossRegionalToolbox: URIRef
    CultivatingTier: URIRef
    DecisionDocumentType: URIRef
    DigitalizationToolbox: URIRef
    DuplicatedText: URIRef
    EmergingTier: URIRef
    EnclaveEconomy: URIRef
    Entrants: URIRef
    Exact: URIRef
    FounderRole: URIRef
    GarbledText: URIRef
    GovernanceToolbox: URIRef
    HostRole: URIRef
    IndustrialChainToolbox: URIRef
    InnovationToolbox: URIRef
    Investment: URIRef
    JointMeeting: URIRef
    LeadingEnterpriseRole: URIRef
    LessThan: URIRef
    Listed: URIRef
    MeasuresDocumentType: URIRef
    MemberRole: URIRef
    MoreThan: URIRef
    MultiCityCluster: URIRef
    MunicipalLevel: URIRef
    NameInconsistency: URIRef
    NationalTier: URIRef
    NotFound: URIRef
    NotListed: URIRef
    NoticeDocumentType: URIRef
    OpinionDocumentType: URIRef
    OtherDocumentType: URIRef
    OtherTier: URIRef
    PartiallyVerified: URIRef
    PartnerRole: URIRef
    PercentageMismatch: URIRef
    PillarTier: URIRef
    PlanningDocumentType: URIRef
    PreviouslyListed: URIRef
    ProgrammeDocumentType: URIRef
    PromotionAgencyRole: URIRef
    ProvincialLevel: URIRef
    RelatedClusterListed: URIRef
    ReportDocumentType: URIRef
    SameCityIntegration: URIRef
    ScaleTier: URIRef
    SumMismatch: URIRef
    SupportingEnterpriseRole: URIRef
    Verified: URIRef
    Winners: URIRef
    WorldClassTier: URIRef
