import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../../platform/audit/record.js';
import { openDepartmentDatabase } from '../../platform/department.js';
import { personAt } from '../../samples/synthetic.js';
import { testDatabase } from '../../platform/testing.js';
import { canonicalJson, canonicalRecord, recordOf } from './chain.js';
import { audit } from './department.js';
import { appendRecords, verifyAccessLog } from './log.js';
import { parseBatch } from './records.js';

// Acting for another (帮代办): the agent and mandate of an access record, added to the contract later.
const principal = personAt(7, 1).id;
const agent = personAt(7, 2).id;
const base = (n: number): AccessRecord => ({
  id: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
  department: 'cases',
  at: new Date(Date.UTC(2026, 2, 1, 8, n)).toISOString(),
  requestId: `req-${n}`,
  clientName: null,
  callerRole: 'CITIZEN',
  callerSubject: agent,
  callerDepartment: null,
  purpose: null,
  subjectKind: 'PERSON',
  subjectId: principal,
  fields: ['Mutation.submitCase'],
  categories: ['CASE_DETAIL'],
  withheld: false,
});

describe('the agent of an access record', () => {
  it('is hashed only when set, so records written before it keep their canonical form', () => {
    const plain = base(1);
    expect(canonicalRecord(plain)).not.toContain('agent');
    expect(canonicalRecord({ ...plain, agent: null, mandate: null })).toBe(canonicalRecord(plain));
    const acting = { ...base(2), agent, mandate: 'M20260301080000ABCDEF' };
    expect(canonicalRecord(acting)).toBe(canonicalJson(recordOf(acting)));
    expect(canonicalRecord(acting).startsWith(`{"agent":"${agent}",`)).toBe(true);
  });

  it('passes the ingest checks when it is an identity number, and is refused otherwise', () => {
    const acting = { ...base(3), agent, mandate: 'M20260301080000ABCDEF' };
    expect(parseBatch(JSON.stringify({ records: [acting, base(4)] }))).toEqual({ ok: true, records: [acting, base(4)] });
    const bad = parseBatch(JSON.stringify({ records: [{ ...acting, agent: 'someone' }] }));
    expect(bad).toEqual({ ok: false, error: 'records[0].agent: must be a resident identity number or null' });
  });

  it('is stored, chained and verified with the records around it', async () => {
    const orm = await openDepartmentDatabase(audit, testDatabase('audit'));
    try {
      const records = [base(5), { ...base(6), agent, mandate: 'M20260301080000ABCDEF' }, base(7)];
      expect(await appendRecords(orm.em.fork(), records)).toEqual({ accepted: 3, duplicates: 0 });
      expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: true, entries: 3 });
      await orm.em.getConnection().execute(`update access_entry set agent = '${personAt(7, 3).id}' where seq = 2`);
      expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: false, firstBad: { seq: 2, problem: 'changed' } });
    } finally {
      await orm.close();
    }
  });
});
