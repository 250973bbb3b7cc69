import type { ServiceItem } from '../entities.js';

/** One segmenter for the index and the query alike: the same text must fall into the same words. */
const SEGMENTER = new Intl.Segmenter('zh', { granularity: 'word' });

/** Longest term kept (the column's length); a longer "word" is a code or a number, cut to this. */
export const MAX_TERM_LENGTH = 64;

/**
 * Full-width and half-width forms folded (ＸＫ－０１ is XK-01), case folded: what a person types on
 * any keyboard or input method compares equal to the guide's text.
 */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * The words of a text, in order, each once: ICU's dictionary segmentation for Chinese (营业执照 is
 * 营业 + 执照), Unicode word boundaries for Latin text and digits; punctuation and spaces dropped.
 */
export function wordsOf(text: string): string[] {
  const words = new Set<string>();
  for (const { segment, isWordLike } of SEGMENTER.segment(fold(text))) if (isWordLike) words.add(segment.slice(0, MAX_TERM_LENGTH));
  return [...words];
}

/**
 * How much a word weighs by where it is in the item: the name (and the code) above the materials, the
 * materials above the conditions, those above the rest of the guide. A word's weight in an item is the
 * sum over the places it is in, and a search's score the sum over its words: since the guide's places
 * together (4 + 2 + 1) weigh less than the name, an item that has every word in its name ranks above
 * one that has them only in its guide, and among those, the more places the better.
 */
export const WEIGHT = { name: 8, code: 8, materials: 4, conditions: 2, guide: 1 } as const;

/** An index entry: one word of one item, with its weight there. */
export interface ItemTerm {
  term: string;
  itemCode: string;
  weight: number;
}

/** The terms of an item: its name, its code (whole and in parts), and its guide's words. */
export function itemTerms(item: Pick<ServiceItem, 'code' | 'name' | 'guide'>): ItemTerm[] {
  const places = new Map<string, Set<keyof typeof WEIGHT>>();
  const add = (texts: readonly (string | null | undefined)[], place: keyof typeof WEIGHT) => {
    for (const text of texts)
      for (const word of wordsOf(text ?? '')) {
        if (!places.has(word)) places.set(word, new Set());
        places.get(word)!.add(place);
      }
  };
  const { guide } = item;
  add([item.name], 'name');
  add([item.code], 'code');
  // the whole code too, so that a code typed whole matches as one word
  const whole = fold(item.code).slice(0, MAX_TERM_LENGTH);
  places.set(whole, new Set([...(places.get(whole) ?? []), 'code']));
  add(
    guide.materials.map((m) => m.name),
    'materials',
  );
  add(guide.conditions, 'conditions');
  add([...guide.steps, ...guide.legalBasis, ...guide.materials.map((m) => m.note), ...guide.fees.map((f) => f.name)], 'guide');
  return [...places].map(([term, at]) => ({ term, itemCode: item.code, weight: [...at].reduce((sum, place) => sum + WEIGHT[place], 0) }));
}
