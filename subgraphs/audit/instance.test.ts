import { describe, expect, it } from 'vitest';
import type { AccessRecord } from '../../platform/audit/record.js';
import { openDepartmentDatabase } from '../../platform/department.js';
import { personAt } from '../../samples/synthetic.js';
import { testDatabase } from '../../platform/testing.js';
import { canonicalJson, canonicalRecord, entryHash, GENESIS_HASH, recordOf } from './chain.js';
import { audit } from './department.js';
import { appendRecords, readChain, verifyAccessLog } from './log.js';
import { parseBatch } from './records.js';

// The instance that served a read (issue #15): a field added to the access record later, like agent.
const base = (n: number, overrides: Partial<AccessRecord> = {}): AccessRecord => ({
  id: `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`,
  department: 'cases',
  at: new Date(Date.UTC(2026, 2, 1, 8, n)).toISOString(),
  requestId: `req-${n}`,
  clientName: null,
  callerRole: 'OFFICER',
  callerSubject: 'officer-1',
  callerDepartment: '11110105MB0000000X',
  purpose: 'basis:licensing-review',
  subjectKind: 'PERSON',
  subjectId: personAt(7, 1).id,
  fields: ['Case.applicantId'],
  categories: ['IDENTITY_NUMBER'],
  withheld: false,
  ...overrides,
});

describe('the instance of an access record', () => {
  it('is hashed only when set: a record without it hashes exactly as before instances existed', () => {
    const plain = base(1);
    // computed by the chain code before the field existed: every chain already written still verifies
    expect(entryHash(GENESIS_HASH, plain, 1)).toBe('8f776606aa4f7ad074e7f33ff7bd0b89b25fa8e76916ae86db02aea17e988365');
    expect(entryHash(GENESIS_HASH, { ...plain, instance: null }, 1)).toBe(entryHash(GENESIS_HASH, plain, 1));
    expect(canonicalRecord(plain)).not.toContain('instance');
    const served = base(1, { instance: 'cases@44' });
    expect(canonicalRecord(served)).toBe(canonicalJson(recordOf(served)));
    expect(canonicalRecord(served)).toContain('"id":"00000000-0000-4000-a000-000000000001","instance":"cases@44","purpose"');
    // naming another instance, or none, is another record
    expect(entryHash(GENESIS_HASH, served, 1)).not.toBe(entryHash(GENESIS_HASH, plain, 1));
    expect(entryHash(GENESIS_HASH, served, 1)).not.toBe(entryHash(GENESIS_HASH, { ...served, instance: 'cases@national' }, 1));
  });

  it("passes the ingest checks as an instance of the record's own department, left out when null", () => {
    const records = [
      base(2, { instance: 'cases@44' }),
      base(3, { instance: 'cases@national' }),
      base(4, { department: 'evaluation', instance: 'evaluation@65' }),
    ];
    expect(parseBatch(JSON.stringify({ records }))).toEqual({ ok: true, records });
    expect(parseBatch(JSON.stringify({ records: [base(5, { instance: null })] }))).toEqual({ ok: true, records: [base(5)] });
  });

  it.each([
    ['another department', { instance: 'evaluation@44' }, 'records[0].instance: must name an instance of cases (cases@<province code> or cases@national)'],
    ['no department', { instance: '44' }, 'records[0].instance: must name an instance of cases (cases@<province code> or cases@national)'],
    ['a province that does not exist', { instance: 'cases@99' }, 'records[0].instance: "99" is not a province code (11 … 82) or national'],
    ['a division, not a province', { instance: 'cases@440000' }, 'records[0].instance: "440000" is not a province code (11 … 82) or national'],
    ['two provinces', { instance: 'cases@44@11' }, 'records[0].instance: must name an instance of cases (cases@<province code> or cases@national)'],
    [
      'a department served as one',
      { department: 'population', instance: 'population@44' },
      'records[0].instance: must be null: population is not served per province',
    ],
    ['not a string', { instance: 44 as unknown as string }, 'records[0].instance: must be an instance name like cases@44, or null'],
  ])('is refused when it names %s', (_, overrides, error) => {
    expect(parseBatch(JSON.stringify({ records: [base(6, overrides)] }))).toEqual({ ok: false, error });
  });

  it('is stored, chained and verified with the records around it; changing it breaks the chain', async () => {
    const orm = await openDepartmentDatabase(audit, testDatabase('audit'));
    try {
      const records = [base(7), base(8, { instance: 'cases@44' }), base(9, { instance: 'cases@national' })];
      expect(await appendRecords(orm.em.fork(), records)).toEqual({ accepted: 3, duplicates: 0 });
      expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: true, entries: 3 });
      const stored = [];
      for await (const entry of readChain(orm.em.fork())) stored.push(entry.instance);
      expect(stored).toEqual([null, 'cases@44', 'cases@national']);
      await orm.em.getConnection().execute(`update access_entry set instance = 'cases@11' where seq = 2`);
      expect(await verifyAccessLog(orm.em.fork())).toMatchObject({ ok: false, firstBad: { seq: 2, problem: 'changed' } });
    } finally {
      await orm.close();
    }
  });
});
