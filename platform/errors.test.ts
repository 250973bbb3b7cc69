import { describe, expect, it } from 'vitest';
import { httpStatusOf } from './errors.js';

const errors = (...codes: string[]) => codes.map((code) => ({ extensions: { code } }));

describe('httpStatusOf: the status of a response that answered nothing', () => {
  it('is the one status the errors share', () => {
    expect(httpStatusOf(errors('NOT_FOUND', 'NOT_FOUND'))).toBe(404);
    expect(httpStatusOf(errors('CONFLICT', 'ILLEGAL_TRANSITION'))).toBe(409);
    expect(httpStatusOf(errors('BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'))).toBe(400);
  });

  it('does not depend on the order the errors arrived in', () => {
    for (const codes of [
      ['NOT_FOUND', 'FORBIDDEN'],
      ['FORBIDDEN', 'SUBGRAPH_UNAVAILABLE'],
      ['RATE_LIMITED', 'INTERNAL_SERVER_ERROR', 'NOT_FOUND'],
    ]) {
      expect(httpStatusOf(errors(...codes))).toBe(httpStatusOf(errors(...[...codes].reverse())));
    }
  });

  it('is 500 with an internal error anywhere, 502 with a department that did not answer, else 400 for mixed client errors', () => {
    expect(httpStatusOf(errors('NOT_FOUND', 'INTERNAL_SERVER_ERROR'))).toBe(500);
    expect(httpStatusOf(errors('FORBIDDEN', 'SUBGRAPH_UNAVAILABLE'))).toBe(502);
    expect(httpStatusOf(errors('NOT_FOUND', 'FORBIDDEN'))).toBe(400);
  });

  it('ignores codes it does not know, and is undefined without a known one', () => {
    expect(httpStatusOf(errors('SOMETHING_ELSE', 'NOT_FOUND'))).toBe(404);
    expect(httpStatusOf(errors('SOMETHING_ELSE'))).toBeUndefined();
    expect(httpStatusOf([])).toBeUndefined();
  });
});
