import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { findIn } from '../../platform/rows.js';
import { CertificateEntity, type Certificate, type HolderKind } from './entities.js';

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  // all of a holder's certificates at once: filters by type and status apply in memory,
  // so holders asked with different arguments still share one batch
  const certificatesOf = (holderKind: HolderKind) =>
    new DataLoader<string, Certificate[]>(async (ids) =>
      manyByKey(
        ids,
        await findIn(em, CertificateEntity, 'holderId', ids, { where: { holderKind }, orderBy: { type: 'asc', issueDate: 'desc', id: 'asc' } }),
        (c) => c.holderId,
      ),
    );
  return {
    certificateById: new DataLoader<string, Certificate | null>(async (ids) => oneByKey(ids, await findIn(em, CertificateEntity, 'id', ids), (c) => c.id)),
    certificatesOfPerson: certificatesOf('PERSON'),
    certificatesOfEnterprise: certificatesOf('ENTERPRISE'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
