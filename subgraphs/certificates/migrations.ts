import { schemaMigration } from '../../platform/migrations.js';

export const migrations = [
  schemaMigration('certificates-001-tables', (schema) =>
    schema.createTable('certificate', (t) => {
      t.string('id', 24).primary();
      t.string('type', 40).notNullable();
      t.string('number', 40).notNullable();
      t.string('holder_kind', 10).notNullable();
      t.string('holder_id', 18).notNullable();
      t.string('department_code', 18).notNullable();
      t.string('trust_grade', 1).notNullable();
      t.string('issue_date', 10).notNullable();
      t.string('expiry_date', 10).nullable();
      t.string('revocation_date', 10).nullable();
      // Person.certificates, Enterprise.certificates, validCertificate and the holder filters
      t.index(['holder_kind', 'holder_id', 'type']);
      // lists across holders run newest first (issue date, id), with or without a type;
      // status is computed from the dates, so it filters those ordered scans (see status.ts)
      t.index(['type', 'issue_date', 'id']);
      t.index(['issue_date', 'id']);
    }),
  ),
];
