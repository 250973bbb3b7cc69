import { idempotencyMigrations } from '../../platform/idempotency.js';
import { schemaMigration } from '../../platform/migrations.js';

/** What the satisfaction GROUP BY reads besides the key and the day. */
const FIGURE_COLUMNS = ['level', 'overall', 'efficiency', 'guide_accuracy', 'convenience', 'usability', 'id'];
const FIGURE_KEYS = ['item_code', 'department_code', 'region_code'];

export const migrations = [
  schemaMigration('evaluation-001-tables', (schema) =>
    schema
      .createTable('evaluation', (t) => {
        t.string('id', 72).primary();
        t.string('case_id', 64).notNullable();
        t.string('evaluator_kind', 10).notNullable();
        t.string('evaluator_id', 18).notNullable();
        t.string('level', 20).notNullable();
        for (const dimension of ['overall', 'efficiency', 'guide_accuracy', 'convenience', 'usability']) t.integer(dimension).nullable();
        t.text('comment').nullable();
        t.string('channel', 24).notNullable();
        t.string('evaluated_at', 25).notNullable();
        t.string('evaluated_on', 10).notNullable();
        t.string('item_code', 32).notNullable();
        t.string('region_code', 6).notNullable();
        t.string('department_code', 18).notNullable();
        // 一事一评: one rating per case, enforced by the database as well
        t.unique(['case_id']);
        // satisfaction figures per item, agency and region over a window of days
        t.index(['item_code', 'evaluated_on']);
        t.index(['department_code', 'evaluated_on']);
        t.index(['region_code', 'evaluated_on']);
        // a citizen's own ratings, the level filter and the day window, read in id order
        t.index(['evaluator_id', 'id']);
        t.index(['level', 'id']);
        t.index(['evaluated_on']);
      })
      .createTable('rectification', (t) => {
        t.string('id', 72).primary();
        t.string('evaluation_id', 72).notNullable();
        t.string('evaluator_id', 18).notNullable();
        t.string('region_code', 6).notNullable();
        t.string('status', 12).notNullable();
        t.string('opened_at', 25).notNullable();
        t.string('deadline', 10).notNullable();
        t.string('callback_at', 25).nullable();
        t.string('callback_officer', 64).nullable();
        t.text('callback_summary').nullable();
        t.boolean('callback_verified').nullable();
        t.text('result').nullable();
        t.text('dismissal_reason').nullable();
        t.string('closed_at', 25).nullable();
        t.string('closed_by', 64).nullable();
        t.unique(['evaluation_id']);
        t.foreign('evaluation_id').references('evaluation.id');
        // the overdue and status filters: open ones past a deadline
        t.index(['status', 'deadline']);
        t.index(['region_code', 'id']);
        t.index(['evaluator_id', 'id']);
      })
      .createTable('idempotency_record', (t) => {
        t.string('caller_subject', 64).notNullable();
        t.string('key', 100).notNullable();
        t.string('mutation', 40).notNullable();
        t.string('fingerprint', 64).notNullable();
        t.string('result_id', 72).notNullable();
        t.string('created_at', 25).notNullable();
        t.primary(['caller_subject', 'key']);
      }),
  ),
  // The figures' (key, day) indexes grow every column the GROUP BY reads, so figures never touch
  // the table: a province over a year at a million cases went from ~1.1 s to ~0.3 s on SQLite.
  schemaMigration('evaluation-002-covering-figure-indexes', (schema) =>
    schema.alterTable('evaluation', (t) => {
      for (const key of FIGURE_KEYS) {
        t.dropIndex([key, 'evaluated_on']);
        t.index([key, 'evaluated_on', ...FIGURE_COLUMNS], `evaluation_${key}_figures`);
      }
    }),
  ),
  ...idempotencyMigrations,
  // idempotency keys move to the kit's one table (platform/idempotency.ts). The old rows are dropped, not
  // copied: they hold no caller role and a fingerprint by the old rules, so no request could match them
  // again; keys only cover retries within minutes of a lost answer, and a retry across this upgrade may
  // run once more.
  schemaMigration('evaluation-003-drop-idempotency-record', (schema) => schema.dropTable('idempotency_record')),
];
