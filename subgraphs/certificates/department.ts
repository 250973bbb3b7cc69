import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { CertificateEntity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { seedCertificates } from './seed.js';
import { subjects } from './subjects.js';

/** The e-certificate hub (电子证照): certificates of people and enterprises, for once-only submission. */
export const certificates: Department<Loaders> = {
  name: 'certificates',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [CertificateEntity],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedCertificates,
  subjects,
};
