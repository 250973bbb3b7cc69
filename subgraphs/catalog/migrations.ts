import { schemaMigration } from '../../platform/migrations.js';

export const migrations = [
  schemaMigration('catalog-001-tables', (schema) =>
    schema
      .createTable('department', (t) => {
        t.string('code', 18).primary();
        t.string('name').notNullable();
        t.string('kind', 40).notNullable();
        t.string('level', 16).notNullable();
        t.string('region_code', 6).notNullable();
        t.index(['region_code', 'code']);
        t.index(['kind', 'code']);
      })
      .createTable('service_item', (t) => {
        t.string('code', 32).primary();
        t.string('name').notNullable();
        t.string('type', 40).notNullable();
        t.string('service_object', 16).notNullable();
        t.string('department_kind', 40).notNullable();
        t.integer('statutory_limit_days').notNullable();
        t.integer('promised_limit_days').notNullable();
        t.integer('in_person_visits').notNullable();
        t.string('online_depth', 24).notNullable();
        t.boolean('fully_online').notNullable();
        t.json('guide').notNullable();
        t.index(['type', 'code']);
        t.index(['fully_online', 'code']);
      })
      .createTable('implementation', (t) => {
        t.string('code', 80).primary();
        t.string('item_code', 32).notNullable().references('code').inTable('service_item');
        t.string('region_code', 6).notNullable();
        t.string('department_code', 18).notNullable().references('code').inTable('department');
        t.integer('promised_limit_days').notNullable();
        t.integer('in_person_visits').notNullable();
        t.json('fees').notNullable();
        // Region.serviceItems, Department.implementations, ServiceItem.implementations and the filters
        t.index(['region_code', 'item_code']);
        t.index(['department_code', 'item_code']);
        t.index(['item_code', 'region_code']);
      }),
  ),
];
