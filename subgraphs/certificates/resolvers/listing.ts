import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError } from '../../../platform/errors.js';
import type { Certificate } from '../entities.js';
import type { CertificateStatus, CertificateType } from '../generated/resolvers.js';
import { certificateStatus, statusWhere } from '../status.js';

/**
 * Lists of certificates run newest first: by issue date, then id, both
 * descending. Cursors carry both, so a page continues exactly where the last
 * one ended, and the (type, issue_date, id) and (issue_date, id) indexes
 * serve every filter without sorting (migrations.ts).
 */
export interface ListFilter {
  type?: CertificateType | null;
  status?: CertificateStatus | null;
  issuedFrom?: string | null;
  issuedTo?: string | null;
}

export interface Position {
  issueDate: string;
  id: string;
}

export const positionKey = (c: Certificate): string => `${c.issueDate}|${c.id}`;

export function parsePosition(key: string): Position {
  const match = /^(\d{4}-\d{2}-\d{2})\|(.+)$/.exec(key);
  if (!match) throw new BadInputError('is not a cursor this API returned; pass pageInfo.endCursor', 'after');
  return { issueDate: match[1]!, id: match[2]! };
}

/** The filter as SQL conditions, for lists across holders. */
export function whereOf(filter: ListFilter, after: Position | null, today: string): FilterQuery<Certificate>[] {
  const where: FilterQuery<Certificate>[] = [];
  if (filter.type) where.push({ type: filter.type });
  if (filter.status) where.push(statusWhere(filter.status, today));
  if (filter.issuedFrom) where.push({ issueDate: { $gte: filter.issuedFrom } });
  if (filter.issuedTo) where.push({ issueDate: { $lte: filter.issuedTo } });
  // the first condition bounds the index range, the second drops the rows already served
  if (after) where.push({ issueDate: { $lte: after.issueDate } }, { $or: [{ issueDate: { $lt: after.issueDate } }, { id: { $lt: after.id } }] });
  return where;
}

/** The same filter, order and cursor in memory, for one holder's few certificates. */
export function listInMemory(certificates: readonly Certificate[], filter: ListFilter, after: Position | null, today: string): Certificate[] {
  return certificates
    .filter(
      (c) =>
        (!filter.type || c.type === filter.type) &&
        (!filter.status || certificateStatus(c, today) === filter.status) &&
        (!filter.issuedFrom || c.issueDate >= filter.issuedFrom) &&
        (!filter.issuedTo || c.issueDate <= filter.issuedTo) &&
        (!after || c.issueDate < after.issueDate || (c.issueDate === after.issueDate && c.id < after.id)),
    )
    .sort((a, b) => (a.issueDate === b.issueDate ? (a.id < b.id ? 1 : -1) : a.issueDate < b.issueDate ? 1 : -1));
}
