import type { EntityManager } from '@mikro-orm/core';
import { insertInChunks } from '../../platform/insert-rows.js';
import { withIndexesDeferred } from '../../platform/deferred-indexes.js';
import type { SeedOptions } from '../../platform/department.js';
import { enterpriseCount } from '../../samples/synthetic.js';
import { CertificateEntity, type Certificate } from './entities.js';
import { enterpriseCertificates } from './seed/enterprises.js';
import { personCertificates } from './seed/people.js';

export { SAMPLE_DATE } from './seed/dates.js';

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
  await withIndexesDeferred(em, CertificateEntity, () => insertInChunks(em, CertificateEntity, generateCertificates(options)));
}
