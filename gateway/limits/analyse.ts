import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type GraphQLOutputType,
  getOperationAST,
  isAbstractType,
  isListType,
  Kind,
  TypeInfo,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Hostile-query analysis of one parsed operation, run before any query
 * planning or subgraph call.
 *
 * COST MODEL (estimatedCost, roughly "how many objects may this return"):
 *  - every field costs 1 (leaves, lists of scalars and `__typename` included);
 *  - a field returning a list of objects multiplies the cost of its
 *    sub-selection by its page size: its own `first` argument, else `limit`,
 *    else `last`, else the schema's default for that argument, else
 *    DEFAULT_LIST_SIZE;
 *  - pagination on connections: a field that is NOT a list but takes a page
 *    size (e.g. `serviceItems(first: 5): ServiceItemConnection!`) hands that
 *    size to the list fields directly inside it that have no page size of
 *    their own (`nodes`, `edges`), instead of DEFAULT_LIST_SIZE. So
 *    `serviceItems(first: 5) { nodes { name } pageInfo { hasNextPage } }`
 *    costs 1 + (1 + 5×1) + (1 + 1) = 9;
 *  - a field that takes a page size but returns no list costs at least that
 *    size (the rows it reads), e.g. an export of JSON lines;
 *  - the cost of a selection set is the sum of its fields, fragments expanded
 *    where they are spread; @skip/@include are not evaluated (worst case);
 *  - on an interface or union, fragments on different possible types are not
 *    added up: an object matches only those on its own type (and on the
 *    interfaces and unions it belongs to), so the set costs what its costliest
 *    possible type costs (see Branches);
 *  - introspection (`__schema`, `__type`) is answered from the schema in
 *    memory: each field under it costs 1 with no list multiplier, and the
 *    subtree counts as one level of depth. Its list nesting is capped by
 *    graphql-js's own MaxIntrospectionDepthRule (part of specifiedRules, so run
 *    by validation before this analysis), and its fields and aliases still
 *    count towards their limits. Whether the caller may introspect at all is
 *    the plugin's business.
 *
 * The other counts are also taken with fragments expanded where spread (a
 * fragment with 10 aliases spread 3 times counts 30), because that is what
 * execution pays. Each fragment is nevertheless analysed only once (memoised by
 * name), so the analysis is linear in the document size even when fragments fan
 * out exponentially; the counts saturate at Number.MAX_SAFE_INTEGER.
 */
export const DEFAULT_LIST_SIZE = 20;

/** Arguments read as a page size, in order of preference. */
export const LIST_SIZE_ARGUMENTS = ['first', 'limit', 'last'] as const;

/** Nesting (fields and fragment hops) beyond which the walk stops and reports at least this depth. */
export const MAX_WALK_DEPTH = 1_000;

export interface OperationShape {
  /** Max field nesting (root fields are depth 1), through fragments; `__typename` adds no level. */
  depth: number;
  /** Aliased field selections, fragments expanded. */
  aliases: number;
  /** Field selections, fragments expanded. */
  fields: number;
  /** Directive usages (on the operation, variables, fields, fragments), fragments expanded. */
  directives: number;
  /** See the cost model above. */
  estimatedCost: number;
  /** Largest `first`/`limit`/`last` value the caller passed (literal, variable or variable default); 0 if none. */
  listArguments: number;
  /** Where `listArguments` came from, e.g. { argument: 'first', coordinate: 'Query.serviceItems' }. */
  listArgumentAt: { argument: string; coordinate: string } | null;
  /** The first negative `first`/`limit`/`last` the caller passed, or null (0 is a count-only page: platform/pagination.ts). */
  listArgumentTooSmall: { argument: string; coordinate: string; value: number } | null;
  /** Selects `__schema` or `__type`. */
  introspection: boolean;
  /**
   * "Type.field" of every field selected, resolved with TypeInfo, fragments
   * included. On an interface or union the abstract coordinate ("Node.id") is
   * recorded and so is the same field on every possible object type
   * ("User.id"), so that an access rule on the concrete type cannot be
   * sidestepped by selecting through the interface. Meta fields (__typename,
   * __schema, __type) are left out.
   */
  coordinates: Set<string>;
}

const SATURATED = Number.MAX_SAFE_INTEGER;
const sat = (n: number): number => (n >= SATURATED || Number.isNaN(n) ? SATURATED : n);

/** What one selection set contributes, independent of where it is used. */
interface Summary {
  depth: number;
  aliases: number;
  fields: number;
  directives: number;
  /** Cost that does not depend on the enclosing page size. */
  costFixed: number;
  /** Cost per item of the enclosing page size (list fields without a size of their own). */
  costPerPageItem: number;
  listArgument: number;
  listArgumentAt: { argument: string; coordinate: string } | null;
  introspection: boolean;
}

function empty(): Summary {
  return {
    depth: 0,
    aliases: 0,
    fields: 0,
    directives: 0,
    costFixed: 0,
    costPerPageItem: 0,
    listArgument: 0,
    listArgumentAt: null,
    introspection: false,
  };
}

/** Cost of a selection set whose list fields without their own size get `pageSize` items. */
function costAt(s: Summary, pageSize: number): number {
  return sat(s.costFixed + sat(s.costPerPageItem * pageSize));
}

/** Adds `from` (a fragment or inline fragment at the same level) into `into`. */
function mergeSameLevel(into: Summary, from: Summary): void {
  into.depth = Math.max(into.depth, from.depth);
  into.aliases = sat(into.aliases + from.aliases);
  into.fields = sat(into.fields + from.fields);
  into.directives = sat(into.directives + from.directives);
  into.costFixed = sat(into.costFixed + from.costFixed);
  into.costPerPageItem = sat(into.costPerPageItem + from.costPerPageItem);
  mergeListArgument(into, from.listArgument, from.listArgumentAt);
  into.introspection ||= from.introspection;
}

/**
 * Fragments on the possible types of an interface or union: an object matches
 * only those whose type condition it satisfies, so their costs are not added up
 * across types. Every count but the cost is still added (it is what the document
 * holds); the cost is that of the costliest possible object type: the sum of the
 * fragments that apply to it. Fragments on the enclosing type itself (or with no
 * type condition) always apply and are merged as they are.
 */
class Branches {
  private readonly conditional: { condition: GraphQLNamedType; costFixed: number; costPerPageItem: number }[] = [];

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly parent: GraphQLCompositeType | null | undefined,
  ) {}

  add(into: Summary, conditionName: string | undefined, from: Summary): void {
    const condition = conditionName ? this.schema.getType(conditionName) : undefined;
    if (!condition || !this.parent || !isAbstractType(this.parent) || condition.name === this.parent.name) {
      mergeSameLevel(into, from);
      return;
    }
    mergeSameLevel(into, { ...from, costFixed: 0, costPerPageItem: 0 });
    this.conditional.push({ condition, costFixed: from.costFixed, costPerPageItem: from.costPerPageItem });
  }

  addCostliest(into: Summary): void {
    if (this.conditional.length === 0 || !this.parent || !isAbstractType(this.parent)) return;
    let costFixed = 0;
    let costPerPageItem = 0;
    for (const type of this.schema.getPossibleTypes(this.parent)) {
      let fixed = 0;
      let perItem = 0;
      for (const branch of this.conditional) {
        if (!applies(this.schema, branch.condition, type)) continue;
        fixed = sat(fixed + branch.costFixed);
        perItem = sat(perItem + branch.costPerPageItem);
      }
      // each component at its own worst case: never below what any one object costs
      costFixed = Math.max(costFixed, fixed);
      costPerPageItem = Math.max(costPerPageItem, perItem);
    }
    into.costFixed = sat(into.costFixed + costFixed);
    into.costPerPageItem = sat(into.costPerPageItem + costPerPageItem);
  }
}

/** Whether a fragment on `condition` applies to an object of type `type`. */
function applies(schema: GraphQLSchema, condition: GraphQLNamedType, type: GraphQLObjectType): boolean {
  if (condition.name === type.name) return true;
  return isAbstractType(condition) && schema.isSubType(condition, type);
}

function mergeListArgument(into: Summary, value: number, at: Summary['listArgumentAt']): void {
  if (at && (into.listArgumentAt === null || value > into.listArgument)) {
    into.listArgument = value;
    into.listArgumentAt = at;
  }
}

export function analyseOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): OperationShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition);
    }
  }
  const chosen = getOperationAST(document, operationName ?? undefined);
  // No single operation (ambiguous or unknown name): be conservative and take them all.
  const operations: OperationDefinitionNode[] = chosen
    ? [chosen]
    : document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);

  const coordinates = new Set<string>();
  // One walker, so each fragment is analysed once even across operations.
  const walker = new Walker(schema, fragments, variableValues(operations, variables), coordinates);
  const total = empty();
  for (const operation of operations) {
    const summary = walker.operation(operation);
    total.depth = Math.max(total.depth, summary.depth);
    total.aliases = sat(total.aliases + summary.aliases);
    total.fields = sat(total.fields + summary.fields);
    total.directives = sat(total.directives + summary.directives);
    total.costFixed = sat(total.costFixed + costAt(summary, DEFAULT_LIST_SIZE));
    mergeListArgument(total, summary.listArgument, summary.listArgumentAt);
    total.introspection ||= summary.introspection;
  }
  return {
    depth: total.depth,
    aliases: total.aliases,
    fields: total.fields,
    directives: total.directives,
    estimatedCost: total.costFixed,
    listArguments: total.listArgument,
    listArgumentAt: total.listArgumentAt,
    listArgumentTooSmall: walker.tooSmall,
    introspection: total.introspection,
    coordinates,
  };
}

/**
 * Variables as the caller sent them, falling back to the operation's defaults
 * (with several operations, the first default declared for a name).
 */
function variableValues(operations: readonly OperationDefinitionNode[], given: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const operation of operations) {
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (values.has(name)) continue;
      if (Object.prototype.hasOwnProperty.call(given, name)) values.set(name, given[name]);
      else if (definition.defaultValue) values.set(name, literal(definition.defaultValue, new Map()));
    }
  }
  return values;
}

/** A literal or variable as a number, or undefined when it is not a finite number. */
function literal(value: ValueNode, variables: Map<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.INT:
    case Kind.FLOAT:
      return Number(value.value);
    case Kind.VARIABLE:
      return variables.get(value.name.value);
    default:
      return undefined;
  }
}

/**
 * A list of objects, or an object that holds one (a connection's `nodes`):
 * what a page size multiplies. AccessLogExport (JSON lines and a count) is not.
 */
function sizesObjects(type: GraphQLOutputType): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return isCompositeType(getNamedType(nullable));
  const named = getNamedType(nullable);
  if (!isObjectType(named) && !isInterfaceType(named)) return false;
  return Object.values(named.getFields()).some((f) => {
    const inner = getNullableType(f.type);
    return isListType(inner) && isCompositeType(getNamedType(inner));
  });
}

function asSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

class Walker {
  private readonly memo = new Map<string, Summary | 'visiting'>();
  private stack = 0;
  /** The first negative page size the caller passed. */
  tooSmall: OperationShape['listArgumentTooSmall'] = null;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Map<string, unknown>,
    private readonly coordinates: Set<string>,
  ) {}

  operation(operation: OperationDefinitionNode): Summary {
    const typeInfo = new TypeInfo(this.schema);
    typeInfo.enter(operation);
    const summary = this.selectionSet(operation.selectionSet, typeInfo);
    typeInfo.leave(operation);
    let directives = operation.directives?.length ?? 0;
    for (const variable of operation.variableDefinitions ?? []) directives += variable.directives?.length ?? 0;
    summary.directives = sat(summary.directives + directives);
    return summary;
  }

  private fragment(name: string): Summary {
    const known = this.memo.get(name);
    if (known === 'visiting') return empty(); // a cycle (invalid anyway): contributes nothing more
    if (known) return known;
    const definition = this.fragments.get(name);
    if (!definition) return empty();
    this.memo.set(name, 'visiting');
    // A fragment's fields are resolved against its own type condition, so one
    // analysis serves every place it is spread.
    const typeInfo = new TypeInfo(this.schema);
    typeInfo.enter(definition);
    const summary = this.selectionSet(definition.selectionSet, typeInfo);
    typeInfo.leave(definition);
    summary.directives = sat(summary.directives + (definition.directives?.length ?? 0));
    this.memo.set(name, summary);
    return summary;
  }

  private selectionSet(set: SelectionSetNode, typeInfo: TypeInfo): Summary {
    const summary = empty();
    if (++this.stack > MAX_WALK_DEPTH) {
      // Only a hostile document nests this far: stop, and report a depth no policy allows.
      this.stack--;
      summary.depth = MAX_WALK_DEPTH;
      return summary;
    }
    typeInfo.enter(set);
    const branches = new Branches(this.schema, typeInfo.getParentType());
    for (const selection of set.selections) {
      summary.directives = sat(summary.directives + (selection.directives?.length ?? 0));
      switch (selection.kind) {
        case Kind.FIELD: {
          typeInfo.enter(selection);
          const name = selection.name.value;
          const parent = typeInfo.getParentType();
          const fieldDef = typeInfo.getFieldDef();
          const type = typeInfo.getType();
          summary.fields = sat(summary.fields + 1);
          if (selection.alias) summary.aliases = sat(summary.aliases + 1);
          if (name === '__schema' || name === '__type') summary.introspection = true;
          const coordinate = parent ? `${parent.name}.${name}` : `?.${name}`;
          if (parent && fieldDef && !name.startsWith('__')) this.record(parent, name);

          const size = this.pageSize(selection.arguments ?? [], fieldDef, coordinate, summary);
          const isList = type !== null && type !== undefined && isListType(getNullableType(type));
          if (selection.selectionSet) {
            const sub = this.selectionSet(selection.selectionSet, typeInfo);
            summary.aliases = sat(summary.aliases + sub.aliases);
            summary.fields = sat(summary.fields + sub.fields);
            summary.directives = sat(summary.directives + sub.directives);
            mergeListArgument(summary, sub.listArgument, sub.listArgumentAt);
            summary.introspection ||= sub.introspection;
            if (name === '__schema' || name === '__type') {
              // Introspection: answered from the schema in memory, never planned
              // or sent to a department, and its list nesting is already capped
              // by graphql-js validation (MaxIntrospectionDepthRule, in
              // specifiedRules). One level, and 1 per field, no list multiplier:
              // otherwise the standard introspection query (depth 15, ~330k
              // with list multipliers) could never pass.
              summary.depth = Math.max(summary.depth, 1);
              summary.costFixed = sat(summary.costFixed + 1 + sub.fields);
            } else if (isList && size === undefined) {
              // Sized by the enclosing connection field, if any (see costAt).
              summary.costFixed = sat(summary.costFixed + 1);
              summary.costPerPageItem = sat(summary.costPerPageItem + costAt(sub, DEFAULT_LIST_SIZE));
            } else if (isList) {
              summary.costFixed = sat(summary.costFixed + 1 + sat((size ?? 0) * costAt(sub, DEFAULT_LIST_SIZE)));
            } else {
              // a sized field reads at least `size` rows, whatever is selected of them
              summary.costFixed = sat(summary.costFixed + 1 + Math.max(size ?? 0, costAt(sub, size ?? DEFAULT_LIST_SIZE)));
            }
            if (name !== '__schema' && name !== '__type') {
              summary.depth = Math.max(summary.depth, Math.min(MAX_WALK_DEPTH, sub.depth + 1));
            }
          } else {
            if (name !== '__typename') summary.depth = Math.max(summary.depth, 1);
            summary.costFixed = sat(summary.costFixed + 1);
          }
          typeInfo.leave(selection);
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          typeInfo.enter(selection);
          const sub = this.selectionSet(selection.selectionSet, typeInfo);
          typeInfo.leave(selection);
          branches.add(summary, selection.typeCondition?.name.value, sub);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          this.stack++;
          const sub = this.stack > MAX_WALK_DEPTH ? { ...empty(), depth: MAX_WALK_DEPTH } : this.fragment(selection.name.value);
          this.stack--;
          branches.add(summary, this.fragments.get(selection.name.value)?.typeCondition.name.value, sub);
          break;
        }
      }
    }
    branches.addCostliest(summary);
    typeInfo.leave(set);
    this.stack--;
    return summary;
  }

  /**
   * The page size of a field: the first of first/limit/last the caller gave
   * as a number (all of them recorded for listArguments), else the schema
   * default of such an argument (what the resolver will use).
   */
  private pageSize(
    args: readonly ArgumentNode[],
    fieldDef: GraphQLField<unknown, unknown> | null | undefined,
    coordinate: string,
    summary: Summary,
  ): number | undefined {
    let size: number | undefined;
    const pagesObjects = fieldDef !== null && fieldDef !== undefined && sizesObjects(fieldDef.type);
    for (const argument of LIST_SIZE_ARGUMENTS) {
      const node = args.find((a) => a.name.value === argument);
      const given = node ? literal(node.value, this.variables) : undefined;
      if (typeof given === 'number' && Number.isFinite(given) && given < 0) this.tooSmall ??= { argument, coordinate, value: given };
      const value = asSize(given);
      if (value === undefined) continue;
      // the page ceiling is about objects returned; a size that pages no list of
      // objects (e.g. lines of an export) is left to the field's own bounds and its cost
      if (pagesObjects) mergeListArgument(summary, value, { argument, coordinate });
      size ??= value;
    }
    if (size !== undefined || !fieldDef) return size;
    for (const argument of LIST_SIZE_ARGUMENTS) {
      const fallback = asSize(fieldDef.args.find((a) => a.name === argument)?.defaultValue);
      if (fallback !== undefined) return fallback;
    }
    return undefined;
  }

  private record(parent: GraphQLCompositeType, field: string): void {
    this.coordinates.add(`${parent.name}.${field}`);
    if (isAbstractType(parent)) {
      for (const type of this.schema.getPossibleTypes(parent)) {
        if (type.getFields()[field]) this.coordinates.add(`${type.name}.${field}`);
      }
    }
  }
}
