import { EntitySchema } from '@mikro-orm/core';
import type { CaseStatus } from './lifecycle.js';
import type { Channel } from '../../reference/service-types.js';

export type ApplicantKind = 'PERSON' | 'ENTERPRISE';

/**
 * A case with the figures its timeline implies, precomputed on every step
 * (timeline.ts) so that figures over a million cases are one GROUP BY.
 * Dates are 'YYYY-MM-DD' text in China time: they sort and compare as text.
 */
export interface Case {
  id: string;
  applicantKind: ApplicantKind;
  /** resident identity number (PERSON) or credit code (ENTERPRISE) */
  applicantId: string;
  /** resident identity number of a person acting for the applicant (帮代办) */
  agentId: string | null;
  /** the mandate (授权委托) the agent submitted under (mandates.ts); null for the applicant's own, or older cases */
  mandateId: string | null;
  itemCode: string;
  implementationCode: string;
  regionCode: string;
  /** credit code of the implementing agency (a catalog Department) */
  departmentCode: string;
  /** the submission channel */
  channel: Channel;
  promisedLimitDays: number;
  status: CaseStatus;
  submittedOn: string;
  acceptedOn: string | null;
  /** approved or refused on */
  decidedOn: string | null;
  /** acceptedOn + limit + closed suspensions, in working days; moves on while SUSPENDED (see timeline.ts) */
  dueDate: string | null;
  /** working days of suspensions that have ended */
  suspendedDays: number;
  /** start of the current suspension */
  suspendedSince: string | null;
  /** working days late, frozen when the clock stopped (decided, suspended; 0 before acceptance); null while it runs */
  overdueDays: number | null;
  /** working days from acceptance to decision, suspensions excluded; null until decided */
  handlingDays: number | null;
}

/** One step of a case's timeline. */
export interface CaseEvent {
  caseId: string;
  /** 0 = submission */
  seq: number;
  /** ISO date-time with +08:00 */
  at: string;
  status: CaseStatus;
  channel: Channel;
  handler: string;
  note: string | null;
}

/**
 * The promise an implementation (实施清单) makes, kept here so a submission can
 * record the promised limit, region and agency it was made under. Loaded from
 * the sample catalog the catalog department stores (samples/catalog.ts), by the seeder.
 */
export interface Implementation {
  code: string;
  itemCode: string;
  regionCode: string;
  departmentCode: string;
  promisedLimitDays: number;
}

/**
 * A certificate confirmed at submission for one material (数据跑腿), as the
 * applicant saw it in the hub's preview: recorded once, never recomputed, so a
 * later expiry or revocation does not rewrite the case's history.
 */
export interface CertificateUseRow {
  caseId: string;
  material: string;
  certificateId: string;
  /** a CertificateType value */
  certificateType: string;
  /** the certificate number as of submission */
  number: string;
}

/** CertificateUse as the graph sees it: the row with its case's applicant and submission day. */
export interface CertificateUse extends CertificateUseRow {
  applicantKind: ApplicantKind;
  applicantId: string;
  usedOn: string;
}

/** An application about to be made (the key of DraftApplication). */
export interface DraftApplication {
  itemCode: string;
  applicantKind: ApplicantKind;
  applicantId: string;
}

/** Entities of other departments, by key only. */
export interface PersonRef {
  id: string;
}
export interface EnterpriseRef {
  creditCode: string;
}
export interface ServiceItemRef {
  code: string;
}
export interface DepartmentRef {
  code: string;
}
export interface RegionRef {
  code: string;
}

export const CaseEntity = new EntitySchema<Case>({
  name: 'Case',
  tableName: 'cases',
  properties: {
    id: { type: 'string', primary: true },
    applicantKind: { type: 'string', fieldName: 'applicant_kind' },
    applicantId: { type: 'string', fieldName: 'applicant_id' },
    agentId: { type: 'string', nullable: true, fieldName: 'agent_id' },
    mandateId: { type: 'string', nullable: true, fieldName: 'mandate_id' },
    itemCode: { type: 'string', fieldName: 'item_code' },
    implementationCode: { type: 'string', fieldName: 'implementation_code' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    departmentCode: { type: 'string', fieldName: 'department_code' },
    channel: { type: 'string' },
    promisedLimitDays: { type: 'integer', fieldName: 'promised_limit_days' },
    status: { type: 'string' },
    submittedOn: { type: 'string', fieldName: 'submitted_on' },
    acceptedOn: { type: 'string', nullable: true, fieldName: 'accepted_on' },
    decidedOn: { type: 'string', nullable: true, fieldName: 'decided_on' },
    dueDate: { type: 'string', nullable: true, fieldName: 'due_date' },
    suspendedDays: { type: 'integer', fieldName: 'suspended_days' },
    suspendedSince: { type: 'string', nullable: true, fieldName: 'suspended_since' },
    overdueDays: { type: 'integer', nullable: true, fieldName: 'overdue_days' },
    handlingDays: { type: 'integer', nullable: true, fieldName: 'handling_days' },
  },
});

export const CaseEventEntity = new EntitySchema<CaseEvent>({
  name: 'CaseEvent',
  tableName: 'case_event',
  properties: {
    caseId: { type: 'string', primary: true, fieldName: 'case_id' },
    seq: { type: 'integer', primary: true },
    at: { type: 'string' },
    status: { type: 'string' },
    channel: { type: 'string' },
    handler: { type: 'string' },
    note: { type: 'string', nullable: true },
  },
});

export const ImplementationEntity = new EntitySchema<Implementation>({
  name: 'Implementation',
  tableName: 'implementation',
  properties: {
    code: { type: 'string', primary: true },
    itemCode: { type: 'string', fieldName: 'item_code' },
    regionCode: { type: 'string', fieldName: 'region_code' },
    departmentCode: { type: 'string', fieldName: 'department_code' },
    promisedLimitDays: { type: 'integer', fieldName: 'promised_limit_days' },
  },
});

export const CertificateUseEntity = new EntitySchema<CertificateUseRow>({
  name: 'CertificateUse',
  tableName: 'case_certificate_used',
  properties: {
    caseId: { type: 'string', primary: true, fieldName: 'case_id' },
    material: { type: 'string', primary: true },
    certificateId: { type: 'string', fieldName: 'certificate_id' },
    certificateType: { type: 'string', fieldName: 'certificate_type' },
    number: { type: 'string' },
  },
});
