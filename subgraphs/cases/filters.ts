import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Caller } from '../../platform/context.js';
import { ForbiddenError } from '../../platform/errors.js';
import type { Case } from './entities.js';
import { activeMandatesOf } from './mandates.js';

/**
 * The cases a caller may list: a citizen those they applied for or act in, an
 * enterprise its own, an officer any (duty and purpose are checked per case).
 * Narrowing the query up front keeps others' cases from even being counted.
 */
export async function visibleTo(caller: Caller, em: EntityManager): Promise<FilterQuery<Case>> {
  switch (caller.role) {
    case 'CITIZEN': {
      if (!caller.subject) break;
      const mandates = await activeMandatesOf(em, caller.subject);
      return {
        $or: [
          { applicantKind: 'PERSON', applicantId: caller.subject },
          // as an agent, only under a mandate that still stands
          { agentId: caller.subject, $or: [{ mandateId: null }, { mandateId: { $in: mandates } }] },
        ],
      };
    }
    case 'ENTERPRISE':
      if (!caller.subject) break;
      return { applicantKind: 'ENTERPRISE', applicantId: caller.subject };
    case 'OFFICER':
      return {};
    default:
      break;
  }
  throw new ForbiddenError('Cases are personal data: sign in as the applicant, or as an officer with the scope cases:read');
}

/**
 * Overdue as of today (or not), as the stored facts say it: late when the clock
 * stopped, or running with a due date before the last working day (timeline.ts).
 */
export function overdueWhere(overdue: boolean, lastWorkingDay: string): FilterQuery<Case> {
  return overdue
    ? { $or: [{ overdueDays: { $gt: 0 } }, { overdueDays: null, dueDate: { $lt: lastWorkingDay } }] }
    : { $or: [{ overdueDays: 0 }, { overdueDays: null, dueDate: { $gte: lastWorkingDay } }] };
}
