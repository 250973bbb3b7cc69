import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jurisdictionCarriers } from './carriers.js';
import { provinceOf } from './jurisdiction.js';
import { route, type Instance, type Route } from './route.js';

// a partitioned department as its SDL declares it (the router reads nothing else)
const SDL = parse(`
  directive @jurisdiction on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
  scalar DivisionCode
  type Case { id: ID! @jurisdiction status: String }
  input SubmitInput { implementationCode: String! @jurisdiction note: String }
  input Filter { regionCode: DivisionCode @jurisdiction status: String }
  type Query {
    case(id: ID! @jurisdiction): Case
    cases(region: DivisionCode @jurisdiction, filter: Filter): [Case]
    figures: Int
    _entities(representations: [String!]!): [Case]
    _service: String
  }
  type Mutation { submit(input: SubmitInput!): Case accept(id: ID! @jurisdiction): Case touchAll: Int }
  type Subscription { progress(id: ID @jurisdiction): Case }
`);
const carriers = jurisdictionCarriers(SDL);
const INSTANCES: Instance[] = [
  { name: 'cases@11', province: '11', url: 'http://b/graphql' },
  { name: 'cases@44', province: '44', url: 'http://g/graphql' },
  { name: 'cases@national', province: null, url: 'http://n/graphql' },
];

function plan(query: string, variables: Record<string, unknown> = {}): Route {
  const operation = parse(query).definitions[0] as OperationDefinitionNode;
  return route(operation, variables, carriers, INSTANCES);
}
const names = (fields: { alias?: { value: string }; name: { value: string } }[]) => fields.map((f) => f.alias?.value ?? f.name.value);
const to = (r: Route) => (r.kind === 'fields' && r.national.length === 0 ? r.parts.map((p) => [p.instance.name, names(p.fields)]) : r);
/** the root fields every instance answers, combined */
const national = (r: Route) => (r.kind === 'fields' ? { national: names(r.national), parts: r.parts.length } : r);

describe('jurisdiction routing', () => {
  it('reads the carriers from the SDL: key fields, arguments, input fields', () => {
    expect([...carriers.keys]).toEqual([['Case', 'id']]);
    expect(carriers.fields.get('Query.cases')).toEqual([
      { path: ['region'], kind: 'division' },
      { path: ['filter', 'regionCode'], kind: 'division' },
    ]);
    expect(carriers.fields.get('Mutation.submit')).toEqual([{ path: ['input', 'implementationCode'], kind: 'id' }]);
    expect(carriers.fields.get('Query.figures')).toEqual([]);
  });

  it('names the province of a division, an id that begins with one, a code with one inside', () => {
    expect(provinceOf('440106')).toBe('44');
    expect(provinceOf('000000')).toBeNull();
    expect(provinceOf('44C20261202N0123456789')).toBe('44');
    expect(provinceOf('99C20261202')).toBeNull();
    expect(provinceOf('C20261202')).toBeNull();
    expect(provinceOf('XK-000101-001-3440106-123456789')).toBe('44');
    expect(provinceOf(44)).toBeNull();
  });

  it('sends a look-up by id to the instance of its province; a province without one, or no province, to the national instance', () => {
    expect(to(plan('{ case(id: "44C20261202N0123456789") { id } }'))).toEqual([['cases@44', ['case']]]);
    expect(to(plan('query($id: ID!) { case(id: $id) { id } }', { id: '11C2026' }))).toEqual([['cases@11', ['case']]]);
    expect(to(plan('{ case(id: "32C2026") { id } }'))).toEqual([['cases@national', ['case']]]);
    // an id that names no province is nobody's record: the national instance says NOT_FOUND
    expect(to(plan('{ case(id: "99C2026") { id } }'))).toEqual([['cases@national', ['case']]]);
  });

  it('sends a list scoped to a division at or below a province to that province alone, in an argument or an input', () => {
    expect(to(plan('{ cases(region: "440106") { id } }'))).toEqual([['cases@44', ['cases']]]);
    expect(to(plan('{ cases(filter: { regionCode: "110105" }) { id } }'))).toEqual([['cases@11', ['cases']]]);
    expect(to(plan('{ cases(region: "320000") { id } }'))).toEqual([['cases@national', ['cases']]]);
  });

  it('knows national scope when it sees it: no division, the country, a figure without a carrier', () => {
    expect(national(plan('{ cases { id } }'))).toEqual({ national: ['cases'], parts: 0 });
    expect(national(plan('{ cases(region: "000000") { id } }'))).toEqual({ national: ['cases'], parts: 0 });
    expect(national(plan('{ figures }'))).toEqual({ national: ['figures'], parts: 0 });
    // two provinces in one list are national scope too
    expect(national(plan('{ cases(region: "440106", filter: { regionCode: "110105" }) { id } }'))).toEqual({ national: ['cases'], parts: 0 });
    // beside a province's field: that one still goes to its instance alone
    expect(national(plan('{ figures c: case(id: "44C1") { id } }'))).toEqual({ national: ['figures'], parts: 1 });
  });

  it('splits root fields of different provinces between their instances', () => {
    expect(to(plan('{ a: case(id: "44C1") { id } b: case(id: "11C1") { id } c: case(id: "44C2") { id } }'))).toEqual([
      ['cases@44', ['a', 'c']],
      ['cases@11', ['b']],
    ]);
  });

  it('sends a mutation to the one instance of its jurisdiction, and refuses one that names none or several', () => {
    expect(to(plan('mutation { submit(input: { implementationCode: "XK-000101-001-3440106-123456789" }) { id } }'))).toEqual([['cases@44', ['submit']]]);
    expect(to(plan('mutation($id: ID!) { accept(id: $id) { id } }', { id: '11C2026' }))).toEqual([['cases@11', ['accept']]]);
    // an id that names no province is nobody's record: the national instance refuses it as NOT_FOUND
    expect(to(plan('mutation { accept(id: "C2026") { id } }'))).toEqual([['cases@national', ['accept']]]);
    // an attacker's write with no jurisdiction (it would have to go everywhere), or to two provinces in one document
    expect(plan('mutation { touchAll }')).toMatchObject({ kind: 'refused', message: expect.stringMatching(/one province/) });
    expect(plan('mutation { a: accept(id: "44C1") { id } b: accept(id: "11C1") { id } }')).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/writes in one province.*44 and 11/),
    });
    expect(to(plan('mutation { a: accept(id: "44C1") { id } b: accept(id: "44C2") { id } }'))).toEqual([['cases@44', ['a', 'b']]]);
  });

  it('splits an entity fetch by the jurisdiction in each key, keeping each representation index', () => {
    const representations = [
      { __typename: 'Case', id: '44C1' },
      { __typename: 'Case', id: '11C1' },
      { __typename: 'Case', id: '44C2' },
      { __typename: 'Case', id: '32C1' },
      { __typename: 'Case', id: 'nonsense' },
    ];
    const r = plan('query($r: [String!]!) { _entities(representations: $r) { ... on Case { id } } }', { r: representations });
    expect(r.kind === 'entities' && r.parts.map((p) => [p.instance.name, p.indexes])).toEqual([
      ['cases@11', [1]],
      ['cases@44', [0, 2]],
      ['cases@national', [3, 4]],
    ]);
    expect(r).toMatchObject({ combined: false });
  });

  it('knows an entity fetch of national scope: a type whose key carries no jurisdiction, a region above the provinces', () => {
    const sdl = parse(`
      directive @jurisdiction on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
      scalar DivisionCode
      type Person { id: ID! }
      type Region { code: DivisionCode! @jurisdiction }
      type Query { _entities(representations: [String!]!): [Person] }
    `);
    const operation = parse('query($r: [String!]!) { _entities(representations: $r) { __typename } }').definitions[0] as OperationDefinitionNode;
    const at = (r: unknown[]) => route(operation, { r }, jurisdictionCarriers(sdl), INSTANCES);
    const every = (indexes: number[]) => INSTANCES.map((instance) => ({ instance, indexes }));
    // a person's cases are in every province they applied in: never the national instance's share alone
    expect(at([{ __typename: 'Person', id: '110101199003071234' }])).toEqual({ kind: 'entities', parts: every([0]), combined: true });
    expect(at([{ __typename: 'Region', code: '000000' }])).toEqual({ kind: 'entities', parts: every([0]), combined: true });
    expect(at([{ __typename: 'Region', code: '440106' }])).toEqual({ kind: 'entities', parts: [{ instance: INSTANCES[1], indexes: [0] }], combined: false });
    // mixed: the country's figures from everyone, a county's from its province
    expect(
      at([
        { __typename: 'Region', code: '440106' },
        { __typename: 'Region', code: '000000' },
      ]),
    ).toEqual({
      kind: 'entities',
      parts: [
        { instance: INSTANCES[0], indexes: [1] },
        { instance: INSTANCES[1], indexes: [0, 1] },
        { instance: INSTANCES[2], indexes: [1] },
      ],
      combined: true,
    });
    // a type the department does not partition: the national instance alone
    expect(route(operation, { r: [{ __typename: 'Person', id: 'x' }] }, jurisdictionCarriers(sdl), INSTANCES, new Set(['Person']))).toEqual({
      kind: 'entities',
      parts: [{ instance: INSTANCES[2], indexes: [0] }],
      combined: false,
    });
  });

  it('routes an entity keyed by a division and more (a supply plan: region from to) by its division', () => {
    const sdl = parse(`
      directive @jurisdiction on FIELD_DEFINITION | ARGUMENT_DEFINITION | INPUT_FIELD_DEFINITION
      scalar DivisionCode
      type SupplyPlan { region: DivisionCode! @jurisdiction from: String! to: String! parts: Int }
      type Query { _entities(representations: [String!]!): [SupplyPlan] }
    `);
    expect([...jurisdictionCarriers(sdl).keys]).toEqual([['SupplyPlan', 'region']]);
    const operation = parse('query($r: [String!]!) { _entities(representations: $r) { ... on SupplyPlan { parts } } }')
      .definitions[0] as OperationDefinitionNode;
    const plans = ['440106', '110000', '510000', '000000'].map((region) => ({ __typename: 'SupplyPlan', region, from: '2026-01-01', to: '2026-06-30' }));
    // a county's and a province's plan to their province's instance (Sichuan runs none: the national one), the country's to all
    expect(route(operation, { r: plans }, jurisdictionCarriers(sdl), INSTANCES)).toEqual({
      kind: 'entities',
      parts: [
        { instance: INSTANCES[0], indexes: [1, 3] },
        { instance: INSTANCES[1], indexes: [0, 3] },
        { instance: INSTANCES[2], indexes: [2, 3] },
      ],
      combined: true,
    });
  });

  it('sends the root fields the manifest declares unpartitioned to the national instance alone', () => {
    const operation = parse('{ figures }').definitions[0] as OperationDefinitionNode;
    expect(to(route(operation, {}, carriers, INSTANCES, new Set(['Query.figures'])))).toEqual([['cases@national', ['figures']]]);
    const write = parse('mutation { touchAll }').definitions[0] as OperationDefinitionNode;
    expect(to(route(write, {}, carriers, INSTANCES, new Set(['Mutation.touchAll'])))).toEqual([['cases@national', ['touchAll']]]);
  });

  it('refuses what it cannot route rather than guess: root fields in fragments', () => {
    expect(plan('query { ...F } fragment F on Query { figures }')).toMatchObject({ kind: 'refused' });
  });

  it("routes a subscription as a query: one record's to its province's instance, the rest to every instance", () => {
    expect(to(plan('subscription { progress(id: "44C2026010100000001") { id } }'))).toEqual([['cases@44', ['progress']]]);
    expect(plan('subscription { progress { id } }')).toMatchObject({ kind: 'fields', parts: [], national: [{ name: { value: 'progress' } }] });
  });
});
