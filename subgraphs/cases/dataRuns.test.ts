import { describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { dataRunsDigest } from '../../platform/data-runs.js';
import { itemFor } from './validate.js';
import { confirmedDataRuns } from './dataRuns.js';

const ME = '11010519491231002X';
const item = itemFor('QR-010003-002', 'PERSON');
const application = { applicantKind: 'PERSON' as const, applicantId: ME, itemCode: item.code };
const card = { material: item.materials.find((m) => m.certificateType === 'RESIDENT_ID_CARD')!.name, certificateId: 'JMSFZ-000000042-02', certificateType: 'RESIDENT_ID_CARD', number: ME };
const caller = (role: Caller['role'], subject: string | null): Caller => ({ role, subject, department: null, scopes: [] });
const code = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'none';
};

describe('confirming data runs at submission', () => {
  const confirmed = { ...application, dataRuns: { uses: [card], digest: dataRunsDigest(application, [card]) } };

  it('records exactly the list the preview showed, and nothing without a confirmation', () => {
    expect(confirmedDataRuns(caller('CITIZEN', ME), confirmed, item)).toEqual([card]);
    expect(confirmedDataRuns(caller('CITIZEN', ME), application, item)).toEqual([]);
  });

  it('refuses a list edited after the preview, a material the type does not satisfy, and a material twice', () => {
    const more = { ...confirmed, dataRuns: { ...confirmed.dataRuns, uses: [{ ...card, certificateId: 'JMSFZ-000000043-01' }] } };
    expect(code(() => confirmedDataRuns(caller('CITIZEN', ME), more, item))).toBe('CONFLICT');
    const wrongType = { ...confirmed, dataRuns: { ...confirmed.dataRuns, uses: [{ ...card, certificateType: 'MARRIAGE_CERTIFICATE' }] } };
    expect(code(() => confirmedDataRuns(caller('CITIZEN', ME), wrongType, item))).toBe('BAD_USER_INPUT');
    const twice = { ...confirmed, dataRuns: { uses: [card, card], digest: dataRunsDigest(application, [card, card]) } };
    expect(code(() => confirmedDataRuns(caller('CITIZEN', ME), twice, item))).toBe('BAD_USER_INPUT');
  });

  it('lets only the applicant (or an officer) confirm: an agent never saw the preview', () => {
    expect(code(() => confirmedDataRuns(caller('CITIZEN', '110105194912310021'), confirmed, item))).toBe('FORBIDDEN');
    expect(code(() => confirmedDataRuns(caller('ENTERPRISE', ME), confirmed, item))).toBe('FORBIDDEN');
    expect(confirmedDataRuns(caller('OFFICER', 'officer-1'), confirmed, item)).toEqual([card]);
  });
});
