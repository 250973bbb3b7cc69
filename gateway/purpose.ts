import type { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../platform/errors.js';
import { HOW_TO_STATE_A_PURPOSE, parsePurpose } from '../platform/purposes.js';
import type { GatewayContext } from './context.js';

/** Whether the caller's agency implements case `caseId` (false for an unknown case too). */
export type HandlesCase = (context: GatewayContext, caseId: string) => Promise<boolean>;

/**
 * Checks the stated purpose before anything is planned. The purpose travels to
 * every department inside the gateway-signed token, so this is the one place it
 * is checked: departments trust only what the gateway signed. `basis:` must be
 * registered and `case:` must be a case of the caller's agency, in every mode;
 * free text is refused in production and kept (and shown as such) in development.
 *
 * @throws GraphQLError BAD_USER_INPUT (400) or FORBIDDEN (403) naming how to state a purpose
 */
export async function checkPurpose(context: GatewayContext, production: boolean, handlesCase: HandlesCase): Promise<void> {
  if (context.purpose === null) return;
  const stated = parsePurpose(context.purpose);
  switch (stated.kind) {
    case 'BASIS':
      return;
    case 'INVALID':
      throw refused(ErrorCode.BadUserInput, 400, `x-purpose: ${stated.problem}; ${HOW_TO_STATE_A_PURPOSE}`);
    case 'FREE_TEXT':
      if (production) throw refused(ErrorCode.BadUserInput, 400, `x-purpose: a purpose in free text is not accepted; ${HOW_TO_STATE_A_PURPOSE}`);
      return;
    case 'CASE':
      if (context.caller.role !== 'OFFICER') throw refused(ErrorCode.Forbidden, 403, 'x-purpose: only an officer states a case as purpose');
      // one answer for an unknown case and another agency's: the refusal reveals no case
      if (!(await handlesCase(context, stated.caseId))) {
        throw refused(ErrorCode.Forbidden, 403, `x-purpose: case ${stated.caseId} is not a case your agency handles; ${HOW_TO_STATE_A_PURPOSE}`);
      }
  }
}

const HANDLES_CASE = 'query GatewayPurposeCheck($id: ID!) { handlesCase(id: $id) }';
const CACHE_SIZE = 10_000;

/**
 * Asks the cases department through the graph, as the caller and without a
 * purpose (the answer is no personal data), so the gateway never imports the
 * department. A case's implementing agency never changes, so yes-answers are
 * kept (bounded); no-answers are not, as the case may be submitted later.
 */
export function caseLookup(server: ApolloServer<GatewayContext>): HandlesCase {
  const known = new Set<string>();
  return async (context, caseId) => {
    const key = `${context.caller.department}\n${caseId}`;
    if (known.has(key)) return true;
    const response = await server.executeOperation<{ handlesCase: boolean }>(
      { query: HANDLES_CASE, variables: { id: caseId } },
      { contextValue: { ...context, purpose: null, internal: true } },
    );
    const result = response.body.kind === 'single' ? response.body.singleResult : null;
    const error = result?.errors?.[0];
    if (error || !result?.data) {
      const code = error?.extensions?.code === ErrorCode.RateLimited ? ErrorCode.RateLimited : ErrorCode.SubgraphUnavailable;
      throw refused(code, code === ErrorCode.RateLimited ? 429 : 503, 'x-purpose: the case could not be checked right now; try again shortly', {
        serviceName: 'cases',
      });
    }
    if (!result.data.handlesCase) return false;
    if (known.size >= CACHE_SIZE) known.delete(known.values().next().value!);
    known.add(key);
    return true;
  };
}

function refused(code: ErrorCode, status: number, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extra, code, ...(code === ErrorCode.BadUserInput ? { argument: 'x-purpose' } : {}), http: { status } } });
}
