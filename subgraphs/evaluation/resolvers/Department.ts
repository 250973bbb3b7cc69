import type { DepartmentResolvers } from '../generated/resolvers.js';
import { checkWindow } from '../../../platform/date-window.js';
import { windowKey } from '../../../platform/loaders.js';

/** The review system's half of Department: satisfaction with the cases the agency handled. */
export const DepartmentResolver: DepartmentResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  satisfaction: (department, window, { loaders }) => {
    checkWindow(window);
    return loaders.departmentSatisfaction.load(windowKey(department.code, window.from, window.to));
  },
};
