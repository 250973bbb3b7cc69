import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { ErrorCode, GovError } from '../../platform/errors.js';
import type { GatewayContext } from '../context.js';
import type { GraphPolicies } from '../policies.js';

/** Every "Type.field" an operation selects, through fragments too. */
export function selectedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const coordinates = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && !node.name.value.startsWith('__')) coordinates.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return coordinates;
}

/**
 * Refuses, before any planning or department call, an operation that selects a
 * field the caller's role can never see, or personal data an officer asks for
 * without a stated purpose. The departments enforce the same rules again.
 */
export function accessPlugin(policies: GraphPolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, contextValue }) {
          const { caller, purpose } = contextValue;
          for (const coordinate of selectedCoordinates(schema, document)) {
            const policy = policies.fields.get(coordinate);
            if (!policy) continue;
            if (!policy.roles.includes(caller.role)) {
              const who = caller.role === 'ANONYMOUS' ? 'anonymous callers: sign in first' : `the ${caller.role.toLowerCase()} role`;
              throw refusal(`${coordinate} is not available to ${who}`);
            }
            if (policy.personal && caller.role === 'OFFICER' && !purpose) {
              throw refusal(`Reading personal data (${coordinate}) needs a stated purpose: send the x-purpose header with a case id or a legal basis`);
            }
          }
        },
      };
    },
  };
}

function refusal(message: string): GovError {
  return new GovError(ErrorCode.Forbidden, message, { http: { status: 403 } });
}
