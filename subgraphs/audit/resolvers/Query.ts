import { BadInputError, ForbiddenError } from '../../../platform/errors.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { requireRole } from '../access.js';
import { canonicalJson, recordOf } from '../chain.js';
import type { FilterQuery } from '@mikro-orm/core';
import { AccessEntryEntity, OutboxReportEntity, type AccessEntry } from '../entities.js';
import { logWhere, seqAfter, seqCursor, timeRange } from '../filters.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { verifyAccessLog } from '../log.js';
import { recordLogRead } from '../self-record.js';
import { todayInChina } from '../../../platform/time.js';

/** The export's ceiling: a bulk read, still one bounded response. */
export const MAX_EXPORT = 10_000;

export const Query: QueryResolvers = {
  async accessLog(_, { first, after, ...filters }, context) {
    requireRole(context, 'accessLog', ['AUDITOR']);
    const { limit } = pageRequest({ first });
    const where = logWhere(filters);
    const from = seqAfter(after);
    if (from !== null) where.push({ seq: { $gt: from } });
    const rows = await context.em.find(AccessEntryEntity, { $and: where }, { orderBy: { seq: 'asc' }, limit: limit + 1 });
    const page = toPage(rows, { limit, after }, seqCursor);
    await recordLogRead(context, 'AccessEntry.subjectId', page.nodes);
    return page;
  },

  async exportAccessLog(_, { first, after, ...filters }, context) {
    requireRole(context, 'exportAccessLog', ['AUDITOR']);
    if (!Number.isInteger(first) || first < 1 || first > MAX_EXPORT) throw new BadInputError(`must be between 1 and ${MAX_EXPORT}, got ${first}`, 'first');
    const where = logWhere(filters);
    const from = seqAfter(after);
    if (from !== null) where.push({ seq: { $gt: from } });
    const rows = await context.em.find(AccessEntryEntity, { $and: where }, { orderBy: { seq: 'asc' }, limit: first + 1, disableIdentityMap: true });
    const page = toPage(rows, { limit: first, after }, seqCursor);
    await recordLogRead(context, 'AccessLogExport.jsonLines', page.nodes);
    const lines = page.nodes.map((e) => canonicalJson({ seq: e.seq, prevHash: e.prevHash, hash: e.hash, record: recordOf(e) }));
    return { jsonLines: lines.join('\n'), count: lines.length, pageInfo: page.pageInfo };
  },

  async verifyAccessLog(_, { anchorSeq, anchorHash }, context) {
    requireRole(context, 'verifyAccessLog', ['AUDITOR']);
    if ((anchorSeq == null) !== (anchorHash == null))
      throw new BadInputError('give anchorSeq and anchorHash together, or neither', anchorSeq == null ? 'anchorSeq' : 'anchorHash');
    if (anchorSeq != null && anchorSeq < 1) throw new BadInputError(`must be a position from 1, got ${anchorSeq}`, 'anchorSeq');
    if (anchorHash != null && !/^[0-9a-f]{64}$/.test(anchorHash))
      throw new BadInputError('must be 64 lowercase hex digits (a headHash noted earlier)', 'anchorHash');
    return verifyAccessLog(context.em, anchorSeq != null && anchorHash != null ? [{ seq: anchorSeq, hash: anchorHash }] : []);
  },

  async outboxReports(_, __, context) {
    requireRole(context, 'outboxReports', ['AUDITOR']);
    return context.em.find(OutboxReportEntity, {}, { orderBy: { department: 'asc' } });
  },

  async myDataAccesses(_, { from, to, first, after }, context) {
    requireRole(context, 'myDataAccesses', ['CITIZEN', 'ENTERPRISE']);
    const { limit } = pageRequest({ first });
    const subject = context.caller.subject;
    if (!subject) throw new ForbiddenError('your sign-in carries no identity number or credit code, so there is no data of yours to track');
    // a read withheld until a date is left out without a trace until then, not even a count (PIPL art. 18 / 35);
    // from the day after, it is listed (marked withheld). A withheld mark without a date was never a power: listed.
    const where: FilterQuery<AccessEntry>[] = [
      { subjectId: subject, $or: [{ withheldUntil: null }, { withheldUntil: { $lt: todayInChina() } }] },
      ...timeRange(from, to),
    ];
    const before = seqAfter(after);
    if (before !== null) where.push({ seq: { $lt: before } });
    const rows = await context.em.find(AccessEntryEntity, { $and: where }, { orderBy: { seq: 'desc' }, limit: limit + 1 });
    return toPage(rows, { limit, after }, seqCursor);
  },
};
