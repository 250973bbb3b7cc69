import type { DepartmentResolvers } from '../generated/resolvers.js';
import { windowKey } from '../../../platform/loaders.js';
import { checkWindow } from '../../../platform/date-window.js';
import { asksSupply } from '../figures.js';

/** The platform's half of Department: public figures on the cases the agency implements. */
export const DepartmentResolver: DepartmentResolvers = {
  __resolveReference: ({ code }) => ({ code }),
  caseFigures: (department, { from, to }, { loaders }, info) => {
    checkWindow({ from, to });
    return loaders.departmentFigures(windowKey(department.code, from, to), asksSupply(info));
  },
};
