import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import type { SqliteDatabase } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { defineEntity, p } from '@mikro-orm/core';
import { migrationsFor } from '../schema/tools/migrations.js';
import { openSqlite } from './sqlite.js';

describe('openSqlite: node:sqlite with a statement cache', () => {
  let db: SqliteDatabase;
  const open = () => {
    db = openSqlite(join(mkdtempSync(join(tmpdir(), 'govgraph-')), 'cache.sqlite'));
    db.prepare('create table t (id integer primary key, note text)').run([]);
    db.prepare('insert into t (id) values (?)').run([1]);
    return db;
  };
  afterEach(() => db.close());

  it('hands out the same statement for the same SQL, with fresh bindings each run', () => {
    open();
    db.prepare('insert into t (id) values (?)').run([2]);
    const select = db.prepare('select id from t where id = ?');
    expect(db.prepare('select id from t where id = ?')).toBe(select);
    expect(select.all([1])).toEqual([{ id: 1 }]);
    expect(db.prepare('select id from t where id = ?').all([2])).toEqual([{ id: 2 }]);
    expect(db.prepare('select id from t where id = ? ').all([2])).toEqual([{ id: 2 }]);
  });

  it('keeps only the 256 most recently used statements', () => {
    open();
    const first = db.prepare('select 0');
    for (let i = 1; i <= 256; i += 1) db.prepare(`select ${i}`);
    expect(db.prepare('select 256')).toBe(db.prepare('select 256'));
    expect(db.prepare('select 0')).not.toBe(first); // evicted, the least recently used
  });

  it('sees schema changes made after the statement was cached', () => {
    open();
    expect(db.prepare('select * from t').all([])).toEqual([{ id: 1, note: null }]);
    db.prepare('alter table t add column big integer').run([]);
    db.prepare('update t set note = ?').run(['x']);
    expect(db.prepare('select * from t').all([])).toEqual([{ id: 1, note: 'x', big: null }]);
  });

  it('runs with the pragmas the departments rely on', () => {
    open();
    expect(db.prepare('pragma journal_mode').all([])).toEqual([{ journal_mode: 'wal' }]);
    expect(db.prepare('pragma busy_timeout').all([])).toEqual([{ timeout: 2000 }]);
    expect(db.prepare('pragma synchronous').all([])).toEqual([{ synchronous: 1 }]);
    expect(db.prepare('pragma cache_size').all([])).toEqual([{ cache_size: -131072 }]);
  });
});

const T = defineEntity({ name: 'T', tableName: 't', properties: { id: p.integer().primary().autoincrement(false) } });

describe('openDatabase on SQLite', () => {
  it('commits and rolls back transactions over the cached statements', async () => {
    const orm = await openDatabase({
      target: { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'govgraph-')), 'cache.sqlite') },
      entities: [T],
      migrations: await migrationsFor('cache', [T]),
    });
    try {
      const em = orm.em.fork() as SqlEntityManager;
      await em.transactional((tx) => tx.execute('insert into t (id) values (?)', [1]));
      await expect(
        em.transactional(async (tx) => {
          await tx.execute('insert into t (id) values (?)', [2]);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await em.execute('select id from t order by id')).toEqual([{ id: 1 }]);
    } finally {
      await orm.close();
    }
  });
});
