import { describe, expect, it } from 'vitest';
import { windowBatch, windowKey } from './loaders.js';

describe('windowKey and windowBatch', () => {
  it('runs once per window and other arguments, each code once, and answers in key order', async () => {
    const calls: { codes: string[]; from: string; to: string; rest: (string | null)[] }[] = [];
    const batch = windowBatch(async (codes, from, to, rest) => {
      calls.push({ codes, from, to, rest });
      return codes.map((code) => `${code}@${from}..${to}/${rest.join(',')}`);
    });
    const keys = [
      windowKey('110101', '2024-01-01', '2024-12-31'),
      windowKey('a|b"c', '2024-01-01', '2024-12-31'),
      windowKey('110101', '2023-01-01', '2023-12-31'),
      windowKey('110101', '2024-01-01', '2024-12-31', 'WEEK', null),
      windowKey('110102', '2024-01-01', '2024-12-31', 'WEEK', undefined),
      windowKey('110101', '2024-01-01', '2024-12-31'),
    ];
    expect(await batch(keys)).toEqual([
      '110101@2024-01-01..2024-12-31/',
      'a|b"c@2024-01-01..2024-12-31/',
      '110101@2023-01-01..2023-12-31/',
      '110101@2024-01-01..2024-12-31/WEEK,',
      '110102@2024-01-01..2024-12-31/WEEK,',
      '110101@2024-01-01..2024-12-31/',
    ]);
    expect(calls).toEqual([
      { codes: ['110101', 'a|b"c'], from: '2024-01-01', to: '2024-12-31', rest: [] },
      { codes: ['110101'], from: '2023-01-01', to: '2023-12-31', rest: [] },
      { codes: ['110101', '110102'], from: '2024-01-01', to: '2024-12-31', rest: ['WEEK', null] },
    ]);
  });
});
