import type DataLoader from 'dataloader';
import { pageRequest, toPage, type CountedPage, type PageArgs } from '../../../platform/pagination.js';
import type { Case } from '../entities.js';
import { pageKey } from '../pages.js';

/** One page of an owner's cases through batched loaders (loaders.ts: casesOf*, countOf*). */
export async function ownerPage(
  pages: DataLoader<string, Case[]>,
  counts: DataLoader<string, number>,
  owner: string,
  args: PageArgs,
): Promise<CountedPage<Case>> {
  const request = pageRequest(args);
  return { ...toPage(await pages.load(pageKey(owner, request)), request, (c) => c.id), count: () => counts.load(owner) };
}
