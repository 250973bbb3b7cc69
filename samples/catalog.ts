import { hashSeed, random } from '../platform/random.js';
import { agencyAt } from '../reference/agencies.js';
import { servedDivisions } from '../reference/divisions.js';
import { ITEMS } from '../reference/service-items.js';

/**
 * The sample catalog: who implements which national service item where, with
 * local promised limits. The catalog department stores exactly this; cases,
 * evaluation and appeals derive the same codes from it (in their seeders), so
 * their sample data agrees without importing the catalog department. The items
 * and agencies themselves are reference data (reference/).
 */
export interface SampleImplementation {
  code: string;
  itemCode: string;
  regionCode: string;
  departmentCode: string;
  promisedLimitDays: number;
  inPersonVisits: number;
}

const LEVEL_DIGIT = { PROVINCE: '2', PREFECTURE: '3', COUNTY: '4' } as const;

/** Every (item, division) pair of the sample catalog, with local promised limits. */
export function sampleImplementations(seed: number): SampleImplementation[] {
  const rng = random(hashSeed(seed, 'catalog'));
  const out: SampleImplementation[] = [];
  for (const item of ITEMS) {
    for (const region of servedDivisions()) {
      const agency = agencyAt(item.departmentKind, region);
      if (!agency || !item.levels.includes(region.level)) continue;
      // regions compete on promised limits: many promise fewer days than the national guide
      const cut = rng.chance(0.4) ? rng.int(1, Math.max(1, Math.floor(item.promisedLimitDays / 2))) : 0;
      out.push({
        code: `${item.code}-${LEVEL_DIGIT[region.level]}${region.code}-${agency.code.slice(8, 17)}`,
        itemCode: item.code,
        regionCode: region.code,
        departmentCode: agency.code,
        promisedLimitDays: Math.min(Math.max(0, item.promisedLimitDays - cut), item.statutoryLimitDays),
        inPersonVisits: item.inPersonVisits > 0 && rng.chance(0.2) ? item.inPersonVisits - 1 : item.inPersonVisits,
      });
    }
  }
  return out;
}
