import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { findIn } from './rows.js';
import { testDatabase } from './testing.js';
import { migrationsFor } from '../schema/tools/migrations.js';

interface Item {
  id: string;
  kind: string;
  rank: number;
  note: string | null;
}
interface Tagged {
  id: string;
  tags: string[] | null;
}
const ItemEntity = new EntitySchema<Item>({
  name: 'Item',
  tableName: 'item',
  properties: {
    id: { type: 'string', primary: true },
    kind: { type: 'string' },
    rank: { type: 'integer' },
    note: { type: 'string', nullable: true, fieldName: 'the_note' },
  },
});
// a JSON column needs the ORM's hydration: findIn leaves it to em.find
const TaggedEntity = new EntitySchema<Tagged>({
  name: 'Tagged',
  tableName: 'tagged',
  properties: { id: { type: 'string', primary: true }, tags: { type: 'json', nullable: true } },
});

describe('findIn', () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openDatabase({
      target: testDatabase('rows'),
      entities: [ItemEntity, TaggedEntity],
      migrations: await migrationsFor('rows', [ItemEntity, TaggedEntity]),
    });
    const em = orm.em.fork();
    await em.insertMany(
      ItemEntity,
      ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, kind: i % 2 ? 'odd' : 'even', rank: 5 - i, note: i === 1 ? null : `n${i}` })),
    );
    await em.insertMany(TaggedEntity, [{ id: 'b', tags: ['b'] }]);
  });
  afterAll(() => orm.close());

  const plain = (rows: Item[]) => rows.map((r) => ({ ...r }));
  const cases = [
    { property: 'id', keys: ['c', 'a', 'zz'], options: {} },
    { property: 'kind', keys: ['even'], options: { orderBy: { rank: 'asc' } } },
    { property: 'id', keys: ['a', 'b', 'd', 'e'], options: { where: { kind: 'odd' }, orderBy: { rank: 'desc' } } },
    { property: 'id', keys: [], options: {} },
  ] as const;

  it.each(cases)('answers what em.find answers: $property in $keys', async ({ property, keys, options }) => {
    const where = { ...('where' in options ? options.where : {}), [property]: { $in: [...keys] } };
    const expected = await orm.em.fork().find(ItemEntity, where, { orderBy: 'orderBy' in options ? options.orderBy : undefined });
    const got = await findIn(orm.em.fork(), ItemEntity, property, keys, options as never);
    const sorted = (rows: Item[]) => ('orderBy' in options ? rows : [...rows].sort((x, y) => x.id.localeCompare(y.id)));
    expect(sorted(plain(got))).toEqual(sorted(plain(expected)));
  });

  it('keeps entities with custom-typed properties on em.find, which converts them', async () => {
    const [item] = await findIn(orm.em.fork(), TaggedEntity, 'id', ['b']);
    expect(item?.tags).toEqual(['b']);
  });
});
