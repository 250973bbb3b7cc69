import type { SeedOptions } from '../../../platform/department.js';
import { hashSeed, random, type Random } from '../../../platform/random.js';
import { ENDED_STATUSES, sampleCaseAt, type SampleCase } from '../../../samples/cases.js';
import type { Channel } from '../../../reference/service-types.js';
import { addDays } from '../../../platform/time.js';
import { defaultCalendar } from '../../../platform/working-days.js';
import { rectificationDeadline } from '../deadlines.js';
import { evaluationIdOf, rectificationIdOf } from '../ids.js';
import type { Evaluation, Rectification } from '../entities.js';
import { isBadReview, LEVELS, type EvaluationLevel } from '../levels.js';
import { requiresDimensions } from '../rules.js';
import { BAD_COMMENTS, CALLBACK_SUMMARIES, DISMISSAL_REASONS, GOOD_COMMENTS, RESULTS } from './phrases.js';
import { todayInChina } from '../../../platform/time.js';

/** Share of ended cases whose applicant rated them. */
export const RATED_SHARE = 0.6;
/** Cumulative shares of the five levels, best first: 70 / 20 / 6 / 3 / 1 %. */
const LEVEL_CUMULATIVE = [0.7, 0.9, 0.96, 0.99, 1];
const BASE_SCORE: Record<EvaluationLevel, number> = { VERY_SATISFIED: 5, SATISFIED: 4, BASICALLY_SATISFIED: 3, DISSATISFIED: 2, VERY_DISSATISFIED: 1 };

/** A rated case: its evaluation, and the rectification a bad review opened. */
export interface RatedCase {
  evaluation: Evaluation;
  rectification: Rectification | null;
}

/**
 * The sample ratings: for each sample case i < size that has ended (the same
 * cases the cases department stores, from samples/cases.ts), about 60%
 * are rated shortly after their last event. Pure and lazy, one case at a time,
 * so a million cases never sit in memory.
 */
export function* generateEvaluations({ size, seed }: SeedOptions, today = todayInChina()): Generator<RatedCase> {
  for (let i = 0; i < size; i++) {
    const sample = sampleCaseAt(seed, i, size, today);
    if (!ENDED_STATUSES.includes(sample.status)) continue;
    const rng = random(hashSeed(seed, 'evaluation', i));
    if (rng.chance(RATED_SHARE)) yield ratedCase(rng, sample, today);
  }
}

function ratedCase(rng: Random, sample: SampleCase, today: string): RatedCase {
  const last = sample.events.at(-1)!;
  const lastDay = last.at.slice(0, 10);
  const day = minDate(addDays(lastDay, rng.int(0, 3)), today);
  // the same day as the last event: an hour or more after it
  const hour = day === lastDay ? Math.min(23, Number(last.at.slice(11, 13)) + rng.int(1, 4)) : rng.int(8, 22);
  const evaluatedAt = at(day, hour, rng.int(0, 59));
  const r = rng.next();
  const level = LEVELS[LEVEL_CUMULATIVE.findIndex((share) => r < share)] ?? 'VERY_SATISFIED';
  const channel: Channel = rng.chance(0.5) ? sample.channel : 'MOBILE_APP';
  const score = () => Math.min(5, Math.max(1, BASE_SCORE[level] + (rng.chance(0.3) ? rng.pick([-1, 1]) : 0)));
  const rated = requiresDimensions(channel);
  const evaluation: Evaluation = {
    id: evaluationIdOf(sample.id, sample.regionCode),
    caseId: sample.id,
    evaluatorKind: sample.applicantKind,
    evaluatorId: sample.applicantId,
    level,
    overall: rated ? score() : null,
    efficiency: rated ? score() : null,
    guideAccuracy: rated ? score() : null,
    convenience: rated ? score() : null,
    usability: rated ? score() : null,
    comment: isBadReview(level) ? rng.pick(BAD_COMMENTS) : rng.chance(0.15) ? rng.pick(GOOD_COMMENTS) : null,
    channel,
    evaluatedAt,
    evaluatedOn: day,
    itemCode: sample.itemCode,
    regionCode: sample.regionCode,
    departmentCode: sample.departmentCode,
  };
  return { evaluation, rectification: isBadReview(level) ? rectification(rng, evaluation, today) : null };
}

/**
 * How far the follow-up of a bad review got by today: most are called back
 * within three working days and rectified, some dismissed as mistaken, and a
 * few never called back or left hanging, which makes them overdue in time.
 */
function rectification(rng: Random, evaluation: Evaluation, today: string): Rectification {
  const cal = defaultCalendar();
  const row: Rectification = {
    id: rectificationIdOf(evaluation.caseId, evaluation.regionCode),
    evaluationId: evaluation.id,
    evaluatorId: evaluation.evaluatorId,
    regionCode: evaluation.regionCode,
    status: 'OPEN',
    openedAt: evaluation.evaluatedAt,
    deadline: rectificationDeadline(evaluation.evaluatedOn),
    callbackAt: null,
    callbackOfficer: null,
    callbackSummary: null,
    callbackVerified: null,
    result: null,
    dismissalReason: null,
    closedAt: null,
    closedBy: null,
  };
  const officer = `${evaluation.departmentCode.slice(-6)}-回访${rng.int(1, 5)}`;
  const callbackDay = cal.addWorkingDays(evaluation.evaluatedOn, rng.int(1, 3));
  const fate = rng.next();
  if (fate < 0.05 || callbackDay > today) return row;
  const dismissed = fate < 0.15;
  Object.assign(row, {
    status: 'CALLED_BACK',
    callbackAt: at(callbackDay, rng.int(9, 17), rng.int(0, 59)),
    callbackOfficer: officer,
    callbackSummary: rng.pick(dismissed ? CALLBACK_SUMMARIES.unverified : CALLBACK_SUMMARIES.verified),
    callbackVerified: !dismissed,
  });
  // left hanging after the call: overdue once the deadline passes
  if (fate >= 0.15 && fate < 0.27) return row;
  const closeDay = cal.addWorkingDays(callbackDay, rng.int(1, 18));
  if (closeDay > today) return row;
  return Object.assign(row, {
    status: dismissed ? 'DISMISSED' : 'RECTIFIED',
    result: dismissed ? null : rng.pick(RESULTS),
    dismissalReason: dismissed ? rng.pick(DISMISSAL_REASONS) : null,
    closedAt: at(closeDay, rng.int(9, 17), rng.int(0, 59)),
    closedBy: officer,
  });
}

const minDate = (a: string, b: string) => (a < b ? a : b);

function at(day: string, hour: number, minute: number): string {
  return `${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`;
}
