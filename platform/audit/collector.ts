import { randomUUID } from 'node:crypto';
import type { DepartmentContext } from '../context.js';
import { checkResidentId } from '../identifiers/index.js';
import type { AccessRecord } from './record.js';
import type { Withholding } from './withholding.js';

/** Who served the reads: the department, and for one served per province the instance (`cases@44`). */
export interface ServedBy {
  department: string;
  instance?: string | null;
}

interface Reads {
  subject: string;
  purpose: string | null;
  fields: Set<string>;
  categories: Set<string>;
}

/**
 * The personal data one request reads, gathered while it runs (context.reads) and recorded before
 * its answer is served (platform/audit/plugin.ts): one access record per data subject.
 */
export class AccessReads {
  readonly #reads = new Map<string, Reads>();
  readonly #agents = new Map<string, { agent: string; mandate: string | null }>();

  /** `purpose`: the request's stated purpose (x-purpose), what a read is for unless said otherwise */
  constructor(private readonly purpose: string | null) {}

  /**
   * Notes that personal field `coordinate` of these data subjects is being served. A department
   * passes its own `purpose` when it reads for one it knows better, e.g. a case's data runs checked
   * at submission (the case id is not known to the caller before): that read gets a record of its own.
   */
  note(subjects: readonly (string | null)[], coordinate: string, category: string, purpose: string | null = this.purpose): void {
    for (const subject of subjects) {
      if (!subject) continue;
      const key = purpose === this.purpose ? subject : `${subject}\u0000${purpose}`;
      let entry = this.#reads.get(key);
      if (!entry) this.#reads.set(key, (entry = { subject, purpose, fields: new Set(), categories: new Set() }));
      entry.fields.add(coordinate);
      entry.categories.add(category);
    }
  }

  /** Notes that the caller acts for `principal` as their agent (帮代办) under `mandate`: the records about the principal say so. */
  actingFor(principal: string, agent: string, mandate: string | null): void {
    this.#agents.set(principal, { agent, mandate });
  }

  /** Whether the request read any personal data (then it must be recorded before it is served). */
  get any(): boolean {
    return this.#reads.size > 0;
  }

  /** One access record per data subject read; `withholding` as withholdingOf() allowed it. */
  records(context: DepartmentContext<unknown>, { department, instance }: ServedBy, withholding: Withholding | null = null, at = new Date()): AccessRecord[] {
    const { caller } = context;
    return [...this.#reads.values()].map(({ subject: subjectId, purpose, ...r }) => ({
      id: randomUUID(),
      department,
      // left out when not partitioned: such a department's records read as they did before instances
      ...(instance ? { instance } : {}),
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
      ...this.#agents.get(subjectId),
    }));
  }
}
