import { describe, expect, it } from 'vitest';
import { describePurpose, HOW_TO_STATE_A_PURPOSE, LEGAL_BASES, parsePurpose } from './purposes.js';

describe('purposes', () => {
  it('reads a case, a registered legal basis, and looks through a withholding request', () => {
    expect(parsePurpose('case:11C2026010800000005')).toEqual({ kind: 'CASE', caseId: '11C2026010800000005' });
    expect(parsePurpose('case:44C20261202N4K7QZ2M9A')).toEqual({ kind: 'CASE', caseId: '44C20261202N4K7QZ2M9A' });
    expect(parsePurpose('basis:hukou')).toMatchObject({ kind: 'BASIS', basis: { code: 'hukou' } });
    expect(parsePurpose('withheld until 2027-06-30: basis:criminal-investigation')).toMatchObject({ kind: 'BASIS', basis: { code: 'criminal-investigation' } });
  });

  it('tells a malformed case or an unknown basis from free text', () => {
    expect(parsePurpose('case:12345')).toMatchObject({ kind: 'INVALID', problem: expect.stringMatching(/not a case number/) });
    // a case id begins with its province: none, an unknown one, or letters name no case
    for (const id of ['C2026010800000005', '99C2026010800000005', '16C2026010800000005', 'XXC2026010800000005', '']) {
      expect(parsePurpose(`case:${id}`)).toMatchObject({ kind: 'INVALID', problem: expect.stringMatching(/not a case number \(the province's 2 digits/) });
    }
    expect(parsePurpose('basis:curiosity')).toMatchObject({ kind: 'INVALID', problem: expect.stringMatching(/not a registered legal basis/) });
    expect(parsePurpose('case C1')).toEqual({ kind: 'FREE_TEXT', text: 'case C1' });
  });

  it('describes each purpose in words, free text marked as unregistered', () => {
    expect(describePurpose('basis:hukou')).toBe('户口登记管理（依据《中华人民共和国户口登记条例》第三条）');
    expect(describePurpose('case:11C2026010800000005')).toBe('办理办件 11C2026010800000005');
    expect(describePurpose('checking an address')).toBe('未登记的目的：checking an address');
  });

  it('lists every registered basis in the advice on how to state a purpose', () => {
    for (const b of LEGAL_BASES) expect(HOW_TO_STATE_A_PURPOSE).toContain(`basis:${b.code}`);
    expect(new Set(LEGAL_BASES.map((b) => b.code)).size).toBe(LEGAL_BASES.length);
  });
});
