import { loadSchema, type Department } from '../../platform/department.js';
import { HouseholdEntity, PersonEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { migrations } from './migrations.js';
import { resolvers } from './resolvers/index.js';
import { seedPopulation } from './seed.js';
import { subjects } from './subjects.js';

/** Public security: the household register (户籍), residents and households. */
export const population: Department<Loaders> = {
  name: 'population',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [PersonEntity, HouseholdEntity],
  migrations,
  loaders: createLoaders,
  seed: seedPopulation,
  subjects,
};
