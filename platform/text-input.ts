import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { BadInputError } from './errors.js';

/**
 * Every text a caller sends (a String or ID argument or input field, written
 * inline or as a variable) has a maximum length and no control characters:
 *  - in a query (filters, searches, cursors): at most MAX_QUERY_TEXT characters;
 *  - in a mutation (reasons, comments, appeal texts): at most MAX_MUTATION_TEXT;
 *    departments keep their own tighter limits per field;
 *  - no C0/C1 control character (NUL included) and no DEL; a mutation's text may
 *    hold line breaks and tabs.
 * So no text can break a statement (a NUL), blow up a LIKE pattern (SQLite
 * refuses patterns over 50,000 bytes) or be stored invisible.
 */
export const MAX_QUERY_TEXT = 200;
export const MAX_MUTATION_TEXT = 2_000;

const TEXT_SCALARS = new Set(['String', 'ID']);
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are refused
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Why a text is refused, or null. */
export function textProblem(text: string, kind: 'query' | 'mutation'): string | null {
  const max = kind === 'query' ? MAX_QUERY_TEXT : MAX_MUTATION_TEXT;
  if (text.length > max) return `must be at most ${max} characters${kind === 'query' ? ' in a query' : ''}, got ${text.length}`;
  const control = (kind === 'query' ? CONTROL : CONTROL_BUT_LINES).exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `must not contain control characters (U+${code} at position ${control.index + 1})`;
  }
  return null;
}

/** The first refused text of the operation (literals and variables), as the error to send. */
export function firstBadText(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): BadInputError | null {
  const kind = operation.operation === 'query' ? 'query' : 'mutation';
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined;
    if (!type || !Object.prototype.hasOwnProperty.call(variables, name)) continue;
    const found = badValue(type, variables[name], `$${name}`, kind);
    if (found) return found;
  }
  let found: BadInputError | null = null;
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  // the whole document: fragments hold arguments too
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      ObjectField: { enter: (node) => void path.push(node.name.value), leave: () => void path.pop() },
      StringValue(node) {
        if (found) return;
        const type = typeInfo.getInputType();
        if (!type || !TEXT_SCALARS.has(getNamedType(type).name)) return;
        const problem = textProblem(node.value, kind);
        if (problem) found = new BadInputError(problem, path.join('.') || 'value');
      },
    }),
  );
  return found;
}

function badValue(type: GraphQLInputType, value: unknown, at: string, kind: 'query' | 'mutation'): BadInputError | null {
  if (value === null || value === undefined) return null;
  const inner = getNullableType(type);
  if (isListType(inner)) {
    if (!Array.isArray(value)) return badValue(inner.ofType, value, at, kind);
    for (const [i, item] of value.entries()) {
      const found = badValue(inner.ofType, item, `${at}[${i}]`, kind);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return null;
    for (const field of Object.values(inner.getFields())) {
      const found = badValue(field.type, (value as Record<string, unknown>)[field.name], `${at}.${field.name}`, kind);
      if (found) return found;
    }
    return null;
  }
  if (isScalarType(inner) && TEXT_SCALARS.has(inner.name) && typeof value === 'string') {
    const problem = textProblem(value, kind);
    return problem ? new BadInputError(problem, at) : null;
  }
  return null;
}

/**
 * Runs firstBadText once the operation is known, before planning or any
 * resolver: a refused text costs no department a call and no SQL.
 */
export function textInputPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, schema, request, operation }) {
          if (!operation) return;
          const error = firstBadText(schema, document, operation, request.variables ?? {});
          if (error) throw error;
        },
      };
    },
  };
}
