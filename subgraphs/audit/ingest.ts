import type { KeyObject } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/core';
import { auditVerifyKeys, verifyDelivery } from '../../platform/audit/keys.js';
import type { Route } from '../../platform/http.js';
import { log } from '../../platform/log.js';
import { OutboxReportEntity } from './entities.js';
import { appendRecords } from './log.js';
import { parseBatch } from './records.js';

/**
 * POST /ingest: departments deliver their outboxes here. The body is
 * `{ "records": AccessRecord[] }` (at most 1,000); `x-audit-department` names
 * the delivering department and `x-audit-signature` is its Ed25519 signature
 * of the exact body bytes, made with its own key (platform/audit/keys.ts). Answers
 * - 401 when the department is unknown or the signature does not verify with
 *   that department's key (nothing is read or stored),
 * - 403 when a record is in another department's name (nothing is stored),
 * - 400 naming the record and field when one is malformed (nothing is stored),
 * - 200 `{ accepted, duplicates }`: records already in the log (a retried
 *   delivery) are counted as duplicates and skipped.
 */
export function ingestRoute(orm: MikroORM, keys: ReadonlyMap<string, KeyObject> = auditVerifyKeys()): Route {
  return async (raw, req) => {
    const department = sender(raw, req, keys);
    if (typeof department !== 'string') return department;
    const batch = parseBatch(raw);
    if (!batch.ok) {
      // the sender keeps a refused batch in its outbox and reports it: its operators need to see why
      log.warn('audit ingest refused a malformed batch', { department, error: batch.error });
      return { status: 400, body: { error: batch.error } };
    }
    const foreign = batch.records.findIndex((r) => r.department !== department);
    if (foreign >= 0) {
      log.error("audit ingest refused records delivered in another department's name", { department, claimed: batch.records[foreign]!.department });
      return {
        status: 403,
        body: { error: `records[${foreign}].department: ${department} may deliver only its own records, not ${batch.records[foreign]!.department}'s` },
      };
    }
    return { status: 200, body: await appendRecords(orm.em.fork(), batch.records) };
  };
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The delivering department whose key verifies the body, or the 401 answer. */
function sender(raw: string, req: IncomingMessage, keys: ReadonlyMap<string, KeyObject>): string | { status: number; body: unknown } {
  const department = header(req.headers['x-audit-department']);
  const key = department === undefined ? undefined : keys.get(department);
  if (department && key && verifyDelivery(raw, header(req.headers['x-audit-signature']), key)) return department;
  log.warn('audit ingest refused: signature does not verify', { department: department?.slice(0, 40), remote: req.socket.remoteAddress, bytes: raw.length });
  return {
    status: 401,
    body: {
      error:
        "x-audit-signature does not verify: send x-audit-department (your department) and the base64url Ed25519 signature of the exact body with that department's audit key",
    },
  };
}

/**
 * POST /ingest/outbox: a department reports its own outbox, `{ "pending": n, "rejected": n }`,
 * signed like a delivery. The latest report per department is kept for auditors (outboxReports).
 */
export function outboxReportRoute(orm: MikroORM, keys: ReadonlyMap<string, KeyObject> = auditVerifyKeys()): Route {
  return async (raw, req) => {
    const department = sender(raw, req, keys);
    if (typeof department !== 'string') return department;
    let body: { pending?: unknown; rejected?: unknown };
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      return { status: 400, body: { error: 'body is not valid JSON' } };
    }
    const count = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
    if (!count(body.pending) || !count(body.rejected)) return { status: 400, body: { error: 'pending and rejected: must be counts (whole numbers from 0)' } };
    const report = { department, pending: body.pending as number, rejected: body.rejected as number, reportedAt: new Date().toISOString() };
    await orm.em.fork().upsert(OutboxReportEntity, report);
    if (report.rejected > 0) log.error('a department reports access records the audit log rejected', report);
    return { status: 200, body: { ok: true } };
  };
}
