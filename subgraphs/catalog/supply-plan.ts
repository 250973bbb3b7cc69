// no score, and no value of a part, describes fewer people than the published cells' minimum
import { MIN_PEOPLE } from '../../platform/suppression.js';
import { onlineDepthRank, type DepartmentKind } from '../../reference/service-types.js';
import type { ServiceItem } from './entities.js';
import type { ItemCaseParts, ItemReviewParts, KindAppeals, SupplyFactor, SupplyScorePart } from './generated/resolvers.js';

/** The most each part adds to a score (0..100); the formula is in schema.graphql (SupplyPlan.items) and the README. */
export const WEIGHTS: Readonly<Record<SupplyFactor, number>> = {
  CASES: 25,
  APPEALS: 15,
  ONLINE_DEPTH: 15,
  VISITS_PER_CASE: 10,
  OVER_PROMISED_VISITS: 10,
  OVERDUE: 15,
  BAD_REVIEWS: 10,
};

/** Trips in person per case at which that gap is full. */
const VISITS_CAP = 2;
const DEEPEST = onlineDepthRank('FULLY_ONLINE');

export interface Ranked {
  rank: number;
  item: ServiceItem;
  score: number;
  cases: number;
  parts: SupplyScorePart[];
}

export interface PlanParts {
  caseParts: readonly ItemCaseParts[];
  reviewParts: readonly ItemReviewParts[];
  appealParts: readonly KindAppeals[];
}

const round = (value: number) => Math.round(value * 1e4) / 1e4;
/** A basis of 1 to 9 people is itself a small cell: it is withheld with its value. */
const withheld = (n: number) => (n > 0 && n < MIN_PEOPLE ? null : n);

/** Every scored item (at least MIN_PEOPLE cases and known to the catalog), ranked. */
export function rank(parts: PlanParts, itemOf: (code: string) => ServiceItem | undefined): Ranked[] {
  const scored = parts.caseParts.filter((p) => p.cases >= MIN_PEOPLE && itemOf(p.item));
  const reviews = new Map(parts.reviewParts.map((r) => [r.item, r]));
  const appeals = new Map(parts.appealParts.map((a) => [a.departmentKind, a.appeals]));
  // a kind with fewer than MIN_PEOPLE appeals counts as none
  const counted = (kind: DepartmentKind) => {
    const n = appeals.get(kind) ?? 0;
    return n >= MIN_PEOPLE ? n : 0;
  };
  const kindOf = (code: string) => itemOf(code)!.departmentKind as DepartmentKind;
  const mostCases = Math.max(0, ...scored.map((p) => p.cases));
  const mostAppeals = Math.max(0, ...scored.map((p) => counted(kindOf(p.item))));
  const ranked = scored.map((p) => {
    const item = itemOf(p.item)!;
    const review = reviews.get(p.item);
    const kindAppeals = counted(kindOf(p.item));
    const depth = onlineDepthRank(item.onlineDepth);
    const reviewed = review && review.reviews >= MIN_PEOPLE ? review : null;
    const list: [SupplyFactor, number | null, number | null, number][] = [
      ['CASES', p.cases, p.cases, p.cases / mostCases],
      ['APPEALS', kindAppeals || null, withheld(appeals.get(kindOf(p.item)) ?? 0), kindAppeals ? kindAppeals / mostAppeals : 0],
      ['ONLINE_DEPTH', depth, null, (DEEPEST - depth) / DEEPEST],
      ['VISITS_PER_CASE', p.inPersonVisits / p.cases, p.cases, Math.min(p.inPersonVisits / p.cases, VISITS_CAP) / VISITS_CAP],
      ['OVER_PROMISED_VISITS', p.overPromisedVisits / p.cases, p.cases, p.overPromisedVisits / p.cases],
      ['OVERDUE', p.overdue / p.cases, p.cases, p.overdue / p.cases],
      [
        'BAD_REVIEWS',
        reviewed && reviewed.badReviews / reviewed.reviews,
        withheld(review?.reviews ?? 0),
        reviewed ? reviewed.badReviews / reviewed.reviews : 0,
      ],
    ];
    // the contribution from the level as shown, so that a supervisor's own product agrees with it
    const scoreParts = list.map(([factor, value, basis, level]) => ({
      factor,
      value: value === null ? null : round(value),
      basis,
      level: round(level),
      weight: WEIGHTS[factor],
      contribution: round(WEIGHTS[factor] * round(level)),
    }));
    return { item, cases: p.cases, score: round(scoreParts.reduce((s, part) => s + part.contribution, 0)), parts: scoreParts };
  });
  ranked.sort((a, b) => b.score - a.score || b.cases - a.cases || (a.item.code < b.item.code ? -1 : a.item.code > b.item.code ? 1 : 0));
  return ranked.map((r, i) => ({ rank: i + 1, ...r }));
}
