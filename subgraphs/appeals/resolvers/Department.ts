import type { DepartmentResolvers } from '../generated/resolvers.js';
import { checkWindow, figureKey } from '../figures/window.js';

/** The hotline's half of Department: how the agency handles the appeals dispatched to it. */
export const DepartmentResolver: DepartmentResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  appealFigures: (department, { from, to }, { loaders }) => {
    checkWindow(from, to);
    return loaders.departmentFigures.load(figureKey(department.code, from, to));
  },
};
