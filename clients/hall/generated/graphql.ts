/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/**
 * An officer's handling step, one per mutation: acceptCase (ACCEPT), rejectCase (REJECT), startReview
 * (START_REVIEW), suspendCase (SUSPEND), resumeCase (RESUME), approveCase (APPROVE),
 * refuseCase (REFUSE), deliverCase (DELIVER). The applicant's withdrawal (withdrawCase) is not one:
 * Case.mayWithdraw tells whether the caller may withdraw.
 */
export type CaseAction =
  /** SUBMITTED -> ACCEPTED */
  | 'ACCEPT'
  /** UNDER_REVIEW -> APPROVED */
  | 'APPROVE'
  /** APPROVED -> DELIVERED */
  | 'DELIVER'
  /** UNDER_REVIEW -> REFUSED (reason required) */
  | 'REFUSE'
  /** SUBMITTED -> NOT_ACCEPTED (reason required) */
  | 'REJECT'
  /** SUSPENDED -> UNDER_REVIEW */
  | 'RESUME'
  /** ACCEPTED -> UNDER_REVIEW */
  | 'START_REVIEW'
  /** UNDER_REVIEW -> SUSPENDED (reason: the materials to supplement) */
  | 'SUSPEND';

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

export type AgencyCaseProgressSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type AgencyCaseProgressSubscription = { caseProgress: { id: string, status: CaseStatus, allowedActions: Array<CaseAction>, dueDate: string | null, overdue: boolean, channel: Channel, item: { name: string } } };

export type HallCaseQueryVariables = Exact<{
  id: string | number;
}>;


export type HallCaseQuery = { case: { id: string, status: CaseStatus, channel: Channel, allowedActions: Array<CaseAction>, submittedOn: string, dueDate: string | null, overdue: boolean, item: { code: string, name: string, inPersonVisits: number }, department: { code: string, name: string }, events: Array<{ time: string, status: CaseStatus, channel: Channel, note: string | null }> } | null };

export type HallQueueQueryVariables = Exact<{
  region: string;
  status: CaseStatus;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type HallQueueQuery = { cases: { totalCount: number, nodes: Array<{ id: string, status: CaseStatus, submittedOn: string, dueDate: string | null, overdue: boolean, item: { code: string, name: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ServiceSearchQueryVariables = Exact<{
  region?: string | null | undefined;
  search?: string | null | undefined;
  fullyOnline?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ServiceSearchQuery = { serviceItems: { nodes: Array<{ code: string, name: string, type: ItemType, promisedLimitDays: number, inPersonVisits: number, materials: Array<{ name: string, required: boolean, certificateType: CertificateType | null }> }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

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

export const AgencyCaseProgressDocument = new TypedDocumentString(`
    subscription AgencyCaseProgress {
  caseProgress {
    id
    status
    allowedActions
    dueDate
    overdue
    item {
      name
    }
    channel
  }
}
    `, {"hash":"sha256:dab0a166ed139318e0f892c14a983572a4f06f9584a25d986a16314d9115deb4"}) as unknown as TypedDocumentString<AgencyCaseProgressSubscription, AgencyCaseProgressSubscriptionVariables>;
export const HallCaseDocument = new TypedDocumentString(`
    query HallCase($id: ID!) {
  case(id: $id) {
    id
    status
    channel
    allowedActions
    submittedOn
    dueDate
    overdue
    item {
      code
      name
      inPersonVisits
    }
    department {
      code
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
    `, {"hash":"sha256:7210eb1f9fd9850406576feb20e7318974e899a751551d25287ca53b49f4384d"}) as unknown as TypedDocumentString<HallCaseQuery, HallCaseQueryVariables>;
export const HallQueueDocument = new TypedDocumentString(`
    query HallQueue($region: DivisionCode!, $status: CaseStatus!, $first: Int, $after: String) {
  cases(
    region: $region
    status: $status
    orderBy: DUE_SOONEST
    first: $first
    after: $after
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
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:8b6b11a64739d8f40e2beb35eb4df5c7a810ffdd66a041378792698d13e03739"}) as unknown as TypedDocumentString<HallQueueQuery, HallQueueQueryVariables>;
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