import type { EntityManager } from '@mikro-orm/core';
import type { AccessReads } from './audit/collector.js';

/** The roles of the unified identity service (filled in by the security layer). */
export type Role = 'ANONYMOUS' | 'CITIZEN' | 'ENTERPRISE' | 'OFFICER' | 'SUPERVISOR' | 'AUDITOR';

/** Who is asking. Until the gateway signs requests, every caller is anonymous. */
export interface Caller {
  role: Role;
  /** resident identity number (citizen), credit code (enterprise) or officer id */
  subject: string | null;
  /** department code of an officer */
  department: string | null;
  scopes: readonly string[];
}

export const ANONYMOUS: Caller = Object.freeze({ role: 'ANONYMOUS', subject: null, department: null, scopes: [] });

/** What every resolver of every department receives; L is the department's loaders. */
export interface DepartmentContext<L> {
  /** a fork of the department's EntityManager, private to this request */
  em: EntityManager;
  /** DataLoaders built for this request only, so nothing is cached across callers */
  loaders: L;
  caller: Caller;
  /** the stated purpose of the access (x-purpose), when there is one */
  purpose: string | null;
  requestId: string;
  /** the front end that sent the request (apollographql-client-name), for the audit trail */
  clientName: string | null;
  /** the personal data this request reads, recorded before its answer is served */
  reads: AccessReads;
}
