import { BigIntType, EntitySchema } from '@mikro-orm/core';
import type { AccessRecord } from '../../platform/audit/record.js';

/** One link of the chain: the access record as delivered, its position and its hashes. */
export interface AccessEntry extends AccessRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * The last link, in a one-row table: appends lock it (SELECT … FOR UPDATE on
 * PostgreSQL) so that concurrent deliveries take turns and the chain never forks.
 */
export interface ChainHead {
  id: number;
  seq: number;
  hash: string;
}

export const HEAD_ID = 1;

export const AccessEntryEntity = new EntitySchema<AccessEntry>({
  name: 'AccessEntry',
  tableName: 'access_entry',
  properties: {
    seq: { type: new BigIntType('number'), primary: true, autoincrement: false },
    id: { type: 'string', unique: true },
    department: { type: 'string' },
    at: { type: 'string' },
    requestId: { type: 'string', fieldName: 'request_id' },
    clientName: { type: 'string', fieldName: 'client_name', nullable: true },
    callerRole: { type: 'string', fieldName: 'caller_role' },
    callerSubject: { type: 'string', fieldName: 'caller_subject', nullable: true },
    callerDepartment: { type: 'string', fieldName: 'caller_department', nullable: true },
    purpose: { type: 'string', nullable: true },
    subjectKind: { type: 'string', fieldName: 'subject_kind' },
    subjectId: { type: 'string', fieldName: 'subject_id' },
    fields: { type: 'json' },
    categories: { type: 'json' },
    withheld: { type: 'boolean' },
    agent: { type: 'string', nullable: true },
    mandate: { type: 'string', nullable: true },
    withheldBy: { type: 'string', fieldName: 'withheld_by', nullable: true },
    withheldUntil: { type: 'string', fieldName: 'withheld_until', nullable: true },
    prevHash: { type: 'string', fieldName: 'prev_hash' },
    hash: { type: 'string' },
  },
});

export const ChainHeadEntity = new EntitySchema<ChainHead>({
  name: 'ChainHead',
  tableName: 'chain_head',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: false },
    seq: { type: new BigIntType('number') },
    hash: { type: 'string' },
  },
});

/**
 * What each department last reported about its own outbox: records the audit
 * log refused as they are (kept there, retried) and records still waiting. A
 * log with rejected records is incomplete: auditors see by whom and how much.
 */
export interface OutboxReport {
  department: string;
  pending: number;
  rejected: number;
  reportedAt: string;
}

export const OutboxReportEntity = new EntitySchema<OutboxReport>({
  name: 'OutboxReport',
  tableName: 'outbox_report',
  properties: {
    department: { type: 'string', primary: true },
    pending: { type: 'integer' },
    rejected: { type: 'integer' },
    reportedAt: { type: 'string', fieldName: 'reported_at' },
  },
});
