import type { DepartmentResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';

/** The platform's half of Department: public figures on the cases the agency implements. */
export const DepartmentResolver: DepartmentResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  caseFigures: (department, { from, to }, { loaders }) => {
    checkWindow({ from, to });
    return loaders.departmentFigures.load(windowKey(department.code, from, to));
  },
};
