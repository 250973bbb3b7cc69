import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { insertInChunks, insertRows, MAX_BOUND_VALUES } from './insert-rows.js';
import { testDatabase } from './testing.js';
import { migrationsFor } from '../schema/tools/migrations.js';

const COLUMNS = ['id', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9'] as const;
type Wide = Record<(typeof COLUMNS)[number], string>;
const WideEntity = new EntitySchema<Wide>({
  name: 'Wide',
  tableName: 'wide',
  properties: Object.fromEntries(COLUMNS.map((c) => [c, c === 'id' ? { type: 'string', primary: true } : { type: 'string' }])) as never,
});

describe('insertRows', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openDatabase({
      target: testDatabase('insert-rows'),
      entities: [WideEntity],
      migrations: await migrationsFor('insert-rows', [WideEntity]),
    });
  });
  afterAll(() => orm.close());

  it('inserts more rows than one statement may bind values for, in one transaction', async () => {
    const count = Math.ceil(MAX_BOUND_VALUES / COLUMNS.length) + 500;
    const rows = Array.from({ length: count }, (_, i) => Object.fromEntries(COLUMNS.map((c) => [c, `${c}-${i}`])) as Wide);
    // the mistake this guards against: one insertMany of them all is refused by the database
    await expect(orm.em.fork().insertMany(WideEntity, rows)).rejects.toThrow();
    await orm.em.fork().transactional((em) => insertRows(em, WideEntity, rows));
    expect(await orm.em.fork().count(WideEntity, {})).toBe(count);
  });

  it("inserts a generator's rows a chunk at a time, the last chunk short", async () => {
    const row = (tag: string, i: number) => Object.fromEntries(COLUMNS.map((c) => [c, `${tag}-${c}-${i}`])) as Wide;
    const before = await orm.em.fork().count(WideEntity, {});
    await insertInChunks(
      orm.em.fork(),
      WideEntity,
      Array.from({ length: 7 }, (_, i) => row('seven', i)),
      3,
    );
    expect(await orm.em.fork().count(WideEntity, {})).toBe(before + 7);
    // a chunk is in the table before the next row is asked for: a generator failing at its fourth row leaves three
    function* failing(): Generator<Wide> {
      for (let i = 0; i < 3; i++) yield row('failing', i);
      throw new Error('the generator failed');
    }
    await expect(insertInChunks(orm.em.fork(), WideEntity, failing(), 3)).rejects.toThrow('the generator failed');
    expect(await orm.em.fork().count(WideEntity, {})).toBe(before + 10);
  });
});
