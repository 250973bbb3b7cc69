import { EntitySchema, type MikroORM } from '@mikro-orm/core';
import { schemaMigration } from '../migrations.js';
import { log } from '../log.js';
import type { AccessRecord } from './record.js';
import { INGEST_PATH, signIngest } from './record.js';

/**
 * Every department's own outbox of access records. A record is written here in
 * the same step as the personal data is served (no record, no data), then a
 * background loop delivers it to the audit department until it is accepted.
 * The audit log deduplicates on the record id, so a retry after a lost answer
 * never counts twice.
 */
export interface OutboxRow {
  id: string;
  payload: string;
  createdAt: string;
  deliveredAt: string | null;
  attempts: number;
}

export const OutboxEntity = new EntitySchema<OutboxRow>({
  name: 'AccessOutbox',
  tableName: 'access_outbox',
  properties: {
    id: { type: 'string', primary: true },
    payload: { type: 'text' },
    createdAt: { type: 'string', fieldName: 'created_at' },
    deliveredAt: { type: 'string', nullable: true, fieldName: 'delivered_at' },
    attempts: { type: 'integer' },
  },
});

export const outboxMigration = schemaMigration('kit-001-access-outbox', (schema) =>
  schema.createTable('access_outbox', (t) => {
    t.string('id', 36).primary();
    t.text('payload').notNullable();
    t.string('created_at', 32).notNullable();
    t.string('delivered_at', 32).nullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.index(['delivered_at', 'created_at']);
  }),
);

/** Writes the records of one response; throws if the database refuses (then the data is not served). */
export async function writeOutbox(orm: MikroORM, records: AccessRecord[]): Promise<void> {
  if (records.length === 0) return;
  const em = orm.em.fork();
  const rows = records.map((r) => ({ id: r.id, payload: JSON.stringify(r), createdAt: r.at, deliveredAt: null, attempts: 0 }));
  // SQLite binds at most 32,766 values per statement: 500 rows of 5 stay well under
  for (let i = 0; i < rows.length; i += 500) await em.insertMany(OutboxEntity, rows.slice(i, i + 500));
}

export interface Delivery {
  /** delivers what is pending now; resolves with the number accepted */
  flush(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Delivers pending records in batches to the audit department's /ingest,
 * backing off (up to 30 s) while it is down, and marks them delivered only
 * when it has answered 200.
 */
export function startDelivery(orm: MikroORM, auditIngestUrl: string, intervalMs = 1000): Delivery {
  let wait = intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  const flush = async (): Promise<number> => {
    const em = orm.em.fork();
    let accepted = 0;
    for (;;) {
      const pending = await em.find(OutboxEntity, { deliveredAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 });
      if (pending.length === 0) return accepted;
      const body = `{"records":[${pending.map((p) => p.payload).join(',')}]}`;
      let ok = false;
      try {
        const response = await fetch(auditIngestUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-audit-signature': signIngest(body) },
          body,
          signal: AbortSignal.timeout(10_000),
        });
        ok = response.ok;
        if (response.status === 400 || response.status === 413) {
          // the audit department will never take this batch as it is: set it aside for an operator
          // (a REJECTED mark, never deleted) instead of blocking every record behind it
          log.error('audit rejected access records; set aside for review', { status: response.status, body: (await response.text()).slice(0, 500), count: pending.length });
          await em.nativeUpdate(OutboxEntity, { id: { $in: pending.map((p) => p.id) } }, { deliveredAt: `REJECTED ${new Date().toISOString()}` });
          continue;
        }
        if (!ok) log.warn('audit refused access records', { status: response.status, count: pending.length });
      } catch (error) {
        log.warn('audit department unreachable; access records kept for retry', { message: (error as Error).message, count: pending.length });
      }
      const ids = pending.map((p) => p.id);
      if (!ok) {
        await em.nativeUpdate(OutboxEntity, { id: { $in: ids } }, { attempts: pending[0]!.attempts + 1 });
        throw new Error('delivery failed');
      }
      await em.nativeUpdate(OutboxEntity, { id: { $in: ids } }, { deliveredAt: new Date().toISOString() });
      accepted += pending.length;
    }
  };

  const tick = () => {
    if (stopped) return;
    running = flush()
      .then((n) => {
        wait = intervalMs;
        return n;
      })
      .catch(() => {
        wait = Math.min(wait * 2, 30_000);
        return 0;
      })
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, wait);
      });
  };
  timer = setTimeout(tick, intervalMs);
  return {
    flush: async () => {
      await running;
      return flush();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** Where departments deliver: AUDIT_INGEST_URL, else the audit department's default address. */
export function auditIngestUrl(env: NodeJS.ProcessEnv, auditGraphqlUrl: string): string {
  return env.AUDIT_INGEST_URL ?? auditGraphqlUrl.replace(/\/graphql$/, INGEST_PATH);
}
