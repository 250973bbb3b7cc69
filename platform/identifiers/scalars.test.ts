import { describe, it, expect } from 'vitest';
import { GraphQLError, GraphQLObjectType, GraphQLSchema, GraphQLNonNull, graphql, parseValue as parseLiteralText } from 'graphql';
import { BadInputError } from '../errors.js';
import { CreditCodeScalar, DateScalar, DivisionCodeScalar, ResidentIdScalar, SCALAR_CHECKS, scalarResolvers } from './scalars.js';

describe('scalar parsing', () => {
  it('passes valid values through as strings', () => {
    expect(ResidentIdScalar.parseValue('11010519491231002X')).toBe('11010519491231002X');
    expect(CreditCodeScalar.parseLiteral(parseLiteralText('"91110000600037341L"'))).toBe('91110000600037341L');
    expect(DivisionCodeScalar.parseValue('110105')).toBe('110105');
    expect(DateScalar.parseLiteral(parseLiteralText('"2024-02-29"'))).toBe('2024-02-29');
  });

  it('throws BadInputError with the exact reason', () => {
    const error = catchError(() => ResidentIdScalar.parseValue('110105194912310025'));
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as BadInputError).message).toBe('check character should be X, got 5');
    expect((error as BadInputError).extensions.code).toBe('BAD_USER_INPUT');
    expect(() => DateScalar.parseValue('2023-02-29')).toThrow('date 2023-02-29 does not exist');
    expect(() => CreditCodeScalar.parseLiteral(parseLiteralText('"91110000600037341M"'))).toThrow('check character should be L, got M');
  });

  it('gives a reason for values that are not strings', () => {
    expect(() => DivisionCodeScalar.parseValue(110105)).toThrow('must be a string, got an integer');
    expect(() => DateScalar.parseValue(null)).toThrow('must be a string, got null');
    expect(() => DateScalar.parseValue({ year: 2024 })).toThrow('must be a string, got an object');
    expect(() => DivisionCodeScalar.parseLiteral(parseLiteralText('110105'))).toThrow('must be a string, got an integer');
    expect(() => ResidentIdScalar.parseLiteral(parseLiteralText('["1"]'))).toThrow(BadInputError);
  });
});

describe('scalar serialization', () => {
  it('serializes valid strings and UTC-midnight Dates', () => {
    expect(ResidentIdScalar.serialize('11010519491231002X')).toBe('11010519491231002X');
    expect(DateScalar.serialize('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.serialize(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
  });

  it('treats a bad value from a resolver as an internal error, not bad input', () => {
    const error = catchError(() => DivisionCodeScalar.serialize('990000'));
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error).not.toBeInstanceOf(BadInputError);
    expect((error as GraphQLError).extensions.code).toBeUndefined();
    expect(() => DateScalar.serialize(new Date('2024-02-29T08:00:00Z'))).toThrow(/Date/);
  });
});

describe('SCALAR_CHECKS and scalarResolvers', () => {
  it('has a check for every scalar', () => {
    expect(Object.keys(SCALAR_CHECKS).sort()).toEqual(Object.keys(scalarResolvers).sort());
    for (const [name, scalar] of Object.entries(scalarResolvers)) expect(scalar.name).toBe(name);
  });

  it('checks unknown values', () => {
    expect(SCALAR_CHECKS.ResidentId!('11010519491231002X')).toBeNull();
    expect(SCALAR_CHECKS.CreditCode!('91110000600037341L')).toBeNull();
    expect(SCALAR_CHECKS.ResidentId!(11010519491231002)).toBe('must be a string, got an integer');
    expect(SCALAR_CHECKS.CreditCode!(undefined)).toBe('must be a string, got undefined');
    expect(SCALAR_CHECKS.DivisionCode!(['110105'])).toBe('must be a string, got a list');
    expect(SCALAR_CHECKS.Date!('2023-02-29')).toBe('date 2023-02-29 does not exist');
  });
});

describe('in a schema', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echo: {
          type: ResidentIdScalar,
          args: { id: { type: new GraphQLNonNull(ResidentIdScalar) } },
          resolve: (_, { id }: { id: string }) => id,
        },
      },
    }),
  });

  it('rejects a bad literal with BAD_USER_INPUT and the reason', async () => {
    const result = await graphql({ schema, source: '{ echo(id: "110105194912310025") }' });
    expect(result.errors?.[0]?.message).toContain('check character should be X, got 5');
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('rejects a bad variable with the reason', async () => {
    const result = await graphql({
      schema,
      source: 'query ($id: ResidentId!) { echo(id: $id) }',
      variableValues: { id: '11010519491231002x' },
    });
    expect(result.errors?.[0]?.message).toContain('check character must be an uppercase X, got lowercase x');
    expect(result.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('answers a good value', async () => {
    const result = await graphql({ schema, source: '{ echo(id: "11010519491231002X") }' });
    expect(result).toEqual({ data: { echo: '11010519491231002X' } });
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
