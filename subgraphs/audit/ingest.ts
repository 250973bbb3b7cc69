import type { MikroORM } from '@mikro-orm/core';
import { ingestKey, verifyIngest } from '../../platform/audit/record.js';
import type { Route } from '../../platform/http.js';
import { log } from '../../platform/log.js';
import { appendRecords } from './log.js';
import { parseBatch } from './records.js';

/**
 * POST /ingest: departments deliver their outboxes here. The body is
 * `{ "records": AccessRecord[] }` (at most 1,000), signed with HMAC-SHA256 of
 * the exact body bytes in `x-audit-signature`. Answers
 * - 401 when the signature does not verify (nothing is read or stored),
 * - 400 naming the record and field when one is malformed (nothing is stored),
 * - 200 `{ accepted, duplicates }`: records already in the log (a retried
 *   delivery) are counted as duplicates and skipped.
 */
export function ingestRoute(orm: MikroORM, key: string = ingestKey()): Route {
  return async (raw, req) => {
    const header = req.headers['x-audit-signature'];
    if (!verifyIngest(raw, Array.isArray(header) ? header[0] : header, key)) {
      log.warn('audit ingest refused: signature does not verify', { remote: req.socket.remoteAddress, bytes: raw.length });
      return { status: 401, body: { error: 'x-audit-signature does not verify: send the hex HMAC-SHA256 of the exact body with the audit ingest key' } };
    }
    const batch = parseBatch(raw);
    if (!batch.ok) {
      // a department's outbox retries a refused batch: its operators need to see why
      log.warn('audit ingest refused a malformed batch', { error: batch.error });
      return { status: 400, body: { error: batch.error } };
    }
    return { status: 200, body: await appendRecords(orm.em.fork(), batch.records) };
  };
}
