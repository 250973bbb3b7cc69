/**
 * Small-cell suppression of published aggregates (issue #17 item 4): a cell describing fewer than
 * MIN_PEOPLE people is not published, and neither is a second cell of the same table when one alone
 * would be (its table's total, published elsewhere, minus the other cells would give it back).
 * One function, used by the department that publishes cells and by the jurisdiction router after it
 * combines every province's cells (a national cell may reach the threshold while each province's is below).
 */
export const MIN_PEOPLE = 10;

/**
 * Which cells of one table (e.g. the groups of one breakdown) are suppressed, from the people each
 * describes. Primary: 1..MIN_PEOPLE-1 people (an empty cell describes nobody and is published as 0).
 * Complementary: when exactly one cell is suppressed, the smallest other non-empty cell too (the
 * first of equals), so that the table's total cannot be subtracted down to it; with no other
 * non-empty cell the suppressed one is the whole total, which counts no person elsewhere.
 *
 * @returns one flag per cell, in the order given
 */
export function suppressedCells(people: readonly number[], min: number = MIN_PEOPLE): boolean[] {
  const flags = people.map((p) => p > 0 && p < min);
  if (flags.filter(Boolean).length !== 1) return flags;
  let partner = -1;
  people.forEach((p, i) => {
    if (!flags[i] && p > 0 && (partner < 0 || p < people[partner]!)) partner = i;
  });
  if (partner >= 0) flags[partner] = true;
  return flags;
}

/** The spread of one measure over the published cells: highest and lowest, and their difference. */
export interface Spread<K> {
  highest: K | null;
  highestValue: number | null;
  lowest: K | null;
  lowestValue: number | null;
  difference: number | null;
}

/**
 * The highest and lowest value of a measure among the cells that publish one (suppressed cells and
 * cells without a value left out; the first of equals), null throughout with fewer than two.
 */
export function spreadOf<K>(cells: readonly { key: K; value: number | null | undefined }[]): Spread<K> {
  const known = cells.filter((c): c is { key: K; value: number } => typeof c.value === 'number');
  if (known.length < 2) return { highest: null, highestValue: null, lowest: null, lowestValue: null, difference: null };
  const high = known.reduce((a, b) => (b.value > a.value ? b : a));
  const low = known.reduce((a, b) => (b.value < a.value ? b : a));
  return { highest: high.key, highestValue: high.value, lowest: low.key, lowestValue: low.value, difference: high.value - low.value };
}
