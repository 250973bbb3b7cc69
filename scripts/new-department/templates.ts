// The files of a new department, from its name (e.g. permits), the GraphQL type it owns
// (Permit), that type's root field (permit) and its table (permit). A working department: it
// composes into the graph, starts, seeds sample rows and passes its own tests; its team then
// replaces the sample type with their own.

export interface Names {
  /** the folder, subgraph and <NAME>_PORT prefix: permits */
  name: string;
  /** the GraphQL type and entity: Permit */
  type: string;
  /** the root field: permit */
  field: string;
  /** the table: permit */
  table: string;
  port: number;
  title: string;
}

export function departmentFiles(n: Names): Record<string, string> {
  const { name, type, field, table } = n;
  const loaders = `${field}ById`;
  const prefix = type.toUpperCase().slice(0, 3);
  return {
    'manifest.json': `${JSON.stringify({ port: n.port, title: n.title }, null, 2)}\n`,

    'schema.graphql': `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])

"A record of ${n.title} (the scaffold's sample type: replace it with the department's own)."
type ${type} @key(fields: "id") {
  id: ID!
  "Its name."
  name: String!
}

type Query {
  "One ${field} by id; NOT_FOUND when none has it."
  ${field}(id: ID!): ${type}
}
`,

    'entities.ts': `import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

// the table, written once: its row type follows (InferEntity), and npm run migrations writes its migrations
export const ${type}Entity = defineEntity({
  name: '${type}',
  tableName: '${table}',
  properties: {
    id: p.string().length(24).primary(),
    name: p.string().length(200),
  },
});
export type ${type} = InferEntity<typeof ${type}Entity>;
`,

    'seed.ts': `import type { EntityManager } from '@mikro-orm/core';
import { insertRows } from '../../platform/insert-rows.js';
import { ${type}Entity } from './entities.js';

/** Sample rows for development and tests. */
export async function seed${type}s(em: EntityManager): Promise<void> {
  const rows = [1, 2, 3].map((i) => ({ id: \`${prefix}-\${i}\`, name: \`${type} \${i}\` }));
  await insertRows(em, ${type}Entity, rows);
}
`,

    'loaders.ts': `import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/core';
import { oneByKey } from '../../platform/loaders.js';
import { findIn } from '../../platform/rows.js';
import { ${type}Entity, type ${type} } from './entities.js';

/** Per-request loaders: one SQL statement per batch, whatever the list length. */
export function createLoaders(em: EntityManager) {
  return {
    ${loaders}: new DataLoader<string, ${type} | null>(async (ids) => oneByKey(ids, await findIn(em, ${type}Entity, 'id', ids), (r) => r.id)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,

    'context.ts': `import type { DepartmentContext } from '../../platform/context.js';
import type { Loaders } from './loaders.js';

export type Context = DepartmentContext<Loaders>;
`,

    'resolvers/Query.ts': `import { NotFoundError } from '../../../platform/errors.js';
import type { QueryResolvers } from '../generated/resolvers.js';

export const Query: QueryResolvers = {
  async ${field}(_, { id }, { loaders }) {
    const found = await loaders.${loaders}.load(id);
    if (!found) throw new NotFoundError('${type}', id);
    return found;
  },
};
`,

    [`resolvers/${type}.ts`]: `import type { ${type}Resolvers } from '../generated/resolvers.js';

export const ${type}Resolver: ${type}Resolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.${loaders}.load(id),
};
`,

    'resolvers/index.ts': `import type { Resolvers } from '../generated/resolvers.js';
import { ${type}Resolver } from './${type}.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = {
  Query,
  ${type}: ${type}Resolver,
};
`,

    'department.ts': `import { loadSchema, type Department } from '../../platform/department.js';
import { loadMigrations } from '../../platform/migrations.js';
import { ${type}Entity } from './entities.js';
import { createLoaders, type Loaders } from './loaders.js';
import { resolvers } from './resolvers/index.js';
import { seed${type}s } from './seed.js';

/** ${n.title}. */
export const ${name}: Department<Loaders> = {
  name: '${name}',
  typeDefs: loadSchema(import.meta.url),
  resolvers,
  entities: [${type}Entity],
  migrations: loadMigrations(import.meta.url),
  loaders: createLoaders,
  seed: seed${type}s,
};
`,

    'index.ts': `import { runDepartment } from '../../platform/main.js';
import { ${name} } from './department.js';

await runDepartment(${name});
`,

    [`${name}.test.ts`]: `import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { entityKeys, expectResolvedByKey } from '../../platform/testing-keys.js';
import { ${name} } from './department.js';

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(${name});
});
afterAll(() => dept?.close());

describe('${name} department', () => {
  it('answers a ${field} by id', async () => {
    const { data, errors } = await dept.query('{ ${field}(id: "${prefix}-1") { id name } }');
    expect(errors).toBeUndefined();
    expect(data?.${field}).toEqual({ id: '${prefix}-1', name: '${type} 1' });
  });

  it('says NOT_FOUND, with the id, for one nobody has', async () => {
    const { data, errors } = await dept.query('{ ${field}(id: "nobody") { id } }');
    expect(data?.${field}).toBeNull();
    expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('resolves every entity type by key as its root query does', async () => {
    const keys = entityKeys('${name}');
    expect([...keys.keys()]).toEqual(['${type}']);
    await expectResolvedByKey(dept, keys, {
      type: '${type}',
      selection: 'id name',
      root: '{ ${field}(id: "${prefix}-1") { SELECTION } }',
      pick: (d) => d.${field},
      missing: { id: 'nobody' },
    });
  });
});
`,
  };
}
