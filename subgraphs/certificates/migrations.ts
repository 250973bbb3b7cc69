import { schemaMigration, type SchemaBuilder } from '../../platform/migrations.js';

/**
 * The look-up indexes, apart from the table so the seed can build them after
 * a bulk load (seed.ts): one sorted build is many times faster than keeping
 * three indexes up to date over millions of random inserts.
 */
export const CERTIFICATE_INDEXES: Readonly<Record<string, string[]>> = {
  // Person.certificates, Enterprise.certificates, validCertificate and the holder filters
  certificate_holder: ['holder_kind', 'holder_id', 'type'],
  // Lists across holders run newest first (issue date, id), with or without a type. Status
  // is computed from the two trailing dates (status.ts), so a status filter is checked in
  // the index without reading rows: this is the (type, status) index. At a million people
  // the worst page (the newest EXPIRED of all ID cards) scans the index for about 0.4 s.
  certificate_type_issued: ['type', 'issue_date', 'id', 'revocation_date', 'expiry_date'],
  certificate_issued: ['issue_date', 'id', 'revocation_date', 'expiry_date'],
};

/** DDL that creates (or drops) the look-up indexes, portable across SQLite and PostgreSQL. */
export function certificateIndexes(schema: SchemaBuilder, action: 'create' | 'drop'): SchemaBuilder {
  return schema.alterTable('certificate', (t) => {
    for (const [name, columns] of Object.entries(CERTIFICATE_INDEXES)) {
      if (action === 'create') t.index(columns, name);
      else t.dropIndex(columns, name);
    }
  });
}

export const migrations = [
  schemaMigration('certificates-001-tables', (schema) =>
    certificateIndexes(
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
      }),
      'create',
    ),
  ),
];
