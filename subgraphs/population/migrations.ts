import { schemaMigration } from '../../platform/migrations.js';

export const migrations = [
  schemaMigration('population-001-tables', (schema) =>
    schema
      .createTable('household', (t) => {
        t.string('id', 15).primary();
        t.string('number', 9).notNullable();
        t.string('region_code', 6).notNullable();
        t.string('address').notNullable();
        t.index(['region_code', 'id']);
      })
      .createTable('person', (t) => {
        t.string('id', 18).primary();
        t.string('name', 64).notNullable();
        t.string('name_initial', 4).notNullable();
        t.string('gender', 8).notNullable();
        t.string('birth_date', 10).notNullable();
        t.string('ethnicity', 16).notNullable();
        t.string('region_code', 6).notNullable();
        t.string('address').notNullable();
        t.string('phone', 11).nullable();
        t.string('household_id', 15).notNullable().references('id').inTable('household');
        t.string('relation', 8).notNullable();
        // the filters of Query.people (keyset on id) and Household.members. A name prefix
        // filters on its first character: LIKE cannot use a plain index in SQLite (it needs
        // NOCASE) nor in PostgreSQL (it needs text_pattern_ops or the C collation)
        t.index(['region_code', 'id']);
        t.index(['name_initial', 'id']);
        t.index(['birth_date']);
        t.index(['household_id']);
      }),
  ),
];
