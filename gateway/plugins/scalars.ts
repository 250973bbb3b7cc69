import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, Kind, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema, type TypeNode } from 'graphql';
import { BadInputError } from '../../platform/errors.js';
import { SCALAR_CHECKS } from '../../platform/identifiers/index.js';

/**
 * The gateway's API schema knows identifier scalars only by name; this plugin
 * runs their real checks (GB 11643, GB 32100, GB/T 2260, dates) on every literal
 * and variable before planning, so a bad identifier costs no department a call
 * and the error names the argument and the reason.
 */
export function scalarChecksPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operation }) {
          const error = firstBadValue(schema, document, request.variables ?? {}, operation?.variableDefinitions ?? []);
          if (error) throw error;
        },
      };
    },
  };
}

export function firstBadValue(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  definitions: readonly { variable: { name: { value: string } }; type: TypeNode }[],
): BadInputError | null {
  for (const def of definitions) {
    const scalar = namedTypeOf(def.type);
    const check = SCALAR_CHECKS[scalar];
    const name = def.variable.name.value;
    if (!check || variables[name] === undefined || variables[name] === null) continue;
    const values = Array.isArray(variables[name]) ? (variables[name] as unknown[]) : [variables[name]];
    for (const value of values) {
      const reason = value === null ? null : check(value);
      if (reason) return new BadInputError(reason, `$${name}`);
    }
  }
  let found: BadInputError | null = null;
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      StringValue(node) {
        if (found) return;
        const type = typeInfo.getInputType();
        const check = type && SCALAR_CHECKS[getNamedType(type).name];
        const reason = check?.(node.value);
        if (reason) found = new BadInputError(reason, typeInfo.getArgument()?.name ?? 'value');
      },
    }),
  );
  return found;
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}
