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
  department: Pick<Department<unknown>, 'name' | 'jurisdiction' | 'reference'>,
  national: MikroORM,
  own: MikroORM,
  province: Province,
): Promise<Handover> {
  const tables = department.jurisdiction ?? [];
  if (tables.length === 0) throw new Error(`${department.name} declares no jurisdiction tables: it cannot hand a province over`);
  const like = `${province}%`;
  const moved: Record<string, number> = {};
  await own.em.fork().transactional(async (target) => {
    // the reference every instance holds whole, as the national instance holds it
    for (const entity of department.reference ?? []) {
      if ((await target.count(entity, {})) > 0) continue;
      await copy(national, target, entity, {});
    }
    for (const { entity, property } of tables) {
      const meta = own.em.getMetadata().get(entity);
      const where = { [property]: { $like: like } };
      const total = await copy(national, target, entity, where);
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

/** Copies the rows `where` selects, page by page, skipping those already there; returns how many it read. */
async function copy(from: MikroORM, to: EntityManager, entity: EntitySchema<any, any>, where: object): Promise<number> {
  const keys = from.em.getMetadata().get(entity).primaryKeys as string[];
  // inside the new database's transaction, a plain fork of the other database's manager would resolve
  // to that transaction (MikroORM's context is by name, and both are "default"): read the national one
  // with a manager of its own
  const source = () => from.em.fork({ disableContextResolution: true });
  // nothing writes the national database during a handover: pages by offset in key order are stable
  const total = await source().count(entity, where);
  for (let offset = 0; offset < total; offset += PAGE) {
    const rows = (await source().find(entity, where, {
      orderBy: Object.fromEntries(keys.map((k) => [k, 'asc'])),
      limit: PAGE,
      offset,
      disableIdentityMap: true,
    })) as Record<string, unknown>[];
    await insertRows(to, entity, (await notYetIn(to, entity, keys, rows)).map((r) => ({ ...r })) as never[]);
  }
  return total;
}

/** The rows of a page the new database does not hold yet (a handover run again after a stop). */
async function notYetIn(em: EntityManager, entity: EntitySchema<any, any>, keys: string[], rows: Record<string, unknown>[]) {
  const keyOf = (r: Record<string, unknown>) => JSON.stringify(keys.map((k) => r[k]));
  // by the first key alone (a case's events share it): an $or of every composite key is too deep for SQLite
  const first = [...new Set(rows.map((r) => r[keys[0]!]))];
  const there = (await em.find(entity, { [keys[0]!]: { $in: first } }, { fields: keys as never, disableIdentityMap: true })) as Record<string, unknown>[];
  const held = new Set(there.map(keyOf));
  return rows.filter((r) => !held.has(keyOf(r)));
}
