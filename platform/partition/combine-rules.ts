import {
  getNamedType,
  getNullableType,
  isListType,
  isEnumType,
  isNonNullType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { isPageOrder, PAGE_ORDERS, type PageOrderName } from '../pagination.js';

/**
 * The @combine rules of a partitioned department's schema (platform/schema/shared.graphql): how the
 * router turns every instance's answer into the one an unpartitioned instance would give. Read from
 * the SDL the instances serve, so the rule lives beside the field it is about.
 */
export type Rule =
  | { kind: 'sum' }
  /** Σ ratio / Σ per; a `per` field starting with ../ is the enclosing object's */
  | { kind: 'ratio'; ratio: string[]; per: string[]; digits?: number }
  | {
      kind: 'rows';
      key: string[];
      orderBy: { path: string[]; desc: boolean }[];
      rank?: string;
      limit?: string;
      every?: string;
      positive?: string;
      /** the rows are published cells: suppressed by this field's people (platform/suppression.ts) once combined */
      suppress?: string;
    }
  /** per value of the rows' `measure` enum, the spread of that field over the published rows of the sibling list `of` */
  | { kind: 'spread'; of: string; key: string }
  /** merged in `order`, or in the order the enum argument `by` names (its default is `order`) */
  | { kind: 'page'; order: PageOrderName; by?: string };

/** `Type.field` -> its rule */
export type Rules = ReadonlyMap<string, Rule>;

const DIRECTIVE = 'combine';

function argsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
}

/** The rule of one @combine; a rule that cannot be meant is an error naming the field. */
export function combineRule(coordinate: string, directive: ConstDirectiveNode): Rule {
  const args = argsOf(directive);
  const given = Object.keys(args);
  const one = (kind: string, allowed: string[]) => {
    const extra = given.filter((g) => !allowed.includes(g));
    if (extra.length > 0) throw new Error(`${coordinate}: @combine(${kind}) does not take ${extra.join(', ')}`);
  };
  if (args.sum === true) {
    one('sum', ['sum']);
    return { kind: 'sum' };
  }
  if (Array.isArray(args.ratio)) {
    one('ratio', ['ratio', 'per', 'digits']);
    if (!Array.isArray(args.per) || args.per.length === 0) throw new Error(`${coordinate}: @combine(ratio) needs per: the denominator's fields`);
    return { kind: 'ratio', ratio: args.ratio as string[], per: args.per as string[], ...(typeof args.digits === 'number' ? { digits: args.digits } : {}) };
  }
  if (typeof args.rows === 'string') {
    one('rows', ['rows', 'orderBy', 'rank', 'limit', 'every', 'positive', 'suppress']);
    // an instance's first rows are not the country's: cut, filtered or suppressed, it must give every row as it is
    if ((args.limit !== undefined || args.positive !== undefined || args.suppress !== undefined) && args.every === undefined) {
      throw new Error(`${coordinate}: @combine(rows) with a limit, positive or suppress needs every: the argument that asks an instance for every row`);
    }
    const orderBy = ((args.orderBy as string[] | undefined) ?? []).map((o) => {
      const [path, direction = 'asc'] = o.trim().split(/\s+/);
      if (!['asc', 'desc'].includes(direction)) throw new Error(`${coordinate}: @combine orderBy "${o}" is "<field> asc|desc"`);
      return { path: path!.split('.'), desc: direction === 'desc' };
    });
    return {
      kind: 'rows',
      key: args.rows.split('.'),
      orderBy,
      ...(typeof args.rank === 'string' ? { rank: args.rank } : {}),
      ...(typeof args.limit === 'string' ? { limit: args.limit } : {}),
      ...(typeof args.every === 'string' ? { every: args.every } : {}),
      ...(typeof args.positive === 'string' ? { positive: args.positive } : {}),
      ...(typeof args.suppress === 'string' ? { suppress: args.suppress } : {}),
    };
  }
  if (typeof args.spread === 'string') {
    one('spread', ['spread', 'key']);
    if (typeof args.key !== 'string') throw new Error(`${coordinate}: @combine(spread) needs key: the field naming each row of ${args.spread}`);
    return { kind: 'spread', of: args.spread, key: args.key };
  }
  if (isPageOrder(args.page)) {
    one('page', ['page', 'pageBy']);
    return { kind: 'page', order: args.page, ...(typeof args.pageBy === 'string' ? { by: args.pageBy } : {}) };
  }
  throw new Error(`${coordinate}: @combine needs one of sum: true, ratio/per, rows, spread, page: ${Object.keys(PAGE_ORDERS).join(' | ')}`);
}

export function combineRules(sdl: DocumentNode): Rules {
  const rules = new Map<string, Rule>();
  for (const d of sdl.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const f of d.fields ?? []) {
      const directive = f.directives?.find((x) => x.name.value === DIRECTIVE);
      if (directive) rules.set(`${d.name.value}.${f.name.value}`, combineRule(`${d.name.value}.${f.name.value}`, directive));
    }
  }
  return rules;
}

const isKeyed = (type: GraphQLObjectType) => type.astNode?.directives?.some((d) => d.name.value === 'key') ?? false;

/**
 * What an answer from several instances needs to be combined exactly: a rule on every number and list
 * it can hold, and rules that name fields that exist. `roots` are where national answers start: the
 * root fields that may have national scope and the fields of entity types fetched from every instance.
 * A page's nodes are records, each from one instance, and an entity type met inside an answer is
 * only its key (it is checked as a root of its own): neither is walked.
 */
export function checkCombineRules(schema: GraphQLSchema, rules: Rules, roots: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const fieldOf = (type: GraphQLObjectType, name: string) => type.getFields()[name];
  const hasPath = (type: GraphQLObjectType, path: readonly string[]): boolean => {
    const f = fieldOf(type, path[0]!);
    if (!f) return false;
    if (path.length === 1) return true;
    const next = getNamedType(f.type);
    return isObjectType(next) && hasPath(next, path.slice(1));
  };
  const walk = (type: GraphQLObjectType, field: GraphQLField<unknown, unknown>, parent: GraphQLObjectType | null) => {
    const coordinate = `${type.name}.${field.name}`;
    if (seen.has(coordinate)) return;
    seen.add(coordinate);
    const rule = rules.get(coordinate);
    const nullable = getNullableType(field.type);
    const named = getNamedType(field.type);
    const problem = (why: string) => problems.push(`${coordinate}: ${why}`);
    if (rule?.kind === 'ratio') {
      for (const part of [...rule.ratio, ...rule.per]) {
        const [owner, name] = part.startsWith('../') ? [parent, part.slice(3)] : [type, part];
        if (!owner || !fieldOf(owner, name)) problem(`@combine ratio part "${part}" is no field of ${owner?.name ?? 'an enclosing object'}`);
      }
      return;
    }
    if (rule?.kind === 'sum') {
      if (named.name !== 'Int' && named.name !== 'Float') problem('@combine(sum: true) is for numbers');
      return;
    }
    if (rule?.kind === 'spread') {
      for (const why of checkSpread(type, rule, named)) problem(why);
      return;
    }
    if (isListType(nullable)) {
      if (!rule) return void problem('a list several instances answer needs @combine(rows: …) or @combine(page: …)');
      if (rule.kind === 'page') return;
      if (rule.kind !== 'rows' || !isObjectType(named)) return void problem('@combine(rows: …) is for lists of objects');
      for (const path of [rule.key, ...rule.orderBy.map((o) => o.path)]) {
        if (!hasPath(named, path)) problem(`@combine names "${path.join('.')}", which ${named.name} has not`);
      }
      if (rule.rank && !fieldOf(named, rule.rank)) problem(`@combine rank "${rule.rank}" is no field of ${named.name}`);
      if (rule.limit && !field.args.some((a) => a.name === rule.limit)) problem(`@combine limit "${rule.limit}" is no argument of the field`);
      const every = rule.every ? field.args.find((a) => a.name === rule.every) : undefined;
      if (
        rule.every &&
        (getNamedType(every?.type ?? field.type).name !== 'Boolean' || !every?.astNode?.directives?.some((d) => d.name.value === 'inaccessible'))
      ) {
        problem(`@combine every "${rule.every}" must be a Boolean argument of the field marked @inaccessible (the router's, not clients')`);
      }
      if (rule.positive && !fieldOf(named, rule.positive)) problem(`@combine positive "${rule.positive}" is no field of ${named.name}`);
      if (rule.suppress && (!fieldOf(named, rule.suppress) || getNamedType(fieldOf(named, 'suppressed')?.type ?? field.type).name !== 'Boolean'))
        problem(`@combine suppress "${rule.suppress}" needs that field and a Boolean suppressed in ${named.name}`);
      for (const f of Object.values(named.getFields())) if (f.name !== rule.rank) walk(named, f, type);
      return;
    }
    if (rule?.kind === 'page') {
      if (!isObjectType(named) || !fieldOf(named, 'nodes') || !fieldOf(named, 'pageInfo'))
        return void problem('@combine(page: …) is for a connection (nodes, pageInfo) or a list');
      for (const problemOf of checkPageOrders(field, rule, getNamedType(fieldOf(named, 'nodes')!.type))) problem(problemOf);
      // what a connection holds besides its page (totalCount) is combined by its own rules
      for (const f of Object.values(named.getFields())) if (f.name !== 'nodes' && f.name !== 'pageInfo') walk(named, f, type);
      return;
    }
    if (rule) return void problem(`@combine(${rule.kind}) is for lists`);
    if (named.name === 'Int' || named.name === 'Float')
      return void problem('a number several instances answer needs @combine(sum: true) or @combine(ratio: …, per: …)');
    // scalars and enums: the same in every answer; an entity met inside an answer is only its key
    if (isObjectType(named) && !isKeyed(named)) for (const f of Object.values(named.getFields())) walk(named, f, type);
  };
  for (const root of roots) {
    const [typeName, fieldName] = root.split('.') as [string, string];
    const type = schema.getType(typeName);
    const field = isObjectType(type) ? fieldOf(type, fieldName) : undefined;
    if (!isObjectType(type) || !field) {
      problems.push(`${root}: no such field`);
      continue;
    }
    walk(type, field, null);
  }
  return problems;
}

/** The field a spread's measure (an enum value, ONLINE_SHARE) is about: onlineShare. */
export const measureField = (measure: string) => measure.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A spread: `of` is a rows list of the same object, with `key`; the spread's rows have an enum field
 * `measure` whose every value names a number field of those rows.
 */
function checkSpread(type: GraphQLObjectType, rule: Extract<Rule, { kind: 'spread' }>, spread: GraphQLNamedType): string[] {
  const of = type.getFields()[rule.of];
  const rows = of ? getNamedType(of.type) : undefined;
  if (!of || !isObjectType(rows)) return [`@combine spread "${rule.of}" is no list of objects of ${type.name}`];
  const problems: string[] = [];
  if (!rows.getFields()[rule.key]) problems.push(`@combine spread key "${rule.key}" is no field of ${rows.name}`);
  const measure = isObjectType(spread) ? spread.getFields().measure : undefined;
  const values = measure && isEnumType(getNamedType(measure.type)) ? (getNamedType(measure.type) as GraphQLEnumType).getValues() : undefined;
  if (!values) return [...problems, `@combine(spread) is for a list of objects with an enum field measure`];
  for (const v of values) {
    const f = rows.getFields()[measureField(v.name)];
    if (!f || !['Int', 'Float'].includes(getNamedType(f.type).name))
      problems.push(`@combine spread measure ${v.name} names no number field ${measureField(v.name)} of ${rows.name}`);
  }
  return problems;
}

/**
 * A page's orders: the rule's order, and with pageBy an enum argument whose every value is an order
 * the router knows, defaulting to the rule's; the node type has every field an order's key reads.
 */
function checkPageOrders(field: GraphQLField<unknown, unknown>, rule: Extract<Rule, { kind: 'page' }>, node: GraphQLNamedType): string[] {
  const problems: string[] = [];
  let orders: string[] = [rule.order];
  if (rule.by) {
    const arg = field.args.find((a) => a.name === rule.by);
    const type = arg ? getNamedType(arg.type) : undefined;
    if (!arg || !isEnumType(type)) return [`@combine pageBy "${rule.by}" is no enum argument of the field`];
    orders = type.getValues().map((v) => v.name);
    for (const o of orders)
      if (!isPageOrder(o)) problems.push(`@combine pageBy "${rule.by}": ${o} is no order the router knows (${Object.keys(PAGE_ORDERS).join(', ')})`);
    if (arg.defaultValue !== rule.order) problems.push(`@combine pageBy "${rule.by}" must default to the page order ${rule.order}`);
  }
  for (const o of orders.filter(isPageOrder)) {
    for (const f of PAGE_ORDERS[o].fields) {
      if (!isObjectType(node) || !node.getFields()[f]) problems.push(`@combine page order ${o} reads ${f}, which ${node.name} has not`);
    }
  }
  return problems;
}

const marked = (node: { directives?: readonly ConstDirectiveNode[] }) => node.directives?.some((d) => d.name.value === 'jurisdiction') ?? false;

/**
 * Where answers from every instance start (checkCombineRules' roots): root Query fields that may have
 * national scope (all but those with a required id carrier; a required division may be the country)
 * and the fields of entity types fetched from every instance (a key without an id carrier: Person,
 * ServiceItem, Region, whose code may be the country). `unpartitioned` ("Query.x", "Type") are the
 * national instance's alone.
 */
export function nationalRoots(schema: GraphQLSchema, unpartitioned: readonly string[]): string[] {
  const roots: string[] = [];
  const idCarrier = (node: { directives?: readonly ConstDirectiveNode[] } | undefined, type: GraphQLType) =>
    !!node && marked(node) && getNamedType(type).name !== 'DivisionCode';
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const coordinate = `Query.${field.name}`;
    if (field.name.startsWith('_') || unpartitioned.includes(coordinate)) continue;
    if (field.args.some((a) => isNonNullType(a.type) && !isListType(getNullableType(a.type)) && idCarrier(a.astNode ?? undefined, a.type))) continue;
    roots.push(coordinate);
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !isKeyed(type) || unpartitioned.includes(type.name)) continue;
    const fields = Object.values(type.getFields());
    if (fields.some((f) => idCarrier(f.astNode ?? undefined, f.type))) continue;
    const keys = new Set(
      (type.astNode?.directives ?? [])
        .filter((d) => d.name.value === 'key')
        .flatMap((d) => String(valueFromASTUntyped(d.arguments!.find((a) => a.name.value === 'fields')!.value)).split(/\s+/)),
    );
    for (const f of fields) if (!keys.has(f.name)) roots.push(`${type.name}.${f.name}`);
  }
  return roots;
}
