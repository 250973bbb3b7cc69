/**
 * One read of personal data, as the department that served it records it
 * (X-Road style: who, on whose behalf, why, about whom, which data, when).
 * Departments write it to their own outbox first, then deliver it to the audit
 * department, which chains it into its append-only log.
 */
export interface AccessRecord {
  /** unique id (UUID), chosen by the recording department: the audit log dedups on it */
  id: string;
  /** the department that served the data */
  department: string;
  /**
   * The instance of a department served per province that served it (`cases@44`, `cases@national`,
   * platform/partition/instances.ts). Left out (null) for a department that is not partitioned;
   * hashed into the audit chain only when set.
   */
  instance?: string | null;
  /** ISO time the data was served */
  at: string;
  requestId: string;
  clientName: string | null;
  callerRole: string;
  callerSubject: string | null;
  callerDepartment: string | null;
  purpose: string | null;
  subjectKind: 'PERSON' | 'ENTERPRISE';
  /** resident identity number or credit code of the data subject */
  subjectId: string;
  /** "Type.field" coordinates read, sorted */
  fields: string[];
  /** personal-data categories of those fields, sorted */
  categories: string[];
  /**
   * Withheld from the data subject's tracker (e.g. an ongoing investigation,
   * PIPL art. 18 / 35) by an officer with the `<department>:withhold` scope
   * (see withholding.ts). Auditors always see it.
   */
  withheld: boolean;
  /**
   * Acting for another (帮代办): resident identity number of the agent who acted
   * for the data subject (the caller), and the mandate they acted under (null
   * when none is on record). Left out (null) when the caller acted for themselves
   * or on duty; hashed into the audit chain only when set.
   */
  agent?: string | null;
  mandate?: string | null;
  /** the officer who withheld it; null when not withheld (optional: records made before withholding was a power lack it) */
  withheldBy?: string | null;
  /** last day (YYYY-MM-DD) it is hidden from the subject, who sees it from the day after */
  withheldUntil?: string | null;
}

/** The ingest endpoint of the audit department, relative to its /graphql URL. */
export const INGEST_PATH = '/ingest';

/** Where a department reports its outbox (pending and rejected counts), relative to the /graphql URL. */
export const OUTBOX_REPORT_PATH = `${INGEST_PATH}/outbox`;
