import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type TestPlatform } from './helpers/platform.js';

/**
 * One window, one answer: cases, evaluation and appeals each computed their own limit, and a
 * window starting on a leap day ended on 28 February in one and 1 March in another. The kit's
 * checkWindow now decides for all three: three years after 2024-02-29 is 2027-02-28.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

const FIGURES = {
  cases: 'caseFigures(from: $from, to: $to) { total }',
  'cases, digital divide': 'digitalDivide(from: $from, to: $to) { byAgeBand { groups { group } } }',
  evaluation: 'satisfaction(from: $from, to: $to) { evaluations }',
  appeals: 'demand(from: $from, to: $to) { received }',
} as const;
const query = (field: string) => `query($from: Date!, $to: Date!) { region(code: "110000") { ${field} } }`;

describe.each(Object.entries(FIGURES))('%s', (_, field) => {
  it('answers a window of exactly three years from a leap day', async () => {
    const result = await platform.query(query(field), { from: '2024-02-29', to: '2027-02-28' });
    expect(result.errors).toBeUndefined();
  });

  it('refuses one day more, naming `to` and the last day it may be', async () => {
    const result = await platform.query(query(field), { from: '2024-02-29', to: '2027-03-01' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
    expect(result.errors?.[0]?.message).toMatch(/on or before 2027-02-28/);
  });
});
