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

/**
 * What an appellant wants (诉求类型). The response deadline depends on it, in working days
 * after the day of receipt: CONSULTATION 1, HELP_REQUEST 3, COMPLAINT 5, SUGGESTION 10, PRAISE 10
 * (see appealKinds).
 */
export type AppealKind =
  /** 投诉: something went wrong and the appellant wants it put right */
  | 'COMPLAINT'
  /** 咨询: a question about a policy or how to get something done */
  | 'CONSULTATION'
  /** 求助: the appellant needs help they cannot get otherwise */
  | 'HELP_REQUEST'
  /** 表扬: thanks for a service or an official */
  | 'PRAISE'
  /** 建议: a proposal to improve a service or a policy */
  | 'SUGGESTION';

/**
 * Where an appeal is in its handling. RECEIVED → DISPATCHED → RESPONDED → CLOSED; a department
 * that finds the appeal is not theirs returns it (DISPATCHED → RETURNED) and the hotline
 * dispatches it again (RETURNED → DISPATCHED).
 */
export type AppealStatus =
  /** 办结: closed after the call-back, with the appellant's satisfaction when they gave one */
  | 'CLOSED'
  /** 已派单: dispatched to a department, waiting for its response */
  | 'DISPATCHED'
  /** 受理: registered by the hotline centre, not yet dispatched */
  | 'RECEIVED'
  /** 已答复: the department responded; waiting for the call-back to the appellant */
  | 'RESPONDED'
  /** 退单: the department said it is not theirs; back at the hotline to be dispatched again */
  | 'RETURNED';

/** Where an application can be made or followed. */
export type Channel =
  | 'HOTLINE'
  | 'MOBILE_APP'
  | 'POST'
  | 'SELF_SERVICE_TERMINAL'
  | 'SERVICE_HALL'
  | 'WEB_PORTAL';

/** What a hotline operator or a citizen records when an appeal comes in. */
export type RegisterAppealInput = {
  /**
   * Who raises it. A citizen registers for themselves (leave it out or give their own number);
   * an operator gives the caller's number, or leaves it out for an anonymous appeal.
   */
  appellant?: string | null | undefined;
  category: AppealCategory;
  channel: Channel;
  kind: AppealKind;
  /** The division it is about. */
  region: string;
  /** What the appellant said: 1 to 2,000 characters. */
  text: string;
};

export type RegionAppealsQueryVariables = Exact<{
  region: string;
  status?: AppealStatus | null | undefined;
  overdue?: boolean | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type RegionAppealsQuery = { appeals: { totalCount: number, nodes: Array<{ id: string, kind: AppealKind, category: AppealCategory, status: AppealStatus, text: string, receivedOn: string, deadline: string, anonymous: boolean, region: { fullName: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null, hasPreviousPage: boolean, startCursor: string | null } } };

export type RegisterAppealMutationVariables = Exact<{
  input: RegisterAppealInput;
  idempotencyKey?: string | null | undefined;
}>;


export type RegisterAppealMutation = { registerAppeal: { id: string, kind: AppealKind, category: AppealCategory, status: AppealStatus, receivedOn: string, deadline: string, region: { fullName: string } } };

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

export const RegionAppealsDocument = new TypedDocumentString(`
    query RegionAppeals($region: DivisionCode!, $status: AppealStatus, $overdue: Boolean, $first: Int, $after: String, $last: Int, $before: String) {
  appeals(
    region: $region
    status: $status
    overdue: $overdue
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    nodes {
      id
      kind
      category
      status
      text
      receivedOn
      deadline
      anonymous
      region {
        fullName
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
    `, {"hash":"sha256:c120b297279e647e158f1ec7f3455e34bb9b1c197c52fb4068814dfe076e599f"}) as unknown as TypedDocumentString<RegionAppealsQuery, RegionAppealsQueryVariables>;
export const RegisterAppealDocument = new TypedDocumentString(`
    mutation RegisterAppeal($input: RegisterAppealInput!, $idempotencyKey: String) {
  registerAppeal(input: $input, idempotencyKey: $idempotencyKey) {
    id
    kind
    category
    status
    receivedOn
    deadline
    region {
      fullName
    }
  }
}
    `, {"hash":"sha256:72a924e76ed5874274b4bd88078457e1a7e3e9bffc84ad16a8cb4d7327fbd9d9"}) as unknown as TypedDocumentString<RegisterAppealMutation, RegisterAppealMutationVariables>;