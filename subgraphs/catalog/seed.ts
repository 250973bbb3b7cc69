import type { EntityManager } from '@mikro-orm/core';
import type { SeedOptions } from '../../platform/department.js';
import { sampleDivisions, type Division } from '../../platform/divisions.js';
import { makeCreditCode } from '../../platform/identifiers/credit-code.js';
import { hashSeed, random } from '../../platform/random.js';
import { DEPARTMENT_KINDS, type DepartmentKind } from './data/types.js';
import { ITEMS } from './data/items.js';
import { DepartmentEntity, ImplementationEntity, ServiceItemEntity, type Department, type Implementation, type ServiceItem } from './entities.js';

const LEVEL_DIGIT = { PROVINCE: '2', PREFECTURE: '3', COUNTY: '4' } as const;

/**
 * An agency's unified social credit code: authority 1 (organs), type 1, its
 * division, and an organisation code derived from kind and division, so every
 * run and every department derives the same code.
 */
export function agencyCode(kind: DepartmentKind, regionCode: string): string {
  const body = String(hashSeed(kind, regionCode) % 100_000_000).padStart(8, '0');
  return makeCreditCode('1', '1', regionCode, body);
}

function agencyName(kind: DepartmentKind, region: Division): string {
  const k = DEPARTMENT_KINDS[kind];
  return region.level === 'PROVINCE' ? `${region.name}${k.provincialName}` : `${region.name}${k.name}`;
}

/** Agencies in the sample divisions, the whole catalog, and who implements what where. */
export function generateCatalog({ seed }: SeedOptions): { departments: Department[]; items: ServiceItem[]; implementations: Implementation[] } {
  const rng = random(hashSeed(seed, 'catalog'));
  const regions = sampleDivisions();
  const departments: Department[] = [];
  const agencyAt = new Map<string, Department>();
  for (const region of regions) {
    for (const kind of Object.keys(DEPARTMENT_KINDS) as DepartmentKind[]) {
      if (!DEPARTMENT_KINDS[kind].levels.includes(region.level)) continue;
      const department = { code: agencyCode(kind, region.code), name: agencyName(kind, region), kind, level: region.level, regionCode: region.code };
      departments.push(department);
      agencyAt.set(`${kind}@${region.code}`, department);
    }
  }
  const items: ServiceItem[] = ITEMS.map((s) => ({
    code: s.code,
    name: s.name,
    type: s.type,
    serviceObject: s.serviceObject,
    departmentKind: s.departmentKind,
    statutoryLimitDays: s.statutoryLimitDays,
    promisedLimitDays: s.promisedLimitDays,
    inPersonVisits: s.inPersonVisits,
    onlineDepth: s.onlineDepth,
    fullyOnline: s.onlineDepth === 'FULLY_ONLINE',
    guide: {
      conditions: [...s.conditions],
      materials: s.materials.map((m) => ({ ...m })),
      steps: [...s.steps],
      fees: s.fees.map((f) => ({ ...f })),
      legalBasis: [...s.legalBasis],
      channels: [...s.channels],
      enquiryPhone: s.enquiryPhone ?? null,
    },
  }));
  const implementations: Implementation[] = [];
  for (const item of ITEMS) {
    for (const region of regions) {
      const department = agencyAt.get(`${item.departmentKind}@${region.code}`);
      if (!department || !item.levels.includes(region.level)) continue;
      // regions compete on promised limits: many promise fewer days than the national guide
      const promised = Math.max(0, item.promisedLimitDays - (rng.chance(0.4) ? rng.int(1, Math.max(1, Math.floor(item.promisedLimitDays / 2))) : 0));
      implementations.push({
        code: `${item.code}-${LEVEL_DIGIT[region.level]}${region.code}-${department.code.slice(8, 17)}`,
        itemCode: item.code,
        regionCode: region.code,
        departmentCode: department.code,
        promisedLimitDays: Math.min(promised, item.statutoryLimitDays),
        inPersonVisits: item.inPersonVisits > 0 && rng.chance(0.2) ? item.inPersonVisits - 1 : item.inPersonVisits,
        fees: item.fees.map((f) => ({ ...f })),
      });
    }
  }
  return { departments, items, implementations };
}

export async function seedCatalog(em: EntityManager, options: SeedOptions): Promise<void> {
  const { departments, items, implementations } = generateCatalog(options);
  await em.insertMany(DepartmentEntity, departments);
  await em.insertMany(ServiceItemEntity, items);
  await em.insertMany(ImplementationEntity, implementations);
}
