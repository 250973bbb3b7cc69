import { idempotencyMigrations } from '../../platform/idempotency.js';
import { schemaMigration, type SchemaBuilder } from '../../platform/migrations.js';

interface IndexSpec {
  columns: string[];
  /** the builder's default (appeal_<columns>_index) when absent */
  name?: string;
}

const LOOKUP_INDEXES: readonly IndexSpec[] = [
  // demand figures and the region filter (a code range) over a window of receipt
  { columns: ['region_code', 'received_on'] },
  { columns: ['category', 'received_on'] },
  // the overdue filter: open statuses past their deadline
  { columns: ['status', 'deadline'] },
  // Person.appeals and the appellant filter
  { columns: ['appellant_id'] },
  // Department.appealFigures and the department filter
  { columns: ['department_code', 'received_on'] },
];

// The covering index of the figures: demand groups by its first four columns and unmet
// demand by its first two, so both stream through it without sorting or reading the wide
// rows; trends read it whole. At 500,000 appeals on SQLite the country's demand takes about
// 0.1 s of CPU instead of 3 s.
const FIGURES_INDEX: IndexSpec = {
  columns: ['region_code', 'category', 'kind', 'channel', 'received_on', 'received_week', 'received_month', 'status', 'deadline', 'responded_on', 'satisfaction'],
  name: 'appeal_figures_index',
};

/**
 * Every index of the appeal table as the migrations leave it, listed apart from
 * the table so the seed can build them after a bulk load (seed.ts): one sorted
 * build is many times faster than keeping six indexes up to date over half a
 * million random inserts.
 */
export const APPEAL_INDEXES: readonly IndexSpec[] = [...LOOKUP_INDEXES, FIGURES_INDEX];

/** DDL that creates (or drops) the look-up indexes, portable across SQLite and PostgreSQL. */
export function appealIndexes(schema: SchemaBuilder, action: 'create' | 'drop', indexes = APPEAL_INDEXES): SchemaBuilder {
  return schema.alterTable('appeal', (t) => {
    for (const { columns, name } of indexes) {
      if (action === 'create') t.index(columns, name);
      else t.dropIndex(columns, name);
    }
  });
}

export const migrations = [
  schemaMigration('appeals-001-tables', (schema) =>
    appealIndexes(
      schema.createTable('appeal', (t) => {
        t.string('id', 17).primary();
        t.string('kind', 16).notNullable();
        t.string('category', 32).notNullable();
        t.text('text').notNullable();
        t.string('region_code', 6).notNullable();
        t.string('appellant_id', 18).nullable();
        t.string('channel', 24).notNullable();
        t.string('received_at', 25).notNullable();
        t.string('received_on', 10).notNullable();
        t.string('received_week', 10).notNullable();
        t.string('received_month', 7).notNullable();
        t.integer('response_limit_days').notNullable();
        t.string('deadline', 10).notNullable();
        t.string('department_code', 18).nullable();
        t.string('dispatched_on', 10).nullable();
        t.integer('return_count').notNullable();
        t.string('returned_by', 18).nullable();
        t.text('return_reason').nullable();
        t.string('status', 12).notNullable();
        t.text('response').nullable();
        t.string('responded_on', 10).nullable();
        t.string('closed_on', 10).nullable();
        t.string('satisfaction', 24).nullable();
      }),
      'create',
      LOOKUP_INDEXES,
    ).createTable('appeal_request', (t) => {
      t.string('subject', 64).notNullable();
      t.string('key', 200).notNullable();
      t.string('mutation', 32).notNullable();
      t.string('fingerprint', 64).notNullable();
      t.string('appeal_id', 17).notNullable();
      t.string('created_at', 25).notNullable();
      // one result per caller and key: a concurrent repeat fails here instead of acting twice
      t.primary(['subject', 'key']);
    }),
  ),
  schemaMigration('appeals-002-figures-index', (schema) => appealIndexes(schema, 'create', [FIGURES_INDEX])),
  ...idempotencyMigrations,
  // idempotency keys move to the kit's one table (platform/idempotency.ts). The old rows are dropped, not
  // copied: they hold no caller role and a fingerprint by the old rules, so no request could match them
  // again; keys only cover retries within minutes of a lost answer, and a retry across this upgrade may
  // run once more.
  schemaMigration('appeals-003-drop-appeal-request', (schema) => schema.dropTable('appeal_request')),
];
