import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkResidentId, residentIdFacts } from '../platform/identifiers/index.js';
import { enterpriseAt, personAt } from './synthetic.js';

describe('synthetic identities', () => {
  it('are valid, unique, and agree with the facts embedded in them', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20_000; i += 1) {
      const p = personAt(42, i);
      expect(checkResidentId(p.id)).toBeNull();
      const facts = residentIdFacts(p.id);
      expect(facts).toEqual({ kind: 'RESIDENT_IDENTITY_CARD', division: p.regionCode, birthDate: p.birthDate, gender: p.gender });
      ids.add(p.id);
    }
    expect(ids.size).toBe(20_000);
  });

  it('are the same for the same seed and differ for another', () => {
    expect(personAt(7, 123)).toEqual(personAt(7, 123));
    expect(
      personAt(7, 123).name === personAt(8, 123).name && personAt(7, 123).gender === personAt(8, 123).gender && personAt(7, 5).name === personAt(8, 5).name,
    ).toBe(false);
  });

  it('gives enterprises valid unique credit codes and adult representatives', () => {
    const codes = new Set<string>();
    for (let j = 0; j < 2_000; j += 1) {
      const e = enterpriseAt(42, j, 20_000);
      expect(checkCreditCode(e.creditCode)).toBeNull();
      expect(personAt(42, e.representative).birthDate <= '2005-12-31').toBe(true);
      codes.add(e.creditCode);
    }
    expect(codes.size).toBe(2_000);
  });

  it('households share a county', () => {
    const [a, b, c] = [0, 1, 2].map((i) => personAt(1, 300 + i));
    expect(new Set([a!.regionCode, b!.regionCode, c!.regionCode]).size).toBe(1);
    expect(a!.household).toBe(c!.household);
  });
});
