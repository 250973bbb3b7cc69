/**
 * The hand-written migration chains of govgraph 0.1 (before migrations were generated from the entities),
 * as each department's database ran them, by the generated step that replaces them: `<name>-001-initial`
 * creates exactly the tables, columns and indexes these left behind (checked when the step was generated,
 * on SQLite and PostgreSQL), so a database that ran them all records that step as run (migrations.ts).
 * Delete this file once no database from 0.1 is left.
 */
const OUTBOX = ['kit-001-access-outbox', 'kit-002-outbox-rejected'];

export const LEGACY_CHAINS: Readonly<Record<string, readonly string[]>> = {
  'regions-001-initial': ['regions-001-region', ...OUTBOX],
  'catalog-001-initial': ['catalog-001-tables', ...OUTBOX],
  'population-001-initial': ['population-001-tables', ...OUTBOX],
  'market-001-initial': ['market-001-enterprise', ...OUTBOX],
  'certificates-001-initial': ['certificates-001-tables', ...OUTBOX],
  'cases-001-initial': ['cases-001-tables', 'cases-mandates', 'cases-certificates-used', 'kit-003-idempotency', 'cases-drop-idempotency-key', ...OUTBOX],
  'evaluation-001-initial': [
    'evaluation-001-tables',
    'evaluation-002-covering-figure-indexes',
    'kit-003-idempotency',
    'evaluation-003-drop-idempotency-record',
    ...OUTBOX,
  ],
  'appeals-001-initial': ['appeals-001-tables', 'appeals-002-figures-index', 'kit-003-idempotency', 'appeals-003-drop-appeal-request', ...OUTBOX],
  'audit-001-initial': ['audit-001-tables', 'audit-002-genesis', 'audit-003-withholding', 'audit-004-outbox-reports', 'audit-agent', ...OUTBOX],
};
