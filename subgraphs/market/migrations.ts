import { schemaMigration } from '../../platform/migrations.js';

export const migrations = [
  schemaMigration('market-001-enterprise', (schema) =>
    schema.createTable('enterprise', (t) => {
      t.string('credit_code', 18).primary();
      t.string('name').notNullable();
      t.string('type', 32).notNullable();
      t.string('status', 16).notNullable();
      t.string('registration_date', 10).notNullable();
      t.string('authority_code', 18).notNullable();
      t.string('region_code', 6).notNullable();
      t.text('business_scope').notNullable();
      t.double('registered_capital').nullable();
      t.string('representative_id', 18).notNullable();
      // Query.enterprises filters (each with the credit-code order of its pages) and Person.representedEnterprises
      t.index(['region_code', 'credit_code']);
      t.index(['representative_id']);
      t.index(['name']);
      t.index(['status', 'credit_code']);
      t.index(['type', 'credit_code']);
      t.index(['registration_date']);
    }),
  ),
];
