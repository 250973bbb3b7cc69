import {
  getNamedType,
  isNonNullType,
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type VariableDefinitionNode,
  valueFromASTUntyped,
} from 'graphql';
import { fragmentsOf, usesOf } from '../../platform/operation-uses.js';

/**
 * How the gateway serves one subscription: the department's stream says which record changed (its
 * key, nothing personal), and the subscriber's own selection is then read through the graph by the
 * root query field that takes that key, as the subscriber, through the whole pipeline. So an event
 * shows exactly what the same query would, masked and recorded alike, with fields of every department.
 *
 * The rule that ties them: a subscription field of type T is read again by the Query field of type T
 * whose one argument is T's key (`caseProgress: Case!` by `case(id: ID!)`).
 */
export interface LivePlan {
  /** the root field, as the subscriber named it: the key of each event's data */
  responseKey: string;
  /** the department's stream: which records of the subscriber's changed */
  upstream: { query: string; variables: Record<string, unknown>; field: string; rootField: string };
  /** the field the upstream stream names the changed record by (its key) */
  key: string;
  /** a subscription to one record (its key given): Query's own look-up of it, to refuse it as Query would */
  probe: { query: string; variables: Record<string, unknown> } | null;
  /** the subscriber's selection as a query, with the changed key in `$__changed` */
  read: { query: string; operationName: string | undefined; variables: (key: unknown) => Record<string, unknown> };
}

const CHANGED = '__changed';

/**
 * @throws Error when the schema has no query field to read the subscription's type by its key (a
 * schema mistake, found by the test that subscribes to every subscription field)
 */
export function livePlan(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, variables: Record<string, unknown>): LivePlan {
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (operationName === null || d.name?.value === operationName),
  )!;
  // validation let through one root field, no fragment at the root (a subscription's single root field)
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD)!;
  const type = getNamedType(schema.getSubscriptionType()!.getFields()[field.name.value]!.type);
  const reader = Object.values(schema.getQueryType()?.getFields() ?? {}).find(
    (q) => getNamedType(q.type) === type && q.args.length === 1 && isNonNullType(q.args[0]!.type),
  );
  if (!reader) throw new Error(`No query field reads ${type.name} by its key: Subscription.${field.name.value} cannot be served`);
  const key = reader.args[0]!.name;
  const fragments = fragmentsOf(document);
  const responseKey = field.alias?.value ?? field.name.value;

  const upstreamUses = usesOf(field.arguments ?? [], fragments);
  const upstream: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'subscription' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: 'Changed' },
    variableDefinitions: definitionsOf(operation, upstreamUses.variables),
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          ...field,
          alias: { kind: Kind.NAME, value: 'changed' },
          directives: [],
          selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: key } }] },
        },
      ],
    },
  };

  const readField: FieldNode = {
    ...field,
    alias: { kind: Kind.NAME, value: responseKey },
    name: { kind: Kind.NAME, value: reader.name },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: key }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: CHANGED } } }],
  };
  const readUses = usesOf([readField], fragments);
  readUses.variables.delete(CHANGED);
  const read: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: operation.name,
    variableDefinitions: [
      ...definitionsOf(operation, readUses.variables),
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: CHANGED } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: getNamedType(reader.args[0]!.type).name } } },
      },
    ],
    directives: operation.directives,
    selectionSet: { kind: Kind.SELECTION_SET, selections: [readField] },
  };
  const readDocument: DocumentNode = { kind: Kind.DOCUMENT, definitions: [read, ...[...readUses.fragments].map((n) => fragments.get(n)!)] };
  const pick = (names: Set<string>) => Object.fromEntries(Object.entries(variables).filter(([name]) => names.has(name)));
  const readVariables = pick(readUses.variables);
  const given = field.arguments?.find((a) => a.name.value === key);
  const keyValue = given ? valueFromASTUntyped(given.value, variables) : null;
  const probe =
    keyValue === null || keyValue === undefined
      ? null
      : {
          query: `query Probe($${CHANGED}: ${print(read.variableDefinitions!.at(-1)!.type)}) { probe: ${reader.name}(${key}: $${CHANGED}) { __typename } }`,
          variables: { [CHANGED]: keyValue },
        };
  return {
    probe,
    responseKey,
    upstream: { query: print(upstream), variables: pick(upstreamUses.variables), field: 'changed', rootField: field.name.value },
    key,
    read: { query: print(readDocument), operationName: operation.name?.value, variables: (changed) => ({ ...readVariables, [CHANGED]: changed }) },
  };
}

function definitionsOf(operation: OperationDefinitionNode, names: ReadonlySet<string>): VariableDefinitionNode[] {
  return (operation.variableDefinitions ?? []).filter((d) => names.has(d.variable.name.value));
}
