/**
 * GraphQL scalars for the identifiers. Every scalar keeps its value as a
 * string inside the graph and checks it on the way in and out: a bad value
 * from a client is a BAD_USER_INPUT with the exact reason, a bad value from
 * our own data is a bug and surfaces as an internal error (logged, masked).
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { BadInputError } from '../errors.js';
import { checkCreditCode } from './credit-code.js';
import { checkDate } from './date.js';
import { checkDivisionOrCountry } from './division-code.js';
import { checkResidentId } from './resident-id.js';

type StringCheck = (value: string) => string | null;

/** A check on any value: null when the value is acceptable, otherwise the reason. */
export type ScalarCheck = (value: unknown) => string | null;

// Wraps a string check so it also gives a reason for non-strings (JSON
// variables can hold anything); the default argument of checks such as
// checkResidentId's `today` must not receive anything from here.
function acceptingUnknown(check: StringCheck): ScalarCheck {
  return (value) => (typeof value === 'string' ? check(value) : `must be a string, got ${kindOf(value)}`);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a Date object';
  switch (typeof value) {
    case 'number':
      return Number.isInteger(value) ? 'an integer' : 'a number';
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

const LITERAL_KINDS: Partial<Record<Kind, string>> = {
  [Kind.INT]: 'an integer',
  [Kind.FLOAT]: 'a number',
  [Kind.BOOLEAN]: 'a boolean',
  [Kind.NULL]: 'null',
  [Kind.ENUM]: 'an enum value',
  [Kind.LIST]: 'a list',
  [Kind.OBJECT]: 'an object',
};

interface ScalarSpec {
  name: string;
  description: string;
  specifiedByURL?: string;
  check: ScalarCheck;
  /** Turns what a resolver returned into the string to check; defaults to the value itself. */
  fromResolver?: (value: unknown) => unknown;
}

function stringScalar({ name, description, specifiedByURL, check, fromResolver = (v) => v }: ScalarSpec): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    const reason = check(value);
    if (reason) throw new BadInputError(reason);
    return value as string;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    specifiedByURL,
    serialize(output) {
      const value = fromResolver(output);
      const reason = check(value);
      // No public code: our data is wrong, not the client's request.
      if (reason) throw new GraphQLError(`${name} cannot represent a value returned by a resolver: ${reason}`);
      return value as string;
    },
    parseValue: parse,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw new BadInputError(`must be a string, got ${LITERAL_KINDS[ast.kind] ?? ast.kind}`);
      return parse(ast.value);
    },
  });
}

/** Check of each scalar by name, for the gateway to reject bad values before any subgraph call. */
export const SCALAR_CHECKS: Record<string, ScalarCheck> = {
  ResidentId: acceptingUnknown((value) => checkResidentId(value)),
  CreditCode: acceptingUnknown(checkCreditCode),
  DivisionCode: acceptingUnknown(checkDivisionOrCountry),
  Date: acceptingUnknown(checkDate),
};

/** An identity number in the GB 11643-1999 layout: resident identity card, HK/Macao/Taiwan residence permit, foreigner's permanent residence card. */
export const ResidentIdScalar = stringScalar({
  name: 'ResidentId',
  // the same text as the scalar's description in platform/schema/shared.graphql
  description:
    'An identity number in the GB 11643-1999 layout: 18 characters, the last a check character 0–9 or uppercase X. ' +
    "One of three kinds, told by its first digits: a foreigner's permanent residence card (2023 edition, 外国人永久居留身份证) starts with 9; " +
    'a residence permit for Hong Kong, Macao or Taiwan residents (港澳台居民居住证) with 810000, 820000 or 830000; ' +
    'any other is a resident identity card (公民身份号码). ' +
    'Sensitive personal information (PIPL art. 28).',
  specifiedByURL: 'https://zh.wikisource.org/wiki/GB_11643-1999_%E5%85%AC%E6%B0%91%E8%BA%AB%E4%BB%BD%E5%8F%B7%E7%A0%81',
  check: SCALAR_CHECKS.ResidentId!,
});

/** A unified social credit code (GB 32100-2015). */
export const CreditCodeScalar = stringScalar({
  name: 'CreditCode',
  // The standard has no stable public URL, so no specifiedByURL.
  description:
    'A unified social credit code (统一社会信用代码, GB 32100-2015) of a legal entity or other organisation: ' +
    '18 characters of 0-9 and uppercase letters except I, O, S, V, Z, e.g. 91110000600037341L.',
  check: SCALAR_CHECKS.CreditCode!,
});

/** An administrative division code (GB/T 2260). */
export const DivisionCodeScalar = stringScalar({
  name: 'DivisionCode',
  description: 'An administrative division code (GB/T 2260): 6 digits, province (2) + prefecture (2) + county (2); 000000 is the whole country.',
  // Same page as its @specifiedBy in platform/schema/shared.graphql: the civil affairs ministry's published code list.
  specifiedByURL: 'https://www.mca.gov.cn/mzsj/xzqh/2023/202301xzqh.html',
  check: SCALAR_CHECKS.DivisionCode!,
});

/** A calendar date, YYYY-MM-DD. */
export const DateScalar = stringScalar({
  name: 'Date',
  description: 'A calendar date YYYY-MM-DD (RFC 3339 full-date), e.g. 2024-02-29. No time, no time zone.',
  specifiedByURL: 'https://www.rfc-editor.org/rfc/rfc3339#section-5.6',
  check: SCALAR_CHECKS.Date!,
  // A resolver may hand back a JS Date from a driver. Only a UTC midnight is
  // unambiguous; any other instant is a different day somewhere, so it is
  // left for the check to refuse rather than silently shifted.
  fromResolver: (value) =>
    value instanceof Date && !Number.isNaN(value.getTime()) && value.getTime() % 86_400_000 === 0 ? value.toISOString().slice(0, 10) : value,
});

/** The scalars by name, to spread into a department's resolver map. */
export const scalarResolvers = {
  ResidentId: ResidentIdScalar,
  CreditCode: CreditCodeScalar,
  DivisionCode: DivisionCodeScalar,
  Date: DateScalar,
} as const;
