import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../platform/insert-rows.js';
import type { SeedOptions } from '../../platform/department.js';
import { ITEMS } from '../../reference/service-items.js';
import { registeredAgencies } from '../../reference/agencies.js';
import { sampleImplementations } from '../../samples/catalog.js';
import { DepartmentEntity, ImplementationEntity, type ServiceItem } from './entities.js';
import { writeItems } from './search/index-items.js';

/** The national item list with its guides, the sample agencies, and who implements what where. */
export async function seedCatalog(em: EntityManager, { seed }: SeedOptions): Promise<void> {
  const feesOf = new Map(ITEMS.map((i) => [i.code, i.fees]));
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
  await insertRows(em, DepartmentEntity, registeredAgencies());
  await writeItems(em, items);
  const implementations = sampleImplementations(seed).map((i) => ({ ...i, fees: (feesOf.get(i.itemCode) ?? []).map((f) => ({ ...f })) }));
  await insertRows(em, ImplementationEntity, implementations);
}
