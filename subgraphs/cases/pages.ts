import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { CaseEntity, type ApplicantKind, type Case } from './entities.js';

/** Whose cases: the applicant's (of a kind) or the agent's. */
export type Owner = { column: 'applicant_id'; kind: ApplicantKind } | { column: 'agent_id' };

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
  if (after) ranked.where('id', '<', after);
  const rows: Record<string, unknown>[] = await knex.select('*').from(ranked.as('ranked')).where('rn', '<=', limit + 1).orderBy('id', 'desc');
  const byOwner = new Map<string, Case[]>(ids.map((id) => [id, []]));
  for (const { rn: _rank, ...row } of rows) {
    const found = em.map(CaseEntity, row);
    byOwner.get(String(row[owner.column]))?.push(found);
  }
  return ids.map((id) => byOwner.get(id)!);
}
