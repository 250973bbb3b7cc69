import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { namesFor } from './index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

// a name no department has yet in this tree (npm test run after scaffolding permits still passes)
const FREE = ['permits', 'licences', 'inspections'].find((n) => !existsSync(join(root, 'subgraphs', n)))!;

describe('npm run new:department: names', () => {
  it.each([
    ['no name', undefined, /usage/],
    ['a path out of subgraphs/', '../evil', /not a department name/],
    ['a name that is no environment-variable prefix', 'per-mits', /not a department name/],
    ['an existing department', 'cases', /already exists/],
  ])('refuses %s', (_, name, message) => {
    expect(() => namesFor(name)).toThrow(message);
  });

  it('refuses a taken or privileged port and a type that is no GraphQL name', () => {
    expect(() => namesFor(FREE, { port: '4006' })).toThrow(/not a free port/);
    expect(() => namesFor(FREE, { port: '80' })).toThrow(/not a free port/);
    expect(() => namesFor(FREE, { type: 'permit; drop' })).toThrow(/not a GraphQL type name/);
  });

  it('derives the type, root field and table from the name', () => {
    expect(namesFor(FREE, { type: 'BuildingPermit' })).toMatchObject({ type: 'BuildingPermit', field: 'buildingPermit', table: 'building_permit' });
    const singular = FREE.slice(0, -1);
    expect(namesFor(FREE)).toMatchObject({ type: singular[0]!.toUpperCase() + singular.slice(1), field: singular, table: singular });
  });
});

/**
 * The scaffold in a copy of the tree: one command, then the new department composes into the
 * supergraph, typechecks, starts over its own database, seeds and passes its own tests, and the
 * registry and the generated-files check accept it.
 */
describe('npm run new:department -- <name>, in a copy of the tree', () => {
  const name = FREE;
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'govgraph-scaffold-'));
    const files = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .stdout.split('\0')
      .filter(Boolean);
    for (const file of files) if (existsSync(join(root, file))) cpSync(join(root, file), join(copy, file), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  });
  afterAll(() => copy && rmSync(copy, { recursive: true, force: true }));

  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };

  // child processes doing a build's work: generous limits, so a loaded machine is slow, not failing
  const LONG = 600_000;

  it(
    'scaffolds the folder and composes it into the graph',
    () => {
      const scaffold = run('npm', ['run', '--silent', 'new:department', '--', name]);
      expect(scaffold.status, scaffold.output).toBe(0);
      expect(existsSync(join(copy, `subgraphs/${name}/generated/resolvers.ts`))).toBe(true);
      // its first migration, generated from its entity, for both databases
      expect(existsSync(join(copy, `subgraphs/${name}/migrations/001-initial.json`))).toBe(true);
      const type = namesFor(name).type;
      expect(
        run('grep', ['-c', `^type ${type} `, 'schema/api.graphql'])
          .output.trim()
          .split('\n')[0],
      ).toBe('1');
    },
    LONG,
  );

  it(
    'typechecks, and passes the linter and the formatter check as npm test runs them',
    () => {
      const typecheck = run('npx', ['tsc', '-p', 'tsconfig.json']);
      expect(typecheck.status, typecheck.output).toBe(0);
      const lint = run('npx', ['eslint', '--max-warnings', '0', `subgraphs/${name}`]);
      expect(lint.status, lint.output).toBe(0);
      const format = run('npx', ['prettier', '--check', `subgraphs/${name}`]);
      expect(format.status, format.output).toBe(0);
    },
    LONG,
  );

  it(
    'starts over its own database, seeds, and passes its own tests; the registry, generated files and migration checks accept it',
    () => {
      const tests = run('npx', ['vitest', 'run', `subgraphs/${name}`, 'platform/departments.test.ts', 'tests/generated.test.ts', 'tests/migrations.test.ts']);
      expect(tests.status, tests.output).toBe(0);
      expect(tests.output).toContain(`${name}.test.ts`);
    },
    LONG,
  );
});
