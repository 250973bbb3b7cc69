import type { ApolloServerPlugin } from '@apollo/server';
import {
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { Caller } from '../context.js';
import { looksLikeResidentId, maskAddress, maskPhone, maskResidentId, maskText } from './masking.js';
import { sealedDisplay } from './seal.js';
import { todayInChina } from '../time.js';

/** What masking needs of a request's context, at the gateway and in a department alike. */
export interface MaskingContext {
  caller: Caller;
  purpose: string | null;
  requestId: string;
}

export interface MaskingOptions<C extends MaskingContext> {
  /** the @personal category of "Type.field", if any */
  categoryOf(coordinate: string): string | null | undefined;
  /** may this caller see values of "Type.field" in full: the unmask rule of whoever holds the field */
  mayUnmask(coordinate: string, context: C): boolean;
  /** a department seals the whole identity numbers it masks, so other departments can still join on them (seal.ts) */
  seal?(value: string, display: string, context: C): string;
}

/**
 * Masks identity numbers, phones and addresses in a response unless the caller
 * may see them in full: a citizen their own; an officer with a purpose and the
 * unmask scope of the department that holds the field. Identity numbers are
 * masked wherever they appear (keys and free text included), phones and
 * addresses by their @personal category, mobile numbers in free text too.
 *
 * Every department runs it on what it sends (masking at the source: no
 * gateway, log or proxy on the way carries what the caller may not see); the
 * gateway runs it again as a second line, and there turns sealed keys back
 * into their masked display.
 *
 * The plan is the operation that actually runs (operationName), never merely
 * the first in the document; it depends only on that operation and the
 * schema, so it is worked out once per parsed operation and the walk per
 * response only reads values.
 */
export function maskingPlugin<C extends MaskingContext>(options: MaskingOptions<C>): ApolloServerPlugin<C> {
  const plans = new WeakMap<OperationDefinitionNode, WeakMap<GraphQLSchema, SelectionPlan | null>>();
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, document, operation, schema, contextValue }) {
          if (response.body.kind !== 'single' || !document || !operation || !response.body.singleResult.data) return;
          let bySchema = plans.get(operation);
          if (!bySchema) plans.set(operation, (bySchema = new WeakMap()));
          let plan = bySchema.get(schema);
          if (plan === undefined) bySchema.set(schema, (plan = operationPlan(document, operation, schema, options.categoryOf)));
          if (!plan) return;
          const unmask = new Map<string, boolean>();
          const walk: Walk = {
            caller: contextValue.caller,
            today: todayInChina(),
            mayUnmask(coordinate) {
              let may = unmask.get(coordinate);
              if (may === undefined) unmask.set(coordinate, (may = options.mayUnmask(coordinate, contextValue)));
              return may;
            },
            seal: options.seal ? (value, display) => options.seal!(value, display, contextValue) : null,
          };
          maskObject(response.body.singleResult.data, plan, walk);
        },
      };
    },
  };
}

/** What to look at under one selection set on one type. */
interface SelectionPlan {
  fields: FieldPlan[];
  /** fragments whose type condition needs __typename to decide */
  fragments: { condition: GraphQLCompositeType; schema: GraphQLSchema; plan: SelectionPlan }[];
}

interface FieldPlan {
  /** response key (the alias, if any) */
  key: string;
  /** "Type.field" */
  coordinate: string;
  category: string | null | undefined;
  /** set for composite fields, leaves are checked */
  child: SelectionPlan | null;
}

interface Walk {
  caller: Caller;
  /** today in China, once per response: a birth date after it makes no identity number */
  today: string;
  mayUnmask(coordinate: string): boolean;
  seal: ((value: string, display: string) => string) | null;
}

function operationPlan(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  schema: GraphQLSchema,
  categoryOf: MaskingOptions<never>['categoryOf'],
): SelectionPlan | null {
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  return selectionPlan(operation.selectionSet, root, { schema, fragments, categoryOf });
}

interface Compile {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  categoryOf: MaskingOptions<never>['categoryOf'];
}

function selectionPlan(selectionSet: SelectionSetNode, type: GraphQLCompositeType, compile: Compile): SelectionPlan | null {
  const plan: SelectionPlan = { fields: [], fragments: [] };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      const field = type.getFields()[name];
      if (!field) continue;
      const fieldType = getNamedType(field.type);
      const coordinate = `${type.name}.${name}`;
      const key = selection.alias?.value ?? name;
      const category = compile.categoryOf(coordinate);
      if (selection.selectionSet && isCompositeType(fieldType)) {
        const child = selectionPlan(selection.selectionSet, fieldType, compile);
        if (child) plan.fields.push({ key, coordinate, category, child });
      } else if (mayHoldText(fieldType) || category === 'PHONE' || category === 'ADDRESS') {
        plan.fields.push({ key, coordinate, category, child: null });
      }
      continue;
    }
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : compile.fragments.get(selection.name.value);
    if (!fragment) continue;
    const condition = fragment.typeCondition ? compile.schema.getType(fragment.typeCondition.name.value) : type;
    if (!condition || !isCompositeType(condition)) continue;
    const inner = selectionPlan(fragment.selectionSet, condition, compile);
    if (!inner) continue;
    // a fragment on the same type always applies: merge it; others are decided per object by __typename
    if (condition === type) {
      plan.fields.push(...inner.fields);
      plan.fragments.push(...inner.fragments);
    } else plan.fragments.push({ condition, schema: compile.schema, plan: inner });
  }
  return plan.fields.length || plan.fragments.length ? plan : null;
}

/** Enums, numbers and booleans can never carry an identity number. */
function mayHoldText(type: GraphQLNamedType): boolean {
  return !isEnumType(type) && type.name !== 'Int' && type.name !== 'Float' && type.name !== 'Boolean';
}

function maskObject(value: unknown, plan: SelectionPlan, walk: Walk): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) maskObject(item, plan, walk);
    return;
  }
  const record = value as Record<string, unknown>;
  const foreign = someoneElses(record, walk);
  for (const field of plan.fields) {
    const inner = record[field.key];
    if (inner === undefined || inner === null) continue;
    if (field.child) maskObject(inner, field.child, walk);
    else record[field.key] = maskLeaf(inner, field, walk, foreign);
  }
  if (!plan.fragments.length) return;
  // on an abstract type, apply a fragment only to the objects it matches when __typename tells
  const typename = record.__typename;
  for (const { condition, schema, plan: inner } of plan.fragments) {
    if (typeof typename === 'string') {
      if (isObjectType(condition) && typename !== condition.name) continue;
      if (isAbstractType(condition) && !schema.isSubType(condition, schema.getType(typename) as never)) continue;
    }
    maskObject(record, inner, walk);
  }
}

/** Masked (or sealed) whole: a number a department masked for this caller. */
const MASKED_ID = /^[0-9]{6}\*{12}$/;

/**
 * A citizen's answer may hold a related person's record (a member of their household,
 * security/relations.ts): when its identity number, if selected, is someone else's, its phones and
 * addresses are masked again here, whatever the department sent.
 */
function someoneElses(record: Record<string, unknown>, walk: Walk): boolean {
  const id = record.id;
  if (walk.caller.role !== 'CITIZEN' || typeof id !== 'string' || id === walk.caller.subject) return false;
  return MASKED_ID.test(id) || (id.length > 18 && sealedDisplay(id) !== null) || looksLikeResidentId(id, walk.today);
}

function maskLeaf(value: unknown, field: FieldPlan, walk: Walk, foreign = false): unknown {
  if (Array.isArray(value)) return value.map((v) => maskLeaf(v, field, walk, foreign));
  if (typeof value !== 'string') return value;
  const { caller } = walk;
  // a key sealed by a department: the caller sees its masked display only
  const display = value.length > 18 ? sealedDisplay(value) : null;
  if (display !== null) return display;
  const own = caller.role === 'CITIZEN' || caller.role === 'ENTERPRISE' ? caller.subject : null;
  if (looksLikeResidentId(value, walk.today)) {
    if (value === own || walk.mayUnmask(field.coordinate)) return value;
    const masked = maskResidentId(value);
    return walk.seal ? walk.seal(value, masked) : masked;
  }
  // a citizen's records are their own, but for a related person's (above)
  if (field.category === 'PHONE' || field.category === 'ADDRESS') {
    if ((caller.role === 'CITIZEN' && !foreign) || walk.mayUnmask(field.coordinate)) return value;
    return field.category === 'PHONE' ? maskPhone(value) : maskAddress(value);
  }
  // free text: numbers written into an appeal, a comment or a note
  if (value.length >= 11 && !walk.mayUnmask(field.coordinate)) return maskText(value, own, walk.today);
  return value;
}
