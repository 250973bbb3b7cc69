/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * Orders of a list of cases. A cursor belongs to the order of the page it came from: pass it with
 * the same orderBy.
 */
export type CaseOrder =
  /**
   * A work queue: the nearest dueDate first, cases without one (not accepted yet) last, the longest
   * waiting first among equals. With a status filter (ACCEPTED, UNDER_REVIEW, SUSPENDED) it lists
   * the open cases by urgency.
   */
  | 'DUE_SOONEST'
  /** Newest first: by submission (the id without its province), then the id. The default. */
  | 'NEWEST_FIRST'
  /** Oldest first: NEWEST_FIRST reversed. */
  | 'OLDEST_FIRST';

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

/** Types of e-certificate (电子证照) the certificate hub holds. */
export type CertificateType =
  /** 学历证书（毕业证书） */
  | 'ACADEMIC_CERTIFICATE'
  /** 出生医学证明 */
  | 'BIRTH_MEDICAL_CERTIFICATE'
  /** 营业执照 */
  | 'BUSINESS_LICENCE'
  /** 建设工程规划许可证 */
  | 'CONSTRUCTION_PROJECT_PLANNING_PERMIT'
  /** 学位证书 */
  | 'DEGREE_CERTIFICATE'
  /** 中华人民共和国残疾人证 */
  | 'DISABILITY_CERTIFICATE'
  /** 机动车驾驶证 */
  | 'DRIVING_LICENCE'
  /** 食品经营许可证 */
  | 'FOOD_BUSINESS_LICENCE'
  /** 居民户口簿 */
  | 'HOUSEHOLD_REGISTER'
  /** 结婚证 */
  | 'MARRIAGE_CERTIFICATE'
  /** 不动产权证书 */
  | 'REAL_ESTATE_CERTIFICATE'
  /** 居住证 */
  | 'RESIDENCE_PERMIT'
  /** 居民身份证 */
  | 'RESIDENT_ID_CARD'
  /** 社会保障卡 */
  | 'SOCIAL_SECURITY_CARD'
  /** 机动车登记证书 */
  | 'VEHICLE_REGISTRATION_CERTIFICATE';

/** Where an application can be made or followed. */
export type Channel =
  | 'HOTLINE'
  | 'MOBILE_APP'
  | 'POST'
  | 'SELF_SERVICE_TERMINAL'
  | 'SERVICE_HALL'
  | 'WEB_PORTAL';

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

/** Kinds of service item (GB/T 39554.1 item types); the code prefix in brackets. */
export type ItemType =
  /** 行政裁决 (CJ) */
  | 'ADMINISTRATIVE_ADJUDICATION'
  /** 行政奖励 (JL) */
  | 'ADMINISTRATIVE_AWARD'
  /** 行政确认 (QR) */
  | 'ADMINISTRATIVE_CONFIRMATION'
  /** 行政征收 (ZS) */
  | 'ADMINISTRATIVE_EXPROPRIATION'
  /** 行政许可 (XK) */
  | 'ADMINISTRATIVE_LICENSING'
  /** 行政给付 (JF) */
  | 'ADMINISTRATIVE_PAYMENT'
  /** 其他 (QT) */
  | 'OTHER'
  /** 公共服务 (GG) */
  | 'PUBLIC_SERVICE';

/** The kind of a MutationProblem: one value per problem type. */
export type ProblemCode =
  /** IllegalTransition: the case is not in a status that allows this step. */
  | 'ILLEGAL_TRANSITION'
  /** DataRunsPreviewExpired: the certificate preview confirmed at submission is too old. */
  | 'PREVIEW_EXPIRED';

/** How far a service may rely on an e-certificate (电子证照可信等级). */
export type TrustGrade =
  /** Issued by the authority, usable directly. */
  | 'A'
  /** Verified by a clerk, reusable. */
  | 'B'
  /** Uploaded by the applicant: the original must be checked. */
  | 'C'
  /** Made by the applicant, backed by a signed pledge. */
  | 'D';

export type CasePageQueryVariables = Exact<{
  id: string | number;
}>;


export type CasePageQuery = { case: { id: string, status: CaseStatus, mayWithdraw: boolean, channel: Channel, dueDate: string | null, overdue: boolean, inPersonVisits: number, item: { name: string }, events: Array<{ time: string, status: CaseStatus, channel: Channel, handler: string, note: string | null }>, materials: Array<{ name: string, required: boolean, certificateType: CertificateType | null, mustSubmit: boolean, satisfiedBy: { id: string, trustGrade: TrustGrade } | null }> | null, dataRuns: Array<{ material: string, certificateType: CertificateType, number: string, usedOn: string, heldAtSubmission: boolean | null }>, evaluation: { level: EvaluationLevel, comment: string | null } | null } | null };

export type MyCasesQueryVariables = Exact<{
  status?: CaseStatus | null | undefined;
  orderBy?: CaseOrder | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type MyCasesQuery = { cases: { totalCount: number, nodes: Array<{ id: string, status: CaseStatus, submittedOn: string, dueDate: string | null, overdue: boolean, item: { code: string, name: string }, region: { fullName: string }, department: { name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null, hasPreviousPage: boolean, startCursor: string | null } } };

export type ServiceSearchQueryVariables = Exact<{
  region?: string | null | undefined;
  search?: string | null | undefined;
  fullyOnline?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServiceSearchQuery = { serviceItems: { nodes: Array<{ code: string, name: string, type: ItemType, promisedLimitDays: number, inPersonVisits: number, materials: Array<{ name: string, required: boolean, certificateType: CertificateType | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type WithdrawCaseMutationVariables = Exact<{
  id: string | number;
  reason: string;
  channel?: Channel | null | undefined;
  idempotencyKey?: string | null | undefined;
}>;


export type WithdrawCaseMutation = { withdrawCase:
    | { __typename: 'Case', id: string, status: CaseStatus, mayWithdraw: boolean, events: Array<{ time: string, status: CaseStatus, channel: Channel, handler: string, note: string | null }> }
    | { __typename: 'IllegalTransition', code: ProblemCode, message: string, status: CaseStatus, case: { id: string, status: CaseStatus, mayWithdraw: boolean } }
   };

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

export const CasePageDocument = new TypedDocumentString(`
    query CasePage($id: ID!) {
  case(id: $id) {
    id
    status
    mayWithdraw
    channel
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
      handler
      note
    }
    materials {
      name
      required
      certificateType
      mustSubmit
      satisfiedBy {
        id
        trustGrade
      }
    }
    dataRuns {
      material
      certificateType
      number
      usedOn
      heldAtSubmission
    }
    evaluation {
      level
      comment
    }
  }
}
    `, {"hash":"sha256:e8f309328e7cc07e70105ed692812adfcc267070c41c1ec48fa8b1e118c02b19"}) as unknown as TypedDocumentString<CasePageQuery, CasePageQueryVariables>;
export const MyCasesDocument = new TypedDocumentString(`
    query MyCases($status: CaseStatus, $orderBy: CaseOrder, $first: Int, $after: String, $last: Int, $before: String) {
  cases(
    status: $status
    orderBy: $orderBy
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    nodes {
      id
      status
      submittedOn
      dueDate
      overdue
      item {
        code
        name
      }
      region {
        fullName
      }
      department {
        name
      }
    }
    pageInfo {
      hasNextPage
      endCursor
      hasPreviousPage
      startCursor
    }
  }
}
    `, {"hash":"sha256:644e0373cc5230217ba0cce97216760dd4d131d6be099617772f97dd060f015f"}) as unknown as TypedDocumentString<MyCasesQuery, MyCasesQueryVariables>;
export const ServiceSearchDocument = new TypedDocumentString(`
    query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {
  serviceItems(
    region: $region
    search: $search
    fullyOnline: $fullyOnline
    first: $first
    after: $after
  ) {
    nodes {
      code
      name
      type
      promisedLimitDays
      inPersonVisits
      materials {
        name
        required
        certificateType
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:05feb78d6114b329adf327c2dcb3608feee4610ce877a00949d93e20ff486e08"}) as unknown as TypedDocumentString<ServiceSearchQuery, ServiceSearchQueryVariables>;
export const WithdrawCaseDocument = new TypedDocumentString(`
    mutation WithdrawCase($id: ID!, $reason: String!, $channel: Channel, $idempotencyKey: String) {
  withdrawCase(
    id: $id
    reason: $reason
    channel: $channel
    idempotencyKey: $idempotencyKey
  ) {
    __typename
    ... on Case {
      id
      status
      mayWithdraw
      events {
        time
        status
        channel
        handler
        note
      }
    }
    ... on MutationProblem {
      code
      message
    }
    ... on IllegalTransition {
      status
      case {
        id
        status
        mayWithdraw
      }
    }
  }
}
    `, {"hash":"sha256:37cfcd44adaa9922037d88be01a512b4bc072afac37dc7e4fbaa14584c5f7e05"}) as unknown as TypedDocumentString<WithdrawCaseMutation, WithdrawCaseMutationVariables>;