import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { collectPolicies, type FieldPolicy } from '../platform/security/policy.js';

/** The access rules and owning departments of the composed graph, read once from the supergraph. */
export interface GraphPolicies {
  fields: Map<string, FieldPolicy>;
  /**
   * "Type.field" -> the departments that may answer it: those that resolve it, or, for a key every
   * department of an entity shares (Person.id), each of them. Which one answered is known only where
   * the answer is made, so the exact rule (the unmask scope of the department that holds the value)
   * is applied there, by each department masking at the source; the gateway's second line cannot be
   * stricter than "one that may have answered" without masking what a department rightly released.
   */
  holders(coordinate: string): readonly string[];
}

export function graphPolicies(supergraphSdl: string): GraphPolicies {
  const document = parse(supergraphSdl);
  const graphNames = joinGraphNames(document);
  const fieldOwners = new Map<string, string[]>();
  const typeOwners = new Map<string, string[]>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    typeOwners.set(def.name.value, graphsOf(def.directives, 'join__type', graphNames));
    for (const field of def.fields ?? []) {
      const owners = graphsOf(field.directives, 'join__field', graphNames);
      if (owners.length) fieldOwners.set(`${def.name.value}.${field.name.value}`, owners);
    }
  }
  return {
    fields: collectPolicies(document),
    holders: (coordinate) => fieldOwners.get(coordinate) ?? typeOwners.get(coordinate.split('.')[0]!) ?? [],
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
