import { describe, expect, it } from 'vitest';
import { ENDED_STATUSES, sampleCaseAt } from './cases.js';
import { ITEMS } from '../reference/service-items.js';

describe('sample cases', () => {
  it('are deterministic, follow the lifecycle and use real items', () => {
    expect(sampleCaseAt(3, 42, 1000, '2026-11-25')).toEqual(sampleCaseAt(3, 42, 1000, '2026-11-25'));
    const codes = new Set(ITEMS.map((i) => i.code));
    const statuses = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const c = sampleCaseAt(3, i, 1000, '2026-11-25');
      statuses.add(c.status);
      expect(codes.has(c.itemCode)).toBe(true);
      expect(c.events[0]!.status).toBe('SUBMITTED');
      const times = c.events.map((e) => e.at);
      expect([...times].sort()).toEqual(times);
    }
    for (const s of ['SUBMITTED', 'UNDER_REVIEW', 'DELIVERED', ...ENDED_STATUSES]) expect(statuses.has(s)).toBe(true);
  });
});
