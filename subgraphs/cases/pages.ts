import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import { kysely } from '../../platform/kysely.js';
import type { PageRequest } from '../../platform/pagination.js';
import { CaseEntity, type ApplicantKind, type Case } from './entities.js';

/** Whose cases: the applicant's (of a kind) or the agent's. */
export type Owner = { column: 'applicant_id'; kind: ApplicantKind } | { column: 'agent_id' };

/** Key of a page of an owner's cases: owner id, page size, direction and cursor. */
export const pageKey = (id: string, { limit, backward, after, before }: PageRequest) =>
  `${id}|${limit}|${backward ? 'b' : 'f'}|${(backward ? before : after) ?? ''}`;

/** The cases of owners, the agent's only under no mandate (before mandates) or under one that still stands. */
function casesOf(em: EntityManager, owner: Owner, ids: readonly string[]) {
  const db = kysely(em);
  let cases = db.selectFrom('cases').where(owner.column, 'in', [...ids]);
  if (owner.column === 'applicant_id') return cases.where('applicant_kind', '=', owner.kind);
  const now = new Date().toISOString();
  const standing = db.selectFrom('mandate').select('id').where('revoked_at', 'is', null).where('valid_from', '<=', now).where('valid_until', '>', now);
  cases = cases.where((eb) => eb.or([eb('mandate_id', 'is', null), eb('mandate_id', 'in', standing)]));
  return cases;
}

/**
 * The first `limit + 1` cases (newest first after the cursor: platform/pagination.ts NEWEST_FIRST, or backward: oldest first before it)
 * of each owner, in ONE statement: row_number() per owner keeps each list bounded, however many
 * cases an enterprise has. The extra row tells whether another page exists that way.
 */
export async function casesOfOwners(
  em: EntityManager,
  owner: Owner,
  ids: readonly string[],
  limit: number,
  backward: boolean,
  cursor: string | null,
): Promise<Case[][]> {
  const db = kysely(em);
  const direction = backward ? sql.raw('asc') : sql.raw('desc');
  let ranked = casesOf(em, owner, ids)
    .selectAll()
    .select(sql<number>`row_number() over (partition by ${sql.ref(owner.column)} order by substr(id, 3) ${direction}, id ${direction})`.as('rn'));
  if (cursor) {
    const rest = cursor.slice(2);
    ranked = backward
      ? ranked.where(sql<boolean>`(substr(id, 3) > ${rest} or (substr(id, 3) = ${rest} and id > ${cursor}))`)
      : ranked.where(sql<boolean>`(substr(id, 3) < ${rest} or (substr(id, 3) = ${rest} and id < ${cursor}))`);
  }
  const rows: Record<string, unknown>[] = await db
    .selectFrom(ranked.as('ranked'))
    .selectAll()
    .where('rn', '<=', limit + 1)
    .orderBy(sql`substr(id, 3)`, backward ? 'asc' : 'desc')
    .orderBy('id', backward ? 'asc' : 'desc')
    .execute();
  const byOwner = new Map<string, Case[]>(ids.map((id) => [id, []]));
  for (const { rn: _rank, ...row } of rows) byOwner.get(String(row[owner.column]))?.push(em.map(CaseEntity, row));
  return ids.map((id) => byOwner.get(id)!);
}

/** A loader of owners' pages (keys: pageKey): one statement per page size, direction and cursor in the batch. */
export function ownerPages(em: EntityManager, owner: Owner): DataLoader<string, Case[]> {
  return new DataLoader<string, Case[]>(async (keys) => {
    const groups = new Map<string, { limit: number; backward: boolean; cursor: string | null; ids: string[] }>();
    for (const key of keys) {
      // ids never hold '|'; a cursor might (the client chose its bytes): it is everything after the third
      const [id, limit, direction, ...cursor] = key.split('|') as [string, string, string, ...string[]];
      const group = groups.get(key.slice(id.length)) ?? { limit: Number(limit), backward: direction === 'b', cursor: cursor.join('|') || null, ids: [] };
      group.ids.push(id);
      groups.set(key.slice(id.length), group);
    }
    const answers = new Map<string, Case[]>();
    for (const [rest, { limit, backward, cursor, ids }] of groups) {
      const lists = await casesOfOwners(em, owner, ids, limit, backward, cursor);
      ids.forEach((id, i) => answers.set(`${id}${rest}`, lists[i]!));
    }
    return keys.map((k) => answers.get(k)!);
  });
}

/** How many cases each owner has (totalCount of Person.cases and the like): one grouped count per batch. */
export function ownerCounts(em: EntityManager, owner: Owner): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await casesOf(em, owner, ids)
      .select([sql.ref<string>(owner.column).as('owner'), sql<number>`count(*)`.as('n')])
      .groupBy(owner.column)
      .execute();
    const counts = new Map(rows.map((r) => [String(r.owner), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
