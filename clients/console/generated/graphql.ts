/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * What an appeal is about (诉求分类): a fixed list, each category dispatched to one kind
 * of agency at the appeal's county (see appealCategories).
 */
export type AppealCategory =
  /** 教育: schools, enrolment, kindergartens, fees */
  | 'EDUCATION'
  /** 企业服务: licences, business environment, support for enterprises */
  | 'ENTERPRISE_SERVICES'
  /** 环境保护: pollution, land use, green space */
  | 'ENVIRONMENT'
  /** 政务服务: service halls, online services, service guides */
  | 'GOVERNMENT_SERVICES'
  /** 医疗卫生: hospitals, clinics, public health, medical insurance reimbursement */
  | 'HEALTH'
  /** 户籍证件: household registration, identity cards, residence permits */
  | 'HOUSEHOLD_REGISTRATION'
  /** 住房: housing security, property management, renovation of old estates */
  | 'HOUSING'
  /** 市场监管: food safety, prices, consumer rights */
  | 'MARKET_REGULATION'
  /** 社会保障: pensions, social insurance, employment, minimum living allowance */
  | 'SOCIAL_SECURITY'
  /** 交通出行: buses, roads, taxis, parking */
  | 'TRANSPORT'
  /** 城市管理: street vendors, noise, rubbish, public facilities */
  | 'URBAN_MANAGEMENT';

/** Roles of the unified identity service, as recorded for the caller of an access. */
export type CallerRole =
  | 'ANONYMOUS'
  | 'AUDITOR'
  | 'CITIZEN'
  | 'ENTERPRISE'
  | 'OFFICER'
  | 'SUPERVISOR';

/** Where a case stands in its lifecycle (办件状态). */
export type CaseStatus =
  /** Accepted: the time limit runs from this day (受理). */
  | 'ACCEPTED'
  /** Approved (准予), waiting to be delivered. */
  | 'APPROVED'
  /** The result was delivered to the applicant (办结送达). Ended. */
  | 'DELIVERED'
  /** Not accepted, with the reason (不予受理). Ended. */
  | 'NOT_ACCEPTED'
  /** Refused, with the reason (不予许可). Ended. */
  | 'REFUSED'
  /** Submitted, waiting to be accepted (申请). */
  | 'SUBMITTED'
  /** Suspended for supplementary materials (补正): the time-limit clock stops. */
  | 'SUSPENDED'
  /** Being reviewed (审查). */
  | 'UNDER_REVIEW'
  /**
   * Withdrawn by the applicant, or the person acting for them, before a decision (撤回), with the
   * reason. Ended, not decided: it counts in no on-time rate; lateness stops growing at the
   * withdrawal (a case already late then stays counted overdue by the days it was late).
   */
  | 'WITHDRAWN';

/** What kind of damage a chain check found. */
export type ChainProblem =
  /** An entry's hash does not match its content (or an anchored hash). */
  | 'CHANGED'
  /** A sequence gap, a prevHash that does not match the previous entry's hash, or a truncated end. */
  | 'REMOVED'
  /** An entry sits at another position than the one it was chained at. */
  | 'REORDERED';

/** Where an application can be made or followed. */
export type Channel =
  | 'HOTLINE'
  | 'MOBILE_APP'
  | 'POST'
  | 'SELF_SERVICE_TERMINAL'
  | 'SERVICE_HALL'
  | 'WEB_PORTAL';

/** A group of a breakdown of the digital divide. */
export type DivideGroupName =
  /** Handled by an agency of a prefecture or a province. */
  | 'ABOVE_COUNTY'
  /** 中部: 山西 安徽 江西 河南 湖北 湖南. */
  | 'CENTRE'
  /** Handled by another county-level division: a county (县), county-level city (县级市), banner (旗), autonomous county, 特区 or 林区. */
  | 'COUNTY'
  /** 东部: 北京 天津 河北 上海 江苏 浙江 福建 山东 广东 海南. */
  | 'EAST'
  /** Applicants from 30 to 59. */
  | 'FROM_30_TO_59'
  /** 东北: 辽宁 吉林 黑龙江. */
  | 'NORTHEAST'
  /** Applicants 60 and over. */
  | 'SIXTY_AND_OVER'
  /** Applicants under 30 on the day of submission. */
  | 'UNDER_30'
  /** Handled by a county-level urban district (市辖区) of a city (GB/T 2260). */
  | 'URBAN_DISTRICT'
  /** 西部: 内蒙古 广西 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆. */
  | 'WEST';

/** A measure of DivideGroup whose spread DivideGap gives. */
export type DivideMeasure =
  | 'AGENT_ASSISTED_SHARE'
  | 'AVERAGE_WORKING_DAYS'
  | 'FULLY_ONLINE_SHARE'
  | 'ONLINE_SHARE'
  | 'ON_TIME_RATE'
  | 'VISITS_PER_CASE';

/** The five levels of the good/bad review system (好差评), best first. */
export type EvaluationLevel =
  /** 基本满意 */
  | 'BASICALLY_SATISFIED'
  /** 不满意 (a bad review: opens a rectification) */
  | 'DISSATISFIED'
  /** 满意 */
  | 'SATISFIED'
  /** 非常不满意 (a bad review: opens a rectification) */
  | 'VERY_DISSATISFIED'
  /** 非常满意 */
  | 'VERY_SATISFIED';

/** The levels of administrative division the graph knows: the country, then the three of GB/T 2260. */
export type RegionLevel =
  /** The whole country (全国, code 000000): the one division above the provinces. */
  | 'COUNTRY'
  | 'COUNTY'
  | 'PREFECTURE'
  | 'PROVINCE';

/** Who signs in through the unified identity service (统一身份认证). */
export type Role =
  | 'AUDITOR'
  | 'CITIZEN'
  | 'ENTERPRISE'
  | 'OFFICER'
  | 'SUPERVISOR';

/** Whose data was read: a person (resident identity number) or an enterprise (credit code). */
export type SubjectKind =
  | 'ENTERPRISE'
  | 'PERSON';

/** The parts of a supply-first score: demand (CASES, APPEALS) and supply gaps (the rest). */
export type SupplyFactor =
  /** Demand: 12345 appeals in the categories the item's kind of agency handles (value: appeals). */
  | 'APPEALS'
  /** Gap: bad reviews, 不满意 and 非常不满意 (value: their share of reviews). */
  | 'BAD_REVIEWS'
  /** Demand: the item's cases (value: cases). */
  | 'CASES'
  /** Gap: how far the item is from fully online (value: depth 0..4, INFORMATION_ONLY..FULLY_ONLINE). */
  | 'ONLINE_DEPTH'
  /** Gap: overdue cases (value: their share of cases). */
  | 'OVERDUE'
  /** Gap: cases with more trips than the implementation promises (value: their share of cases). */
  | 'OVER_PROMISED_VISITS'
  /** Gap: trips in person per case (value: trips / cases). */
  | 'VISITS_PER_CASE';

export type ConsoleAccessLogQueryVariables = Exact<{
  subjectId?: string | null | undefined;
  callerSubject?: string | null | undefined;
  department?: string | null | undefined;
  withheld?: boolean | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAccessLogQuery = { accessLog: { nodes: Array<{ seq: number, at: string, department: string, instance: string | null, purpose: string | null, subjectKind: SubjectKind, subjectId: string, fields: Array<string>, categories: Array<string>, withheld: boolean, withheldBy: string | null, withheldUntil: string | null, caller: { role: CallerRole, subject: string | null, department: string | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleCaseQuery = { case: { id: string, status: CaseStatus, channel: Channel, submittedOn: string, dueDate: string | null, overdue: boolean, inPersonVisits: number, item: { name: string }, events: Array<{ time: string, status: CaseStatus, channel: Channel, note: string | null }> } | null };

export type ConsoleCaseProgressSubscriptionVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type ConsoleCaseProgressSubscription = { caseProgress: { id: string, status: CaseStatus, events: Array<{ time: string, status: CaseStatus, channel: Channel, note: string | null }> } };

export type ConsoleCaseTrendQueryVariables = Exact<{
  code: string;
  from: string;
  to: string;
}>;


export type ConsoleCaseTrendQuery = { region: { code: string, caseFigures: { total: number, overdue: number, onlineShare: number | null } | null } | null };

export type ConsoleDemandTrendQueryVariables = Exact<{
  code: string;
  from: string;
  to: string;
}>;


export type ConsoleDemandTrendQuery = { region: { code: string, demandTrend: Array<{ start: string, end: string, received: number }> | null } | null };

export type ConsoleDigitalDivideQueryVariables = Exact<{
  code: string;
  from: string;
  to: string;
}>;


export type ConsoleDigitalDivideQuery = { region: { code: string, digitalDivide: { byAgeBand: { groups: Array<{ group: DivideGroupName, suppressed: boolean, applicants: number | null, cases: number | null, onlineShare: number | null, fullyOnlineShare: number | null, agentAssistedShare: number | null, visitsPerCase: number | null }>, gaps: Array<{ measure: DivideMeasure, highest: DivideGroupName | null, lowest: DivideGroupName | null, difference: number | null }> }, byResidence: { groups: Array<{ group: DivideGroupName, suppressed: boolean, applicants: number | null, cases: number | null, onlineShare: number | null, fullyOnlineShare: number | null, agentAssistedShare: number | null, visitsPerCase: number | null }>, gaps: Array<{ measure: DivideMeasure, highest: DivideGroupName | null, lowest: DivideGroupName | null, difference: number | null }> }, byEconomicRegion: { groups: Array<{ group: DivideGroupName, suppressed: boolean, applicants: number | null, cases: number | null, onlineShare: number | null, fullyOnlineShare: number | null, agentAssistedShare: number | null, visitsPerCase: number | null }>, gaps: Array<{ measure: DivideMeasure, highest: DivideGroupName | null, lowest: DivideGroupName | null, difference: number | null }> } } | null } | null };

export type ConsoleBreakdownFragment = { groups: Array<{ group: DivideGroupName, suppressed: boolean, applicants: number | null, cases: number | null, onlineShare: number | null, fullyOnlineShare: number | null, agentAssistedShare: number | null, visitsPerCase: number | null }>, gaps: Array<{ measure: DivideMeasure, highest: DivideGroupName | null, lowest: DivideGroupName | null, difference: number | null }> };

export type ConsoleDivisionQueryVariables = Exact<{
  code: string;
}>;


export type ConsoleDivisionQuery = { region: { code: string, name: string, level: RegionLevel, fullName: string, ancestors: Array<{ code: string, name: string }>, children: Array<{ code: string, name: string, level: RegionLevel }> } | null };

export type ConsoleMeQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleMeQuery = { me: { role: Role, subject: string, scopes: Array<string>, agency: { name: string } | null } | null };

export type ConsoleMyCasesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleMyCasesQuery = { cases: { totalCount: number, nodes: Array<{ id: string, status: CaseStatus, submittedOn: string, dueDate: string | null, overdue: boolean, item: { name: string }, department: { name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleMyDataAccessesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleMyDataAccessesQuery = { myDataAccesses: { nodes: Array<{ at: string, department: string, instance: string | null, purpose: string | null, purposeText: string | null, callerRole: CallerRole, callerDepartment: string | null, categories: Array<string>, fields: Array<string>, withheld: boolean, withheldUntil: string | null }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ConsoleProvincesQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type ConsoleProvincesQuery = { regions: { nodes: Array<{ code: string, name: string, caseFigures: { total: number, onlineShare: number | null, onTimeRate: number | null } | null, satisfaction: { satisfactionRate: number | null } | null, demand: { received: number } | null }> } };

export type ConsoleRegionDashboardQueryVariables = Exact<{
  code: string;
  from: string;
  to: string;
}>;


export type ConsoleRegionDashboardQuery = { region: { code: string, fullName: string, caseFigures: { total: number, overdue: number, onTimeRate: number | null, averageWorkingDays: number | null, online: number, onlineShare: number | null, inHall: number, inHallShare: number | null, agentAssisted: number, agentAssistedShare: number | null, fullyOnline: number, fullyOnlineShare: number | null, inPersonVisits: number, visitsPerCase: number | null, overPromisedVisits: number, overPromisedVisitsShare: number | null, materialsReplaced: number, casesWithCertificates: number, tripsSaved: number } | null, satisfaction: { evaluations: number, satisfactionRate: number | null, badReviews: number, rectified: number, overdueRectifications: number, byLevel: Array<{ level: EvaluationLevel, count: number }> } | null, demand: { received: number, byCategory: Array<{ category: AppealCategory, name: string, count: number }> } | null, mostOverdueItems: Array<{ overdueCases: number, totalCases: number, item: { code: string, name: string } }> | null } | null };

export type ConsoleSupplyFirstQueryVariables = Exact<{
  code: string;
  from: string;
  to: string;
}>;


export type ConsoleSupplyFirstQuery = { region: { code: string, supplyPlan: { unscoredItems: number | null, items: Array<{ rank: number, score: number, cases: number, item: { code: string, name: string }, parts: Array<{ factor: SupplyFactor, value: number | null, basis: number | null, contribution: number }> }> | null } | null } | null };

export type ConsoleVerifyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleVerifyChainQuery = { verifyAccessLog: { ok: boolean, entries: number, headSeq: number, headHash: string, seconds: number, firstBad: { seq: number, problem: ChainProblem, detail: string } | null } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ConsoleBreakdownFragmentDoc = new TypedDocumentString(`
    fragment ConsoleBreakdown on DivideBreakdown {
  groups {
    group
    suppressed
    applicants
    cases
    onlineShare
    fullyOnlineShare
    agentAssistedShare
    visitsPerCase
  }
  gaps {
    measure
    highest
    lowest
    difference
  }
}
    `, {"fragmentName":"ConsoleBreakdown"}) as unknown as TypedDocumentString<ConsoleBreakdownFragment, unknown>;
export const ConsoleAccessLogDocument = new TypedDocumentString(`
    query ConsoleAccessLog($subjectId: String, $callerSubject: String, $department: String, $withheld: Boolean, $from: String, $to: String, $first: Int, $after: String) {
  accessLog(
    subjectId: $subjectId
    callerSubject: $callerSubject
    department: $department
    withheld: $withheld
    from: $from
    to: $to
    first: $first
    after: $after
  ) {
    nodes {
      seq
      at
      department
      instance
      caller {
        role
        subject
        department
      }
      purpose
      subjectKind
      subjectId
      fields
      categories
      withheld
      withheldBy
      withheldUntil
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:fa09bab21293b8c4a2e19c407dbc647e46da1a7b1f390ede05f2ffccd139b75a"}) as unknown as TypedDocumentString<ConsoleAccessLogQuery, ConsoleAccessLogQueryVariables>;
export const ConsoleCaseDocument = new TypedDocumentString(`
    query ConsoleCase($id: ID!) {
  case(id: $id) {
    id
    status
    channel
    submittedOn
    dueDate
    overdue
    inPersonVisits
    item {
      name
    }
    events {
      time
      status
      channel
      note
    }
  }
}
    `, {"hash":"sha256:b678d87c496e6519e775cbcdc19676736f1c7b64bce2f6fabda2db6d24fb14a5"}) as unknown as TypedDocumentString<ConsoleCaseQuery, ConsoleCaseQueryVariables>;
export const ConsoleCaseProgressDocument = new TypedDocumentString(`
    subscription ConsoleCaseProgress($id: ID) {
  caseProgress(id: $id) {
    id
    status
    events {
      time
      status
      channel
      note
    }
  }
}
    `, {"hash":"sha256:6bfb3d67adf25df3638dc81675a4c776f302574e15b6819530c6ae7b051fdedc"}) as unknown as TypedDocumentString<ConsoleCaseProgressSubscription, ConsoleCaseProgressSubscriptionVariables>;
export const ConsoleCaseTrendDocument = new TypedDocumentString(`
    query ConsoleCaseTrend($code: DivisionCode!, $from: Date!, $to: Date!) {
  region(code: $code) {
    code
    caseFigures(from: $from, to: $to) {
      total
      overdue
      onlineShare
    }
  }
}
    `, {"hash":"sha256:46d8900ecb4ffc0cecb81acdc2336d73f322b0122ba187ffa50afc38e00f8923"}) as unknown as TypedDocumentString<ConsoleCaseTrendQuery, ConsoleCaseTrendQueryVariables>;
export const ConsoleDemandTrendDocument = new TypedDocumentString(`
    query ConsoleDemandTrend($code: DivisionCode!, $from: Date!, $to: Date!) {
  region(code: $code) {
    code
    demandTrend(from: $from, to: $to, interval: MONTH) {
      start
      end
      received
    }
  }
}
    `, {"hash":"sha256:0446e24082a24e2726b0cc9d90825eb4d95e2192304e875b13c5afe0dbdbbae9"}) as unknown as TypedDocumentString<ConsoleDemandTrendQuery, ConsoleDemandTrendQueryVariables>;
export const ConsoleDigitalDivideDocument = new TypedDocumentString(`
    query ConsoleDigitalDivide($code: DivisionCode!, $from: Date!, $to: Date!) {
  region(code: $code) {
    code
    digitalDivide(from: $from, to: $to) {
      byAgeBand {
        ...ConsoleBreakdown
      }
      byResidence {
        ...ConsoleBreakdown
      }
      byEconomicRegion {
        ...ConsoleBreakdown
      }
    }
  }
}
    fragment ConsoleBreakdown on DivideBreakdown {
  groups {
    group
    suppressed
    applicants
    cases
    onlineShare
    fullyOnlineShare
    agentAssistedShare
    visitsPerCase
  }
  gaps {
    measure
    highest
    lowest
    difference
  }
}`, {"hash":"sha256:a5f9811b4235392e0cdb68fe51875efb6684a54f10de23e9e4227c8afa5246cf"}) as unknown as TypedDocumentString<ConsoleDigitalDivideQuery, ConsoleDigitalDivideQueryVariables>;
export const ConsoleDivisionDocument = new TypedDocumentString(`
    query ConsoleDivision($code: DivisionCode!) {
  region(code: $code) {
    code
    name
    level
    fullName
    ancestors {
      code
      name
    }
    children {
      code
      name
      level
    }
  }
}
    `, {"hash":"sha256:59cda769d3fd2a15586d38399f5a5f2cb96134e4cea00ba1cc2eefd5931c4362"}) as unknown as TypedDocumentString<ConsoleDivisionQuery, ConsoleDivisionQueryVariables>;
export const ConsoleMeDocument = new TypedDocumentString(`
    query ConsoleMe {
  me {
    role
    subject
    scopes
    agency {
      name
    }
  }
}
    `, {"hash":"sha256:0cbceb33e8b2b25a967176fd92c89df104349c29420cf5c8478a6bba51e8570e"}) as unknown as TypedDocumentString<ConsoleMeQuery, ConsoleMeQueryVariables>;
export const ConsoleMyCasesDocument = new TypedDocumentString(`
    query ConsoleMyCases($first: Int, $after: String) {
  cases(first: $first, after: $after) {
    totalCount
    nodes {
      id
      status
      submittedOn
      dueDate
      overdue
      item {
        name
      }
      department {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:6c519014f636331532bf8a0f3e27330f73bb0fde948b75399711b1ebde1a1623"}) as unknown as TypedDocumentString<ConsoleMyCasesQuery, ConsoleMyCasesQueryVariables>;
export const ConsoleMyDataAccessesDocument = new TypedDocumentString(`
    query ConsoleMyDataAccesses($first: Int, $after: String) {
  myDataAccesses(first: $first, after: $after) {
    nodes {
      at
      department
      instance
      purpose
      purposeText
      callerRole
      callerDepartment
      categories
      fields
      withheld
      withheldUntil
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:bedc3ddb2eceefdf9cb7563d8595dd9bba9f851e0bd72ba7766be165df214d0e"}) as unknown as TypedDocumentString<ConsoleMyDataAccessesQuery, ConsoleMyDataAccessesQueryVariables>;
export const ConsoleProvincesDocument = new TypedDocumentString(`
    query ConsoleProvinces($from: Date!, $to: Date!) {
  regions(level: PROVINCE, first: 40) {
    nodes {
      code
      name
      caseFigures(from: $from, to: $to) {
        total
        onlineShare
        onTimeRate
      }
      satisfaction(from: $from, to: $to) {
        satisfactionRate
      }
      demand(from: $from, to: $to) {
        received
      }
    }
  }
}
    `, {"hash":"sha256:caa4093c56e3a92c9c4a4aab5be6948a34a743ecef285e2a5892b4a8f7f759f6"}) as unknown as TypedDocumentString<ConsoleProvincesQuery, ConsoleProvincesQueryVariables>;
export const ConsoleRegionDashboardDocument = new TypedDocumentString(`
    query ConsoleRegionDashboard($code: DivisionCode!, $from: Date!, $to: Date!) {
  region(code: $code) {
    code
    fullName
    caseFigures(from: $from, to: $to) {
      total
      overdue
      onTimeRate
      averageWorkingDays
      online
      onlineShare
      inHall
      inHallShare
      agentAssisted
      agentAssistedShare
      fullyOnline
      fullyOnlineShare
      inPersonVisits
      visitsPerCase
      overPromisedVisits
      overPromisedVisitsShare
      materialsReplaced
      casesWithCertificates
      tripsSaved
    }
    satisfaction(from: $from, to: $to) {
      evaluations
      satisfactionRate
      badReviews
      rectified
      overdueRectifications
      byLevel {
        level
        count
      }
    }
    demand(from: $from, to: $to) {
      received
      byCategory {
        category
        name
        count
      }
    }
    mostOverdueItems(from: $from, to: $to, first: 5) {
      overdueCases
      totalCases
      item {
        code
        name
      }
    }
  }
}
    `, {"hash":"sha256:0c92103f7a2de4976e64e5a4ebb6376549fca01b7f7123fd106e0f2d84da0d10"}) as unknown as TypedDocumentString<ConsoleRegionDashboardQuery, ConsoleRegionDashboardQueryVariables>;
export const ConsoleSupplyFirstDocument = new TypedDocumentString(`
    query ConsoleSupplyFirst($code: DivisionCode!, $from: Date!, $to: Date!) {
  region(code: $code) {
    code
    supplyPlan(from: $from, to: $to) {
      unscoredItems
      items(first: 10) {
        rank
        item {
          code
          name
        }
        score
        cases
        parts {
          factor
          value
          basis
          contribution
        }
      }
    }
  }
}
    `, {"hash":"sha256:8e60a7e21287b21a737fbc76567ec463f7dd34aa8bde022fd7a829a11511dcc5"}) as unknown as TypedDocumentString<ConsoleSupplyFirstQuery, ConsoleSupplyFirstQueryVariables>;
export const ConsoleVerifyChainDocument = new TypedDocumentString(`
    query ConsoleVerifyChain {
  verifyAccessLog {
    ok
    entries
    headSeq
    headHash
    seconds
    firstBad {
      seq
      problem
      detail
    }
  }
}
    `, {"hash":"sha256:395a8373a661703182fb2c28770eb112aa3c6a8c3dd7bafa9f72eddd09867b74"}) as unknown as TypedDocumentString<ConsoleVerifyChainQuery, ConsoleVerifyChainQueryVariables>;