import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { SqlitePlatform, type EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindSql } from './bound-sql.js';
import { openDatabase } from './db.js';
import { findIn } from './rows.js';
import { watchSql } from './sql-counter.js';
import { testDatabase } from './testing.js';
import { migrationsFor } from '../schema/tools/migrations.js';

describe('bindSql', () => {
  const sql = 'select ?? from t where a = ? and b = ? and c = ? and d \\? e';
  const params = ['the col', "it's", 'a\u0000b', true];

  it('leaves each value a placeholder on SQLite, booleans as 1/0', () => {
    expect(bindSql(new SqlitePlatform(), sql, params)).toEqual({
      sql: 'select `the col` from t where a = ? and b = ? and c = ? and d ? e',
      parameters: ["it's", 'a\u0000b', 1],
    });
  });

  it('numbers the placeholders on PostgreSQL', () => {
    expect(bindSql(new PostgreSqlPlatform(), sql, params)).toEqual({
      sql: 'select "the col" from t where a = $1 and b = $2 and c = $3 and d ? e',
      parameters: ["it's", 'a\u0000b', true],
    });
  });

  it('leaves SQL without values as written (a ? in DDL is no placeholder)', () => {
    expect(bindSql(new SqlitePlatform(), "select '?'", [])).toEqual({ sql: "select '?'", parameters: [] });
  });
});

interface Note {
  id: string;
  text: string;
}
const NoteEntity = new EntitySchema<Note>({ name: 'Note', tableName: 'note', properties: { id: { type: 'string', primary: true }, text: { type: 'string' } } });

describe("a caller's text reaches the database bound, never inside the SQL", () => {
  let orm: MikroORM;
  const sent: string[] = [];
  beforeAll(async () => {
    orm = await openDatabase({
      target: testDatabase('bound'),
      entities: [NoteEntity],
      migrations: await migrationsFor('bound-sql', [NoteEntity]),
    });
    watchSql(orm, (sql) => sent.push(sql));
  });
  afterAll(() => orm.close());

  // PostgreSQL refuses a NUL byte in text whatever the binding: the departments refuse it first (text-input.ts)
  const texts = () => (orm.em.getPlatform() instanceof SqlitePlatform ? ["O'Brien'); drop table note; --", 'a\u0000b'] : ["O'Brien'); drop table note; --"]);

  it('through em.persist, em.find, findIn and em.execute', async () => {
    for (const [i, text] of texts().entries()) {
      sent.length = 0;
      const em = orm.em.fork();
      em.persist(em.create(NoteEntity, { id: `n${i}`, text }));
      await em.flush();
      expect((await orm.em.fork().findOne(NoteEntity, { text }))?.id).toBe(`n${i}`);
      expect((await findIn(orm.em.fork(), NoteEntity, 'text', [text])).map((n) => n.id)).toEqual([`n${i}`]);
      expect(await (orm.em.fork() as SqlEntityManager).execute('select id from note where text = ?', [text])).toEqual([{ id: `n${i}` }]);
      expect(sent.length).toBeGreaterThanOrEqual(4);
      for (const sql of sent) {
        expect(sql).not.toContain('Brien');
        expect(sql).not.toContain('\u0000');
      }
    }
    expect(await orm.em.fork().count(NoteEntity, {})).toBe(texts().length);
  });
});
