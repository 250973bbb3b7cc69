import type { IncomingMessage } from 'node:http';
import { getNamedType, getOperationAST, GraphQLError, isLeafType, parse, subscribe, validate, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { ExecutionResult } from 'graphql-sse';
import { ErrorCode, httpStatusOf, PUBLIC_CODES } from './errors.js';
import { eventStreamHandler, refusal, type StreamHandler } from './live.js';
import type { FieldPolicy } from './security/policy.js';

/**
 * A department's subscriptions, served to the gateway (or its jurisdiction router) as an event stream
 * (platform/live.ts). The caller comes from the gateway's token, checked against the request's own
 * bytes like every other request. An event carries what identifies the changed record and nothing
 * personal: the gateway reads the rest through the graph with the subscriber's query, where the
 * department's masking and access recording apply as for any read. So a subscription here may select
 * leaf fields of the root field's type only, none of them personal.
 *
 * @returns undefined for a department without a Subscription type
 */
export function departmentSubscriptions<C extends object>(
  schema: GraphQLSchema,
  policies: Map<string, FieldPolicy>,
  context: (req: IncomingMessage, raw: string) => Promise<C>,
): StreamHandler | undefined {
  if (!schema.getSubscriptionType()) return undefined;
  return eventStreamHandler<Record<string, unknown>>({
    schema,
    async onSubscribe(req, params) {
      let contextValue: Record<string, unknown>;
      try {
        contextValue = (await context(req.raw, req.context.body)) as unknown as Record<string, unknown>;
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        const status = (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
        return refusal(status, typeof error.extensions.code === 'string' ? error.extensions.code : 'BAD_REQUEST', error.message);
      }
      let document;
      try {
        document = parse(params.query);
      } catch {
        return refusal(400, 'GRAPHQL_PARSE_FAILED', 'The subscription is not valid GraphQL');
      }
      const invalid = validate(schema, document)[0];
      if (invalid) return refusal(400, 'GRAPHQL_VALIDATION_FAILED', invalid.message);
      const operation = getOperationAST(document, params.operationName);
      if (operation?.operation !== 'subscription')
        return refusal(400, 'BAD_REQUEST', 'Only subscriptions are served as event streams; send queries and mutations as JSON');
      const personal = personalSelection(schema, operation, policies);
      if (personal) return refusal(400, 'BAD_REQUEST', `A department's events carry no personal data (${personal}); the gateway reads it through the graph`);
      // subscribed here, so that a refusal (the caller's role, an unknown record) is a status before the stream opens
      const result = await subscribe({ schema, document, variableValues: params.variables, operationName: params.operationName, contextValue });
      if (Symbol.asyncIterator in result) return result as AsyncIterableIterator<ExecutionResult>;
      const errors = (result.errors ?? []).map((e) => {
        const code = e.extensions.code;
        return typeof code === 'string' && PUBLIC_CODES.has(code)
          ? { message: e.message, extensions: { code } }
          : { message: 'Internal error', extensions: { code: ErrorCode.Internal } };
      });
      return [
        JSON.stringify({ errors }),
        { status: httpStatusOf(errors) ?? 400, statusText: 'Refused', headers: { 'content-type': 'application/json; charset=utf-8' } },
      ];
    },
  });
}

/** The first selection of a subscription that is not a leaf of the root field's type, or is personal; null when none. */
function personalSelection(schema: GraphQLSchema, operation: OperationDefinitionNode, policies: Map<string, FieldPolicy>): string | null {
  const root = schema.getSubscriptionType()!;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') return 'fragments';
    const type = getNamedType(root.getFields()[selection.name.value]!.type);
    for (const inner of selection.selectionSet?.selections ?? []) {
      if (inner.kind !== 'Field') return 'fragments';
      if (inner.name.value === '__typename') continue;
      const coordinate = `${type.name}.${inner.name.value}`;
      const field = 'getFields' in type ? (type.getFields() as Record<string, { type: Parameters<typeof getNamedType>[0] }>)[inner.name.value] : undefined;
      if (!field || !isLeafType(getNamedType(field.type)) || policies.get(coordinate)?.personal) return coordinate;
    }
  }
  return null;
}
