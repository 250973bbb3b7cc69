import { Kind, type ConstDirectiveNode, type DocumentNode, type FieldDefinitionNode, type InputValueDefinitionNode } from 'graphql';
import type { Role } from '../context.js';
import { PERSONAL_DATA_ROLES, ROLES } from './roles.js';

/** The access rule of one field, as declared with @access and @personal. */
export interface FieldPolicy {
  roles: readonly Role[];
  /** the @personal category, or null for data that is not personal */
  personal: string | null;
  /** arguments marked @personal: filtering by them is filtering by someone's personal data (name -> category) */
  personalArguments?: Readonly<Record<string, string>>;
}

const PUBLIC: FieldPolicy = { roles: ROLES, personal: null };

/**
 * Reads every "Type.field" rule from SDL (a department's subgraph schema or the
 * composed supergraph, where @composeDirective keeps the directives). The same
 * declaration drives the gateway's early refusal, each department's own
 * enforcement and the auditors' schema inventory.
 */
export function collectPolicies(document: DocumentNode): Map<string, FieldPolicy> {
  const policies = new Map<string, FieldPolicy>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeRoles = rolesOf(def.directives);
    for (const field of def.fields ?? []) {
      const personal = personalOf(field);
      const roles = rolesOf(field.directives) ?? typeRoles ?? (personal ? PERSONAL_DATA_ROLES : null);
      const personalArguments = Object.fromEntries((field.arguments ?? []).flatMap((a) => (personalOf(a) ? [[a.name.value, personalOf(a)!]] : [])));
      const key = `${def.name.value}.${field.name.value}`;
      const previous = policies.get(key);
      const filters = Object.keys(personalArguments).length > 0;
      if (!roles && !personal && !previous && !filters) continue;
      // the same field in several subgraphs (keys, shareable types): the strictest declaration wins
      policies.set(key, merge(previous, { roles: roles ?? ROLES, personal, ...(filters ? { personalArguments } : {}) }));
    }
  }
  return policies;
}

export function policyOf(policies: Map<string, FieldPolicy>, coordinate: string): FieldPolicy {
  return policies.get(coordinate) ?? PUBLIC;
}

function merge(a: FieldPolicy | undefined, b: FieldPolicy): FieldPolicy {
  if (!a) return b;
  const personalArguments = a.personalArguments || b.personalArguments ? { ...a.personalArguments, ...b.personalArguments } : undefined;
  return { roles: a.roles.filter((r) => b.roles.includes(r)), personal: a.personal ?? b.personal, ...(personalArguments ? { personalArguments } : {}) };
}

function directive(directives: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode | undefined {
  return directives?.find((d) => d.name.value === name);
}

function rolesOf(directives: readonly ConstDirectiveNode[] | undefined): Role[] | null {
  const arg = directive(directives, 'access')?.arguments?.find((a) => a.name.value === 'roles');
  if (!arg) return null;
  const values = arg.value.kind === Kind.LIST ? arg.value.values : [arg.value];
  return values.flatMap((v) => (v.kind === Kind.STRING || v.kind === Kind.ENUM ? [v.value.toUpperCase() as Role] : []));
}

function personalOf(field: FieldDefinitionNode | InputValueDefinitionNode): string | null {
  const arg = directive(field.directives, 'personal')?.arguments?.find((a) => a.name.value === 'category');
  return arg && arg.value.kind === Kind.STRING ? arg.value.value : null;
}
