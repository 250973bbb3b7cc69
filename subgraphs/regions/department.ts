import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { RegionEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { ensureCountry, seedRegions } from './seed.js';

/** Civil affairs: the GB/T 2260 administrative divisions. */
export const regions: Department<Loaders> = {
  name: 'regions',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [RegionEntity],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  prepare: ensureCountry,
  seed: seedRegions,
};
