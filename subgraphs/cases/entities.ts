import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { CountedPage } from '../../platform/pagination.js';
import type { CaseStatus } from './lifecycle.js';
import type { Channel } from '../../reference/service-types.js';
import type { AgeBand } from '../../reference/divide.js';

export type ApplicantKind = 'PERSON' | 'ENTERPRISE';

/** What a figure reads besides its key and window: in the figure indexes, the GROUP BY never touches the table. */
const FIGURE_COLUMNS = ['status', 'channel', 'overdueDays', 'dueDate', 'handlingDays', 'agentId'] as const;

/**
 * A case with the figures its timeline implies, precomputed on every step
 * (timeline.ts) so that figures over a million cases are one GROUP BY.
 * Dates are 'YYYY-MM-DD' text in China time: they sort and compare as text.
 */
export const CaseEntity = defineEntity({
  name: 'Case',
  tableName: 'cases',
  properties: {
    id: p.string().length(24).primary(),
    applicantKind: p.string().length(10).$type<ApplicantKind>(),
    /** resident identity number (PERSON) or credit code (ENTERPRISE) */
    applicantId: p.string().length(18),
    /** the applicant's age band on the submission day (reference/divide.ts), from the identity number's birth date; null for an enterprise: the only personal fact the figures keep */
    applicantAgeBand: p.string().length(16).$type<AgeBand>().strictNullable(),
    /** resident identity number of a person acting for the applicant (帮代办) */
    agentId: p.string().length(18).strictNullable(),
    /** the mandate (授权委托) the agent submitted under (mandates.ts); null for the applicant's own, or older cases */
    mandateId: p.string().length(24).strictNullable(),
    itemCode: p.string().length(32),
    implementationCode: p.string().length(80),
    regionCode: p.string().length(6),
    /** credit code of the implementing agency (a catalog Department) */
    departmentCode: p.string().length(18),
    /** the submission channel */
    channel: p.string().length(24).$type<Channel>(),
    promisedLimitDays: p.integer(),
    status: p.string().length(16).$type<CaseStatus>(),
    submittedOn: p.string().length(10),
    acceptedOn: p.string().length(10).strictNullable(),
    /** approved or refused on; null for a withdrawn case, which is never decided */
    decidedOn: p.string().length(10).strictNullable(),
    /** acceptedOn + limit + closed suspensions, in working days; moves on while SUSPENDED (see timeline.ts) */
    dueDate: p.string().length(10).strictNullable(),
    /** working days of suspensions that have ended */
    suspendedDays: p.integer(),
    /** start of the current suspension */
    suspendedSince: p.string().length(10).strictNullable(),
    /** working days late, frozen when the clock stopped (decided, suspended, withdrawn; 0 before acceptance); null while it runs */
    overdueDays: p.integer().strictNullable(),
    /** working days from acceptance to decision, suspensions excluded; null until decided */
    handlingDays: p.integer().strictNullable(),
  },
  // The seed builds these after its bulk insert (seed.ts).
  indexes: [
    // the region and status filters, and region figures (with the most overdue items): a region is a
    // range of codes, so no column after region_code could be sought anyway; one covering index and
    // no narrower one, which SQLite's planner would pick instead of it
    { name: 'cases_region', properties: ['regionCode', ...FIGURE_COLUMNS, 'submittedOn', 'itemCode'] },
    { name: 'cases_status_due', properties: ['status', 'dueDate'] },
    { name: 'cases_overdue_days', properties: ['overdueDays'] },
    { name: 'cases_submitted_on', properties: ['submittedOn'] },
    // figures per item and agency over a submission window
    { name: 'cases_item', properties: ['itemCode', 'submittedOn', ...FIGURE_COLUMNS] },
    { name: 'cases_department', properties: ['departmentCode', 'submittedOn', ...FIGURE_COLUMNS] },
    // Person.cases, Enterprise.cases, Person.casesAsAgent and what a citizen may list
    { name: 'cases_applicant', properties: ['applicantKind', 'applicantId'] },
    { name: 'cases_agent', properties: ['agentId'] },
    // newest first across provinces (platform/pagination.ts NEWEST_FIRST): a page of every case is an index range
    { name: 'cases_newest', expression: 'create index "cases_newest" on "cases" (substr("id", 3) desc, "id" desc)' },
    // Query.cases(orderBy: DUE_SOONEST) (platform/pagination.ts): a work queue of a status is an index range
    {
      name: 'cases_due_soonest',
      expression: `create index "cases_due_soonest" on "cases" ("status", coalesce("due_date", '9999-12-31'), substr("id", 3), "id")`,
    },
  ],
});
export type Case = InferEntity<typeof CaseEntity>;
/** A page of cases that counts its whole filtered list when totalCount is asked. */
export type CaseConnection = CountedPage<Case>;

/** One step of a case's timeline. */
export const CaseEventEntity = defineEntity({
  name: 'CaseEvent',
  tableName: 'case_event',
  properties: {
    // no foreign key: npm run seed empties tables in entity order (cases first) on PostgreSQL.
    // Case.events: the key starts with case_id
    caseId: p.string().length(24).primary(),
    /** 0 = submission */
    seq: p.integer().primary().autoincrement(false),
    /** ISO date-time with +08:00 */
    at: p.string().length(25),
    status: p.string().length(16).$type<CaseStatus>(),
    channel: p.string().length(24).$type<Channel>(),
    handler: p.string().length(64),
    note: p.string().length(500).strictNullable(),
  },
  primaryKeys: ['caseId', 'seq'],
});
export type CaseEvent = InferEntity<typeof CaseEventEntity>;

/**
 * The promise an implementation (实施清单) makes, kept here so a submission can
 * record the promised limit, region and agency it was made under. Loaded from
 * the sample catalog the catalog department stores (samples/catalog.ts), by the seeder.
 */
export const ImplementationEntity = defineEntity({
  name: 'Implementation',
  tableName: 'implementation',
  properties: {
    code: p.string().length(80).primary(),
    itemCode: p.string().length(32),
    regionCode: p.string().length(6),
    departmentCode: p.string().length(18),
    promisedLimitDays: p.integer(),
    /** in-person visits it promises (到现场次数, 0 = none, 1 = 最多跑一次); null when not recorded (rows stored before it was) */
    promisedVisits: p.integer().strictNullable(),
  },
});
export type Implementation = InferEntity<typeof ImplementationEntity>;

/**
 * A certificate confirmed at submission for one material (数据跑腿), as the
 * applicant saw it in the hub's preview: recorded once, never recomputed, so a
 * later expiry or revocation does not rewrite the case's history.
 */
export const CertificateUseEntity = defineEntity({
  name: 'CertificateUse',
  tableName: 'case_certificate_used',
  properties: {
    // Case.dataRuns: the key starts with case_id; one certificate per material
    caseId: p.string().length(24).primary(),
    material: p.string().length(200).primary(),
    certificateId: p.string().length(24),
    /** a CertificateType value */
    certificateType: p.string().length(48),
    /** the certificate number as of submission */
    number: p.string().length(64),
  },
  primaryKeys: ['caseId', 'material'],
});
export type CertificateUseRow = InferEntity<typeof CertificateUseEntity>;

/**
 * A mandate (授权委托): a principal (a person or an enterprise) lets one person
 * act for them (帮代办) for some service items, from validFrom until validUntil,
 * until revoked. Granted by the principal's own sign-in, or registered by an
 * officer at a hall window from a signed paper mandate, with a stated purpose.
 * Times are ISO 8601 UTC with milliseconds (toISOString): they compare as text.
 */
export const MandateEntity = defineEntity({
  name: 'Mandate',
  tableName: 'mandate',
  properties: {
    id: p.string().length(24).primary(),
    principalKind: p.string().length(10).$type<ApplicantKind>(),
    /** resident identity number (PERSON) or credit code (ENTERPRISE) */
    principalId: p.string().length(18),
    /** resident identity number of the person acting for the principal */
    agentId: p.string().length(18),
    itemCodes: p.json<string[]>().columnType('json'),
    validFrom: p.string().length(24),
    validUntil: p.string().length(24),
    revokedAt: p.string().length(24).strictNullable(),
    /** PRINCIPAL: granted by the principal's sign-in; OFFICER: registered at a window */
    grantedBy: p.string().length(10).$type<'PRINCIPAL' | 'OFFICER'>(),
    /** the registering officer's id and agency, and the purpose they stated */
    officerId: p.string().length(64).strictNullable(),
    officerDepartment: p.string().length(64).strictNullable(),
    purpose: p.string().length(500).strictNullable(),
    createdAt: p.string().length(24),
  },
  // a submission looks up the agent's mandates from this principal; each lists theirs
  indexes: [
    { name: 'mandate_agent', properties: ['agentId', 'principalId'] },
    { name: 'mandate_principal', properties: ['principalId'] },
  ],
});
export type Mandate = InferEntity<typeof MandateEntity>;

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
