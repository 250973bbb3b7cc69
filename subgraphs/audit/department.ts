import { auditVerifyKeys } from '../../platform/audit/keys.js';
import { INGEST_PATH, OUTBOX_REPORT_PATH } from '../../platform/audit/record.js';
import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { AccessEntryEntity, ChainHeadEntity, OutboxReportEntity } from './entities.js';
import { ingestRoute, outboxReportRoute } from './ingest.js';
import { createLoaders, type Loaders } from './loaders.js';
import { ensureChainHead } from './log.js';
import { resolvers } from './resolvers/index.js';
import { seedAudit } from './seed.js';
import { subjects } from './subjects.js';

/**
 * Audit: the append-only, hash-chained log of every read of personal data
 * (X-Road style), the auditors' search and verification, and the citizens'
 * data tracker. Departments deliver records to POST /ingest.
 */
export const audit: Department<Loaders> = {
  name: 'audit',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [AccessEntryEntity, ChainHeadEntity, OutboxReportEntity],
  migrations: loadMigrations(import.meta.url),
  prepare: ensureChainHead,
  loaders: createLoaders,
  seed: seedAudit,
  subjects,
  // the log records its own reads in place (self-record.ts): there is no outbox to deliver from here
  recordsAccess: false,
  routes: (orm) => {
    const keys = auditVerifyKeys();
    return { [INGEST_PATH]: ingestRoute(orm, keys), [OUTBOX_REPORT_PATH]: outboxReportRoute(orm, keys) };
  },
};
