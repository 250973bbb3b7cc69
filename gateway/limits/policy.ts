import { ErrorCode, GovError } from '../../platform/errors.js';
import type { OperationShape } from './analyse.js';

/** Ceilings on one operation. Every refusal names the limit and says what to change. */
export interface LimitPolicy {
  /** Field nesting, root fields being depth 1. */
  maxDepth: number;
  /** Aliased fields, fragments expanded. */
  maxAliases: number;
  /** Field selections, fragments expanded. */
  maxFields: number;
  /** Directive usages, fragments expanded. */
  maxDirectives: number;
  /** estimatedCost (see the cost model in analyse.ts). */
  maxCost: number;
  /** Largest `first`/`limit`/`last` a caller may pass (the documented page ceiling). */
  maxListArgument: number;
  /**
   * Lexical tokens in the document. Enforced by the parser, not by checkLimits:
   * pass `parseOptions: parseOptionsFor(policy)` to the ApolloServer constructor.
   */
  maxTokens: number;
}

export const DEFAULT_LIMITS: Readonly<LimitPolicy> = Object.freeze({
  maxDepth: 12,
  maxAliases: 30,
  maxFields: 500,
  maxDirectives: 50,
  maxCost: 20_000,
  maxListArgument: 100,
  maxTokens: 5_000,
});

/** DEFAULT_LIMITS overridden by whatever `overrides` sets. */
export function resolvePolicy(overrides: Partial<LimitPolicy> = {}): LimitPolicy {
  const policy: LimitPolicy = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(policy) as (keyof LimitPolicy)[]) {
    const value = overrides[key];
    if (value !== undefined) policy[key] = value;
  }
  return policy;
}

/** For `new ApolloServer({ parseOptions: parseOptionsFor(policy) })`: the parser stops after maxTokens. */
export function parseOptionsFor(policy: Partial<LimitPolicy> = {}): { maxTokens: number } {
  return { maxTokens: resolvePolicy(policy).maxTokens };
}

/**
 * The first limit the operation breaks, as the error to send, or null.
 * Extensions: `limit` (which one), `max`, `actual`; a too-large page size is a
 * BAD_USER_INPUT that also names the `argument`.
 */
export function checkLimits(shape: OperationShape, policy: LimitPolicy): GovError | null {
  const tooComplex = (limit: string, actual: number, max: number, message: string) => new GovError(ErrorCode.QueryTooComplex, message, { limit, max, actual });

  if (shape.depth > policy.maxDepth) {
    return tooComplex(
      'depth',
      shape.depth,
      policy.maxDepth,
      `Query depth ${shape.depth} exceeds the limit of ${policy.maxDepth}; split the query or fetch the deeper part separately.`,
    );
  }
  if (shape.aliases > policy.maxAliases) {
    return tooComplex(
      'aliases',
      shape.aliases,
      policy.maxAliases,
      `Query uses ${shape.aliases} aliases (fragments counted where spread), more than the limit of ${policy.maxAliases}; ` +
        'fetch a list with one field instead of aliasing the same field many times, or split the query.',
    );
  }
  if (shape.directives > policy.maxDirectives) {
    return tooComplex(
      'directives',
      shape.directives,
      policy.maxDirectives,
      `Query uses ${shape.directives} directives (fragments counted where spread), more than the limit of ${policy.maxDirectives}; ` +
        'put one @include/@skip on a fragment instead of on each field.',
    );
  }
  if (shape.fields > policy.maxFields) {
    return tooComplex(
      'fields',
      shape.fields,
      policy.maxFields,
      `Query selects ${shape.fields} fields (fragments counted where spread), more than the limit of ${policy.maxFields}; ` +
        'select only the fields the page shows, or split the query.',
    );
  }
  if (shape.listArgumentTooSmall) {
    const { argument, coordinate, value } = shape.listArgumentTooSmall;
    return new GovError(
      ErrorCode.BadUserInput,
      `${argument}: ${value} on ${coordinate} is negative; pass 0 to ${policy.maxListArgument} (0 answers only totalCount and pageInfo), or leave it out for the default page.`,
      {
        argument,
        limit: 'listArgument',
        actual: value,
      },
    );
  }
  if (shape.listArguments > policy.maxListArgument) {
    const at = shape.listArgumentAt ?? { argument: 'first', coordinate: 'a list field' };
    return new GovError(
      ErrorCode.BadUserInput,
      `${at.argument}: ${shape.listArguments} on ${at.coordinate} exceeds the maximum page size of ${policy.maxListArgument}; ` +
        `ask for at most ${policy.maxListArgument} and fetch the next page with \`after\`.`,
      { argument: at.argument, limit: 'listArgument', max: policy.maxListArgument, actual: shape.listArguments },
    );
  }
  if (shape.estimatedCost > policy.maxCost) {
    return tooComplex(
      'cost',
      shape.estimatedCost,
      policy.maxCost,
      `Query could return about ${shape.estimatedCost} objects, more than the limit of ${policy.maxCost}; ` +
        'pass a smaller `first` to the lists, above all to lists nested in lists (each unsized list counts as 20), or split the query.',
    );
  }
  return null;
}
