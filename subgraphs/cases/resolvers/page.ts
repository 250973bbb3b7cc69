import type DataLoader from 'dataloader';
import { pageRequest, toPage, type PageArgs } from '../../../platform/pagination.js';
import type { Case } from '../entities.js';
import { pageKey } from '../pages.js';

/** One page of an owner's cases through a batched loader (loaders.ts: casesOf*). */
export async function ownerPage(loader: DataLoader<string, Case[]>, owner: string, args: PageArgs) {
  const { limit, after } = pageRequest(args);
  return toPage(await loader.load(pageKey(owner, limit, after)), limit, (c) => c.id);
}
