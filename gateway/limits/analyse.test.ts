import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { analyseOperation, DEFAULT_LIST_SIZE, MAX_WALK_DEPTH } from './analyse.js';
import { TEST_SDL } from './test-schema.js';

const schema = buildSchema(TEST_SDL);

const analyse = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  analyseOperation(schema, parse(query), operationName, variables);

describe('depth', () => {
  it('counts field nesting, root fields being 1, __typename adding no level', () => {
    expect(analyse('{ me { id } }').depth).toBe(2);
    expect(analyse('{ me { __typename } }').depth).toBe(1);
    expect(analyse('{ __typename }').depth).toBe(0);
  });

  it('follows nested fragment spreads and inline fragments', () => {
    const shape = analyse(`
      { me { ...A } }
      fragment A on User { friends { ... on User { ...B } } }
      fragment B on User { friends { ... { friends { name } } } }
    `);
    // me > friends > friends > friends > name
    expect(shape.depth).toBe(5);
  });

  it('measures a fragment relative to where it is spread', () => {
    const shape = analyse(`
      { me { ...F } users { friends { ...F } } }
      fragment F on User { friends { name } }
    `);
    // users > friends > friends > name
    expect(shape.depth).toBe(4);
  });

  it('does not loop on a fragment cycle (invalid, but analysed before nobody else looks)', () => {
    const shape = analyse(`
      { me { ...A } }
      fragment A on User { friends { ...B } }
      fragment B on User { friends { ...A } }
    `);
    expect(shape.depth).toBeGreaterThanOrEqual(3);
    expect(Number.isFinite(shape.estimatedCost)).toBe(true);
  });

  it('stops at MAX_WALK_DEPTH on absurd nesting instead of overflowing the stack', () => {
    const n = MAX_WALK_DEPTH + 200;
    const query = `{ me ${'{ friends '.repeat(n)}{ id }${' }'.repeat(n)} }`;
    expect(analyse(query).depth).toBeGreaterThanOrEqual(MAX_WALK_DEPTH);
  });
});

describe('counts', () => {
  it('counts aliases, fields and directives with fragments expanded where spread', () => {
    const shape = analyse(`
      query Q @cached { a: me { ...F } b: me @include(if: true) { ...F } }
      fragment F on User { n: name id @skip(if: false) }
    `);
    expect(shape.aliases).toBe(2 + 2);
    expect(shape.fields).toBe(2 + 2 * 2);
    expect(shape.directives).toBe(1 + 1 + 2);
  });

  it('is linear in document size even when fragments fan out exponentially', () => {
    const levels = 60;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === 0 ? 'fragment F0 on User { id name }' : `fragment F${i} on User { ...F${i - 1} ...F${i - 1} }`,
    );
    const query = `{ me { ...F${levels - 1} } } ${fragments.join(' ')}`;
    const started = performance.now();
    const shape = analyse(query);
    expect(performance.now() - started).toBeLessThan(100);
    expect(shape.fields).toBe(Number.MAX_SAFE_INTEGER); // 2^60 saturates
    expect(shape.estimatedCost).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('estimatedCost and list arguments', () => {
  it('multiplies a list sub-selection by first, resolving variables', () => {
    const query = 'query ($n: Int) { users(first: $n) { friends { name } } }';
    // users: 1 + 5 × (friends: 1 + 20 × name)
    expect(analyse(query, { n: 5 }).estimatedCost).toBe(1 + 5 * (1 + DEFAULT_LIST_SIZE * 1));
    expect(analyse(query, { n: 5 }).listArguments).toBe(5);
    // no value: the default list size
    expect(analyse(query).estimatedCost).toBe(1 + DEFAULT_LIST_SIZE * (1 + DEFAULT_LIST_SIZE));
    expect(analyse(query).listArguments).toBe(0);
  });

  it('uses variable defaults, last and the largest value seen', () => {
    const shape = analyse('query ($n: Int = 7) { users(last: 40) { friends(first: $n) { id } } }');
    expect(shape.listArguments).toBe(40);
    expect(shape.listArgumentAt).toEqual({ argument: 'last', coordinate: 'Query.users' });
    expect(shape.estimatedCost).toBe(1 + 40 * (1 + 7 * 1));
  });

  it('hands a connection field’s page size to its nodes list, and uses schema defaults', () => {
    const sized = analyse('{ me { orders(first: 3) { nodes { items(limit: 2) { sku } } pageInfo { hasNextPage } } } }');
    // me 1 + orders [1 + nodes (1 + 3 × items (1 + 2 × 1)) + pageInfo (1 + 1)]
    expect(sized.estimatedCost).toBe(1 + (1 + (1 + 3 * (1 + 2)) + 2));
    expect(sized.listArguments).toBe(3);
    expect(sized.listArgumentAt).toEqual({ argument: 'first', coordinate: 'User.orders' });
    // first omitted: the schema default (10) is what the resolver will use
    const defaulted = analyse('{ me { orders { nodes { id } } } }');
    expect(defaulted.estimatedCost).toBe(1 + (1 + (1 + 10 * 1)));
    expect(defaulted.listArguments).toBe(0);
  });

  it('makes aliased copies pay each', () => {
    const one = analyse('{ users(first: 10) { id } }').estimatedCost;
    const aliases = Array.from({ length: 30 }, (_, i) => `u${i}: users(first: 10) { id }`).join(' ');
    expect(analyse(`{ ${aliases} }`).estimatedCost).toBe(30 * one);
  });

  it('analyses the named operation only', () => {
    const query = 'query Small { me { id } } query Big { users { friends { friends { id } } } }';
    expect(analyse(query, {}, 'Small').depth).toBe(2);
    expect(analyse(query, {}, 'Big').depth).toBe(4);
  });
});

describe('estimatedCost on interfaces and unions', () => {
  // an object matches the fragments on its own type only: the costliest type is what one object costs
  const onUser = 'friends(first: 10) { friends(first: 10) { id } }'; // 1 + 10 × (1 + 10 × 1) = 111
  const onOrder = 'items(limit: 100) { sku }'; // 1 + 100 × 1 = 101

  it('counts the costliest type of an interface, not the sum of its fragments', () => {
    const shape = analyse(`{ node(id: "1") { ... on User { ${onUser} } ... on Order { ${onOrder} } } }`);
    expect(shape.estimatedCost).toBe(1 + 111);
    // the document's own counts still add up every fragment
    expect(shape.fields).toBe(1 + 3 + 2);
  });

  it('counts the costliest type of a union under a list, named fragments included', () => {
    const shape = analyse(`{ things(first: 5) { ...U ... on Order { ${onOrder} } } } fragment U on User { ${onUser} }`);
    expect(shape.estimatedCost).toBe(1 + 5 * 111);
  });

  it('adds up fragments that apply to the same object: same type, the interface, no type condition', () => {
    const shape = analyse(`{ things(first: 1) { ... on User { ${onUser} } ... on User { ${onUser} } ... on Node { id } ... on Order { ${onOrder} } } }`);
    // a User pays both User fragments and the Node one; an Order 101 + 1
    expect(shape.estimatedCost).toBe(1 + (111 + 111 + 1));
    const common = analyse(`{ node(id: "1") { id ... { id } ... on Node { id } ... on User { ${onUser} } } }`);
    expect(common.estimatedCost).toBe(1 + 3 + 111);
  });

  it('still adds up fragments on an object type (they all apply)', () => {
    const shape = analyse(`{ me { ... on User { ${onUser} } ... on Node { id } ... { ${onUser} } } }`);
    expect(shape.estimatedCost).toBe(1 + 111 + 1 + 111);
  });
});

describe('page sizes that page no objects, and pages of nothing', () => {
  it('leaves the page ceiling to a sized field that returns no list of objects, and charges its rows', () => {
    const shape = analyse('{ export(first: 5000) { lines count } }');
    expect(shape.listArguments).toBe(0);
    expect(shape.estimatedCost).toBe(1 + 5000);
  });

  it('records the first negative page size, literal or variable; 0 is a count-only page', () => {
    expect(analyse('{ users(first: -1) { id } }').listArgumentTooSmall).toEqual({ argument: 'first', coordinate: 'Query.users', value: -1 });
    expect(analyse('{ users(first: 0) { id } }').listArgumentTooSmall).toBeNull();
    expect(analyse('query ($n: Int) { me { friends(first: $n) { id } } }', { n: -3 }).listArgumentTooSmall).toEqual({
      argument: 'first',
      coordinate: 'User.friends',
      value: -3,
    });
    expect(analyse('{ users(first: 1) { id } }').listArgumentTooSmall).toBeNull();
  });
});

describe('coordinates', () => {
  it('resolves Type.field through fragments, inline fragments and interfaces', () => {
    const shape = analyse(`
      { node(id: "1") { __typename ...N } me { ...U } }
      fragment N on Node { id ... on User { secret } }
      fragment U on User { friends { name } }
    `);
    expect([...shape.coordinates].sort()).toEqual(
      ['Node.id', 'Order.id', 'Query.me', 'Query.node', 'User.friends', 'User.id', 'User.name', 'User.secret'].sort(),
    );
  });
});

describe('introspection', () => {
  it('detects __schema and __type, also inside fragments, but not __typename', () => {
    expect(analyse('{ __schema { queryType { name } } }').introspection).toBe(true);
    expect(analyse('{ __type(name: "User") { name } }').introspection).toBe(true);
    expect(analyse('{ ...Q } fragment Q on Query { __schema { types { name } } }').introspection).toBe(true);
    expect(analyse('{ me { __typename id } }').introspection).toBe(false);
  });
});
