/**
 * Typed results for the expected failures of a mutation that a client must react to (README,
 * "Errors"): the schema's `MutationProblem` interface, answered as data in the mutation's result
 * union. Bad input, a missing record or a refusal stay errors (GovError).
 */

/** One problem as the schema's result union answers it: its type name, its ProblemCode and a message. */
export interface MutationProblem {
  __typename: string;
  code: string;
  message: string;
}

/**
 * Thrown where the problem is found, usually inside the mutation's transaction, so that everything
 * it did is rolled back (an idempotency key too: a problem is no result to replay); `answerProblems`
 * turns it into data at the resolver.
 */
export class Problem<P extends MutationProblem = MutationProblem> extends Error {
  constructor(readonly problem: P) {
    super(problem.message);
  }
}

/**
 * Runs a mutation, answering a thrown Problem as its typed result.
 *
 * @returns the mutation's result, or the problem that stopped it (nothing was changed)
 */
export async function answerProblems<T, P extends MutationProblem>(run: () => Promise<T>): Promise<T | P> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Problem) return error.problem as P;
    throw error;
  }
}

/** For a result union of records and problems: the problem's own type name, else the record's type. */
export const resolveResultType =
  (recordType: string) =>
  (value: object): string =>
    '__typename' in value && typeof value.__typename === 'string' ? value.__typename : recordType;
