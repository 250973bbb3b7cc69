import type { DepartmentResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';

/** The hotline's half of Department: how the agency handles the appeals dispatched to it. */
export const DepartmentResolver: DepartmentResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  appealFigures: (department, { from, to }, { loaders }) => {
    checkWindow({ from, to });
    return loaders.departmentFigures.load(windowKey(department.code, from, to));
  },
};
