import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../../platform/departments.js';
import { checkSchemas, formatCheck, type CheckInput } from './check.js';
import { compose, departmentSources } from './compose.js';
import { checkJurisdiction, type JurisdictionSource } from './jurisdiction.js';
import { renderReport } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const APPEALS = 'subgraphs/appeals/schema.graphql';
const sources = departmentSources();
const readRepo = (file: string) => readFileSync(`${root}${file}`, 'utf8');
const baseline = compose(sources, readRepo);
if (!baseline.ok) throw new Error(`the departments do not compose:\n${baseline.errors.join('\n')}`);

/** Every department as the check reads it: its schema with the shared types, and its manifest. */
const real: JurisdictionSource[] = sources.map((s) => {
  const manifest = DEPARTMENTS.find((d) => d.name === s.name)!;
  return { name: s.name, sdl: s.files.map(readRepo).join('\n'), partitioned: manifest.partitioned, unpartitioned: manifest.unpartitioned };
});

/** The working tree with the appeals schema altered in memory, through the whole schema check. */
function appealsEdited(edit: (sdl: string) => string, more: Partial<CheckInput> = {}) {
  return checkSchemas({
    committedApiSdl: baseline.ok ? baseline.api : '',
    newSources: {
      sources,
      read: (file) => {
        const text = readRepo(file);
        if (file !== APPEALS) return text;
        const edited = edit(text);
        if (edited === text) throw new Error('the edit did not apply: has subgraphs/appeals/schema.graphql changed?');
        return edited;
      },
    },
    operations: [],
    acknowledged: [],
    ...more,
  });
}

/** Adds a mutation to the appeals department: what an insider would slip into its schema. */
const withMutation = (sdl: string) => (text: string) => text.replace(/\ntype Mutation \{\n/, `\ntype Mutation {\n  ${sdl}\n`);

describe('jurisdiction rule: the real schemas', () => {
  const check = checkJurisdiction(real);

  it('accepts them, with cases, evaluation and appeals partitioned', () => {
    expect(check.problems).toEqual([]);
    expect(check.departments.map((d) => d.name).sort()).toEqual(['appeals', 'cases', 'evaluation']);
  });

  it('gives every mutation of a partitioned department its one carrier', () => {
    const carriers = Object.fromEntries(check.departments.flatMap((d) => d.mutations.map((m) => [m.field, m.carrier])));
    expect(carriers).toMatchObject({
      'Mutation.submitCase': 'Mutation.submitCase.input.implementationCode',
      'Mutation.acceptCase': 'Mutation.acceptCase.id',
      'Mutation.rateCase': 'Mutation.rateCase.input.caseId',
      'Mutation.recordCallback': 'Mutation.recordCallback.rectificationId',
      'Mutation.registerAppeal': 'Mutation.registerAppeal.input.region',
      'Mutation.dispatchAppeal': 'Mutation.dispatchAppeal.id',
    });
    // every mutation is either routed by one carrier or answered by the national instance alone
    for (const d of check.departments) {
      const source = real.find((s) => s.name === d.name)!;
      const all = parse(source.sdl).definitions.flatMap((def) =>
        (def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.OBJECT_TYPE_EXTENSION) && def.name.value === 'Mutation'
          ? (def.fields ?? []).map((f) => `Mutation.${f.name.value}`)
          : [],
      );
      expect(all.length).toBeGreaterThan(0);
      expect([...d.mutations.map((m) => m.field), ...d.unpartitioned.filter((f) => f.startsWith('Mutation.'))].sort()).toEqual(all.sort());
    }
  });

  it('lists the query fields that fan out to every instance', () => {
    const appeals = check.departments.find((d) => d.name === 'appeals')!;
    expect(appeals.routed.find((r) => r.field === 'Query.appeal')).toEqual({ field: 'Query.appeal', carriers: ['Query.appeal.id'], optional: false });
    expect(appeals.routed.find((r) => r.field === 'Query.demand')).toMatchObject({ optional: true });
    expect(appeals.unpartitioned).toEqual(['Query.appealKinds', 'Query.appealCategories']);
  });
});

describe('jurisdiction rule: the attacks schema:check refuses', () => {
  it('passes the unchanged schemas and prints the national fields', async () => {
    const result = await checkSchemas({ committedApiSdl: baseline.ok ? baseline.api : '', operations: [], acknowledged: [] });
    expect(result.jurisdiction?.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(formatCheck(result)).toContain('national when no carrier is given: Query.appeals, Query.demand');
  });

  it('a mutation with no carrier (it could only be sent to every instance, or to a guessed one)', async () => {
    const result = await appealsEdited(withMutation('reopenAppeal(id: ID!, reason: String!): Appeal!'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([expect.stringMatching(/^\[appeals\] Mutation\.reopenAppeal has no @jurisdiction/)]);
    expect(formatCheck(result)).toContain('Jurisdiction rule broken (1)');
  });

  it('a mutation with a carrier taken away', async () => {
    const result = await appealsEdited((sdl) => sdl.replace(/(dispatchAppeal\(\n\s+id: ID!) @jurisdiction/, '$1'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([expect.stringContaining('Mutation.dispatchAppeal has no @jurisdiction')]);
  });

  it('a mutation with two carriers (one call could write in two provinces)', async () => {
    const result = await appealsEdited(withMutation('transferAppeal(id: ID! @jurisdiction, to: DivisionCode! @jurisdiction): Appeal!'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([
      expect.stringContaining('Mutation.transferAppeal has 2 @jurisdiction carriers (Mutation.transferAppeal.id, Mutation.transferAppeal.to)'),
    ]);
  });

  it('a second carrier hidden in an input type', async () => {
    const result = await appealsEdited((sdl) => sdl.replace(/(input RegisterAppealInput \{)/, '$1\n  copyTo: DivisionCode @jurisdiction'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([expect.stringContaining('Mutation.registerAppeal has 2 @jurisdiction carriers')]);
  });

  it('a carrier inside a list (a batch across provinces)', async () => {
    const result = await appealsEdited(withMutation('closeAppeals(ids: [ID!]! @jurisdiction): [Appeal!]!'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([
      expect.stringContaining('Mutation.closeAppeals: its @jurisdiction carrier Mutation.closeAppeals.ids is inside a list'),
    ]);
  });

  it('an optional carrier (left out, the write has no one instance)', async () => {
    const result = await appealsEdited(withMutation('noteAppeal(id: ID @jurisdiction, note: String!): Appeal'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([
      expect.stringContaining('Mutation.noteAppeal: its @jurisdiction carrier Mutation.noteAppeal.id is optional'),
    ]);
  });

  it('a carrier of a type that holds no division', async () => {
    const result = await appealsEdited((sdl) =>
      sdl.replace(/(dispatchAppeal\(\n\s+id: ID!) @jurisdiction(\n\s+departmentCode: CreditCode!)/, '$1$2 @jurisdiction'),
    );
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toContainEqual(
      expect.stringContaining('Mutation.dispatchAppeal.departmentCode is @jurisdiction but of type CreditCode'),
    );
  });

  it('a shared key marked in one partitioned department and not in another (routed by one, fanned out by the other)', async () => {
    const result = await appealsEdited((sdl) => sdl.replace(/(type Region @key\(fields: "code"\) \{\n\s+code: DivisionCode!) @jurisdiction/, '$1'));
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([
      'Region.code is @jurisdiction in cases, evaluation but not in appeals: mark it the same in every partitioned department that declares it',
    ]);
  });

  it('a partitioned department whose manifest does not say so, and a manifest that hides a routed field as unpartitioned', async () => {
    const partitions = DEPARTMENTS.map((d) => (d.name === 'appeals' ? { ...d, partitioned: false, unpartitioned: [] } : d));
    const unsaid = await checkSchemas({ committedApiSdl: baseline.ok ? baseline.api : '', operations: [], acknowledged: [], partitions });
    expect(unsaid.ok).toBe(false);
    expect(unsaid.jurisdiction!.problems).toEqual([
      expect.stringContaining('subgraphs/appeals/schema.graphql uses @jurisdiction but subgraphs/appeals/manifest.json does not say'),
    ]);

    const hidden = DEPARTMENTS.map((d) => (d.name === 'appeals' ? { ...d, unpartitioned: [...d.unpartitioned, 'Mutation.closeAppeal', 'Query.nothing'] } : d));
    const result = await checkSchemas({ committedApiSdl: baseline.ok ? baseline.api : '', operations: [], acknowledged: [], partitions: hidden });
    expect(result.ok).toBe(false);
    expect(result.jurisdiction!.problems).toEqual([
      expect.stringContaining('Mutation.closeAppeal is listed as unpartitioned in the manifest but carries @jurisdiction'),
      expect.stringContaining('the manifest lists Query.nothing as unpartitioned, but the schema has no such root field'),
    ]);
  });
});

describe('the auditors inventory shows what routes records between provinces', () => {
  /** Every @jurisdiction coordinate the partitioned departments declare in their own schemas. */
  const declared = new Set(
    real
      .filter((d) => d.partitioned)
      .flatMap((d) =>
        parse(d.sdl).definitions.flatMap((def) => {
          if (!('fields' in def) || !def.fields) return [];
          return def.fields.flatMap((f) => {
            const marked = (node: { directives?: readonly { name: { value: string } }[] }) =>
              (node.directives ?? []).some((x) => x.name.value === 'jurisdiction');
            const own = marked(f) ? [`${def.name.value}.${f.name.value}`] : [];
            const args =
              f.kind === Kind.FIELD_DEFINITION ? (f.arguments ?? []).filter(marked).map((a) => `${def.name.value}.${f.name.value}.${a.name.value}`) : [];
            return [...own, ...args];
          });
        }),
      ),
  );

  it('lists every carrier the departments declare, with the partitioned departments it routes between', () => {
    const { inventory, markdown } = renderReport(baseline.ok ? baseline.supergraph : '');
    expect(inventory.jurisdiction.partitioned).toEqual(['cases', 'evaluation', 'appeals']);
    expect(new Set(inventory.jurisdiction.carriers.map((c) => c.coordinate))).toEqual(declared);
    expect(inventory.jurisdiction.carriers).toContainEqual({
      coordinate: 'SubmitCaseInput.implementationCode',
      kind: 'input field',
      type: 'String!',
      departments: ['cases'],
    });
    expect(inventory.jurisdiction.carriers).toContainEqual({
      coordinate: 'Query.cases.region',
      kind: 'argument',
      type: 'DivisionCode',
      departments: ['cases'],
    });
    expect(inventory.jurisdiction.carriers).toContainEqual({
      coordinate: 'Region.code',
      kind: 'field',
      type: 'DivisionCode!',
      departments: ['appeals', 'cases', 'evaluation'],
    });
    expect(markdown).toContain('## Jurisdiction: what routes records between provinces');
    expect(markdown).toContain('| `RateCaseInput.caseId` | input field | `ID!` | evaluation |');
    // the field-level view says it too
    const appeal = inventory.types.find((t) => t.name === 'Query')!.fields!.find((f) => f.name === 'appeal')!;
    expect(appeal.arguments).toEqual([expect.objectContaining({ name: 'id', jurisdiction: true })]);
  });

  it('drops a carrier a department no longer declares (the inventory follows the schema, not a list)', () => {
    const edited = compose(sources, (file) => (file === APPEALS ? readRepo(file).replace('appeal(id: ID! @jurisdiction)', 'appeal(id: ID!)') : readRepo(file)));
    if (!edited.ok) throw new Error(edited.errors.join('\n'));
    const { inventory } = renderReport(edited.supergraph);
    expect(inventory.jurisdiction.carriers.map((c) => c.coordinate)).not.toContain('Query.appeal.id');
    expect(inventory.jurisdiction.carriers.length).toBe(declared.size - 1);
  });
});
