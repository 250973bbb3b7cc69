import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey } from '../../platform/loaders.js';
import { findIn } from '../../platform/rows.js';
import { DepartmentEntity, ImplementationEntity, ServiceItemEntity, type Department, type Implementation, type ServiceItem } from './entities.js';

/** Per-request loaders: each batch is one `IN (...)` query, whatever the list length. */
export function createLoaders(em: EntityManager) {
  const implementationsBy = (column: 'regionCode' | 'departmentCode' | 'itemCode') =>
    new DataLoader<string, Implementation[]>(async (keys) =>
      manyByKey(keys, await em.find(ImplementationEntity, { [column]: { $in: [...keys] } }, { orderBy: { code: 'asc' } }), (i) => i[column]),
    );
  return {
    itemByCode: new DataLoader<string, ServiceItem | null>(async (codes) =>
      oneByKey(codes, await em.find(ServiceItemEntity, { code: { $in: [...codes] } }), (i) => i.code),
    ),
    departmentByCode: new DataLoader<string, Department | null>(async (codes) =>
      oneByKey(codes, await findIn(em, DepartmentEntity, 'code', codes), (d) => d.code),
    ),
    departmentsByRegion: new DataLoader<string, Department[]>(async (codes) =>
      manyByKey(codes, await findIn(em, DepartmentEntity, 'regionCode', codes, { orderBy: { code: 'asc' } }), (d) => d.regionCode),
    ),
    implementationsByRegion: implementationsBy('regionCode'),
    implementationsByDepartment: implementationsBy('departmentCode'),
    implementationsByItem: implementationsBy('itemCode'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
