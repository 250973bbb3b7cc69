import type { FilterQuery } from '@mikro-orm/core';
import type { Certificate } from './entities.js';
import type { CertificateStatus } from './generated/resolvers.js';
import { todayInChina } from '../../platform/time.js';

/**
 * A certificate's status is computed, never stored: a stored VALID would turn
 * wrong at midnight on its expiry date. Revocation wins over expiry.
 *
 * @param today YYYY-MM-DD in China; dates compare as text
 */
export function certificateStatus(certificate: Pick<Certificate, 'expiryDate' | 'revocationDate'>, today = todayInChina()): CertificateStatus {
  if (certificate.revocationDate !== null) return 'REVOKED';
  if (certificate.expiryDate !== null && certificate.expiryDate < today) return 'EXPIRED';
  return 'VALID';
}

/** The same rule as a SQL condition, so a status filter runs in the database. */
export function statusWhere(status: CertificateStatus, today = todayInChina()): FilterQuery<Certificate> {
  switch (status) {
    case 'REVOKED':
      return { revocationDate: { $ne: null } };
    case 'EXPIRED':
      return { revocationDate: null, expiryDate: { $lt: today } };
    case 'VALID':
      return { revocationDate: null, $or: [{ expiryDate: null }, { expiryDate: { $gte: today } }] };
  }
}

/** Keeps the certificates of a type and status, for lists already loaded per holder. */
export function filterCertificates(
  certificates: readonly Certificate[],
  type: string | null | undefined,
  status: CertificateStatus | null | undefined,
  today = todayInChina(),
): Certificate[] {
  return certificates.filter((c) => (!type || c.type === type) && (!status || certificateStatus(c, today) === status));
}
