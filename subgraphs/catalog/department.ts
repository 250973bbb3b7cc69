import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { DepartmentEntity, ImplementationEntity, ServiceItemEntity, ServiceItemTermEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { indexUnindexedItems } from './search/index-items.js';
import { seedCatalog } from './seed.js';

/** The platform office: agencies, service items, their guides and per-region implementations. */
export const catalog: Department<Loaders> = {
  name: 'catalog',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [ServiceItemEntity, DepartmentEntity, ImplementationEntity, ServiceItemTermEntity],
  // the search index of items written before it existed
  prepare: indexUnindexedItems,
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedCatalog,
};
