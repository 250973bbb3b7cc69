import { idempotencyMigrations } from '../../platform/idempotency.js';
import { schemaMigration } from '../../platform/migrations.js';

/** What a figure reads besides its key and window: in the figure indexes, the GROUP BY never touches the table. */
const FIGURE_COLUMNS = ['status', 'channel', 'overdue_days', 'due_date', 'handling_days', 'agent_id'];

/** Secondary indexes of `cases` (name, columns). The seed builds them after its bulk insert (seed.ts). */
export const CASE_INDEXES: readonly (readonly [string, string[]])[] = [
  // the region and status filters, and region figures (with the most overdue items): a region is a
  // range of codes, so no column after region_code could be sought anyway; one covering index and
  // no narrower one, which SQLite's planner would pick instead of it
  ['cases_region', ['region_code', ...FIGURE_COLUMNS, 'submitted_on', 'item_code']],
  ['cases_status_due', ['status', 'due_date']],
  ['cases_overdue_days', ['overdue_days']],
  ['cases_submitted_on', ['submitted_on']],
  // figures per item and agency over a submission window
  ['cases_item', ['item_code', 'submitted_on', ...FIGURE_COLUMNS]],
  ['cases_department', ['department_code', 'submitted_on', ...FIGURE_COLUMNS]],
  // Person.cases, Enterprise.cases, Person.casesAsAgent and what a citizen may list
  ['cases_applicant', ['applicant_kind', 'applicant_id']],
  ['cases_agent', ['agent_id']],
];

export const migrations = [
  schemaMigration('cases-001-tables', (schema) =>
    schema
      .createTable('cases', (t) => {
        t.string('id', 24).primary();
        t.string('applicant_kind', 10).notNullable();
        t.string('applicant_id', 18).notNullable();
        t.string('agent_id', 18).nullable();
        t.string('item_code', 32).notNullable();
        t.string('implementation_code', 80).notNullable();
        t.string('region_code', 6).notNullable();
        t.string('department_code', 18).notNullable();
        t.string('channel', 24).notNullable();
        t.integer('promised_limit_days').notNullable();
        t.string('status', 16).notNullable();
        t.string('submitted_on', 10).notNullable();
        t.string('accepted_on', 10).nullable();
        t.string('decided_on', 10).nullable();
        t.string('due_date', 10).nullable();
        t.integer('suspended_days').notNullable();
        t.string('suspended_since', 10).nullable();
        t.integer('overdue_days').nullable();
        t.integer('handling_days').nullable();
        for (const [name, columns] of CASE_INDEXES) t.index(columns, name);
      })
      .createTable('case_event', (t) => {
        // no foreign key: npm run seed empties tables in entity order (cases first) on PostgreSQL
        t.string('case_id', 24).notNullable();
        t.integer('seq').notNullable();
        t.string('at', 25).notNullable();
        t.string('status', 16).notNullable();
        t.string('channel', 24).notNullable();
        t.string('handler', 64).notNullable();
        t.string('note', 500).nullable();
        // Case.events: the key starts with case_id
        t.primary(['case_id', 'seq']);
      })
      .createTable('implementation', (t) => {
        t.string('code', 80).primary();
        t.string('item_code', 32).notNullable();
        t.string('region_code', 6).notNullable();
        t.string('department_code', 18).notNullable();
        t.integer('promised_limit_days').notNullable();
      })
      .createTable('idempotency_key', (t) => {
        t.string('caller_subject', 64).notNullable();
        t.string('idem_key', 128).notNullable();
        t.string('mutation', 32).notNullable();
        t.string('fingerprint', 64).notNullable();
        t.string('case_id', 24).notNullable();
        t.string('created_at', 25).notNullable();
        // one answer per caller and key
        t.primary(['caller_subject', 'idem_key']);
      }),
  ),
  // acting for another (帮代办) only under a mandate: the mandates, and the one each agent's case was submitted under
  schemaMigration('cases-mandates', (schema) =>
    schema
      .alterTable('cases', (t) => {
        t.string('mandate_id', 24).nullable();
      })
      .createTable('mandate', (t) => {
        t.string('id', 24).primary();
        t.string('principal_kind', 10).notNullable();
        t.string('principal_id', 18).notNullable();
        t.string('agent_id', 18).notNullable();
        t.json('item_codes').notNullable();
        t.string('valid_from', 24).notNullable();
        t.string('valid_until', 24).notNullable();
        t.string('revoked_at', 24).nullable();
        t.string('granted_by', 10).notNullable();
        t.string('officer_id', 64).nullable();
        t.string('officer_department', 64).nullable();
        t.string('purpose', 500).nullable();
        t.string('created_at', 24).notNullable();
        // a submission looks up the agent's mandates from this principal; each lists theirs
        t.index(['agent_id', 'principal_id'], 'mandate_agent');
        t.index(['principal_id'], 'mandate_principal');
      }),
  ),
  // the certificates an applicant confirmed at submission (数据跑腿), as they were then
  schemaMigration('cases-certificates-used', (schema) =>
    schema.createTable('case_certificate_used', (t) => {
      t.string('case_id', 24).notNullable();
      t.string('material', 200).notNullable();
      t.string('certificate_id', 24).notNullable();
      t.string('certificate_type', 48).notNullable();
      t.string('number', 64).notNullable();
      // Case.dataRuns: the key starts with case_id; one certificate per material
      t.primary(['case_id', 'material']);
    }),
  ),
  ...idempotencyMigrations,
  // idempotency keys move to the kit's one table (platform/idempotency.ts). The old rows are dropped, not
  // copied: they hold no caller role and a fingerprint by the old rules, so no request could match them
  // again; keys only cover retries within minutes of a lost answer, and a retry across this upgrade may
  // run once more.
  schemaMigration('cases-drop-idempotency-key', (schema) => schema.dropTable('idempotency_key')),
];
