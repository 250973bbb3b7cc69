import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { CaseEntity, CaseEventEntity, CertificateUseEntity, ImplementationEntity, MandateEntity } from './entities.js';
import { IdempotencyEntity } from '../../platform/idempotency.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { seedCases } from './seed.js';
import { subjects } from './subjects.js';

/** The one-network handling platform (一网通办): cases, their timelines and time limits, from any channel. */
export const cases: Department<Loaders> = {
  name: 'cases',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [CaseEntity, CaseEventEntity, ImplementationEntity, IdempotencyEntity, MandateEntity, CertificateUseEntity],
  reference: [ImplementationEntity],
  jurisdiction: [
    { entity: CaseEntity, property: 'id' },
    { entity: CaseEventEntity, property: 'caseId' },
    { entity: CertificateUseEntity, property: 'caseId' },
  ],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedCases,
  subjects,
};
