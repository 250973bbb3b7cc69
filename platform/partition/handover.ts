import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/core';
import type { Department } from '../department.js';
import { insertRows } from '../insert-rows.js';
import type { Province } from './jurisdiction.js';

/** Rows read and written per statement while a province's records move. */
const PAGE = 2_000;

export interface Handover {
  /** table -> rows moved */
  moved: Record<string, number>;
}

/**
 * A province joins with an instance of its own: its records move from the national instance's
 * database to the new one, table by table as the department declares them (Department.jurisdiction).
 * Copied first, in one transaction on the new database, and counted there; only then deleted from the
 * national one, in one transaction, children first. A handover that stops between the two leaves the
 * records in both and is run again: rows already copied are skipped, so nothing is lost or doubled.
 * The platform must be stopped meanwhile (scripts/province.ts checks): a write to the province during
 * the move would land in the national instance after its copy.
 */
export async function handOver(
  department: Pick<Department<unknown>, 'name' | 'jurisdiction'>,
  national: MikroORM,
  own: MikroORM,
  province: Province,
): Promise<Handover> {
  const tables = department.jurisdiction ?? [];
  if (tables.length === 0) throw new Error(`${department.name} declares no jurisdiction tables: it cannot hand a province over`);
  const like = `${province}%`;
  const moved: Record<string, number> = {};
  await own.em.fork().transactional(async (target) => {
    for (const { entity, property } of tables) {
      const meta = national.em.getMetadata().get(entity);
      const keys = meta.primaryKeys as string[];
      const where = { [property]: { $like: like } };
      // nothing writes the national database during a handover: pages by offset in key order are stable
      const total = await national.em.fork().count(entity, where);
      for (let offset = 0; offset < total; offset += PAGE) {
        const rows = (await national.em.fork().find(entity, where, {
          orderBy: Object.fromEntries(keys.map((k) => [k, 'asc'])),
          limit: PAGE,
          offset,
          disableIdentityMap: true,
        })) as Record<string, unknown>[];
        await insertRows(target, entity, (await notYetIn(target, entity, keys, rows)).map((r) => ({ ...r })) as never[]);
      }
      const held = await target.count(entity, where);
      if (held !== total) throw new Error(`${department.name}: ${meta.tableName} holds ${held} of the ${total} rows of province ${province} after the copy`);
      moved[meta.tableName] = total;
    }
  });
  await national.em.fork().transactional(async (em) => {
    for (const { entity, property } of [...tables].reverse()) await em.nativeDelete(entity, { [property]: { $like: like } });
  });
  return { moved };
}

/** The rows of a page the new database does not hold yet (a handover run again after a stop). */
async function notYetIn(em: EntityManager, entity: EntitySchema<any, any>, keys: string[], rows: Record<string, unknown>[]) {
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(keys.map((k) => r[k]));
  const there = (await em.find(entity, { $or: rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]]))) }, { fields: keys as never, disableIdentityMap: true })) as Record<
    string,
    unknown
  >[];
  const held = new Set(there.map(keyOf));
  return rows.filter((r) => !held.has(keyOf(r)));
}
