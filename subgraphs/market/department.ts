import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { EnterpriseEntity } from './entities.js';
import type { PersonRef } from '../../platform/refs.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { relations } from './relations.js';
import { seedMarket } from './seed.js';

/** Market regulation: the register of enterprises and their legal representatives. */
export const market: Department<Loaders> = {
  name: 'market',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [EnterpriseEntity],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedMarket,
  // the register itself is public (企业信用信息公示); which enterprises a given
  // identity number represents is that person's data
  subjects: { Person: (person: PersonRef) => [person.id] },
  relations,
};
