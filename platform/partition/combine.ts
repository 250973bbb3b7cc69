import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isListType,
  isObjectType,
  isNonNullType,
  Kind,
  valueFromASTUntyped,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { compareIn, DEFAULT_PAGE_SIZE, encodeCursor, isPageOrder, PAGE_ORDERS, sortKey, type PageOrder } from '../pagination.js';
import { measureField, type Rule, type Rules } from './combine-rules.js';
import { spreadOf, suppressedCells } from '../suppression.js';

/**
 * Combining the answers of every instance of a partitioned department into the answer one instance
 * holding every record would give (the @combine rules, combine-rules.ts). Two steps:
 * - prepare: the operation each instance answers is the client's, with what the combination needs
 *   selected under names of its own (PART…): the parts of a ratio, the keys and order of rows, the
 *   ids and pageInfo of a page; a ranked list is asked for every row (a row last in one province may
 *   be first in the country); fragments are inlined, so the two steps walk one tree.
 * - combine: walks that tree over the answers, by the rules, and leaves out the names it added.
 */
const PART = '__combine_';
const IDS = `${PART}ids`;
const PAGE = `${PART}page`;
/** the rows a spread is computed from, asked beside it whatever the client selected of them */
const spreadRows = (of: string) => `${PART}spread_${of}`;

type Data = Record<string, unknown>;

const name = (value: string) => ({ kind: Kind.NAME, value }) as const;
const responseKey = (f: FieldNode) => f.alias?.value ?? f.name.value;
const partField = (alias: string, field: string, selections?: readonly SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  alias: name(alias),
  name: name(field),
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});
/** `item.code` -> `__combine_item: item { code }` (one level of nesting is what the rules use) */
const pathField = (path: readonly string[]): FieldNode =>
  partField(
    `${PART}${path[0]}`,
    path[0]!,
    path.length > 1 ? [partField(path[1]!, path[1]!, path.length > 2 ? [pathField(path.slice(2))] : undefined)] : undefined,
  );
const readPath = (row: Data, path: readonly string[]): unknown =>
  path.slice(1).reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Data)[p] : undefined), row[`${PART}${path[0]}`]);

export interface Prepared {
  document: DocumentNode;
  operation: OperationDefinitionNode;
}

export class Combiner {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly rules: Rules,
  ) {}

  private rule(type: GraphQLObjectType, field: string): Rule | undefined {
    return this.rules.get(`${type.name}.${field}`);
  }

  private field(type: GraphQLObjectType, field: string): GraphQLField<unknown, unknown> | undefined {
    return type.getFields()[field];
  }

  private typeCondition(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const outer = this.schema.getType(condition);
    return !!outer && isAbstractType(outer) && this.schema.isSubType(outer, type);
  }

  /** The operation every instance answers. */
  prepare(document: DocumentNode, operation: OperationDefinitionNode): Prepared {
    const fragments = new Map(
      document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
    );
    const root = this.schema.getRootType(operation.operation)!;
    const selectionSet = this.prepareSet(root, operation.selectionSet, fragments);
    // a raised limit may have been the only use of a variable, which GraphQL then refuses as unused
    const used = new Set<string>();
    visit(selectionSet, { Variable: (v) => void used.add(v.name.value) });
    const prepared: OperationDefinitionNode = {
      ...operation,
      variableDefinitions: operation.variableDefinitions?.filter((d) => used.has(d.variable.name.value)),
      selectionSet,
    };
    return { operation: prepared, document: { kind: Kind.DOCUMENT, definitions: [prepared] } };
  }

  private prepareSet(type: GraphQLObjectType | null, set: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): SelectionSetNode {
    const selections: SelectionNode[] = [];
    const extra = new Map<string, FieldNode>();
    for (const s of set.selections) {
      if (s.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(s.name.value);
        if (!fragment) continue;
        const inner = this.schema.getType(fragment.typeCondition.name.value);
        selections.push({
          kind: Kind.INLINE_FRAGMENT,
          typeCondition: fragment.typeCondition,
          directives: s.directives,
          selectionSet: this.prepareSet(isObjectType(inner) ? inner : type, fragment.selectionSet, fragments),
        });
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        const inner = s.typeCondition ? this.schema.getType(s.typeCondition.name.value) : type;
        selections.push({ ...s, selectionSet: this.prepareSet(isObjectType(inner) ? inner : type, s.selectionSet, fragments) });
      } else {
        selections.push(this.prepareField(type, s, fragments, extra));
      }
    }
    return { ...set, selections: [...selections, ...extra.values()] };
  }

  private prepareField(
    type: GraphQLObjectType | null,
    node: FieldNode,
    fragments: Map<string, FragmentDefinitionNode>,
    extra: Map<string, FieldNode>,
  ): FieldNode {
    const field = type ? this.field(type, node.name.value) : undefined;
    if (!type || !field) return node;
    const named = getNamedType(field.type);
    const rule = this.rule(type, node.name.value);
    const add = (f: FieldNode) => extra.set(responseKey(f), f);
    if (rule?.kind === 'spread') {
      // the rows it spreads, with their key and every measure, prepared as any rows (every row, unsuppressed)
      const measures = this.measures(named).map((m) => partField(measureField(m), measureField(m)));
      add(this.prepareField(type, partField(spreadRows(rule.of), rule.of, [partField(rule.key, rule.key), ...measures]), fragments, extra));
      return node;
    }
    let prepared: FieldNode = node;
    if (node.selectionSet) prepared = { ...node, selectionSet: this.prepareSet(isObjectType(named) ? named : null, node.selectionSet, fragments) };
    if (rule?.kind === 'ratio') {
      // the parts, under names of our own (a client's alias or arguments cannot change what they mean)
      for (const part of [...rule.ratio, ...rule.per].filter((p) => !p.startsWith('../'))) add(partField(`${PART}${part}`, part));
    }
    if (!prepared.selectionSet || !isObjectType(named)) return prepared;
    const inner: FieldNode[] = [];
    if (rule?.kind === 'rows') {
      for (const path of [rule.key, ...rule.orderBy.map((o) => o.path), ...[rule.positive, rule.suppress].filter((f) => f !== undefined).map((f) => [f])])
        inner.push(pathField(path));
      // the denominators the rows' ratios take from this object
      for (const f of Object.values(named.getFields())) {
        const r = this.rule(named, f.name);
        if (r?.kind === 'ratio') for (const p of r.per.filter((x) => x.startsWith('../'))) add(partField(`${PART}${p.slice(3)}`, p.slice(3)));
      }
      // every row the instance holds, before its own cut and filter: a row last in one province may be first in the country
      if (rule.every) {
        const args: ArgumentNode[] = [
          ...(prepared.arguments ?? []),
          { kind: Kind.ARGUMENT, name: name(rule.every), value: { kind: Kind.BOOLEAN, value: true } },
        ];
        prepared = { ...prepared, arguments: args };
      }
    }
    if (rule?.kind === 'page') {
      // the sort key of every order the field may be asked in (the order argument may be a variable)
      const keys = [...new Set(this.orders(field, rule).flatMap((o) => o.fields))];
      if (this.field(named, 'nodes'))
        inner.push(
          partField(
            IDS,
            'nodes',
            keys.map((k) => partField(k, k)),
          ),
          partField(PAGE, 'pageInfo', [partField('hasNextPage', 'hasNextPage'), partField('hasPreviousPage', 'hasPreviousPage')]),
        );
      else inner.push(partField(IDS, 'id'), ...keys.filter((k) => k !== 'id').map((k) => partField(`${PART}${k}`, k)));
    }
    if (inner.length === 0) return prepared;
    return { ...prepared, selectionSet: { ...prepared.selectionSet!, selections: [...prepared.selectionSet!.selections, ...inner] } };
  }

  /** The root fields' answers of every instance, as one. */
  combineRoot(prepared: Prepared, variables: Data, answers: (Data | null | undefined)[]): Data {
    const root = this.schema.getRootType(prepared.operation.operation)!;
    return strip(this.object(root, prepared.operation.selectionSet.selections, answers, [], variables) ?? {}) as Data;
  }

  /** One entity's answers (the `... on Type` selections of _entities) from the instances that hold its parts. */
  combineEntity(prepared: Prepared, typename: string, variables: Data, answers: (Data | null | undefined)[]): Data | null {
    const type = this.schema.getType(typename);
    const entities = prepared.operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
    if (!isObjectType(type) || !entities?.selectionSet) return (answers.find((a) => a) ?? null) as Data | null;
    return strip(this.object(type, entities.selectionSet.selections, answers, [], variables)) as Data | null;
  }

  /** Selections of one object, by response key, with the inline fragments that apply to its type. */
  private collect(type: GraphQLObjectType, selections: readonly SelectionNode[], into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
    for (const s of selections) {
      if (s.kind === Kind.FIELD) into.set(responseKey(s), [...(into.get(responseKey(s)) ?? []), s]);
      else if (s.kind === Kind.INLINE_FRAGMENT && this.typeCondition(s.typeCondition?.name.value, type)) this.collect(type, s.selectionSet.selections, into);
    }
    return into;
  }

  private object(
    type: GraphQLObjectType,
    selections: readonly SelectionNode[],
    values: (Data | null | undefined)[],
    parents: Data[],
    variables: Data,
  ): Data | null {
    const present = values.filter((v): v is Data => v !== null && v !== undefined && typeof v === 'object');
    if (present.length === 0) return null;
    const out: Data = {};
    const spreads: [string, FieldNode[]][] = [];
    for (const [key, nodes] of this.collect(type, selections)) {
      const node = nodes[0]!;
      if (node.name.value === '__typename') {
        out[key] = present[0]![key] ?? type.name;
        continue;
      }
      if (this.rule(type, node.name.value)?.kind === 'spread') {
        spreads.push([key, nodes]);
        continue;
      }
      const field = this.field(type, node.name.value);
      if (!field) {
        out[key] = present.find((v) => v[key] !== undefined)?.[key] ?? null;
        continue;
      }
      const sub = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
      out[key] = this.value(type, field, node, sub, present.map((v) => v[key]) as unknown[], present, parents, variables);
    }
    // from the rows combined above: never from an instance's own spread, which saw its share alone
    for (const [key, nodes] of spreads) out[key] = this.spread(type, nodes, out);
    return out;
  }

  /** The values of a spread's `measure` enum (combine-rules.ts checkSpread). */
  private measures(spread: GraphQLNamedType): string[] {
    const measure = isObjectType(spread) ? getNamedType(spread.getFields().measure!.type) : undefined;
    return isEnumType(measure) ? measure.getValues().map((v) => v.name) : [];
  }

  /** One row per measure: the spread of that field over the combined rows that publish it (platform/suppression.ts). */
  private spread(type: GraphQLObjectType, nodes: FieldNode[], out: Data): Data[] | null {
    const field = this.field(type, nodes[0]!.name.value)!;
    const rule = this.rule(type, field.name) as Extract<Rule, { kind: 'spread' }>;
    const rows = out[spreadRows(rule.of)];
    const spreadType = getNamedType(field.type) as GraphQLObjectType;
    if (!Array.isArray(rows)) return null;
    const selected = this.collect(
      spreadType,
      nodes.flatMap((n) => n.selectionSet?.selections ?? []),
    );
    return this.measures(spreadType).map((measure) => {
      const values = (rows as Data[]).map((r) => ({ key: r[rule.key], value: r[measureField(measure)] as number | null }));
      const row: Data = { measure, ...spreadOf(values) };
      return Object.fromEntries([...selected].map(([k, [n]]) => [k, n!.name.value === '__typename' ? spreadType.name : (row[n!.name.value] ?? null)]));
    });
  }

  private value(
    type: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    node: FieldNode,
    sub: readonly SelectionNode[],
    values: unknown[],
    owners: Data[],
    parents: Data[],
    variables: Data,
  ): unknown {
    const rule = this.rule(type, field.name);
    const named = getNamedType(field.type);
    const numbers = (list: Data[], part: string) => list.reduce((s, v) => s + Number(v[`${PART}${part}`] ?? 0), 0);
    switch (rule?.kind) {
      case 'sum':
        return values.some((v) => typeof v === 'number') ? values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0) : null;
      case 'ratio': {
        const sumOf = (parts: string[]) => parts.reduce((s, p) => s + (p.startsWith('../') ? numbers(parents, p.slice(3)) : numbers(owners, p)), 0);
        const [numerator, denominator] = [sumOf(rule.ratio), sumOf(rule.per)];
        if (denominator === 0) return isNonNullType(field.type) ? 0 : null;
        const share = numerator / denominator;
        return rule.digits === undefined ? share : Number(share.toFixed(rule.digits));
      }
      case 'rows':
        return isObjectType(named) ? this.rows(named, rule, node, field, sub, values, owners, variables) : (values[0] ?? null);
      case 'page':
        return isObjectType(named) ? this.page(named, rule, node, field, sub, values, variables) : (values[0] ?? null);
      default:
        if (isObjectType(named) && !isListType(getNullableType(field.type))) return this.object(named, sub, values as Data[], owners, variables);
        return values.find((v) => v !== null && v !== undefined) ?? null;
    }
  }

  /** An argument's value as the instance read it: given, from a variable, or its default. */
  private argument(node: FieldNode, field: GraphQLField<unknown, unknown>, arg: string, variables: Data): unknown {
    const value = node.arguments?.find((a) => a.name.value === arg)?.value;
    return (value ? valueFromASTUntyped(value, variables) : undefined) ?? field.args.find((a) => a.name === arg)?.defaultValue;
  }

  private rows(
    type: GraphQLObjectType,
    rule: Extract<Rule, { kind: 'rows' }>,
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    sub: readonly SelectionNode[],
    values: unknown[],
    owners: Data[],
    variables: Data,
  ): Data[] | null {
    const lists = values.filter((v): v is Data[] => Array.isArray(v));
    if (lists.length === 0) return null;
    const groups = new Map<string, Data[]>();
    for (const row of lists.flat()) {
      const key = JSON.stringify(readPath(row, rule.key));
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const combined = [...groups.values()].map((group) => this.object(type, sub, group, owners, variables)!);
    if (rule.suppress) this.suppress(type, sub, combined, rule.suppress);
    const kept = combined.filter((row) => !rule.positive || Number(readPath(row, [rule.positive])) > 0);
    const compare = (a: Data, b: Data): number => {
      for (const { path, desc } of rule.orderBy) {
        const [x, y] = [readPath(a, path), readPath(b, path)];
        const order = this.orderOf(type, path, x, y);
        if (order !== 0) return desc ? -order : order;
      }
      return 0;
    };
    kept.sort(compare);
    const limit = rule.limit ? Number(this.argument(node, field, rule.limit, variables)) : Infinity;
    const cut = kept.slice(0, limit);
    if (rule.rank) {
      const rankKeys = [...this.collect(type, sub)].filter(([, n]) => n[0]!.name.value === rule.rank).map(([k]) => k);
      cut.forEach((row, i) => rankKeys.forEach((k) => (row[k] = i + 1)));
    }
    return cut;
  }

  /**
   * Published cells, once every instance's are combined: suppressed by their people (platform/suppression.ts,
   * the rule the department applies to its own), each row's `suppressed` set and a suppressed row's numbers null.
   */
  private suppress(type: GraphQLObjectType, sub: readonly SelectionNode[], rows: Data[], people: string): void {
    const flags = suppressedCells(rows.map((row) => Number(readPath(row, [people]) ?? 0)));
    const selected = [...this.collect(type, sub)].map(([key, [n]]) => [key, this.field(type, n!.name.value)] as const);
    rows.forEach((row, i) => {
      for (const [key, f] of selected) {
        if (f?.name === 'suppressed') row[key] = flags[i];
        else if (flags[i] && f && ['Int', 'Float'].includes(getNamedType(f.type).name)) row[key] = null;
      }
      // the parts behind the shares and the people count go too (strip leaves them out of the answer anyway)
      if (flags[i]) for (const key of Object.keys(row)) if (key.startsWith(PART) && typeof row[key] === 'number') row[key] = null;
    });
  }

  /** Numbers by value, strings by code point, an enum in its declared order. */
  private orderOf(type: GraphQLObjectType, path: readonly string[], x: unknown, y: unknown): number {
    let owner: GraphQLObjectType = type;
    for (const step of path.slice(0, -1)) owner = getNamedType(this.field(owner, step)!.type) as GraphQLObjectType;
    const leaf = getNamedType(this.field(owner, path.at(-1)!)!.type);
    if (isEnumType(leaf)) {
      const values = (leaf as GraphQLEnumType).getValues().map((v) => v.name);
      return values.indexOf(String(x)) - values.indexOf(String(y));
    }
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  }

  /** Every order a page rule's field may be asked in. */
  private orders(field: GraphQLField<unknown, unknown>, rule: Extract<Rule, { kind: 'page' }>): PageOrder[] {
    const arg = rule.by ? field.args.find((a) => a.name === rule.by) : undefined;
    const type = arg ? getNamedType(arg.type) : undefined;
    const names = isEnumType(type) ? type.getValues().map((v) => v.name) : [rule.order];
    return names.filter(isPageOrder).map((n) => PAGE_ORDERS[n]);
  }

  /**
   * Pages of every instance as the one page an instance holding every record would give: the nodes
   * merged in the order asked, the first `first` (forward) or the last `last` (backward, before the
   * cursor) kept, pageInfo as pagination.ts toPage says it, cursors of the kept nodes.
   */
  private page(
    type: GraphQLObjectType,
    rule: Extract<Rule, { kind: 'page' }>,
    node: FieldNode,
    field: GraphQLField<unknown, unknown>,
    sub: readonly SelectionNode[],
    values: unknown[],
    variables: Data,
  ): unknown {
    const asked = rule.by ? this.argument(node, field, rule.by, variables) : undefined;
    const order = PAGE_ORDERS[isPageOrder(asked) ? asked : rule.order];
    const keyOf = (row: Data): Data => Object.fromEntries(order.fields.map((f) => [f, f === 'id' ? row[IDS] : row[`${PART}${f}`]]));
    if (Array.isArray(values.find((v) => v !== null && v !== undefined))) {
      // a plain list: every instance's records, in the order
      const lists = values.filter((v): v is Data[] => Array.isArray(v));
      return lists.flat().sort((a, b) => compareIn(order, keyOf(a), keyOf(b)));
    }
    const pages = values.filter((v): v is Data => v !== null && v !== undefined && typeof v === 'object');
    if (pages.length === 0) return null;
    const selected = this.collect(type, sub);
    const nodesKeys = [...selected].filter(([, n]) => n[0]!.name.value === 'nodes').map(([k]) => k);
    const entries = pages.flatMap((page) =>
      ((page[IDS] as Data[] | undefined) ?? []).map((key, i) => ({ key, nodes: nodesKeys.map((k) => (page[k] as unknown[])[i]) })),
    );
    entries.sort((a, b) => compareIn(order, a.key, b.key));
    const arg = (name: string) => this.argument(node, field, name, variables) as number | string | null | undefined;
    const backward = arg('last') != null || arg('before') != null;
    const limit = Number((backward ? arg('last') : arg('first')) ?? DEFAULT_PAGE_SIZE);
    const taken = backward ? entries.slice(Math.max(0, entries.length - limit)) : entries.slice(0, limit);
    const told = (flag: 'hasNextPage' | 'hasPreviousPage') => pages.some((p) => (p[PAGE] as Data | undefined)?.[flag] === true);
    const more = entries.length > limit;
    const info: Data = {
      hasNextPage: backward ? told('hasNextPage') : more || told('hasNextPage'),
      hasPreviousPage: backward ? more || told('hasPreviousPage') : told('hasPreviousPage'),
      startCursor: taken.length > 0 ? encodeCursor(sortKey(order, taken[0]!.key), order.tag) : null,
      endCursor: taken.length > 0 ? encodeCursor(sortKey(order, taken.at(-1)!.key), order.tag) : null,
    };
    const out: Data = {};
    for (const [key, nodes] of selected) {
      const n = nodes[0]!;
      if (n.name.value === 'nodes') out[key] = taken.map((e) => e.nodes[nodesKeys.indexOf(key)]);
      else if (n.name.value === 'pageInfo') {
        const fields = new Map<string, FieldNode[]>();
        for (const s of nodes.flatMap((x) => x.selectionSet?.selections ?? [])) if (s.kind === Kind.FIELD) fields.set(responseKey(s), [s]);
        out[key] = Object.fromEntries([...fields].map(([k, [p]]) => [k, p!.name.value === '__typename' ? 'PageInfo' : (info[p!.name.value] ?? null)]));
      } else if (n.name.value === '__typename') out[key] = pages[0]![key] ?? type.name;
      else {
        const f = this.field(type, n.name.value);
        out[key] = f
          ? this.value(
              type,
              f,
              n,
              nodes.flatMap((x) => x.selectionSet?.selections ?? []),
              pages.map((p) => p[key]),
              pages,
              [],
              variables,
            )
          : null;
      }
    }
    return out;
  }
}

/** The answer without the names prepare added. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !k.startsWith(PART))
      .map(([k, v]) => [k, strip(v)]),
  );
}
