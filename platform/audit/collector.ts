import { randomUUID } from 'node:crypto';
import type { DepartmentContext } from '../context.js';
import { checkResidentId } from '../identifiers/index.js';
import type { AccessRecord } from './record.js';
import type { Withholding } from './withholding.js';

interface Reads {
  fields: Set<string>;
  categories: Set<string>;
}

const perRequest = new WeakMap<object, Map<string, Reads>>();

/** Notes that personal field `coordinate` of these data subjects is being served in this request. */
export function noteAccess(context: DepartmentContext<unknown>, subjects: readonly (string | null)[], coordinate: string, category: string): void {
  let reads = perRequest.get(context);
  if (!reads) perRequest.set(context, (reads = new Map()));
  for (const subject of subjects) {
    if (!subject) continue;
    let entry = reads.get(subject);
    if (!entry) reads.set(subject, (entry = { fields: new Set(), categories: new Set() }));
    entry.fields.add(coordinate);
    entry.categories.add(category);
  }
}

/** Whether this request read any personal data (then it must be recorded before it is served). */
export function readsPersonalData(context: DepartmentContext<unknown>): boolean {
  return (perRequest.get(context)?.size ?? 0) > 0;
}

/** One access record per data subject read in this request; `withholding` as withholdingOf() allowed it. */
export function accessRecords(context: DepartmentContext<unknown>, department: string, withholding: Withholding | null = null, at = new Date()): AccessRecord[] {
  const reads = perRequest.get(context);
  if (!reads) return [];
  const { caller, purpose } = context;
  return [...reads].map(([subjectId, r]) => ({
    id: randomUUID(),
    department,
    at: at.toISOString(),
    requestId: context.requestId,
    clientName: context.clientName,
    callerRole: caller.role,
    callerSubject: caller.subject,
    callerDepartment: caller.department,
    purpose,
    subjectKind: checkResidentId(subjectId) === null ? 'PERSON' : 'ENTERPRISE',
    subjectId,
    fields: [...r.fields].sort(),
    categories: [...r.categories].sort(),
    withheld: withholding !== null,
    withheldBy: withholding?.by ?? null,
    withheldUntil: withholding?.until ?? null,
  }));
}
