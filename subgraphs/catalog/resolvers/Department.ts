import type { DepartmentResolvers } from '../generated/resolvers.js';

export const DepartmentResolver: DepartmentResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.departmentByCode.load(code),
  region: (department) => ({ code: department.regionCode }),
  implementations: (department, _, { loaders }) => loaders.implementationsByDepartment.load(department.code),
};
