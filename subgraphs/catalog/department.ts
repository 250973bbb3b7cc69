import { loadSchema, type Department } from '../../platform/department.js';
import { DepartmentEntity, ImplementationEntity, ServiceItemEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { migrations } from './migrations.js';
import { resolvers } from './resolvers/index.js';
import { seedCatalog } from './seed.js';

/** The platform office: agencies, service items, their guides and per-region implementations. */
export const catalog: Department<Loaders> = {
  name: 'catalog',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [ServiceItemEntity, DepartmentEntity, ImplementationEntity],
  migrations,
  loaders: createLoaders,
  seed: seedCatalog,
};
