import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Caller } from '../../platform/context.js';
import { looksLikeResidentId, maskAddress, maskPhone, maskResidentId } from '../../platform/security/masking.js';
import { unmaskScope } from '../../platform/security/roles.js';
import type { GatewayContext } from '../context.js';
import type { GraphPolicies } from '../policies.js';

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  policies: GraphPolicies;
  caller: Caller;
  purpose: string | null;
}

/**
 * Masks identity numbers, phones and addresses in the response unless the
 * caller may see them in full: a citizen their own; an officer with a purpose
 * and the owning department's `<department>:unmask` scope. Identity numbers are
 * masked wherever they appear (keys included), phones and addresses by their
 * @personal category. Masking happens here, after the plan ran, because
 * departments must exchange full keys with each other to join the data.
 */
export function personalDataMaskingPlugin(policies: GraphPolicies): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, schema, contextValue }) {
          if (response.body.kind !== 'single' || !document || !response.body.singleResult.data) return;
          const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
          if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return;
          const root = schema.getRootType(operation.operation);
          if (!root) return;
          const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
          const walk: Walk = { schema, fragments, policies, caller: contextValue.caller, purpose: contextValue.purpose };
          maskObject(response.body.singleResult.data, operation.selectionSet, root, walk);
        },
      };
    },
  };
}

function maskObject(value: unknown, selectionSet: SelectionSetNode, type: GraphQLCompositeType, walk: Walk): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) maskObject(item, selectionSet, type, walk);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      const key = selection.alias?.value ?? name;
      if (name.startsWith('__') || !(key in record) || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[name];
      if (!field) continue;
      const fieldType = getNamedType(field.type);
      if (selection.selectionSet && isCompositeType(fieldType)) maskObject(record[key], selection.selectionSet, fieldType, walk);
      else record[key] = maskLeaf(record[key], `${type.name}.${name}`, walk);
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : walk.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition ? walk.schema.getType(fragment.typeCondition.name.value) : type;
    if (!condition || !isCompositeType(condition)) continue;
    // on an abstract type, apply a fragment only to the objects it matches when __typename tells
    const typename = record.__typename;
    if (isObjectType(condition) && typeof typename === 'string' && typename !== condition.name) continue;
    if (isAbstractType(condition) && typeof typename === 'string' && !walk.schema.isSubType(condition, walk.schema.getType(typename) as never)) continue;
    maskObject(record, fragment.selectionSet, condition, walk);
  }
}

function maskLeaf(value: unknown, coordinate: string, walk: Walk): unknown {
  if (Array.isArray(value)) return value.map((v) => maskLeaf(v, coordinate, walk));
  if (typeof value !== 'string') return value;
  const { caller } = walk;
  const category = walk.policies.fields.get(coordinate)?.personal;
  if (looksLikeResidentId(value)) {
    const own = caller.role === 'CITIZEN' && value === caller.subject;
    return own || officerMayUnmask(coordinate, walk) ? value : maskResidentId(value);
  }
  // departments give citizens only their own records, so their phones and addresses are their own
  if (category === 'PHONE' || category === 'ADDRESS') {
    if (caller.role === 'CITIZEN' || officerMayUnmask(coordinate, walk)) return value;
    return category === 'PHONE' ? maskPhone(value) : maskAddress(value);
  }
  return value;
}

function officerMayUnmask(coordinate: string, { caller, purpose, policies }: Walk): boolean {
  return caller.role === 'OFFICER' && purpose !== null && policies.owners(coordinate).some((d) => caller.scopes.includes(unmaskScope(d)));
}
