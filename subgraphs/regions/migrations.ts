import { schemaMigration } from '../../platform/migrations.js';

export const migrations = [
  schemaMigration('regions-001-region', (schema) =>
    schema.createTable('region', (t) => {
      t.string('code', 6).primary();
      t.string('name').notNullable();
      t.string('level', 16).notNullable();
      t.string('parent_code', 6).nullable();
      t.string('full_name').notNullable();
      // every filter of Query.regions and the children look-up
      t.index(['parent_code', 'code']);
      t.index(['level', 'code']);
    }),
  ),
];
