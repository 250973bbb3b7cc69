import { NotFoundError } from '../../../platform/errors.js';
import type { ImplementationResolvers } from '../generated/resolvers.js';

export const ImplementationResolver: ImplementationResolvers = {
  item: async (impl, _, { loaders }) => (await loaders.itemByCode.load(impl.itemCode)) ?? Promise.reject(new NotFoundError('Service item', impl.itemCode)),
  department: async (impl, _, { loaders }) =>
    (await loaders.departmentByCode.load(impl.departmentCode)) ?? Promise.reject(new NotFoundError('Department', impl.departmentCode)),
  region: (impl) => ({ code: impl.regionCode }),
};
