import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../platform/errors.js';
import { analyseOperation, type OperationShape } from './analyse.js';
import { TEST_SDL } from './test-schema.js';
import { checkLimits, DEFAULT_LIMITS, parseOptionsFor, resolvePolicy } from './policy.js';

const ok: OperationShape = {
  depth: 3,
  aliases: 0,
  fields: 10,
  directives: 0,
  estimatedCost: 50,
  listArguments: 20,
  listArgumentAt: { argument: 'first', coordinate: 'Query.users' },
  listArgumentTooSmall: null,
  introspection: false,
  coordinates: new Set(),
};

describe('checkLimits', () => {
  it('passes a modest operation', () => {
    expect(checkLimits(ok, DEFAULT_LIMITS)).toBeNull();
  });

  it('passes the full introspection query under the defaults', () => {
    const schema = buildSchema(TEST_SDL);
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
    expect(checkLimits(analyseOperation(schema, parse(query), undefined, {}), DEFAULT_LIMITS)).toBeNull();
  });

  it('says how deep is too deep and what to do', () => {
    const error = checkLimits({ ...ok, depth: 15 }, DEFAULT_LIMITS);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.QueryTooComplex, limit: 'depth', max: 12, actual: 15 });
    expect(error?.message).toBe('Query depth 15 exceeds the limit of 12; split the query or fetch the deeper part separately.');
  });

  it.each([
    ['aliases', { aliases: 31 }, /31 aliases .* limit of 30/],
    ['directives', { directives: 51 }, /51 directives .* limit of 50/],
    ['fields', { fields: 501 }, /selects 501 fields .* limit of 500/],
    ['cost', { estimatedCost: 20_001 }, /about 20001 objects, more than the limit of 20000; pass a smaller `first`/],
  ] as const)('refuses too many %s', (limit, over, message) => {
    const error = checkLimits({ ...ok, ...over }, DEFAULT_LIMITS);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.QueryTooComplex, limit });
    expect(error?.message).toMatch(message);
  });

  it('refuses an oversized page as bad input naming the argument', () => {
    const error = checkLimits(
      { ...ok, listArguments: 500, listArgumentAt: { argument: 'limit', coordinate: 'Order.items' }, estimatedCost: 99_999 },
      DEFAULT_LIMITS,
    );
    expect(error?.extensions).toMatchObject({ code: ErrorCode.BadUserInput, argument: 'limit', limit: 'listArgument', max: 100 });
    expect(error?.message).toBe('limit: 500 on Order.items exceeds the maximum page size of 100; ask for at most 100 and fetch the next page with `after`.');
  });

  it('refuses a negative page size as bad input naming the argument', () => {
    const error = checkLimits({ ...ok, listArgumentTooSmall: { argument: 'first', coordinate: 'Query.regions', value: -2 } }, DEFAULT_LIMITS);
    expect(error?.extensions).toMatchObject({ code: ErrorCode.BadUserInput, argument: 'first', actual: -2 });
    expect(error?.message).toBe(
      'first: -2 on Query.regions is negative; pass 0 to 100 (0 answers only totalCount and pageInfo), or leave it out for the default page.',
    );
  });

  it('honours overrides', () => {
    const policy = resolvePolicy({ maxDepth: 2 });
    expect(policy.maxAliases).toBe(DEFAULT_LIMITS.maxAliases);
    expect(checkLimits(ok, policy)?.extensions.limit).toBe('depth');
    expect(parseOptionsFor()).toEqual({ maxTokens: 5_000 });
    expect(parseOptionsFor({ maxTokens: 10 })).toEqual({ maxTokens: 10 });
  });
});
