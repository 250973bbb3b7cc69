import { schemaMigration } from '../../platform/migrations.js';

export const migrations = [
  schemaMigration('appeals-001-tables', (schema) =>
    schema
      .createTable('appeal', (t) => {
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
        // demand figures and the region filter (a code range) over a window of receipt
        t.index(['region_code', 'received_on']);
        t.index(['category', 'received_on']);
        // the overdue filter: open statuses past their deadline
        t.index(['status', 'deadline']);
        // Person.appeals and the appellant filter
        t.index(['appellant_id']);
        // Department.appealFigures and the department filter
        t.index(['department_code', 'received_on']);
      })
      .createTable('appeal_request', (t) => {
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
];
