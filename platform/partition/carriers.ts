import { Kind, type DocumentNode, type TypeNode } from 'graphql';

/**
 * Where the department's schema says a value carries jurisdiction (@jurisdiction): a key field of an
 * entity type, or an argument of a root field, directly or inside an input object. The router reads
 * them from the same SDL the instances serve, so routing follows the schema, not a list kept apart.
 */
export interface Carrier {
  /** argument name, then input field names */
  path: string[];
  /** a DivisionCode names a division (no value: national scope); anything else an id with its province in front */
  kind: 'division' | 'id';
}

export interface Carriers {
  /** entity type -> its key field that carries jurisdiction */
  keys: ReadonlyMap<string, string>;
  /** `Query.case`, `Mutation.submitCase` -> where its arguments carry jurisdiction (empty: none) */
  fields: ReadonlyMap<string, Carrier[]>;
}

const JURISDICTION = 'jurisdiction';
const ROOTS = new Set(['Query', 'Mutation', 'Subscription']);

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

const marked = (node: { directives?: readonly { name: { value: string } }[] }) => node.directives?.some((d) => d.name.value === JURISDICTION) ?? false;
const kindOf = (type: TypeNode): Carrier['kind'] => (namedType(type) === 'DivisionCode' ? 'division' : 'id');

export function jurisdictionCarriers(sdl: DocumentNode): Carriers {
  const keys = new Map<string, string>();
  const fields = new Map<string, Carrier[]>();
  const inputs = new Map<string, { name: string; type: TypeNode; marked: boolean }[]>();
  for (const d of sdl.definitions) {
    if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION || d.kind === Kind.INPUT_OBJECT_TYPE_EXTENSION) {
      const list = inputs.get(d.name.value) ?? [];
      for (const f of d.fields ?? []) list.push({ name: f.name.value, type: f.type, marked: marked(f) });
      inputs.set(d.name.value, list);
    }
  }
  // an input's carriers, to a depth no sane schema exceeds (and no cycle runs forever)
  const inside = (input: string, depth: number): Carrier[] =>
    depth > 4
      ? []
      : (inputs.get(input) ?? []).flatMap((f) => [
          ...(f.marked ? [{ path: [f.name], kind: kindOf(f.type) }] : []),
          ...inside(namedType(f.type), depth + 1).map((c) => ({ ...c, path: [f.name, ...c.path] })),
        ]);
  for (const d of sdl.definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION && d.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const f of d.fields ?? []) {
      if (!ROOTS.has(d.name.value)) {
        if (marked(f)) keys.set(d.name.value, f.name.value);
        continue;
      }
      const carriers = (f.arguments ?? []).flatMap((a) => [
        ...(marked(a) ? [{ path: [a.name.value], kind: kindOf(a.type) }] : []),
        ...inside(namedType(a.type), 0).map((c) => ({ ...c, path: [a.name.value, ...c.path] })),
      ]);
      fields.set(`${d.name.value}.${f.name.value}`, carriers);
    }
  }
  return { keys, fields };
}
