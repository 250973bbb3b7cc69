import { loadSchema, type Department } from '../../platform/department.js';
import { EnterpriseEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { migrations } from './migrations.js';
import { resolvers } from './resolvers/index.js';
import { seedMarket } from './seed.js';

/** Market regulation: the register of enterprises and their legal representatives. */
export const market: Department<Loaders> = {
  name: 'market',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [EnterpriseEntity],
  migrations,
  loaders: createLoaders,
  seed: (em, options) => seedMarket(em, options),
};
