/**
 * The jurisdiction rule of partitioned departments (issue #15), run by `npm run schema:check`.
 * A partitioned department (manifest "partitioned": true) runs one instance per province; its schema
 * marks with @jurisdiction the keys, arguments and input fields that say which instance a request
 * goes to. The router can only be exact if the schema lets it be:
 * - every Mutation has exactly one carrier, required and single-valued (not inside a list), so a
 *   write goes to one instance: never to several, never to none;
 * - every root Query field has at least one carrier, or it is national: it fans out to every instance
 *   (listed, so reviewers see which answers are merged across provinces);
 * - root fields over records the department does not partition (manifest "unpartitioned") carry none:
 *   the national instance alone answers them.
 * @jurisdiction marks a DivisionCode, or an ID or String that begins with (or embeds) a division.
 * Pure: SDL in, findings out, read from each department's own schema (the supergraph does not say
 * which department declared a directive).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { checkCombineRules, combineRules, nationalRoots } from '../../platform/partition/combine-rules.js';
import { Kind, parse, type DefinitionNode, type FieldDefinitionNode, type InputValueDefinitionNode, type TypeNode } from 'graphql';

export interface JurisdictionSource {
  name: string;
  /** the department's subgraph SDL, shared types included */
  sdl: string;
  partitioned: boolean;
  /** "Query.x" / "Mutation.y" answered by the national instance alone */
  unpartitioned: readonly string[];
}

/** One @jurisdiction value a root field takes: "Mutation.submitCase.input.implementationCode". */
export interface Carrier {
  path: string;
  /** non-null on every step from the argument down */
  required: boolean;
  /** no list on the way: one value, one province */
  single: boolean;
}

export interface DepartmentJurisdiction {
  name: string;
  /** "Mutation.x" -> its one carrier */
  mutations: { field: string; carrier: string }[];
  /** root Query fields with carriers: routed to one instance when one is given (national when all are left out and optional) */
  routed: { field: string; carriers: string[]; optional: boolean }[];
  /** root Query fields without a carrier: fan out to every instance */
  national: string[];
  unpartitioned: string[];
}

export interface JurisdictionCheck {
  departments: DepartmentJurisdiction[];
  /** each breaks the rule; the check fails */
  problems: string[];
}

const CARRIER_TYPES = new Set(['DivisionCode', 'ID', 'String']);

export function checkJurisdiction(sources: readonly JurisdictionSource[]): JurisdictionCheck {
  const result: JurisdictionCheck = { departments: [], problems: [] };
  const marks: { name: string; fields: Map<string, boolean> }[] = [];
  for (const source of sources) {
    const document = parse(source.sdl);
    const declares = usesJurisdiction(document.definitions);
    const where = `subgraphs/${source.name}`;
    if (!source.partitioned) {
      if (declares) result.problems.push(`${where}/schema.graphql uses @jurisdiction but ${where}/manifest.json does not say "partitioned": true`);
      continue;
    }
    if (!declares) {
      result.problems.push(`${where}/manifest.json says "partitioned": true but its schema marks nothing with @jurisdiction: no request could be routed`);
      continue;
    }
    result.departments.push(checkDepartment(source, document.definitions, result.problems));
    marks.push({ name: source.name, fields: markedFields(document.definitions) });
  }
  result.problems.push(...inconsistentMarks(marks));
  return result;
}

/**
 * A field two partitioned departments both declare (an entity key: Case.id, Region.code) is marked in
 * both or in neither: else one department's entity fetch is routed by it and the other's fanned out,
 * and the inventory, which reads the composed schema, would say it routes both.
 */
function inconsistentMarks(marks: readonly { name: string; fields: Map<string, boolean> }[]): string[] {
  const problems: string[] = [];
  const coordinates = new Set(marks.flatMap((m) => [...m.fields.keys()]));
  for (const coordinate of [...coordinates].sort()) {
    const declaring = marks.filter((m) => m.fields.has(coordinate));
    const marked = declaring.filter((m) => m.fields.get(coordinate)).map((m) => m.name);
    const unmarked = declaring.filter((m) => !m.fields.get(coordinate)).map((m) => m.name);
    if (marked.length && unmarked.length)
      problems.push(
        `${coordinate} is @jurisdiction in ${marked.join(', ')} but not in ${unmarked.join(', ')}: mark it the same in every partitioned department that declares it`,
      );
  }
  return problems;
}

/** "Type.field" of every object type field -> whether it is marked. */
function markedFields(definitions: readonly DefinitionNode[]): Map<string, boolean> {
  const fields = new Map<string, boolean>();
  for (const def of definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    if (def.name.value === 'Query' || def.name.value === 'Mutation') continue;
    for (const field of def.fields ?? []) fields.set(`${def.name.value}.${field.name.value}`, hasJurisdiction(field));
  }
  return fields;
}

function checkDepartment(source: JurisdictionSource, definitions: readonly DefinitionNode[], problems: string[]): DepartmentJurisdiction {
  const inputs = inputFields(definitions);
  const report: DepartmentJurisdiction = { name: source.name, mutations: [], routed: [], national: [], unpartitioned: [] };
  const say = (message: string) => problems.push(`[${source.name}] ${message}`);
  const seen = new Set<string>();
  for (const [root, field] of rootFields(definitions)) {
    const coordinate = `${root}.${field.name.value}`;
    seen.add(coordinate);
    const carriers: Carrier[] = [];
    for (const arg of field.arguments ?? []) collect(arg, coordinate, true, true, inputs, carriers, new Set(), say);
    if (source.unpartitioned.includes(coordinate)) {
      if (carriers.length)
        say(`${coordinate} is listed as unpartitioned in the manifest but carries @jurisdiction (${carriers.map((c) => c.path).join(', ')})`);
      report.unpartitioned.push(coordinate);
    } else if (root === 'Mutation') {
      if (carriers.length === 0)
        say(
          `${coordinate} has no @jurisdiction argument or input field: a mutation must say the one instance it acts in (mark the id or division that fixes it)`,
        );
      else if (carriers.length > 1)
        say(
          `${coordinate} has ${carriers.length} @jurisdiction carriers (${carriers.map((c) => c.path).join(', ')}): one call could act in several provinces; keep exactly one`,
        );
      else if (!carriers[0]!.single)
        say(`${coordinate}: its @jurisdiction carrier ${carriers[0]!.path} is inside a list: one call could act in several provinces`);
      else if (!carriers[0]!.required)
        say(`${coordinate}: its @jurisdiction carrier ${carriers[0]!.path} is optional: left out, the mutation would have no one instance`);
      else report.mutations.push({ field: coordinate, carrier: carriers[0]!.path });
    } else if (carriers.length) {
      report.routed.push({ field: coordinate, carriers: carriers.map((c) => c.path), optional: carriers.every((c) => !c.required) });
    } else {
      report.national.push(coordinate);
    }
  }
  const types = new Set(definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : [])));
  for (const listed of source.unpartitioned) {
    if (listed.includes('.') ? !seen.has(listed) : !types.has(listed))
      say(`the manifest lists ${listed} as unpartitioned, but the schema has no such root field or type`);
  }
  checkCarrierTypes(definitions, say);
  // what every instance answers must say how the answers combine into one (@combine)
  const schema = buildSubgraphSchema([{ typeDefs: { kind: Kind.DOCUMENT, definitions } }]);
  for (const problem of checkCombineRules(schema, combineRules({ kind: Kind.DOCUMENT, definitions }), nationalRoots(schema, source.unpartitioned)))
    say(problem);
  return report;
}

/** Adds the carriers reached from one argument or input field; inside an input type, its fields too. */
function collect(
  value: InputValueDefinitionNode,
  path: string,
  required: boolean,
  single: boolean,
  inputs: Map<string, readonly InputValueDefinitionNode[]>,
  carriers: Carrier[],
  visiting: Set<string>,
  say: (message: string) => void,
): void {
  const here = `${path}.${value.name.value}`;
  const shape = shapeOf(value.type);
  const req = required && shape.nonNull;
  const one = single && !shape.list;
  if (hasJurisdiction(value)) carriers.push({ path: here, required: req, single: one });
  const fields = inputs.get(shape.named);
  if (!fields || visiting.has(shape.named)) return;
  visiting.add(shape.named);
  for (const field of fields) collect(field, here, req, one, inputs, carriers, visiting, say);
  visiting.delete(shape.named);
}

/** @jurisdiction on anything but a DivisionCode, ID or String says nothing a router can read. */
function checkCarrierTypes(definitions: readonly DefinitionNode[], say: (message: string) => void): void {
  const check = (coordinate: string, node: FieldDefinitionNode | InputValueDefinitionNode) => {
    const { named, list } = shapeOf(node.type);
    if (!hasJurisdiction(node)) return;
    if (!CARRIER_TYPES.has(named)) say(`${coordinate} is @jurisdiction but of type ${named}: only a DivisionCode, ID or String can carry a division`);
    else if (list && node.kind === Kind.FIELD_DEFINITION) say(`${coordinate} is @jurisdiction but a list: a record has one jurisdiction`);
  };
  for (const def of definitions) {
    if (!('fields' in def) || !def.fields || !('name' in def)) continue;
    for (const field of def.fields) {
      check(`${def.name.value}.${field.name.value}`, field);
      if (field.kind === Kind.FIELD_DEFINITION) for (const arg of field.arguments ?? []) check(`${def.name.value}.${field.name.value}.${arg.name.value}`, arg);
    }
  }
}

function rootFields(definitions: readonly DefinitionNode[]): ['Query' | 'Mutation', FieldDefinitionNode][] {
  const fields: ['Query' | 'Mutation', FieldDefinitionNode][] = [];
  for (const def of definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const root = def.name.value;
    if (root === 'Query' || root === 'Mutation') for (const field of def.fields ?? []) fields.push([root, field]);
  }
  return fields;
}

function inputFields(definitions: readonly DefinitionNode[]): Map<string, readonly InputValueDefinitionNode[]> {
  const inputs = new Map<string, InputValueDefinitionNode[]>();
  for (const def of definitions) {
    if (def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION && def.kind !== Kind.INPUT_OBJECT_TYPE_EXTENSION) continue;
    inputs.set(def.name.value, [...(inputs.get(def.name.value) ?? []), ...(def.fields ?? [])]);
  }
  return inputs;
}

function usesJurisdiction(definitions: readonly DefinitionNode[]): boolean {
  return definitions.some(
    (def) =>
      'fields' in def && (def.fields ?? []).some((f) => hasJurisdiction(f) || (f.kind === Kind.FIELD_DEFINITION && (f.arguments ?? []).some(hasJurisdiction))),
  );
}

function hasJurisdiction(node: FieldDefinitionNode | InputValueDefinitionNode): boolean {
  return (node.directives ?? []).some((d) => d.name.value === 'jurisdiction');
}

function shapeOf(type: TypeNode): { named: string; nonNull: boolean; list: boolean } {
  const nonNull = type.kind === Kind.NON_NULL_TYPE;
  let list = false;
  let t = type;
  while (t.kind !== Kind.NAMED_TYPE) {
    if (t.kind === Kind.LIST_TYPE) list = true;
    t = t.type;
  }
  return { named: t.name.value, nonNull, list };
}

/** The findings as a person reads them in the schema check. */
export function formatJurisdiction(check: JurisdictionCheck): string[] {
  const lines: string[] = [];
  if (check.problems.length) lines.push(`Jurisdiction rule broken (${check.problems.length}):`, ...check.problems.map((p) => `  - ${p}`));
  for (const d of check.departments) {
    lines.push(
      `Jurisdiction of ${d.name} (partitioned): ${d.mutations.length} mutation(s) with one carrier each, ${d.routed.length} routed query field(s)`,
      `  national (fan-out to every instance): ${d.national.length ? d.national.join(', ') : 'none'}`,
    );
    const optional = d.routed.filter((r) => r.optional).map((r) => r.field);
    if (optional.length) lines.push(`  national when no carrier is given: ${optional.join(', ')}`);
    if (d.unpartitioned.length) lines.push(`  unpartitioned (national instance alone): ${d.unpartitioned.join(', ')}`);
  }
  return lines;
}
