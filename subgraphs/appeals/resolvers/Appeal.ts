import { suggestedAgency } from '../data/agencies.js';
import type { AppealResolvers } from '../generated/resolvers.js';
import { isOverdue, overdueWorkingDays } from '../lifecycle.js';

const ref = (code: string | null) => (code ? { code } : null);

export const AppealResolver: AppealResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.appealById.load(id),
  region: (appeal) => ({ code: appeal.regionCode }),
  appellant: (appeal) => (appeal.appellantId ? { id: appeal.appellantId } : null),
  anonymous: (appeal) => appeal.appellantId === null,
  department: (appeal) => ref(appeal.departmentCode),
  suggestedDepartment: (appeal) => ref(suggestedAgency(appeal.category, appeal.regionCode)),
  returnedBy: (appeal) => ref(appeal.returnedBy),
  overdue: (appeal, _, { loaders }) => isOverdue(appeal, loaders.today),
  overdueWorkingDays: (appeal, _, { loaders }) => overdueWorkingDays(appeal, loaders.today),
};
