/**
 * Test helper: a department resolves each of its entity types by key through `_entities`
 * (what the gateway does to join departments) exactly as its root query answers, a key
 * that does not exist as null, and refuses a caller without the right claims the same way
 * for a record that exists and one that does not. Used by each department's own tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, SeedOptions } from './department.js';
import { startTestDepartment, type As, type TestDepartment } from './testing.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The resolvable entity types of a department's schema, with their @key fields. */
export function entityKeys(department: string): Map<string, string[]> {
  const document = parse(readFileSync(`${root}subgraphs/${department}/schema.graphql`, 'utf8'));
  const keys = new Map<string, string[]>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of def.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const arg = (name: string) => directive.arguments?.find((a) => a.name.value === name)?.value;
      const resolvable = arg('resolvable');
      if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
      const fields = arg('fields');
      if (fields?.kind === Kind.STRING && !keys.has(def.name.value)) keys.set(def.name.value, fields.value.split(/\s+/).filter(Boolean));
    }
  }
  return keys;
}

export interface KeyCase {
  type: string;
  /** the fields compared between the root answer and `_entities`; the key fields among them */
  selection: string;
  /** a root query with SELECTION where the record's fields go, and `pick` to find the record in its data */
  root: string;
  variables?: Record<string, unknown>;
  pick: (data: any) => Record<string, unknown>;
  /** fields the gateway sends beside the key (@external fields a @requires needs), from the root record */
  extra?: (record: any) => Record<string, unknown>;
  /** a well-formed key no record has; omit for a type the department only extends (its owner decides existence) */
  missing?: Record<string, unknown>;
  /** who may read the record (anonymous by default) */
  as?: As;
  /** callers who may not: refused alike by the root query and by key, for an existing and a missing record */
  refused?: As[];
}

const entities = (type: string, selection: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;

/** Runs one case against a running department; every expectation is asserted here. */
export async function expectResolvedByKey(dept: TestDepartment, keys: Map<string, string[]>, c: KeyCase): Promise<void> {
  const keyFields = keys.get(c.type);
  expect(keyFields, `${c.type} is not an entity of ${dept.name}`).toBeDefined();
  const byRoot = await dept.query(c.root.replace('SELECTION', c.selection), c.variables ?? {}, c.as);
  expect(byRoot.errors, `${c.type} by its root query`).toBeUndefined();
  const record = c.pick(byRoot.data);
  expect(record, `${c.type}: the root query found no record`).toBeTruthy();
  const key = Object.fromEntries(keyFields!.map((f) => [f, record[f]]));
  for (const f of keyFields!) expect(record[f], `${c.type}: the selection must include its key field ${f}`).toBeDefined();

  const extra = c.extra?.(record) ?? {};
  const representations = [{ __typename: c.type, ...extra, ...key }, ...(c.missing ? [{ __typename: c.type, ...extra, ...c.missing }] : [])];
  const byKey = await dept.query(entities(c.type, c.selection), { r: representations }, c.as);
  expect(byKey.errors, `${c.type} by key`).toBeUndefined();
  expect(byKey.data?._entities).toEqual(c.missing ? [record, null] : [record]);

  for (const who of c.refused ?? []) {
    const label = `${c.type} for ${who.caller?.role ?? 'ANONYMOUS'}${who.purpose ? '' : ' without a purpose'}`;
    const rootRefusal = await dept.query(c.root.replace('SELECTION', c.selection), c.variables ?? {}, who);
    const existing = await dept.query(entities(c.type, c.selection), { r: [{ __typename: c.type, ...extra, ...key }] }, who);
    const missing = await dept.query(entities(c.type, c.selection), { r: [{ __typename: c.type, ...extra, ...(c.missing ?? key) }] }, who);
    for (const [how, answer] of [
      ['root query', rootRefusal],
      ['existing key', existing],
      ['missing key', missing],
    ] as const) {
      expect(
        answer.errors?.map((e) => e.extensions?.code),
        `${label}: ${how}`,
      ).toContain('FORBIDDEN');
    }
    expect(JSON.stringify(rootRefusal.data ?? null), `${label}: the root query reveals nothing`).not.toContain(String(Object.values(key)[0]));
    // a record that exists and one that does not are refused with the same words and the same
    // data (an extended type echoes the key it was given, nothing more)
    const masked = (answer: typeof existing, k: Record<string, unknown>) =>
      Object.values(k).reduce<string>((text, v) => text.replaceAll(String(v), 'KEY'), JSON.stringify(answer.data ?? null));
    expect(masked(existing, key), `${label}: existing and missing keys answer alike`).toBe(masked(missing, c.missing ?? key));
    expect(existing.errors?.map((e) => e.message)).toEqual(missing.errors?.map((e) => e.message));
    expect(existing.status).toBe(missing.status);
  }
}

/** What the cases of describeEntityKeys get: the running department, and expectResolvedByKey against it. */
export interface KeyTests {
  dept: () => TestDepartment;
  byKey: (c: KeyCase) => Promise<void>;
}

/**
 * A department's keys.test.ts: starts the department for the file (stopped after it), checks that
 * `types` are every entity type it resolves by key, and runs `cases` (each an `it`) against it.
 */
export function describeEntityKeys<L>(department: Department<L>, seed: SeedOptions | undefined, types: string[], cases: (tests: KeyTests) => void): void {
  describe(`${department.name} entities by key`, () => {
    let running: TestDepartment | undefined;
    beforeAll(async () => {
      running = await startTestDepartment(department, seed);
    });
    afterAll(() => running?.close());
    const keys = entityKeys(department.name);
    const dept = () => running ?? expect.fail(`${department.name} did not start`);
    it('covers every entity type of the department', () => {
      expect([...keys.keys()].sort()).toEqual([...types].sort());
    });
    cases({ dept, byKey: (c) => expectResolvedByKey(dept(), keys, c) });
  });
}
