import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AccessRecord } from '../../platform/audit/record.js';

/** One link of the chain: the access record as delivered, its position and its hashes. */
export const AccessEntryEntity = defineEntity({
  name: 'AccessEntry',
  tableName: 'access_entry',
  properties: {
    // bigint: a national log outgrows 2^31 entries; the GraphQL API shows seq as Int until then
    seq: p.bigint('number').primary().autoincrement(false),
    id: p.string().length(64).unique(),
    department: p.string().length(40),
    // the instance of a department served per province that served it (cases@44); null when not partitioned
    instance: p.string().length(64).strictNullable(),
    at: p.string().length(24),
    requestId: p.string().length(128),
    clientName: p.string().length(200).strictNullable(),
    callerRole: p.string().length(16),
    callerSubject: p.string().length(200).strictNullable(),
    callerDepartment: p.string().length(64).strictNullable(),
    purpose: p.string().length(500).strictNullable(),
    subjectKind: p.string().length(16).$type<AccessRecord['subjectKind']>(),
    subjectId: p.string().length(18),
    fields: p.json<string[]>().columnType('json'),
    categories: p.json<string[]>().columnType('json'),
    withheld: p.boolean(),
    // acting for another (帮代办): who acted on the data subject's behalf, under which mandate
    agent: p.string().length(18).strictNullable(),
    mandate: p.string().length(64).strictNullable(),
    // withholding is a power: who withheld a read and the last day it is hidden (null: not withheld,
    // or withheld before it was a power, which the tracker shows)
    withheldBy: p.string().length(200).strictNullable(),
    withheldUntil: p.string().length(10).strictNullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  // every filter of accessLog / myDataAccesses, each ending in the cursor column; auditors list withheld reads by seq
  indexes: [
    { properties: ['subjectId', 'seq'] },
    { properties: ['callerSubject', 'seq'] },
    { properties: ['department', 'seq'] },
    { properties: ['purpose', 'seq'] },
    { properties: ['at', 'seq'] },
    { properties: ['withheld', 'seq'] },
  ],
});
export type AccessEntry = InferEntity<typeof AccessEntryEntity>;
// an entry is a delivered record: the table may not drift from the record type
type _EntryHoldsRecord = AccessEntry extends Required<AccessRecord> ? true : never;
const _entryHoldsRecord: _EntryHoldsRecord = true;
void _entryHoldsRecord;

export const HEAD_ID = 1;

/**
 * The last link, in a one-row table: appends lock it (SELECT … FOR UPDATE on
 * PostgreSQL) so that concurrent deliveries take turns and the chain never forks.
 */
export const ChainHeadEntity = defineEntity({
  name: 'ChainHead',
  tableName: 'chain_head',
  properties: {
    id: p.integer().primary().autoincrement(false),
    seq: p.bigint('number'),
    hash: p.string().length(64),
  },
});
export type ChainHead = InferEntity<typeof ChainHeadEntity>;

/**
 * What each department last reported about its own outbox: records the audit
 * log refused as they are (kept there, retried) and records still waiting. A
 * log with rejected records is incomplete: auditors see by whom and how much.
 */
export const OutboxReportEntity = defineEntity({
  name: 'OutboxReport',
  tableName: 'outbox_report',
  properties: {
    department: p.string().length(40).primary(),
    pending: p.integer(),
    rejected: p.integer(),
    reportedAt: p.string().length(24),
  },
});
export type OutboxReport = InferEntity<typeof OutboxReportEntity>;
