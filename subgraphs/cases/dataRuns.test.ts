import { describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { DATA_RUN_PREVIEWS, dataRunsDigest, type DataRunUse } from '../../platform/data-runs.js';
import { claimsSigner } from '../../platform/security/department-claims.js';
import { newKeyPair } from '../../platform/security/keys.js';
import { itemFor } from './validate.js';
import { confirmedDataRuns } from './dataRuns.js';
import { Problem } from '../../platform/problems.js';

const ME = '11010519491231002X';
const item = itemFor('QR-010003-002', 'PERSON');
const application = { applicantKind: 'PERSON' as const, applicantId: ME, itemCode: item.code };
const card = {
  material: item.materials.find((m) => m.certificateType === 'RESIDENT_ID_CARD')!.name,
  certificateId: 'JMSFZ-000000042-02',
  certificateType: 'RESIDENT_ID_CARD',
  number: ME,
};
const caller = (role: Caller['role'], subject: string | null): Caller => ({ role, subject, department: null, scopes: [] });
const code = async (run: () => Promise<unknown>) => {
  try {
    await run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'none';
};
/** A preview as the hub signs it (its development key), and one signed by anyone else. */
const hub = await claimsSigner(DATA_RUN_PREVIEWS);
const forger = await claimsSigner(DATA_RUN_PREVIEWS, (await newKeyPair('forger')).privateJwk);
const preview = (uses: DataRunUse[], sign = hub, ttl = 900) => sign({ dr: dataRunsDigest(application, uses) }, ttl);

describe('confirming data runs at submission', () => {
  const confirmed = { ...application, dataRuns: { uses: [card], digest: preview([card]) } };

  it('records exactly the list the preview showed, and nothing without a confirmation', async () => {
    expect(await confirmedDataRuns(caller('CITIZEN', ME), confirmed, item)).toEqual([card]);
    expect(await confirmedDataRuns(caller('CITIZEN', ME), application, item)).toEqual([]);
  });

  it('refuses a digest the client computed itself and a preview signed by anyone but the hub; an expired one is a problem to answer', async () => {
    const me = caller('CITIZEN', ME);
    for (const digest of [dataRunsDigest(application, [card]), preview([card], forger), 'not.a.preview']) {
      expect(await code(() => confirmedDataRuns(me, { ...confirmed, dataRuns: { uses: [card], digest } }, item))).toBe('CONFLICT');
    }
    const expired = confirmedDataRuns(me, { ...confirmed, dataRuns: { uses: [card], digest: preview([card], hub, -1) } }, item);
    await expect(expired).rejects.toBeInstanceOf(Problem);
    await expect(expired).rejects.toMatchObject({ problem: { __typename: 'DataRunsPreviewExpired', code: 'PREVIEW_EXPIRED', draft: application } });
  });

  it('refuses a list edited after the preview, a material the type does not satisfy, and a material twice', async () => {
    const more = { ...confirmed, dataRuns: { ...confirmed.dataRuns, uses: [{ ...card, certificateId: 'JMSFZ-000000043-01' }] } };
    expect(await code(() => confirmedDataRuns(caller('CITIZEN', ME), more, item))).toBe('CONFLICT');
    const wrongType = { ...confirmed, dataRuns: { ...confirmed.dataRuns, uses: [{ ...card, certificateType: 'MARRIAGE_CERTIFICATE' }] } };
    expect(await code(() => confirmedDataRuns(caller('CITIZEN', ME), wrongType, item))).toBe('BAD_USER_INPUT');
    const twice = { ...confirmed, dataRuns: { uses: [card, card], digest: preview([card, card]) } };
    expect(await code(() => confirmedDataRuns(caller('CITIZEN', ME), twice, item))).toBe('BAD_USER_INPUT');
  });

  it('lets only the applicant (or an officer) confirm: an agent never saw the preview', async () => {
    expect(await code(() => confirmedDataRuns(caller('CITIZEN', '110105194912310021'), confirmed, item))).toBe('FORBIDDEN');
    expect(await code(() => confirmedDataRuns(caller('ENTERPRISE', ME), confirmed, item))).toBe('FORBIDDEN');
    expect(await confirmedDataRuns(caller('OFFICER', 'officer-1'), confirmed, item)).toEqual([card]);
  });
});
