import { describe, expect, it } from 'vitest';
import { ENDED_STATUSES, sampleCaseAt } from '../../../samples/cases.js';
import { defaultCalendar } from '../../../platform/working-days.js';
import { isOverdue, rectificationDeadline } from '../deadlines.js';
import { isBadReview } from '../levels.js';
import { requiresDimensions } from '../rules.js';
import { generateEvaluations, RATED_SHARE } from './generate.js';
import { todayInChina } from '../../../platform/time.js';

const today = todayInChina();

describe('evaluation generator', () => {
  const BIG = { size: 4_000, seed: 3 };
  const sample = [...generateEvaluations(BIG, today)];

  it('rates about 60% of the ended sample cases after their last event, mostly good', () => {
    const big = sample.map((r) => r.evaluation);
    const ended = Array.from({ length: BIG.size }, (_, i) => sampleCaseAt(BIG.seed, i, BIG.size, today)).filter((c) => ENDED_STATUSES.includes(c.status));
    expect(big.length / ended.length).toBeCloseTo(RATED_SHARE, 1);
    const share = (level: string) => big.filter((e) => e.level === level).length / big.length;
    expect(share('VERY_SATISFIED')).toBeCloseTo(0.7, 1);
    expect(share('SATISFIED')).toBeCloseTo(0.2, 1);
    expect(share('DISSATISFIED') + share('VERY_DISSATISFIED')).toBeGreaterThan(0.02);
    expect(share('DISSATISFIED') + share('VERY_DISSATISFIED')).toBeLessThan(0.06);
    const byId = new Map(ended.map((c) => [c.id, c]));
    for (const e of big.slice(0, 500)) {
      const kase = byId.get(e.caseId) ?? expect.fail(`${e.caseId} is not an ended sample case`);
      expect(e).toMatchObject({
        evaluatorId: kase.applicantId,
        evaluatorKind: kase.applicantKind,
        itemCode: kase.itemCode,
        regionCode: kase.regionCode,
        departmentCode: kase.departmentCode,
      });
      expect(e.evaluatedAt > kase.events.at(-1)!.at && e.evaluatedOn <= today).toBe(true);
      expect([kase.channel, 'MOBILE_APP']).toContain(e.channel);
      expect(e.overall === null).toBe(!requiresDimensions(e.channel));
      if (isBadReview(e.level)) expect(e.comment).toBeTruthy();
    }
    expect([...generateEvaluations(BIG, today)].slice(0, 50)).toEqual(sample.slice(0, 50));
  });

  it('opens a rectification for every bad review, in every state, some overdue', () => {
    for (const { evaluation: e, rectification: r } of sample) {
      expect(r !== null).toBe(isBadReview(e.level));
      if (!r) continue;
      expect(r).toMatchObject({ evaluationId: e.id, evaluatorId: e.evaluatorId, openedAt: e.evaluatedAt, deadline: rectificationDeadline(e.evaluatedOn) });
      expect(defaultCalendar().workingDaysBetween(e.evaluatedOn, r.deadline)).toBe(15);
      if (r.status === 'DISMISSED') expect(r.callbackVerified).toBe(false);
      if (r.status !== 'OPEN') expect(r.callbackAt! > r.openedAt).toBe(true);
    }
    const states = sample.flatMap((b) => b.rectification ?? []);
    expect(new Set(states.map((r) => r.status))).toEqual(new Set(['OPEN', 'CALLED_BACK', 'RECTIFIED', 'DISMISSED']));
    expect(states.some((r) => isOverdue(r, today))).toBe(true);
    expect(states.some((r) => r.status === 'CALLED_BACK' && !isOverdue(r, today)) || states.some((r) => r.status === 'OPEN' && !isOverdue(r, today))).toBe(
      true,
    );
  });
});
