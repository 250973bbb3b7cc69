import type { EntityManager } from '@mikro-orm/core';
import { insertInChunks } from '../../platform/insert-rows.js';
import { runSchema } from '../../platform/migrations.js';
import type { SeedOptions } from '../../platform/department.js';
import { enterpriseCount } from '../../samples/synthetic.js';
import { CertificateEntity, type Certificate } from './entities.js';
import { certificateIndexes } from './migrations.js';
import { enterpriseCertificates } from './seed/enterprises.js';
import { personCertificates } from './seed/people.js';

export { SAMPLE_DATE } from './seed/dates.js';

/** Rows per INSERT: large enough to be fast, small enough for SQLite's bound-parameter limit. */
const CHUNK = 2_000;

/**
 * Every certificate of the shared synthetic population (samples/synthetic.ts):
 * `size` people, then their enterprises. Pure, so its speed can be timed apart
 * from the database.
 */
export function* generateCertificates({ size, seed }: SeedOptions): Generator<Certificate> {
  for (let i = 0; i < size; i++) yield* personCertificates(seed, i, size);
  const enterprises = enterpriseCount(size);
  for (let j = 0; j < enterprises; j++) yield* enterpriseCertificates(seed, j, size);
}

/**
 * Inserts the generated certificates in chunks (no entity instances, no unit
 * of work) into the empty table, with its look-up indexes dropped meanwhile
 * and built once at the end, in the same transaction.
 */
export async function seedCertificates(em: EntityManager, options: SeedOptions): Promise<void> {
  await indexes(em, 'drop');
  await insertInChunks(em, CertificateEntity, generateCertificates(options), CHUNK);
  await indexes(em, 'create');
}

async function indexes(em: EntityManager, action: 'create' | 'drop'): Promise<void> {
  await runSchema(em, (schema) => certificateIndexes(schema, action));
}
