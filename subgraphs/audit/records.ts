import type { AccessRecord } from '../../platform/audit/record.js';
import { DEPARTMENTS } from '../../platform/departments.js';
import { checkCreditCode, checkDate, checkResidentId } from '../../platform/identifiers/index.js';
import { PROVINCE_CODES } from '../../platform/identifiers/jurisdiction.js';
import { ROLES } from '../../platform/security/roles.js';

/** Records per ingest call. */
export const MAX_BATCH = 1_000;

export type Batch = { ok: true; records: AccessRecord[] } | { ok: false; error: string };

type Check = (value: unknown, record: Record<string, unknown>) => string | null;

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const COORDINATE = /^[A-Za-z_]\w*\.[A-Za-z_]\w*$/;
const CATEGORY = /^[A-Z][A-Z_]*$/;
const DEPARTMENT_NAMES: readonly string[] = DEPARTMENTS.map((d) => d.name);
const PARTITIONED: ReadonlySet<string> = new Set(DEPARTMENTS.filter((d) => d.partitioned).map((d) => d.name));

const text =
  (max: number, nullable = false): Check =>
  (v) => {
    if (v === null && nullable) return null;
    if (typeof v !== 'string') return nullable ? 'must be a string or null' : 'must be a string';
    if (!nullable && v.length === 0) return 'must not be empty';
    return v.length > max ? `must be at most ${max} characters` : null;
  };
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `must be one of ${values.join(', ')}`;
const list =
  (pattern: RegExp, max: number, example: string): Check =>
  (v) => {
    if (!Array.isArray(v)) return 'must be an array of strings';
    if (v.length > max) return `must have at most ${max} items`;
    const wrong = v.find((item) => typeof item !== 'string' || !pattern.test(item));
    return wrong === undefined ? null : `${JSON.stringify(wrong)} is not like ${example}`;
  };

// every field of the contract, with its rule; the compiler keeps the two in step
const CHECKS: Record<keyof AccessRecord, Check> = {
  id: (v) => (typeof v === 'string' && ID.test(v) ? null : 'must be 1–64 letters, digits, . _ : or - (a UUID)'),
  department: oneOf(DEPARTMENT_NAMES),
  // an instance of the record's own department (platform/partition/instances.ts instanceName): the
  // delivery is signed per department, so no department can put its records in another's instance
  instance: (v, record) => {
    if (v === null) return null;
    if (typeof v !== 'string') return 'must be an instance name like cases@44, or null';
    if (!PARTITIONED.has(record.department as string)) return `must be null: ${String(record.department)} is not served per province`;
    const [department, province, ...rest] = v.split('@');
    if (department !== record.department || rest.length > 0 || province === undefined)
      return `must name an instance of ${String(record.department)} (${String(record.department)}@<province code> or ${String(record.department)}@national)`;
    return province === 'national' || PROVINCE_CODES.has(province) ? null : `${JSON.stringify(province)} is not a province code (11 … 82) or national`;
  },
  at: (v) =>
    typeof v === 'string' && ISO_TIME.test(v) && !Number.isNaN(Date.parse(v)) ? null : 'must be an ISO 8601 time with a zone, e.g. 2026-03-01T08:00:00.000Z',
  requestId: text(128),
  clientName: text(200, true),
  callerRole: oneOf(ROLES),
  callerSubject: text(200, true),
  callerDepartment: text(64, true),
  purpose: text(500, true),
  subjectKind: oneOf(['PERSON', 'ENTERPRISE']),
  subjectId: (v, record) => {
    if (typeof v !== 'string') return 'must be a string';
    const problem = record.subjectKind === 'ENTERPRISE' ? checkCreditCode(v) : checkResidentId(v);
    return problem && `is not a valid ${record.subjectKind === 'ENTERPRISE' ? 'credit code' : 'resident identity number'}: ${problem}`;
  },
  fields: list(COORDINATE, 200, 'Person.name'),
  categories: list(CATEGORY, 50, 'IDENTITY_NUMBER'),
  withheld: (v) => (typeof v === 'boolean' ? null : 'must be true or false'),
  agent: (v) => (v === null ? null : typeof v === 'string' && checkResidentId(v) === null ? null : 'must be a resident identity number or null'),
  mandate: text(64, true),
  // who withheld it and until when come together, or not at all (a record from before withholding was a power)
  withheldBy: (v, record) => text(200, true)(v, record) ?? (v !== null && record.withheldUntil == null ? 'must be null unless withheldUntil is set' : null),
  withheldUntil: (v, record) => {
    if (v === null) return record.withheldBy == null ? null : 'must be set when withheldBy is';
    if (typeof v !== 'string') return 'must be a date YYYY-MM-DD or null';
    if (record.withheld !== true) return 'is set, so withheld must be true';
    if (record.withheldBy == null) return 'is set, so withheldBy must name who withheld it';
    return checkDate(v);
  },
};
const NULLABLE = new Set(['clientName', 'callerSubject', 'callerDepartment', 'purpose', 'agent', 'mandate', 'withheldBy', 'withheldUntil', 'instance']);
/** Added to the contract later: a record without them reads as it did before they existed. */
const LEFT_OUT_WHEN_NULL = new Set(['agent', 'mandate', 'withheldBy', 'withheldUntil', 'instance']);

/**
 * Parses an ingest body `{ "records": AccessRecord[] }`. The whole batch is
 * refused when one record is malformed, and the error names the record and the
 * field (`records[3].subjectId: ...`), so the sender can fix its outbox.
 * Optional fields may be left out (null); unknown fields are refused, so that a
 * contract change is noticed instead of silently dropped. `at` is stored
 * normalised to UTC with milliseconds (what toISOString gives).
 */
export function parseBatch(raw: string): Batch {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'body is not valid JSON' };
  }
  const records = (body as { records?: unknown } | null)?.records;
  if (!Array.isArray(records)) return { ok: false, error: 'records: must be an array of access records' };
  if (records.length > MAX_BATCH) return { ok: false, error: `records: at most ${MAX_BATCH} per call, got ${records.length}` };
  const parsed: AccessRecord[] = [];
  for (const [index, record] of records.entries()) {
    const result = parseRecord(record);
    if (typeof result === 'string') return { ok: false, error: `records[${index}]${result}` };
    parsed.push(result);
  }
  return { ok: true, records: parsed };
}

function parseRecord(value: unknown): AccessRecord | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return ': must be an object';
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !Object.hasOwn(CHECKS, key));
  if (unknown !== undefined) return `.${unknown}: is not a field of an access record`;
  const record: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(CHECKS)) {
    const field = input[key] === undefined && NULLABLE.has(key) ? null : input[key];
    if (field === undefined) return `.${key}: is missing`;
    const problem = check(field, input);
    if (problem) return `.${key}: ${problem}`;
    if (field === null && LEFT_OUT_WHEN_NULL.has(key)) continue;
    record[key] = field;
  }
  record.at = new Date(record.at as string).toISOString();
  return record as unknown as AccessRecord;
}
