import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { HouseholdEntity, PersonEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { seedPopulation } from './seed.js';
import { relations } from './relations.js';
import { subjects } from './subjects.js';

/** Public security: the household register (户籍), residents and households. */
export const population: Department<Loaders> = {
  name: 'population',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [PersonEntity, HouseholdEntity],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedPopulation,
  subjects,
  relations,
};
