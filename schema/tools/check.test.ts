import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compose, departmentSources } from './compose.js';
import { acknowledges, checkSchemas, formatCheck, parseAcknowledgements, type CheckInput, type OperationFile } from './check.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CATALOG = 'subgraphs/catalog/schema.graphql';

// Every department's working-tree schema: the baseline the edits below are judged against.
const sources = departmentSources();
const readRepo = (file: string) => readFileSync(`${root}${file}`, 'utf8');

const baseline = compose(sources, readRepo);
if (!baseline.ok) throw new Error(`the departments do not compose:\n${baseline.errors.join('\n')}`);
const committedApiSdl = baseline.api;

const committedOperations: OperationFile[] = readdirSync(`${root}tests/operations`)
  .filter((f) => f.endsWith('.graphql'))
  .map((f) => ({ file: `tests/operations/${f}`, source: readRepo(`tests/operations/${f}`) }));

/** The working tree with the catalog's SDL altered in memory. */
function catalogEdited(edit: (sdl: string) => string): NonNullable<CheckInput['newSources']> {
  return {
    sources,
    read: (file) => {
      const text = readRepo(file);
      if (file !== CATALOG) return text;
      const edited = edit(text);
      if (edited === text) throw new Error('the edit did not apply: has subgraphs/catalog/schema.graphql changed?');
      return edited;
    },
  };
}

const check = (newSources: CheckInput['newSources'], more: Partial<CheckInput> = {}) =>
  checkSchemas({ committedApiSdl, newSources, operations: committedOperations, acknowledged: [], ...more });

describe('schema check: breaking changes', () => {
  it('passes the unchanged schemas', async () => {
    const result = await check({ sources, read: readRepo });
    expect(result.ok).toBe(true);
    expect([...result.breaking, ...result.dangerous, ...result.safe]).toEqual([]);
    expect(result.operationsChecked).toBe(committedOperations.length);
    expect(result.operationsChecked).toBeGreaterThan(0);
  });

  it('catches a removed field', async () => {
    const result = await check(catalogEdited((sdl) => sdl.replace(/\n\s*enquiryPhone: String\n/, '\n')));
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ criticality: 'BREAKING', type: 'FIELD_REMOVED', path: 'ServiceItem.enquiryPhone' }]);
    expect(formatCheck(result)).toContain("Field 'enquiryPhone' was removed from object type 'ServiceItem'");
  });

  it('catches a changed field type', async () => {
    const result = await check(catalogEdited((sdl) => sdl.replace(/(type Fee \{[^}]*amountYuan: )Float!/, '$1String!')));
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ type: 'FIELD_TYPE_CHANGED', path: 'Fee.amountYuan' }]);
  });

  it('catches a new required argument', async () => {
    const result = await check(
      catalogEdited((sdl) => sdl.replace('department(code: ID!): Department', 'department(code: ID!, region: DivisionCode!): Department')),
    );
    expect(result.ok).toBe(false);
    expect(result.unacknowledged).toMatchObject([{ type: 'FIELD_ARGUMENT_ADDED', path: 'Query.department.region' }]);
  });

  it('passes a new nullable field and a new optional argument (listed as safe and dangerous)', async () => {
    const result = await check(
      catalogEdited((sdl) =>
        sdl
          .replace(/(\n\s*)enquiryPhone: String\n/, '$1enquiryPhone: String$1"The item\'s page on the provincial portal."$1website: String\n')
          .replace('department(code: ID!): Department', 'department(code: ID!, asOf: String): Department'),
      ),
    );
    expect(result.ok).toBe(true);
    expect(result.breaking).toEqual([]);
    expect(result.safe).toContainEqual(expect.objectContaining({ type: 'FIELD_ADDED', path: 'ServiceItem.website' }));
    expect(result.dangerous).toContainEqual(expect.objectContaining({ type: 'FIELD_ARGUMENT_ADDED', path: 'Query.department.asOf' }));
    expect(result.brokenOperations).toEqual([]);
  });

  it('passes an acknowledged breaking change, by path or by message, and reports acknowledgements that match nothing', async () => {
    const removed = catalogEdited((sdl) => sdl.replace(/\n\s*enquiryPhone: String\n/, '\n'));
    const byPath = { change: 'ServiceItem.enquiryPhone', reason: 'replaced by the agencies own phones; no client reads it', by: 'catalog team' };
    const stale = { change: 'Region.population', reason: 'old', by: 'someone' };
    const result = await check(removed, { acknowledged: [byPath, stale] });
    expect(result.ok).toBe(true);
    expect(result.breaking).toMatchObject([{ path: 'ServiceItem.enquiryPhone', acknowledgement: byPath }]);
    expect(result.unacknowledged).toEqual([]);
    expect(result.unusedAcknowledgements).toEqual([stale]);
    expect(formatCheck(result)).toContain('acknowledged by catalog team');

    const byMessage = { change: "Field 'enquiryPhone' was removed from object type 'ServiceItem'", reason: 'r', by: 'b' };
    expect((await check(removed, { acknowledged: [byMessage] })).ok).toBe(true);
    expect(acknowledges({ ...byPath, change: 'ServiceItem' }, { message: 'x', path: 'ServiceItem.enquiryPhone' })).toBe(false);
  });
});

describe('schema check: client operations', () => {
  it('catches a committed operation the change breaks, naming the file and the error, even when the change is acknowledged', async () => {
    // tests/operations/RegionServices.graphql selects item { fullyOnline }
    const removed = catalogEdited((sdl) => sdl.replace(/\n\s*fullyOnline: Boolean!\n/, '\n'));
    const acknowledged = [{ change: 'ServiceItem.fullyOnline', reason: 'test', by: 'test' }];
    const result = await check(removed, { acknowledged });
    expect(result.unacknowledged).toEqual([]);
    expect(result.ok).toBe(false);
    const broken = result.brokenOperations.map((b) => b.file);
    expect(broken).toContain('tests/operations/RegionServices.graphql');
    const errors = result.brokenOperations.find((b) => b.file === 'tests/operations/RegionServices.graphql')!.errors;
    expect(errors.some((e) => /^tests\/operations\/RegionServices\.graphql:\d+:\d+ Cannot query field "fullyOnline" on type "ServiceItem"/.test(e))).toBe(true);
    expect(formatCheck(result)).toContain('tests/operations/RegionServices.graphql');
  });

  it('reports syntax errors and unknown fields of any operation file, and joins fragments across files', async () => {
    const operations: OperationFile[] = [
      { file: 'clients/portal/Broken.graphql', source: 'query Broken { region(code: "110000") { code ' },
      { file: 'clients/portal/Unknown.graphql', source: 'query Unknown { region(code: "110000") { population } }' },
      { file: 'clients/app/Fragments.graphql', source: 'fragment RegionBits on Region { code name }' },
      { file: 'clients/app/UsesFragment.graphql', source: 'query UsesFragment { region(code: "110000") { ...RegionBits } }' },
    ];
    const result = await check({ sources, read: readRepo }, { operations });
    expect(result.ok).toBe(false);
    expect(result.brokenOperations.map((b) => b.file)).toEqual(['clients/portal/Broken.graphql', 'clients/portal/Unknown.graphql']);
    expect(result.brokenOperations[0]!.errors[0]).toMatch(/^clients\/portal\/Broken\.graphql:1:\d+ Syntax Error/);
    expect(result.brokenOperations[1]!.errors[0]).toMatch(/Cannot query field "population" on type "Region"/);
  });

  it('reports composition errors', async () => {
    const result = await check(catalogEdited((sdl) => sdl.replace('type Fee {', 'type Fee { code: Unknown!')));
    expect(result.ok).toBe(false);
    expect(result.compositionErrors.length).toBeGreaterThan(0);
    expect(formatCheck(result)).toMatch(/^Composition failed/);
  });
});

describe('acknowledgements file', () => {
  it('reads an array of { change, reason, by } and refuses entries without a reason or an author', () => {
    expect(parseAcknowledgements('[{"change":"A.b","reason":"r","by":"me"}]')).toEqual([{ change: 'A.b', reason: 'r', by: 'me' }]);
    expect(parseAcknowledgements('[]')).toEqual([]);
    expect(() => parseAcknowledgements('[{"change":"A.b","reason":"  "}]')).toThrow(/\[0\] needs a non-empty reason, by/);
    expect(() => parseAcknowledgements('{}')).toThrow(/must be an array/);
    expect(() => parseAcknowledgements('nope')).toThrow(/is not JSON/);
  });
});
