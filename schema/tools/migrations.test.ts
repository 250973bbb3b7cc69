import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineEntity, p } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../platform/db.js';
import { readMigrations } from '../../platform/migrations.js';
import { testDatabase } from '../../platform/testing.js';
import { generate, upToDate } from './migrations.js';

// one table as a team first writes it, and as it is after a change: a new nullable column and an index on it
const Permit = defineEntity({
  name: 'Permit',
  tableName: 'permit',
  properties: { id: p.string().length(24).primary(), holderId: p.string().length(18) },
});
const PermitWithRegion = defineEntity({
  name: 'Permit',
  tableName: 'permit',
  properties: { id: p.string().length(24).primary(), holderId: p.string().length(18), regionCode: p.string().length(6).strictNullable() },
  indexes: [{ properties: ['regionCode', 'id'] }],
});

describe('generated migrations (npm run migrations)', () => {
  it('write a first step, then nothing until the entities change, then the change alone, for both databases', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'govgraph-migrations-')), 'migrations');
    expect(await upToDate([Permit], dir)).toBe(false);
    expect(await generate('permits', [Permit], dir, 'initial')).toMatch(/001-initial\.json$/);
    expect(await upToDate([Permit], dir)).toBe(true);
    expect(await generate('permits', [Permit], dir, 'again')).toBeNull();

    expect(await upToDate([PermitWithRegion], dir)).toBe(false);
    expect(await generate('permits', [PermitWithRegion], dir, 'permit-region')).toMatch(/002-permit-region\.json$/);
    expect(readdirSync(dir).sort()).toEqual(['001-initial.json', '002-permit-region.json', 'snapshot.postgresql.json', 'snapshot.sqlite.json']);
    const step = JSON.parse(readFileSync(join(dir, '002-permit-region.json'), 'utf8'));
    expect(step.name).toBe('permits-002-permit-region');
    expect(step.postgresql).toEqual([
      'alter table "permit" add "region_code" varchar(6) null;',
      'create index "permit_region_code_id_index" on "permit" ("region_code", "id");',
    ]);
    expect(step.sqlite).toEqual([
      'alter table `permit` add column `region_code` text null;',
      'create index `permit_region_code_id_index` on `permit` (`region_code`, `id`);',
    ]);

    // a database made by the first step keeps its rows through the second, and ends as the entity
    const target = testDatabase('permits');
    const [first] = readMigrations(dir);
    const before = await openDatabase({ target, entities: [Permit], migrations: [first!] });
    await (before.em.fork() as SqlEntityManager).execute(`insert into permit (id, holder_id) values ('P1', '110101199003071234')`);
    await before.close();
    const after = await openDatabase({ target, entities: [PermitWithRegion], migrations: readMigrations(dir) });
    expect(await (after.em.fork() as SqlEntityManager).execute('select id, holder_id, region_code from permit')).toEqual([
      { id: 'P1', holder_id: '110101199003071234', region_code: null },
    ]);
    expect(await after.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
    await after.close();
  });

  it('refuses a step name that is not lower-case words, and writes nothing', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'govgraph-migrations-')), 'migrations');
    await expect(generate('permits', [Permit], dir, '../x')).rejects.toThrow(/lower-case words/);
    expect(() => readdirSync(dir)).toThrow();
  });
});
