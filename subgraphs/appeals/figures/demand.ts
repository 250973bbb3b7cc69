import type { EntityManager } from '@mikro-orm/core';
import { CHANNELS, type Channel } from '../../../reference/service-types.js';
import { CATEGORIES, CATEGORY_LIST, KIND_NAMES, KINDS, type AppealCategory, type AppealKind } from '../data/reference.js';
import { countAppeals, inDivisions, share } from './measures.js';
import { COUNTRY, contains } from './divisions.js';
import { windowBatch } from '../../../platform/loaders.js';

export interface KindCount {
  kind: AppealKind;
  name: string;
  count: number;
  share: number;
}

export interface DemandFigures {
  region: { code: string } | null;
  from: string;
  to: string;
  received: number;
  byKind: KindCount[];
  byCategory: { rank: number; category: AppealCategory; name: string; count: number; share: number }[];
  byChannel: { channel: Channel; count: number; share: number }[];
}

/** Every kind in enum order with its count and share. */
export function kindCounts(counts: ReadonlyMap<string, number>, total: number): KindCount[] {
  return KINDS.map((kind) => ({ kind, name: KIND_NAMES[kind], count: counts.get(kind) ?? 0, share: share(counts.get(kind) ?? 0, total) }));
}

const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

/**
 * Demand figures for keys windowKey(division, from, to): one GROUP BY per window, by
 * county, kind, category and channel, then summed into each division asked.
 */
export function demandBatch(em: EntityManager, today: string) {
  return windowBatch(async (divisions, from, to): Promise<DemandFigures[]> => {
    const rows = await countAppeals(em, {
      // in the order of the figures index (migrations.ts), so the groups stream out of it
      groupBy: ['region_code', 'category', 'kind', 'channel'],
      measures: ['received'],
      where: (qb) =>
        inDivisions(
          qb.where((eb) => eb.between('received_on', from, to)),
          divisions,
        ),
      today,
    });
    return divisions.map((division) => {
      const byKind = new Map<string, number>();
      const byCategory = new Map<string, number>();
      const byChannel = new Map<string, number>();
      let received = 0;
      for (const row of rows) {
        if (!contains(division, row.region_code)) continue;
        received += row.received;
        add(byKind, row.kind, row.received);
        add(byCategory, row.category, row.received);
        add(byChannel, row.channel, row.received);
      }
      // ranked by count; the stable sort keeps enum order among equals
      const ranked = [...CATEGORY_LIST].sort((a, b) => (byCategory.get(b) ?? 0) - (byCategory.get(a) ?? 0));
      return {
        region: division === COUNTRY ? null : { code: division },
        from,
        to,
        received,
        byKind: kindCounts(byKind, received),
        byCategory: ranked.map((category, i) => {
          const count = byCategory.get(category) ?? 0;
          return { rank: i + 1, category, name: CATEGORIES[category].name, count, share: share(count, received) };
        }),
        byChannel: CHANNELS.map((channel) => ({ channel, count: byChannel.get(channel) ?? 0, share: share(byChannel.get(channel) ?? 0, received) })),
      };
    });
  });
}
