import { Kind, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { Carrier, Carriers } from './carriers.js';
import { provinceOf, provinceOfDivision, type Province } from './jurisdiction.js';

/** One instance of a partitioned department: a province's own, or the national one (province null). */
export interface Instance {
  /** `cases@44`, `cases@national`: the audience of the tokens it accepts, and its name in messages and records */
  name: string;
  province: Province | null;
  url: string;
}

/** The instance that holds a province's records: its own, else the national instance. */
export function instanceFor(instances: readonly Instance[], province: Province | null): Instance {
  const own = province === null ? undefined : instances.find((i) => i.province === province);
  const national = instances.find((i) => i.province === null);
  if (!own && !national) throw new Error('a partitioned department needs a national instance');
  return own ?? national!;
}

export type Route =
  /**
   * root fields: those of one province's scope grouped by the instance that answers them (most requests:
   * one group), those of national scope sent to every instance and combined (@combine)
   */
  | {
      kind: 'fields';
      parts: { instance: Instance; fields: FieldNode[] }[];
      national: FieldNode[];
      /** for a mutation of partitioned records: the one province it writes in (null: its id names none, the national instance answers NOT_FOUND) */
      writes?: Province | null;
    }
  /**
   * an entity fetch: representations, by index, grouped by the instances that hold them; one of
   * national scope (a person's cases, the country's figures) is in every group, and its answers combined
   */
  | { kind: 'entities'; parts: { instance: Instance; indexes: number[] }[]; combined: boolean }
  | { kind: 'refused'; message: string };

type Scope = { province: Province | null } | 'national';

/** Every value at `path` in an argument value (lists are followed). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return value === null || value === undefined ? [] : [value];
  if (value === null || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}

/**
 * The scope of one root field. A division above the provinces, or none given, is national scope; an id
 * that names no province is an unknown record, which the national instance answers as such.
 */
function scopeOf(field: FieldNode, carriers: readonly Carrier[], variables: Record<string, unknown>): Scope[] {
  const args = Object.fromEntries((field.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));
  const scopes: Scope[] = [];
  for (const carrier of carriers) {
    for (const value of valuesAt(args[carrier.path[0]!], carrier.path.slice(1))) {
      if (carrier.kind === 'division') {
        const province = typeof value === 'string' ? provinceOfDivision(value) : null;
        scopes.push(province === null ? 'national' : { province });
      } else scopes.push({ province: provinceOf(value) });
    }
  }
  return scopes.length > 0 ? scopes : ['national'];
}

/** Where one operation of a partitioned department goes (the gateway sends one operation per fetch). */
export function route(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  carriers: Carriers,
  instances: readonly Instance[],
  /**
   * root fields over records the department does not partition (`Query.mandates`), and entity types it
   * does not partition (`DraftApplication`): the national instance holds them
   */
  unpartitioned: ReadonlySet<string> = new Set(),
): Route {
  // a subscription routes like a query: to the instance of its record's province, or to every instance
  const root = operation.operation === 'mutation' ? 'Mutation' : operation.operation === 'query' ? 'Query' : 'Subscription';
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value !== '__typename');
  if (operation.selectionSet.selections.some((s) => s.kind !== Kind.FIELD)) {
    return { kind: 'refused', message: 'root fields in fragments are not routed; select them directly' };
  }
  if (root === 'Query' && fields.some((f) => f.name.value === '_entities')) {
    if (fields.length !== 1) return { kind: 'refused', message: '_entities is fetched alone' };
    return entities(fields[0]!, variables, carriers, instances, unpartitioned);
  }
  if (root === 'Query' && fields.every((f) => f.name.value === '_service'))
    return { kind: 'fields', parts: [{ instance: instanceFor(instances, null), fields }], national: [] };

  const byInstance = new Map<Instance, FieldNode[]>();
  const national: FieldNode[] = [];
  const written = new Set<Province | null>();
  for (const field of fields) {
    const coordinate = `${root}.${field.name.value}`;
    const scopes: Scope[] = unpartitioned.has(coordinate) ? [{ province: null }] : scopeOf(field, carriers.fields.get(coordinate) ?? [], variables);
    const provinces = new Set(scopes.map((s) => (s === 'national' ? 'national' : instanceFor(instances, s.province).name)));
    if (root === 'Mutation') {
      // a write goes to exactly one instance: never to several, never to all
      if (scopes.includes('national') || provinces.size !== 1) {
        return { kind: 'refused', message: `${field.name.value} must name one province's record or division to act in` };
      }
    }
    if (scopes.includes('national') || provinces.size > 1) {
      national.push(field);
      continue;
    }
    const province = (scopes[0] as { province: Province | null }).province;
    // a write of records the department does not partition (mandates) is in no province's instance
    if (root === 'Mutation' && !unpartitioned.has(coordinate)) written.add(province);
    const instance = instanceFor(instances, province);
    byInstance.set(instance, [...(byInstance.get(instance) ?? []), field]);
  }
  // mutations run one after another, in one place: a document writing in two provinces is refused, not split
  if (root === 'Mutation' && byInstance.size > 1) {
    return {
      kind: 'refused',
      message: `one request writes in one province; send the mutations for ${[...byInstance.keys()].map((i) => i.province ?? 'national').join(' and ')} separately`,
    };
  }
  const parts = [...byInstance].map(([instance, list]) => ({ instance, fields: list }));
  if (written.size === 1) return { kind: 'fields', parts, national, writes: [...written][0]! };
  return { kind: 'fields', parts, national };
}

function entities(
  field: FieldNode,
  variables: Record<string, unknown>,
  carriers: Carriers,
  instances: readonly Instance[],
  unpartitioned: ReadonlySet<string>,
): Route {
  const arg = field.arguments?.find((a) => a.name.value === 'representations');
  const representations = arg ? valueFromASTUntyped(arg.value, variables) : null;
  if (!Array.isArray(representations)) return { kind: 'refused', message: '_entities needs its representations' };
  const groups = new Map<Instance, number[]>(instances.map((i) => [i, []]));
  const to = (instance: Instance, index: number) => groups.get(instance)!.push(index);
  let combined = false;
  for (const [index, representation] of representations.entries()) {
    const r = (representation ?? {}) as Record<string, unknown>;
    const typename = String(r.__typename);
    const key = carriers.keys.get(typename);
    const value = key ? r[key] : undefined;
    const division = typeof value === 'string' && /^\d{6}$/.test(value);
    const province = division ? provinceOfDivision(value) : provinceOf(value);
    if (unpartitioned.has(typename)) to(instanceFor(instances, null), index);
    // a type whose key carries no jurisdiction (a person's cases) has records in every province, and
    // a division above the provinces (the country's figures) is every province's
    else if (!key || (division && province === null)) {
      combined = true;
      for (const instance of instances) to(instance, index);
    } else to(instanceFor(instances, province), index);
  }
  const parts = [...groups].filter(([, indexes]) => indexes.length > 0).map(([instance, indexes]) => ({ instance, indexes }));
  return { kind: 'entities', parts, combined };
}
