import type { EntityManager } from '@mikro-orm/core';
import { countAppeals } from './measures.js';
import { windowBatch } from '../../../platform/loaders.js';

export interface DepartmentAppealFigures {
  from: string;
  to: string;
  received: number;
  open: number;
  overdue: number;
  responded: number;
  respondedOnTime: number;
  onTimeRate: number | null;
  closed: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  satisfactionRate: number | null;
}

const MEASURES = ['received', 'unresolved', 'overdue', 'responded', 'respondedOnTime', 'closed', 'satisfied', 'basicallySatisfied', 'dissatisfied'] as const;

/** Figures for keys windowKey(departmentCode, from, to): one GROUP BY department per window. */
export function departmentBatch(em: EntityManager, today: string) {
  return windowBatch(async (codes, from, to): Promise<DepartmentAppealFigures[]> => {
    const rows = await countAppeals(em, {
      groupBy: ['department_code'],
      measures: MEASURES,
      where: (qb) => qb.where('department_code', 'in', codes).where((eb) => eb.between('received_on', from, to)),
      today,
    });
    const byCode = new Map(rows.map((r) => [r.department_code, r]));
    return codes.map((code) => {
      const r = byCode.get(code) ?? {
        received: 0,
        unresolved: 0,
        overdue: 0,
        responded: 0,
        respondedOnTime: 0,
        closed: 0,
        satisfied: 0,
        basicallySatisfied: 0,
        dissatisfied: 0,
      };
      const rated = r.satisfied + r.basicallySatisfied + r.dissatisfied;
      return {
        from,
        to,
        received: r.received,
        open: r.unresolved,
        overdue: r.overdue,
        responded: r.responded,
        respondedOnTime: r.respondedOnTime,
        onTimeRate: r.responded === 0 ? null : r.respondedOnTime / r.responded,
        closed: r.closed,
        satisfied: r.satisfied,
        basicallySatisfied: r.basicallySatisfied,
        dissatisfied: r.dissatisfied,
        satisfactionRate: rated === 0 ? null : (r.satisfied + r.basicallySatisfied) / rated,
      };
    });
  });
}
