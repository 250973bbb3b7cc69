import { sampleDivisions, type Division } from './divisions.js';
import { makeCreditCode } from './identifiers/index.js';
import { hashSeed, random } from './random.js';
import { ITEMS } from './reference/service-items.js';
import { DEPARTMENT_KINDS, type DepartmentKind, type ItemSeed } from './reference/service-types.js';

/**
 * The sample agencies and who implements which service item where. The catalog
 * department stores exactly this; cases, certificates, evaluation and appeals
 * derive the same codes from it, so their sample data agrees without importing
 * the catalog department.
 */
export interface SampleAgency {
  code: string;
  name: string;
  kind: DepartmentKind;
  level: Division['level'];
  regionCode: string;
}

export interface SampleImplementation {
  code: string;
  itemCode: string;
  regionCode: string;
  departmentCode: string;
  promisedLimitDays: number;
  inPersonVisits: number;
}

const LEVEL_DIGIT = { PROVINCE: '2', PREFECTURE: '3', COUNTY: '4' } as const;

/**
 * An agency's unified social credit code: authority 1 (organs), type 1, its
 * division, and an organisation code derived from kind and division.
 */
export function agencyCode(kind: DepartmentKind, regionCode: string): string {
  return makeCreditCode('1', '1', regionCode, String(hashSeed(kind, regionCode) % 100_000_000).padStart(8, '0'));
}

/** The agency of a kind that serves a division, or null when that kind has no office at that level. */
export function agencyAt(kind: DepartmentKind, region: Division): SampleAgency | null {
  const k = DEPARTMENT_KINDS[kind];
  if (!k.levels.includes(region.level)) return null;
  const name = region.level === 'PROVINCE' ? `${region.name}${k.provincialName}` : `${region.name}${k.name}`;
  return { code: agencyCode(kind, region.code), name, kind, level: region.level, regionCode: region.code };
}

export function sampleAgencies(): SampleAgency[] {
  return sampleDivisions().flatMap((region) => (Object.keys(DEPARTMENT_KINDS) as DepartmentKind[]).flatMap((kind) => agencyAt(kind, region) ?? []));
}

/** Every (item, division) pair of the sample catalog, with local promised limits. */
export function sampleImplementations(seed: number): SampleImplementation[] {
  const rng = random(hashSeed(seed, 'catalog'));
  const out: SampleImplementation[] = [];
  for (const item of ITEMS) {
    for (const region of sampleDivisions()) {
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

export { ITEMS, type ItemSeed };
