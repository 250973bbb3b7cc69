import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
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
  const knex = (em as SqlEntityManager).getKnex();
  const ranked = knex('cases')
    .select('*')
    .select(knex.raw(`row_number() over (partition by ${owner.column} order by id desc) as rn`))
    .whereIn(owner.column, [...ids]);
  if (owner.column === 'applicant_id') ranked.where('applicant_kind', owner.kind);
  else {
    // an agent's cases: only those under no mandate (before mandates) or under one that still stands
    const now = new Date().toISOString();
    const standing = knex('mandate').select('id').whereNull('revoked_at').where('valid_from', '<=', now).where('valid_until', '>', now);
    ranked.where((q) => q.whereNull('mandate_id').orWhereIn('mandate_id', standing));
  }
  if (after) ranked.where('id', '<', after);
  const rows: Record<string, unknown>[] = await knex.select('*').from(ranked.as('ranked')).where('rn', '<=', limit + 1).orderBy('id', 'desc');
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
