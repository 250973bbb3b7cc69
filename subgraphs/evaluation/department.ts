import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { EvaluationEntity, RectificationEntity, type CallbackView, type Evaluation, type Rectification } from './entities.js';
import type { PersonRef } from '../../platform/refs.js';
import { IdempotencyEntity } from '../../platform/idempotency.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { seedEvaluations } from './seed.js';

/** The good/bad review system (好差评): ratings of handled cases, rectification of bad reviews, published satisfaction. */
export const evaluation: Department<Loaders> = {
  name: 'evaluation',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [EvaluationEntity, RectificationEntity, IdempotencyEntity],
  jurisdiction: [
    { entity: EvaluationEntity, property: 'id' },
    { entity: RectificationEntity, property: 'id' },
  ],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seedEvaluations,
  // a rating, its rectification and the call back are the evaluator's: their opinion about their own case
  subjects: {
    Evaluation: (e: Evaluation) => [e.evaluatorId],
    Rectification: (r: Rectification) => [r.evaluatorId],
    Callback: (c: CallbackView) => [c.evaluatorId],
    Person: (p: PersonRef) => [p.id],
  },
};
