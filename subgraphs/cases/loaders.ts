import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { manyByKey, oneByKey, windowBatch } from '../../platform/loaders.js';
import { findIn } from '../../platform/rows.js';
import {
  CaseEntity,
  CaseEventEntity,
  CertificateUseEntity,
  MandateEntity,
  type Case,
  type CaseEvent,
  type CertificateUseRow,
  type Mandate,
} from './entities.js';
import { figuresFor, mostOverdueFor, NOT_ASKED, supplyFor, type BaseFigures, type FigureColumn, type SupplyFigures } from './figures.js';
import type { CaseFigures, DivideGroup, ItemCaseParts, ItemOverdue } from './generated/resolvers.js';
import { casePartsFor } from './supply-plan.js';
import { BREAKDOWNS, divideFor, type BreakdownName } from './divide.js';

import { ownerCounts, ownerPages } from './pages.js';
import { lastWorkingDay } from './timeline.js';
import { todayInChina } from '../../platform/time.js';

/** Region figures are one UNION ALL branch per region, and SQLite allows 500 branches: batches stay below. */
const regionBatch = (column: FigureColumn) => (column === 'region_code' ? { maxBatchSize: 200 } : {});

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  // one "today" per request, so every field of one answer agrees
  const today = todayInChina();
  const clock = { today, lastWorkingDay: lastWorkingDay(today) };
  const figures = (column: FigureColumn) => {
    const base = new DataLoader<string, BaseFigures>(
      windowBatch((codes, from, to) => figuresFor(em, column, codes, from, to, clock.lastWorkingDay)),
      regionBatch(column),
    );
    const supply = new DataLoader<string, SupplyFigures>(
      windowBatch((codes, from, to) => supplyFor(em, column, codes, from, to)),
      regionBatch(column),
    );
    // both loads start in one tick, so each is one statement per batch of codes
    return async (key: string, withSupply: boolean): Promise<CaseFigures> => {
      const [figures, parts] = await Promise.all([base.load(key), withSupply ? supply.load(key) : NOT_ASKED]);
      return { ...figures, ...parts };
    };
  };
  return {
    clock,
    caseById: new DataLoader<string, Case | null>(async (ids) => oneByKey(ids, await findIn(em, CaseEntity, 'id', ids), (c) => c.id)),
    mandateById: new DataLoader<string, Mandate | null>(async (ids) => oneByKey(ids, await findIn(em, MandateEntity, 'id', ids), (m) => m.id)),
    eventsOf: new DataLoader<string, CaseEvent[]>(async (ids) =>
      manyByKey(ids, await findIn(em, CaseEventEntity, 'caseId', ids, { orderBy: { caseId: 'asc', seq: 'asc' } }), (e) => e.caseId),
    ),
    certificatesUsedBy: new DataLoader<string, CertificateUseRow[]>(async (ids) =>
      manyByKey(ids, await findIn(em, CertificateUseEntity, 'caseId', ids, { orderBy: { caseId: 'asc', material: 'asc' } }), (u) => u.caseId),
    ),
    casesOfPerson: ownerPages(em, { column: 'applicant_id', kind: 'PERSON' }),
    casesOfEnterprise: ownerPages(em, { column: 'applicant_id', kind: 'ENTERPRISE' }),
    casesOfAgent: ownerPages(em, { column: 'agent_id' }),
    countOfPerson: ownerCounts(em, { column: 'applicant_id', kind: 'PERSON' }),
    countOfEnterprise: ownerCounts(em, { column: 'applicant_id', kind: 'ENTERPRISE' }),
    countOfAgent: ownerCounts(em, { column: 'agent_id' }),
    itemFigures: figures('item_code'),
    departmentFigures: figures('department_code'),
    regionFigures: figures('region_code'),
    divide: Object.fromEntries(
      (Object.keys(BREAKDOWNS) as BreakdownName[]).map((name) => [
        name,
        new DataLoader<string, DivideGroup[]>(
          windowBatch((codes, from, to) => divideFor(em, name, codes, from, to)),
          regionBatch('region_code'),
        ),
      ]),
    ) as Record<BreakdownName, DataLoader<string, DivideGroup[]>>,
    mostOverdueItems: new DataLoader<string, ItemOverdue[]>(
      windowBatch((codes, from, to) => mostOverdueFor(em, codes, from, to, clock.lastWorkingDay)),
      regionBatch('region_code'),
    ),
    caseParts: new DataLoader<string, ItemCaseParts[]>(
      windowBatch((codes, from, to) => casePartsFor(em, codes, from, to, clock.lastWorkingDay)),
      regionBatch('region_code'),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
