import { raw, type MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { schemaMigration } from '../../platform/migrations.js';
import { GENESIS_HASH } from './chain.js';
import { HEAD_ID } from './entities.js';

export const migrations: MigrationObject[] = [
  schemaMigration('audit-001-tables', (schema) =>
    schema
      .createTable('access_entry', (t) => {
        // bigint: a national log outgrows 2^31 entries; the GraphQL API shows seq as Int until then
        t.bigInteger('seq').primary();
        t.string('id', 64).notNullable().unique();
        t.string('department', 40).notNullable();
        t.string('at', 24).notNullable();
        t.string('request_id', 128).notNullable();
        t.string('client_name', 200).nullable();
        t.string('caller_role', 16).notNullable();
        t.string('caller_subject', 200).nullable();
        t.string('caller_department', 64).nullable();
        t.string('purpose', 500).nullable();
        t.string('subject_kind', 16).notNullable();
        t.string('subject_id', 18).notNullable();
        t.json('fields').notNullable();
        t.json('categories').notNullable();
        t.boolean('withheld').notNullable();
        t.string('prev_hash', 64).notNullable();
        t.string('hash', 64).notNullable();
        // every filter of accessLog / myDataAccesses, each ending in the cursor column
        t.index(['subject_id', 'seq']);
        t.index(['caller_subject', 'seq']);
        t.index(['department', 'seq']);
        t.index(['purpose', 'seq']);
        t.index(['at', 'seq']);
      })
      .createTable('chain_head', (t) => {
        t.integer('id').primary();
        t.bigInteger('seq').notNullable();
        t.string('hash', 64).notNullable();
      }),
  ),
  {
    // the head row exists from the start, so the very first appends already have a row to lock
    name: 'audit-002-genesis',
    class: class extends Migration {
      override up(): void {
        this.addSql(raw('insert into chain_head (hash, id, seq) values (?, ?, ?)', [GENESIS_HASH, HEAD_ID, 0]));
      }
    },
  },
  // withholding became a power: who withheld a read and the last day it is hidden (null: not withheld,
  // or withheld before it was a power, which the tracker now shows). Auditors list withheld reads by seq.
  schemaMigration('audit-003-withholding', (schema) =>
    schema.alterTable('access_entry', (t) => {
      t.string('withheld_by', 200).nullable();
      t.string('withheld_until', 10).nullable();
      t.index(['withheld', 'seq']);
    }),
  ),
  schemaMigration('audit-004-outbox-reports', (schema) =>
    schema.createTable('outbox_report', (t) => {
      t.string('department', 40).primary();
      t.integer('pending').notNullable();
      t.integer('rejected').notNullable();
      t.string('reported_at', 24).notNullable();
    }),
  ),
  // acting for another (帮代办): who acted on the data subject's behalf, under which mandate
  schemaMigration('audit-agent', (schema) =>
    schema.alterTable('access_entry', (t) => {
      t.string('agent', 18).nullable();
      t.string('mandate', 64).nullable();
    }),
  ),
];
