import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { schemaMigration } from './migrations.js';
import { cacheStatements } from './statement-cache.js';

// the real driver (no type package is installed): only what these tests use
interface Statement {
  readonly busy: boolean;
  run(...params: unknown[]): unknown;
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): Iterator<unknown>;
  safeIntegers(on?: boolean): Statement;
}
interface Connection {
  exec(sql: string): void;
  prepare(sql: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => unknown): (...args: A) => unknown;
  close(): void;
}
const Database = createRequire(import.meta.url)('better-sqlite3') as new (file: string) => Connection;

describe('cacheStatements', () => {
  let db: Connection;
  const open = (capacity?: number) => {
    db = new Database(':memory:');
    db.exec('create table t (id integer primary key, big integer)');
    db.prepare('insert into t (id, big) values (?, ?)').run(1, 2n ** 60n);
    return cacheStatements(db, capacity);
  };
  afterEach(() => db.close());

  it('hands out the same statement for the same SQL, with fresh bindings each run', () => {
    const conn = open();
    conn.prepare('insert into t (id) values (?)').run(2);
    const select = conn.prepare('select id from t where id = ?');
    expect(conn.prepare('select id from t where id = ?')).toBe(select);
    expect(select.all(1)).toEqual([{ id: 1 }]);
    expect(conn.prepare('select id from t where id = ?').all(2)).toEqual([{ id: 2 }]);
    expect(conn.prepare('select id from t where id = ? ').all(2)).toEqual([{ id: 2 }]);
  });

  it('keeps only the most recently used statements', () => {
    const conn = open(2);
    const a = conn.prepare('select 1');
    const b = conn.prepare('select 2');
    expect(conn.prepare('select 1')).toBe(a);
    conn.prepare('select 3'); // evicts "select 2", the least recently used
    expect(conn.prepare('select 1')).toBe(a);
    expect(conn.prepare('select 2')).not.toBe(b);
  });

  it('does not let safeIntegers set by one query leak into the next', () => {
    const conn = open();
    const sql = 'select big from t where id = 1';
    expect(conn.prepare(sql).safeIntegers(true).get()).toEqual({ big: 2n ** 60n });
    expect(typeof (conn.prepare(sql).get() as { big: unknown }).big).toBe('number');
  });

  it('never hands out a statement that an open iterator still holds', () => {
    const conn = open();
    const sql = 'select id from t';
    const iterator = conn.prepare(sql).iterate();
    iterator.next();
    const again = conn.prepare(sql);
    expect(again.busy).toBe(false);
    iterator.return?.();
  });

  it('sees schema changes made after the statement was cached', () => {
    const conn = open();
    expect(conn.prepare('select * from t').get()).toEqual({ id: 1, big: 2 ** 60 });
    conn.prepare('alter table t add column note text').run();
    conn.prepare('update t set note = ?').run('x');
    expect(conn.prepare('select * from t').get()).toEqual({ id: 1, big: 2 ** 60, note: 'x' });
  });

  it('keeps the database usable in transactions and for DDL on cached tables', () => {
    const conn = open();
    conn.prepare('select id from t').all();
    const insert = db.transaction((id: number) => conn.prepare('insert into t (id) values (?)').run(id));
    insert(5);
    expect(() => db.transaction(() => { insert(6); throw new Error('rolled back'); })()).toThrow('rolled back');
    expect(conn.prepare('select id from t order by id').all()).toEqual([{ id: 1 }, { id: 5 }]);
    conn.prepare('drop table t').run();
    expect(() => conn.prepare('select id from t').all()).toThrow(/no such table/);
  });
});

describe('openDatabase on SQLite', () => {
  it('caches the statements knex prepares, and transactions still commit and roll back', async () => {
    const orm = await openDatabase({
      target: { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'govgraph-')), 'cache.sqlite') },
      entities: [],
      migrations: [schemaMigration('t', (schema) => schema.createTable('t', (t) => t.integer('id').primary()))],
    });
    try {
      const knex = (orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
      const client = knex.client as { acquireConnection(): Promise<Connection>; releaseConnection(c: Connection): Promise<void> };
      const conn = await client.acquireConnection();
      expect(conn.prepare('select id from t')).toBe(conn.prepare('select id from t'));
      await client.releaseConnection(conn);
      const em = orm.em.fork() as SqlEntityManager;
      await em.transactional((tx) => tx.execute('insert into t (id) values (1)'));
      await expect(
        em.transactional(async (tx) => {
          await tx.execute('insert into t (id) values (2)');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await em.execute('select id from t order by id')).toEqual([{ id: 1 }]);
    } finally {
      await orm.close();
    }
  });
});
