import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { AppealEntity } from './entities.js';
import { IdempotencyEntity } from '../../platform/idempotency.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { seedAppeals } from './seed.js';
import { subjects } from './subjects.js';

/** The 12345 hotline centre: appeals, their handling, and the demand they show. */
export const appeals: Department<Loaders> = {
  name: 'appeals',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [AppealEntity, IdempotencyEntity],
  jurisdiction: [{ entity: AppealEntity, property: 'id' }],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedAppeals,
  subjects,
};
