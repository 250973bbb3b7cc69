/**
 * The access and personal-data declarations (@access, @personal) diffed between two
 * supergraphs. They are not part of the client-facing API schema, so the API diff never
 * sees them; yet loosening one is the change an insider would slip through: a wider role
 * set, a removed or lowered @personal, an argument no longer @personal, or another
 * department answering a personal field (its officers' scope now reads it). Each such
 * loosening is BREAKING and needs its own acknowledgement, named "@access <coordinate>" or
 * "@personal <coordinate>" (an acknowledgement of an API change at the same coordinate does
 * not cover it). Tightening is a safe change, listed.
 */
import { Kind, parse } from 'graphql';
import { collectPolicies, policyOf } from '../../platform/security/policy.js';
import { buildInventory, SENSITIVE_CATEGORIES, UNMASKABLE_CATEGORIES } from './inventory.js';

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

export interface DeclarationChange {
  criticality: Criticality;
  type:
    | 'ACCESS_WIDENED'
    | 'ACCESS_NARROWED'
    | 'PERSONAL_REMOVED'
    | 'PERSONAL_LOWERED'
    | 'PERSONAL_RAISED'
    | 'PERSONAL_ADDED'
    | 'PERSONAL_CATEGORY_CHANGED'
    | 'PERSONAL_ARGUMENT_REMOVED'
    | 'PERSONAL_ARGUMENT_ADDED'
    | 'PERSONAL_ARGUMENT_CHANGED';
  /** the directive the change is about: its acknowledgement is "<declaration> <path>" */
  declaration: '@access' | '@personal';
  /** "Type.field" or "Type.field.argument" */
  path: string;
  message: string;
  reason: string | null;
}

/** What the gateway and the departments enforce for one output field. */
interface Declared {
  roles: ReadonlySet<string>;
  personal: string | null;
  /** scopes that let an officer read it (one per answering department), when officers may */
  readScopes: ReadonlySet<string>;
  unmaskScopes: ReadonlySet<string>;
  /** argument -> @personal category */
  personalArguments: ReadonlyMap<string, string>;
  arguments: ReadonlySet<string>;
}

export function declarationsOf(supergraphSdl: string): Map<string, Declared> {
  const policies = collectPolicies(parse(supergraphSdl));
  const declared = new Map<string, Declared>();
  for (const type of buildInventory(supergraphSdl).types) {
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') continue;
    for (const field of type.fields ?? []) {
      const access = field.access!;
      declared.set(field.coordinate, {
        roles: new Set(access.roles),
        personal: field.personal?.category ?? null,
        readScopes: new Set(access.officer?.readScopes ?? []),
        unmaskScopes: new Set(access.officer?.unmaskScopes ?? []),
        personalArguments: new Map(Object.entries(policies.get(field.coordinate)?.personalArguments ?? {})),
        arguments: new Set(field.arguments.map((a) => a.name)),
      });
    }
  }
  return declared;
}

/**
 * What one department's own schema declares (subgraphs/<name>/schema.graphql): each department
 * enforces its own declarations (platform/security/enforce.ts), and the supergraph keeps only one
 * of several declarations of a shared field (Person.id is declared by six departments), so a
 * department's loosening can be invisible in the supergraph.
 */
export function departmentDeclarationsOf(sdl: string): Map<string, Declared> {
  const document = parse(sdl);
  const policies = collectPolicies(document);
  const declared = new Map<string, Declared>();
  for (const def of document.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const field of def.fields ?? []) {
      const coordinate = `${def.name.value}.${field.name.value}`;
      const policy = policyOf(policies, coordinate);
      declared.set(coordinate, {
        roles: new Set(policy.roles),
        personal: policy.personal,
        readScopes: new Set(),
        unmaskScopes: new Set(),
        personalArguments: new Map(Object.entries(policy.personalArguments ?? {})),
        arguments: new Set((field.arguments ?? []).map((a) => a.name.value)),
      });
    }
  }
  return declared;
}

/** Every change of declaration at a coordinate present in both supergraphs (added and removed fields are the API diff's). */
export function diffDeclarations(baseSupergraphSdl: string, headSupergraphSdl: string): DeclarationChange[] {
  return diffMaps(declarationsOf(baseSupergraphSdl), declarationsOf(headSupergraphSdl), '');
}

/**
 * The same, per department: base and head map a department's name to its schema SDL. A change
 * the supergraph diff already reports (same type and path) is not repeated.
 */
export function diffDepartmentDeclarations(
  base: Readonly<Record<string, string>>,
  head: Readonly<Record<string, string>>,
  alreadyReported: readonly DeclarationChange[] = [],
): DeclarationChange[] {
  const seen = new Set(alreadyReported.map((c) => `${c.type} ${c.path}`));
  const changes: DeclarationChange[] = [];
  for (const [department, sdl] of Object.entries(head)) {
    const before = base[department];
    if (before === undefined) continue; // a new department: its fields are new to the API diff
    for (const change of diffMaps(departmentDeclarationsOf(before), departmentDeclarationsOf(sdl), department)) {
      if (!seen.has(`${change.type} ${change.path}`)) changes.push(change);
    }
  }
  return changes;
}

function diffMaps(base: Map<string, Declared>, head: Map<string, Declared>, department: string): DeclarationChange[] {
  const changes: DeclarationChange[] = [];
  for (const [path, b] of base) {
    const h = head.get(path);
    if (h) changes.push(...fieldChanges(path, b, h, department));
  }
  return changes;
}

function fieldChanges(path: string, b: Declared, h: Declared, department: string): DeclarationChange[] {
  const changes: DeclarationChange[] = [];
  const at = `'${path}'${department ? ` (in subgraphs/${department}/schema.graphql)` : ''}`;

  // @personal first: it is the reason roles and scopes change with it
  if (b.personal && !h.personal) {
    changes.push(
      breaking(
        'PERSONAL_REMOVED',
        '@personal',
        path,
        `Field ${at} is no longer marked @personal (was ${b.personal})`,
        'its values would be neither masked nor recorded as personal reads, and the register would no longer list it',
      ),
    );
  } else if (!b.personal && h.personal) {
    changes.push(safe('PERSONAL_ADDED', '@personal', path, `Field ${at} is now marked @personal(category: "${h.personal}")`));
  } else if (b.personal && h.personal && b.personal !== h.personal) {
    const lost = [
      ...(sensitive(b.personal) && !sensitive(h.personal) ? ['no longer sensitive personal information (PIPL art. 28)'] : []),
      ...(maskable(b.personal) && !maskable(h.personal) ? ['no longer masked'] : []),
    ];
    const gained = (!sensitive(b.personal) && sensitive(h.personal)) || (!maskable(b.personal) && maskable(h.personal));
    const words = `Field ${at}: @personal category ${b.personal} changed to ${h.personal}`;
    if (lost.length)
      changes.push(
        breaking(
          'PERSONAL_LOWERED',
          '@personal',
          path,
          `${words} (lowered: ${lost.join(', ')})`,
          'a lower category shows or records its values with less protection',
        ),
      );
    else if (gained) changes.push(safe('PERSONAL_RAISED', '@personal', path, `${words} (raised)`));
    else
      changes.push({
        criticality: 'DANGEROUS',
        type: 'PERSONAL_CATEGORY_CHANGED',
        declaration: '@personal',
        path,
        message: words,
        reason: 'the register of processing activities and the access records name another category',
      });
  }

  const added = [...h.roles].filter((r) => !b.roles.has(r));
  const removed = [...b.roles].filter((r) => !h.roles.has(r));
  if (added.length) {
    changes.push(
      breaking(
        'ACCESS_WIDENED',
        '@access',
        path,
        `Access to ${at} widened: ${added.join(', ')} may now read it (was ${list(b.roles)})`,
        'more callers can read it than before',
      ),
    );
  } else if (removed.length) {
    changes.push(safe('ACCESS_NARROWED', '@access', path, `Access to ${at} narrowed: ${removed.join(', ')} may no longer read it`));
  }

  // officers of one more department (a new answering department's scope); a role added or a
  // category newly masked is reported above, not here
  const officers = b.roles.has('OFFICER') && h.roles.has('OFFICER') && b.personal && h.personal;
  const newRead = officers ? [...h.readScopes].filter((s) => !b.readScopes.has(s)) : [];
  const newUnmask = officers && maskable(b.personal!) && maskable(h.personal!) ? [...h.unmaskScopes].filter((s) => !b.unmaskScopes.has(s)) : [];
  if (newRead.length || newUnmask.length) {
    const scopes = [...newRead, ...newUnmask];
    changes.push(
      breaking(
        'ACCESS_WIDENED',
        '@access',
        path,
        `Access to ${at} widened: officers with ${scopes.join(' or ')} may now ${newRead.length ? 'read' : 'unmask'} it (another department answers it)`,
        'officers of another department reach this personal data',
      ),
    );
  }

  for (const [argument, category] of b.personalArguments) {
    const coordinate = `${path}.${argument}`;
    if (!h.arguments.has(argument)) continue; // removing the argument is the API diff's
    const now = h.personalArguments.get(argument);
    if (!now) {
      changes.push(
        breaking(
          'PERSONAL_ARGUMENT_REMOVED',
          '@personal',
          coordinate,
          `Argument '${argument}' of ${at} is no longer marked @personal (was ${category})`,
          'any caller could filter records by that personal attribute and learn about other people',
        ),
      );
    } else if (now !== category) {
      changes.push({
        criticality: 'DANGEROUS',
        type: 'PERSONAL_ARGUMENT_CHANGED',
        declaration: '@personal',
        path: coordinate,
        message: `Argument '${argument}' of ${at}: @personal category ${category} changed to ${now}`,
        reason: null,
      });
    }
  }
  for (const [argument, category] of h.personalArguments) {
    if (!b.personalArguments.has(argument) && b.arguments.has(argument)) {
      changes.push(
        safe('PERSONAL_ARGUMENT_ADDED', '@personal', `${path}.${argument}`, `Argument '${argument}' of ${at} is now marked @personal(category: "${category}")`),
      );
    }
  }
  return changes;
}

function breaking(
  type: DeclarationChange['type'],
  declaration: DeclarationChange['declaration'],
  path: string,
  message: string,
  reason: string,
): DeclarationChange {
  return {
    criticality: 'BREAKING',
    type,
    declaration,
    path,
    message,
    reason: `Loosens the rules on personal data: ${reason}. Acknowledge it as "${declaration} ${path}" only with the data-protection officer's approval.`,
  };
}

function safe(type: DeclarationChange['type'], declaration: DeclarationChange['declaration'], path: string, message: string): DeclarationChange {
  return { criticality: 'NON_BREAKING', type, declaration, path, message, reason: null };
}

const sensitive = (category: string) => (SENSITIVE_CATEGORIES as readonly string[]).includes(category);
const maskable = (category: string) => (UNMASKABLE_CATEGORIES as readonly string[]).includes(category);
const list = (roles: ReadonlySet<string>) => [...roles].join(', ') || 'nobody';
