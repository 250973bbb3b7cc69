import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import { kysely } from '../../platform/kysely.js';
import { CaseEntity, type ApplicantKind, type Case } from './entities.js';

/** Whose cases: the applicant's (of a kind) or the agent's. */
export type Owner = { column: 'applicant_id'; kind: ApplicantKind } | { column: 'agent_id' };

/** Key of a page of an owner's cases: owner id, page size and cursor. */
export const pageKey = (id: string, limit: number, after: string | null) => `${id}|${limit}|${after ?? ''}`;

/**
 * The first `limit + 1` cases (newest first, after the cursor) of each owner,
 * in ONE statement: row_number() per owner keeps each list bounded, however
 * many cases an enterprise has. The extra row tells whether a next page exists.
 */
export async function casesOfOwners(em: EntityManager, owner: Owner, ids: readonly string[], limit: number, after: string | null): Promise<Case[][]> {
  const db = kysely(em);
  let ranked = db
    .selectFrom('cases')
    .selectAll()
    // newest first: the id without its province, then the id (platform/pagination.ts NEWEST_FIRST)
    .select(sql<number>`row_number() over (partition by ${sql.ref(owner.column)} order by substr(id, 3) desc, id desc)`.as('rn'))
    .where(owner.column, 'in', [...ids]);
  if (owner.column === 'applicant_id') ranked = ranked.where('applicant_kind', '=', owner.kind);
  else {
    // an agent's cases: only those under no mandate (before mandates) or under one that still stands
    const now = new Date().toISOString();
    const standing = db.selectFrom('mandate').select('id').where('revoked_at', 'is', null).where('valid_from', '<=', now).where('valid_until', '>', now);
    ranked = ranked.where((eb) => eb.or([eb('mandate_id', 'is', null), eb('mandate_id', 'in', standing)]));
  }
  if (after) ranked = ranked.where(sql<boolean>`(substr(id, 3) < ${after.slice(2)} or (substr(id, 3) = ${after.slice(2)} and id < ${after}))`);
  const rows: Record<string, unknown>[] = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('rn', '<=', limit + 1)
    .orderBy(sql`substr(id, 3)`, 'desc')
    .orderBy('id', 'desc')
    .execute();
  const byOwner = new Map<string, Case[]>(ids.map((id) => [id, []]));
  for (const { rn: _rank, ...row } of rows) byOwner.get(String(row[owner.column]))?.push(em.map(CaseEntity, row));
  return ids.map((id) => byOwner.get(id)!);
}

/** A loader of owners' pages (keys: pageKey): one statement per page size and cursor in the batch. */
export function ownerPages(em: EntityManager, owner: Owner): DataLoader<string, Case[]> {
  return new DataLoader<string, Case[]>(async (keys) => {
    const groups = new Map<string, { limit: number; after: string | null; ids: string[] }>();
    for (const key of keys) {
      // ids never hold '|'; a cursor might (the client chose its bytes): it is everything after the second
      const [id, limit, ...cursor] = key.split('|') as [string, string, ...string[]];
      const after = cursor.join('|');
      const group = groups.get(`${limit}|${after}`) ?? { limit: Number(limit), after: after || null, ids: [] };
      group.ids.push(id);
      groups.set(`${limit}|${after}`, group);
    }
    const answers = new Map<string, Case[]>();
    for (const { limit, after, ids } of groups.values()) {
      const lists = await casesOfOwners(em, owner, ids, limit, after);
      ids.forEach((id, i) => answers.set(pageKey(id, limit, after), lists[i]!));
    }
    return keys.map((k) => answers.get(k)!);
  });
}
