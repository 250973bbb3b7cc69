import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject, MikroORM } from '@mikro-orm/core';
import { SqlitePlatform } from '@mikro-orm/sql';
import { z } from 'zod';
import { LEGACY_CHAINS } from './legacy-migrations.js';

/**
 * A department's migrations are generated from its entity definitions (`npm run migrations`,
 * schema/tools/migrations.ts) and committed beside it, one JSON file a step, holding the SQL for
 * both databases we run on: reviewed like code, never edited by hand.
 */
export const GeneratedMigration = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*-\d{3}-[a-z0-9-]+$/),
  sqlite: z.array(z.string().min(1)),
  postgresql: z.array(z.string().min(1)),
});
export type GeneratedMigration = z.infer<typeof GeneratedMigration>;

/** `001-initial.json`, `002-mandates.json`, …: the order is the number's. */
export const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.json$/;

/** The migrations in a folder, in order; a file that is not one fails loudly here rather than half-applying. */
export function readMigrations(dir: string): GeneratedMigration[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => MIGRATION_FILE.test(f))
      .sort();
  } catch {
    return [];
  }
  return files.map((file) => {
    const parsed = GeneratedMigration.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, file)} is not a generated migration: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

/** The migrations folder beside a department's module (`loadMigrations(import.meta.url)`). */
export function loadMigrations(moduleUrl: string): GeneratedMigration[] {
  return readMigrations(fileURLToPath(new URL('./migrations/', moduleUrl)));
}

/** The migrator's form of a generated step: the statements of the database it runs on. */
export function migrationObject(step: GeneratedMigration): MigrationObject {
  return {
    name: step.name,
    class: class extends Migration {
      override up(): void {
        const statements = this.driver.getPlatform() instanceof SqlitePlatform ? step.sqlite : step.postgresql;
        for (const statement of statements) this.addSql(statement);
      }
    },
  };
}

/**
 * A database made before the migrations were generated has run the hand-written chain that the first
 * generated step replaces, and holds the very tables that step creates (legacy-migrations.ts): it is
 * recorded as run instead of being run. A database that ran only part of an old chain cannot be
 * brought forward from here, and is refused with what to do.
 */
export async function adoptLegacyChain(orm: MikroORM, steps: readonly GeneratedMigration[]): Promise<void> {
  const first = steps[0];
  const legacy = first && LEGACY_CHAINS[first.name];
  if (!legacy) return;
  const executed = new Set((await orm.migrator.getExecuted()).map((row) => row.name));
  if (executed.has(first.name)) return;
  const ran = legacy.filter((name) => executed.has(name));
  if (ran.length === 0) return;
  if (ran.length < legacy.length) {
    const missing = legacy.filter((name) => !executed.has(name));
    throw new Error(
      `this database stopped part-way through the migrations of an older govgraph (missing ${missing.join(', ')}); ` +
        'start it once with the release before 0.2 to finish them, or re-create it (a seeded sample database: delete it and run npm run seed)',
    );
  }
  await orm.migrator.logMigration(first.name);
}
