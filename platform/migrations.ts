import { Migration } from '@mikro-orm/migrations';
import type { EntityManager, MigrationObject, Platform } from '@mikro-orm/core';
import { SqlitePlatform, type EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import { SchemaBuilder } from './schema-builder.js';

export type { SchemaBuilder, TableBuilder } from './schema-builder.js';

/**
 * A migration written with a schema builder (schema-builder.ts), so one definition yields the
 * right DDL for SQLite and PostgreSQL alike. Migrations are listed in code
 * (no folder scanning), which keeps them working under tsx, vitest and tsc.
 */
export function schemaMigration(name: string, build: (schema: SchemaBuilder) => SchemaBuilder): MigrationObject {
  return {
    name,
    class: class extends Migration {
      override up(): void {
        for (const statement of build(new SchemaBuilder()).toSQL(dialectOf(this.driver.getPlatform()))) this.addSql(statement);
      }
    },
  };
}

/** Runs schema-builder DDL outside a migration (a seed's index rebuild), in em's transaction if it has one. */
export async function runSchema(em: EntityManager, build: (schema: SchemaBuilder) => SchemaBuilder): Promise<void> {
  const sqlEm = em as SqlEntityManager;
  for (const statement of build(new SchemaBuilder()).toSQL(dialectOf(sqlEm.getPlatform()))) await sqlEm.execute(statement);
}

function dialectOf(platform: Platform): 'sqlite' | 'postgresql' {
  return platform instanceof SqlitePlatform ? 'sqlite' : 'postgresql';
}
