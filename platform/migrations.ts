import { Migration } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

/**
 * A migration written with knex's schema builder, so one definition yields the
 * right DDL for SQLite and PostgreSQL alike. Migrations are listed in code
 * (no folder scanning), which keeps them working under tsx, vitest and tsc.
 */
export function schemaMigration(name: string, build: (schema: Knex.SchemaBuilder) => Knex.SchemaBuilder): MigrationObject {
  return {
    name,
    class: class extends Migration {
      override up(): void {
        for (const statement of build(this.getKnex().schema).toSQL() as unknown as { sql: string }[]) {
          this.addSql(statement.sql);
        }
      }
    },
  };
}
