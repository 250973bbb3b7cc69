import { randomUUID } from 'node:crypto';
import type { DepartmentContext } from '../context.js';
import { checkResidentId } from '../identifiers/index.js';
import type { AccessRecord } from './record.js';
import type { Withholding } from './withholding.js';

interface Reads {
  subject: string;
  purpose: string | null;
  fields: Set<string>;
  categories: Set<string>;
}

const perRequest = new WeakMap<object, Map<string, Reads>>();

/**
 * Notes that personal field `coordinate` of these data subjects is being served in this request.
 * `purpose` defaults to the request's stated one; a department passes its own when it reads for a
 * purpose it knows better, e.g. a case's data runs checked at submission (the case id is not
 * known to the caller before): that read then gets a record of its own.
 */
export function noteAccess(
  context: DepartmentContext<unknown>,
  subjects: readonly (string | null)[],
  coordinate: string,
  category: string,
  purpose: string | null = context.purpose,
): void {
  let reads = perRequest.get(context);
  if (!reads) perRequest.set(context, (reads = new Map()));
  for (const subject of subjects) {
    if (!subject) continue;
    const key = purpose === context.purpose ? subject : `${subject}\u0000${purpose}`;
    let entry = reads.get(key);
    if (!entry) reads.set(key, (entry = { subject, purpose, fields: new Set(), categories: new Set() }));
    entry.fields.add(coordinate);
    entry.categories.add(category);
  }
}

const agencies = new WeakMap<object, Map<string, { agent: string; mandate: string | null }>>();

/**
 * Notes that in this request the caller acts for `principal` as their agent
 * (帮代办), under `mandate`: the records about the principal then say so.
 */
export function noteAgent(context: DepartmentContext<unknown>, principal: string, agent: string, mandate: string | null): void {
  let acting = agencies.get(context);
  if (!acting) agencies.set(context, (acting = new Map()));
  acting.set(principal, { agent, mandate });
}

/** Whether this request read any personal data (then it must be recorded before it is served). */
export function readsPersonalData(context: DepartmentContext<unknown>): boolean {
  return (perRequest.get(context)?.size ?? 0) > 0;
}

/** One access record per data subject read in this request; `withholding` as withholdingOf() allowed it. */
export function accessRecords(context: DepartmentContext<unknown>, department: string, withholding: Withholding | null = null, at = new Date()): AccessRecord[] {
  const reads = perRequest.get(context);
  if (!reads) return [];
  const { caller } = context;
  return [...reads.values()].map(({ subject: subjectId, purpose, ...r }) => ({
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
    ...agencies.get(context)?.get(subjectId),
  }));
}
