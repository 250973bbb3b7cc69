import type { KeyObject } from 'node:crypto';
import { defineEntity, p, type EntityManager, type InferEntity, type MikroORM } from '@mikro-orm/core';
import { insertRows } from '../insert-rows.js';
import { log } from '../log.js';
import { auditSigningKey, signDelivery } from './keys.js';
import { INGEST_PATH, OUTBOX_REPORT_PATH, type AccessRecord } from './record.js';

/**
 * Every department's own outbox of access records. A record is written here in
 * the same step as the personal data is served (no record, no data), then a
 * background loop delivers it to the audit department until it is accepted.
 * The audit log deduplicates on the record id, so a retry after a lost answer
 * never counts twice.
 */
export const OutboxEntity = defineEntity({
  name: 'AccessOutbox',
  tableName: 'access_outbox',
  properties: {
    id: p.string().length(36).primary(),
    payload: p.text(),
    createdAt: p.string().length(32),
    deliveredAt: p.string().length(32).strictNullable(),
    /** when the audit department last refused it as it is: kept, counted, retried every so often */
    rejectedAt: p.string().length(32).strictNullable(),
    attempts: p.integer().default(0),
  },
  // what is still to deliver, oldest first
  indexes: [{ properties: ['deliveredAt', 'createdAt'] }],
});
export type OutboxRow = InferEntity<typeof OutboxEntity>;

/** Writes the records of one response; throws if the database refuses (then the data is not served). */
export async function writeOutbox(orm: MikroORM, records: AccessRecord[]): Promise<void> {
  if (records.length === 0) return;
  const em = orm.em.fork();
  const rows = records.map((r) => ({ id: r.id, payload: JSON.stringify(r), createdAt: r.at, deliveredAt: null, rejectedAt: null, attempts: 0 }));
  await insertRows(em, OutboxEntity, rows);
}

export interface Delivery {
  /** delivers what is pending now; resolves with the number accepted */
  flush(): Promise<number>;
  /** puts every rejected record back in line and delivers again (an operator fixed the cause); resolves with the number accepted */
  retryRejected(): Promise<number>;
  /** what is waiting in the outbox: pending, and rejected by the audit department (kept, never dropped) */
  status(): Promise<OutboxStatus>;
  stop(): Promise<void>;
}

export interface OutboxStatus {
  pending: number;
  rejected: number;
}

/** Records waiting for their first delivery, and those the audit department refused as they are. */
const isPending = { deliveredAt: null, rejectedAt: null };
const isRejected = { deliveredAt: null, rejectedAt: { $ne: null } };

export async function outboxStatus(orm: MikroORM): Promise<OutboxStatus> {
  const em = orm.em.fork();
  const [pending, rejected] = await Promise.all([em.count(OutboxEntity, isPending), em.count(OutboxEntity, isRejected)]);
  return { pending, rejected };
}

/** The department each outbox database belongs to, registered when its recording plugin is built. */
const owners = new WeakMap<MikroORM, string>();
export function registerOutbox(orm: MikroORM, department: string): void {
  owners.set(orm, department);
}

export interface DeliveryOptions {
  /** how often pending records are delivered (ms) */
  intervalMs?: number;
  /** how often rejected records are retried and reported again (ms) */
  rejectedRetryMs?: number;
}

/**
 * Delivers pending records in batches to the audit department's /ingest,
 * signed with the department's own key, backing off (up to 30 s) while it is
 * down, and marks them delivered only when it has answered 200. A batch it
 * refuses as it is (400, 403, 413) is split until the records it refuses stand
 * alone: those are set aside in the outbox (never deleted), reported with their
 * count, and retried every rejectedRetryMs, so one bad record never holds up
 * the others nor disappears. The count kept is reported to the audit department,
 * where auditors read it (outboxReports).
 */
export function startDelivery(orm: MikroORM, auditIngestUrl: string, options: number | DeliveryOptions = {}, department?: string): Delivery {
  const { intervalMs = 1000, rejectedRetryMs = 15 * 60_000 } = typeof options === 'number' ? { intervalMs: options } : options;
  let wait = intervalMs;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;
  // the first sweep comes at start: records rejected before a restart are retried and reported at once
  let lastRetry = 0;
  /** a record was set aside since the audit department last heard the count */
  let unreported = false;
  const keys = new Map<string, KeyObject>();
  const keyOf = (name: string) => keys.get(name) ?? keys.set(name, auditSigningKey(name)).get(name)!;

  /** Sends rows; splits a refused batch; throws when the audit department is unreachable or answers otherwise. */
  const send = async (em: EntityManager, rows: OutboxRow[]): Promise<number> => {
    // signed as the department that owns the outbox, never as whatever a payload claims: a foreign record is refused and set aside
    const sender = department ?? owners.get(orm);
    if (!sender) throw new Error('the outbox has no department: pass it to startDelivery or build the department server first');
    const body = `{"records":[${rows.map((p) => p.payload).join(',')}]}`;
    const ids = rows.map((p) => p.id);
    let response: Response;
    try {
      response = await fetch(auditIngestUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-audit-department': sender, 'x-audit-signature': signDelivery(body, keyOf(sender)) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      log.warn('audit department unreachable; access records kept for retry', { message: (error as Error).message, count: rows.length });
      await em.nativeUpdate(OutboxEntity, { id: { $in: ids } }, { attempts: rows[0]!.attempts + 1 });
      throw new Error('delivery failed', { cause: error });
    }
    if (response.ok) {
      await response.body?.cancel();
      await em.nativeUpdate(OutboxEntity, { id: { $in: ids } }, { deliveredAt: new Date().toISOString() });
      return rows.length;
    }
    const answer = (await response.text()).slice(0, 500);
    if (response.status === 400 || response.status === 403 || response.status === 413) {
      if (rows.length > 1) {
        const half = Math.ceil(rows.length / 2);
        return (await send(em, rows.slice(0, half))) + (await send(em, rows.slice(half)));
      }
      await em.nativeUpdate(OutboxEntity, { id: { $in: ids } }, { rejectedAt: new Date().toISOString(), attempts: rows[0]!.attempts + 1 });
      unreported = true;
      const { rejected } = await outboxStatus(orm);
      log.error('audit rejected an access record; kept in the outbox for review and retried later', { status: response.status, id: ids[0], answer, rejected });
      return 0;
    }
    log.warn('audit refused access records; kept for retry', { status: response.status, answer, count: rows.length });
    await em.nativeUpdate(OutboxEntity, { id: { $in: ids } }, { attempts: rows[0]!.attempts + 1 });
    throw new Error('delivery failed');
  };

  /**
   * Tells the audit department (for auditors' outboxReports) how many records it refused are kept
   * here: whenever some are, and once more when none are left. A failed report is tried next time.
   */
  const report = async (force = false): Promise<void> => {
    // counting is a scan of the outbox: only after a rejection, and at each retry sweep
    if (!force && !unreported) return;
    unreported = false;
    const sender = department ?? owners.get(orm);
    if (!sender) return;
    const status = await outboxStatus(orm);
    const body = JSON.stringify(status);
    try {
      const response = await fetch(`${auditIngestUrl.replace(/\/$/, '')}${OUTBOX_REPORT_PATH.slice(INGEST_PATH.length)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-audit-department': sender, 'x-audit-signature': signDelivery(body, keyOf(sender)) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (!response.ok) {
        unreported = true;
        log.warn('audit department refused the outbox report', { status: response.status, ...status });
      }
    } catch (error) {
      unreported = true;
      log.warn('outbox report not delivered; tried again later', { message: (error as Error).message, ...status });
    }
  };

  const deliverPending = async (): Promise<number> => {
    const em = orm.em.fork();
    let accepted = 0;
    for (;;) {
      const pending = await em.find(OutboxEntity, isPending, { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 500 });
      if (pending.length === 0) return accepted;
      accepted += await send(em, pending);
    }
  };

  const flush = async (): Promise<number> => {
    const accepted = await deliverPending();
    await report();
    return accepted;
  };

  const retryRejected = async (): Promise<number> => {
    lastRetry = Date.now();
    const before = await outboxStatus(orm);
    if (before.rejected === 0) return flush();
    await orm.em.fork().nativeUpdate(OutboxEntity, isRejected, { rejectedAt: null });
    const accepted = await deliverPending();
    const after = await outboxStatus(orm);
    if (after.rejected > 0) log.error('access records still rejected by the audit department; kept in the outbox', { rejected: after.rejected, accepted });
    // even when unchanged (or now 0): the report's time tells auditors it is current
    await report(true);
    return accepted;
  };

  const tick = () => {
    if (stopped) return;
    running = (Date.now() - lastRetry >= rejectedRetryMs ? retryRejected() : flush())
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
  const after = async <T>(fn: () => Promise<T>): Promise<T> => {
    await running;
    return fn();
  };
  return {
    flush: () => after(flush),
    retryRejected: () => after(retryRejected),
    status: () => outboxStatus(orm),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
