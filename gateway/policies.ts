import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { collectPolicies, type FieldPolicy } from '../platform/security/policy.js';

/** The access rules and owning departments of the composed graph, read once from the supergraph. */
export interface GraphPolicies {
  fields: Map<string, FieldPolicy>;
  /**
   * "Type.field" -> the departments that hold its values: those that resolve it, or, for a key every
   * department of an entity shares (Person.id), the department that holds the records themselves
   * (resolves most of the type's own fields: population for Person). Never every department that
   * merely references the type: market's unmask scope does not unmask a resident's identity number.
   */
  holders(coordinate: string): readonly string[];
}

export function graphPolicies(supergraphSdl: string): GraphPolicies {
  const document = parse(supergraphSdl);
  const graphNames = joinGraphNames(document);
  const fieldOwners = new Map<string, string[]>();
  const typeHolders = new Map<string, string[]>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const resolved = new Map<string, number>();
    for (const field of def.fields ?? []) {
      const owners = graphsOf(field.directives, 'join__field', graphNames);
      if (!owners.length) continue;
      fieldOwners.set(`${def.name.value}.${field.name.value}`, owners);
      for (const graph of owners) resolved.set(graph, (resolved.get(graph) ?? 0) + 1);
    }
    const most = Math.max(0, ...resolved.values());
    // a type no department resolves fields of on its own (all shared): every department holding it
    typeHolders.set(def.name.value, most ? [...resolved].filter(([, n]) => n === most).map(([g]) => g) : graphsOf(def.directives, 'join__type', graphNames));
  }
  return {
    fields: collectPolicies(document),
    holders: (coordinate) => fieldOwners.get(coordinate) ?? typeHolders.get(coordinate.split('.')[0]!) ?? [],
  };
}

/** join__Graph enum value (REGIONS) -> department name (regions) */
function joinGraphNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const arg = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name');
      if (arg?.value.kind === Kind.STRING) names.set(value.name.value, arg.value.value);
    }
  }
  return names;
}

function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, name: string, graphNames: Map<string, string>): string[] {
  const out: string[] = [];
  for (const d of directives ?? []) {
    if (d.name.value !== name) continue;
    const graph = d.arguments?.find((a) => a.name.value === 'graph')?.value;
    if (graph?.kind === Kind.ENUM) out.push(graphNames.get(graph.value) ?? graph.value.toLowerCase());
  }
  return out;
}
