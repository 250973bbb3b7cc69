import type { EntityManager } from '@mikro-orm/core';
import { sql } from 'kysely';
import { BadInputError } from '../../../platform/errors.js';
import { kysely } from '../../../platform/kysely.js';
import type { ServiceItem } from '../entities.js';
import { fold, wordsOf } from './words.js';

/** The whole query found as it is in the name or the code (the search before words) ranks above any word score. */
const PHRASE_IN_NAME = 100;
const PHRASE_IN_CODE = 100;

/** A query's words, and the score of each item that has all of them. */
export interface Search {
  text: string;
  words: string[];
}

/** The query as searched; null for an empty or blank one, which filters nothing (an empty search box). */
export function parseSearch(search: string | null | undefined): Search | null {
  const text = fold(search ?? '').trim();
  return text ? { text, words: wordsOf(text) } : null;
}

/** Items holding every word of the query, with the sum of each word's weight at its best place. */
export async function wordScores(em: EntityManager, { words }: Search): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const rows: { item_code: string; score: number | string }[] = await kysely(em)
    .selectFrom('service_item_term')
    .select(['item_code', sql<number>`sum(weight)`.as('score')])
    .where('term', 'in', words)
    .groupBy('item_code')
    // (term, item_code) is the key: an item that has every word has one row per word
    .having(sql`count(*)`, '=', words.length)
    .execute();
  return new Map(rows.map((r) => [r.item_code, Number(r.score)]));
}

/** The item's relevance: its words' score, plus the whole query found in its name or code. */
export function relevance(item: Pick<ServiceItem, 'code' | 'name'>, search: Search, scores: Map<string, number>): number {
  return (
    (scores.get(item.code) ?? 0) + (fold(item.name).includes(search.text) ? PHRASE_IN_NAME : 0) + (fold(item.code).includes(search.text) ? PHRASE_IN_CODE : 0)
  );
}

/** A ranked page's position: the relevance and code of its last item (the order is relevance, then code). */
export function rankKey(score: number, code: string): string {
  return `${score}:${code}`;
}

export function afterRank(key: string): { score: number; code: string } {
  const match = /^(\d+):(.+)$/.exec(key);
  if (!match) throw new BadInputError('is not a cursor of a search; pass pageInfo.endCursor of the same search', 'after');
  return { score: Number(match[1]), code: match[2]! };
}
