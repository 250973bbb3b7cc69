// The loosenings an insider would try to slip through a schema change, each caught as a
// breaking change of the @access / @personal declarations, and tightenings passed as safe.
// Base: the working tree's composed supergraph and API; head: the same with one department's
// SDL edited in memory, composed for real.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compose, departmentSources, type SubgraphSource } from './compose.js';
import { checkSchemas, formatCheck, operationFiles, type CheckInput } from './check.js';
import { diffDeclarations } from './declarations.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sources = departmentSources();
const readRepo = (file: string) => readFileSync(`${root}${file}`, 'utf8');
const baseline = compose(sources, readRepo);
if (!baseline.ok) throw new Error(`the departments do not compose:\n${baseline.errors.join('\n')}`);
const base = baseline;

/** The working tree with one department's SDL edited; the edit must apply. */
function edited(department: string, edit: (sdl: string) => string): NonNullable<CheckInput['newSources']> {
  const target = `subgraphs/${department}/schema.graphql`;
  return {
    sources,
    read: (file) => {
      const text = readRepo(file);
      if (file !== target) return text;
      const changed = edit(text);
      if (changed === text) throw new Error(`the edit did not apply: has ${target} changed?`);
      return changed;
    },
  };
}

const baseDepartments = Object.fromEntries(sources.map((s) => [s.name, readRepo(s.files[0]!)]));
const check = (newSources: CheckInput['newSources'], acknowledged: CheckInput['acknowledged'] = []) =>
  checkSchemas({
    committedApiSdl: base.api,
    committedSupergraphSdl: base.supergraph,
    committedDepartmentSdls: baseDepartments,
    newSources,
    operations: [],
    acknowledged,
  });

const PHONE = 'phone: String @personal(category: "PHONE")';

describe('declarations diff: loosening is breaking (the change an insider would slip through)', () => {
  it('the unchanged tree has no declaration change', async () => {
    const result = await check({ sources, read: readRepo });
    expect(result.declarationsChecked).toBe(true);
    expect([...result.breaking, ...result.dangerous, ...result.safe]).toEqual([]);
  });

  it('catches a role added to a personal field (supervisors reading phones)', async () => {
    const result = await check(edited('population', (s) => s.replace(PHONE, `${PHONE} @access(roles: ["CITIZEN", "ENTERPRISE", "OFFICER", "SUPERVISOR"])`)));
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ criticality: 'BREAKING', type: 'ACCESS_WIDENED', declaration: '@access', path: 'Person.phone' }]);
    expect(result.unacknowledged[0]!.message).toContain('SUPERVISOR may now read it');
    expect(formatCheck(result)).toContain('[@access Person.phone]');
  });

  it('catches a role added to an @access rule (anyone listing people)', async () => {
    const result = await check(
      edited('population', (s) =>
        s.replace('): PersonConnection! @access(roles: ["OFFICER"])', '): PersonConnection! @access(roles: ["OFFICER", "ANONYMOUS"])'),
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ type: 'ACCESS_WIDENED', path: 'Query.people' }]);
  });

  it('catches a removed @personal (the field becomes public and unrecorded)', async () => {
    const result = await check(edited('population', (s) => s.replace(PHONE, 'phone: String')));
    expect(result.ok).toBe(false);
    const found = result.unacknowledged.map((c) => [c.type, c.path]);
    expect(found).toContainEqual(['PERSONAL_REMOVED', 'Person.phone']);
    expect(found).toContainEqual(['ACCESS_WIDENED', 'Person.phone']);
  });

  it('catches a lowered @personal: an identity number declared a name (no longer sensitive, no longer masked)', async () => {
    const result = await check(
      edited('population', (s) => s.replace('id: ResidentId! @personal(category: "IDENTITY_NUMBER")', 'id: ResidentId! @personal(category: "NAME")')),
    );
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ type: 'PERSONAL_LOWERED', declaration: '@personal', path: 'Person.id' }]);
    expect(result.unacknowledged[0]!.message).toMatch(/no longer sensitive.*no longer masked/);
    // the supergraph keeps one of the six departments' declarations of Person.id: the department's own schema tells
    expect(result.unacknowledged[0]!.message).toContain('subgraphs/population/schema.graphql');
  });

  it('catches a phone declared a name (no longer masked)', async () => {
    const result = await check(edited('population', (s) => s.replace(PHONE, 'phone: String @personal(category: "NAME")')));
    expect(result.unacknowledged).toMatchObject([{ type: 'PERSONAL_LOWERED', path: 'Person.phone' }]);
  });

  it('catches an argument no longer @personal (filtering people by name for anyone the field admits)', async () => {
    const result = await check(edited('population', (s) => s.replace('name: String @personal(category: "NAME")\n', 'name: String\n')));
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ type: 'PERSONAL_ARGUMENT_REMOVED', declaration: '@personal', path: 'Query.people.name' }]);
  });

  it('catches another department answering a personal field: its officers now reach it', () => {
    const policy =
      '@link(url: "https://govgraph.dev/policy/v1.0", import: ["@personal", "@access"]) @composeDirective(name: "@personal") @composeDirective(name: "@access")';
    const fed = '@link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@composeDirective"])';
    const directives =
      'directive @personal(category: String!) on FIELD_DEFINITION | ARGUMENT_DEFINITION\ndirective @access(roles: [String!]!) on OBJECT | FIELD_DEFINITION';
    const population = `extend schema ${fed} ${policy}\n${directives}\ntype Person @key(fields: "id") { id: ID! phone: String @personal(category: "PHONE") @shareable }\ntype Query { person(id: ID!): Person }`;
    const market = `extend schema ${fed} ${policy}\n${directives}\ntype Person @key(fields: "id") { id: ID! phone: String @personal(category: "PHONE") @shareable }`;
    const files: Record<string, string> = { 'population.graphql': population, 'market.graphql': market };
    const src = (name: string): SubgraphSource => ({ name, url: `http://127.0.0.1/${name}`, files: [`${name}.graphql`] });
    const before = compose([src('population')], (f) => files[f]!);
    const after = compose([src('population'), src('market')], (f) => files[f]!);
    if (!before.ok || !after.ok) throw new Error('the test subgraphs do not compose');
    const changes = diffDeclarations(before.supergraph, after.supergraph);
    expect(changes).toMatchObject([{ criticality: 'BREAKING', type: 'ACCESS_WIDENED', path: 'Person.phone' }]);
    expect(changes[0]!.message).toContain('market:read');
    expect(diffDeclarations(after.supergraph, before.supergraph)).toEqual([]);
  });
});

describe('declarations diff: acknowledging and tightening', () => {
  const widened = edited('population', (s) => s.replace(PHONE, `${PHONE} @access(roles: ["CITIZEN", "ENTERPRISE", "OFFICER", "SUPERVISOR"])`));

  it('an acknowledgement of the bare coordinate (as for an API change) does not cover a loosened declaration', async () => {
    const result = await check(widened, [{ change: 'Person.phone', reason: 'a type change at the same coordinate', by: 'someone' }]);
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ path: 'Person.phone', declaration: '@access' }]);
  });

  it('passes a loosening acknowledged as "@access <coordinate>", and lists it', async () => {
    const ack = { change: '@access Person.phone', reason: 'supervisors check the hotline quality (DPO approval 2026-12)', by: 'population team and the DPO' };
    const result = await check(widened, [ack]);
    expect(result.ok).toBe(true);
    expect(result.breaking).toMatchObject([{ path: 'Person.phone', acknowledgement: ack }]);
    expect(formatCheck(result)).toContain('acknowledged by population team and the DPO');
  });

  it('passes tightenings as safe changes: fewer roles, a raised category, a new @personal field and argument', async () => {
    const result = await check(
      edited('population', (s) =>
        s
          .replace(PHONE, `${PHONE} @access(roles: ["CITIZEN", "OFFICER"])`)
          .replace('name: String! @personal(category: "NAME")', 'name: String! @personal(category: "IDENTITY_NUMBER")')
          .replace('): PersonConnection! @access(roles: ["OFFICER"])', '): PersonConnection! @access(roles: [])'),
      ),
    );
    expect(result.breaking).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.safe.map((c) => [c.type, c.path])).toEqual(
      expect.arrayContaining([
        ['ACCESS_NARROWED', 'Person.phone'],
        ['PERSONAL_RAISED', 'Person.name'],
        ['ACCESS_NARROWED', 'Query.people'],
      ]),
    );
  });

  it('without a committed supergraph, says the declarations were not compared', async () => {
    const result = await checkSchemas({ committedApiSdl: base.api, newSources: { sources, read: readRepo }, operations: [], acknowledged: [] });
    expect(result.declarationsChecked).toBe(false);
    expect(formatCheck(result)).toContain('were NOT compared');
  });
});

describe('client operations under clients/ (the console, typed clients)', () => {
  it('finds every *.graphql under clients/ and operations/ at any depth, and a broken one fails the check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-ops-'));
    mkdirSync(join(dir, 'clients/console/cases'), { recursive: true });
    mkdirSync(join(dir, 'operations'), { recursive: true });
    mkdirSync(join(dir, 'clients/node_modules/x'), { recursive: true });
    writeFileSync(join(dir, 'clients/console/cases/Broken.graphql'), 'query ConsoleBroken { region(code: "110000") { code population } }');
    writeFileSync(join(dir, 'operations/Fine.graphql'), 'query Fine { region(code: "110000") { code } }');
    writeFileSync(join(dir, 'clients/node_modules/x/Ignored.graphql'), 'query Ignored { nope }');
    const operations = operationFiles(dir);
    expect(operations.map((o) => o.file)).toEqual(['clients/console/cases/Broken.graphql', 'operations/Fine.graphql']);
    const result = await checkSchemas({
      committedApiSdl: base.api,
      committedSupergraphSdl: base.supergraph,
      newSources: { sources, read: readRepo },
      operations,
      acknowledged: [],
    });
    expect(result.ok).toBe(false);
    expect(result.brokenOperations).toMatchObject([{ file: 'clients/console/cases/Broken.graphql' }]);
    expect(result.brokenOperations[0]!.errors[0]).toMatch(/Cannot query field "population" on type "Region"/);
  });

  it("the repository's own operations are all found and valid", async () => {
    const operations = operationFiles(root);
    expect(operations.length).toBeGreaterThan(0);
    const result = await checkSchemas({
      committedApiSdl: base.api,
      committedSupergraphSdl: base.supergraph,
      newSources: { sources, read: readRepo },
      operations,
      acknowledged: [],
    });
    expect(result.brokenOperations).toEqual([]);
  });
});
