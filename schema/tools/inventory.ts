/**
 * The schema inventory: every type and field of the composed API with its owning
 * department(s), description, personal-data marking and access rule, and a
 * register of processing activities per department (PIPL art. 56 flavour). It is
 * read from the supergraph only, where @composeDirective keeps @personal and
 * @access, so auditors see exactly what the gateway and the departments enforce.
 *
 * Pure: SDL in, JSON-able data out. `report.ts` renders it; `lintPersonalData`
 * finds fields that look like personal data but carry no @personal.
 */
import { combineRule } from '../../platform/partition/combine-rules.js';
import type { PageOrderName } from '../../platform/pagination.js';
import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
  type StringValueNode,
} from 'graphql';
import type { Role } from '../../platform/context.js';
import { DEPARTMENTS } from '../../platform/departments.js';
import { LEGAL_BASES, type LegalBasis } from '../../platform/purposes.js';
import { collectPolicies, policyOf } from '../../platform/security/policy.js';
import { ROLES, readScope, unmaskScope } from '../../platform/security/roles.js';

/** The @personal categories documented in platform/schema/shared.graphql. */
export const PERSONAL_CATEGORIES = [
  'IDENTITY_NUMBER',
  'NAME',
  'GENDER',
  'BIRTH_DATE',
  'ETHNICITY',
  'ADDRESS',
  'PHONE',
  'FAMILY',
  'CREDENTIAL',
  'CASE_DETAIL',
  'OPINION',
] as const;
export type PersonalCategory = (typeof PERSONAL_CATEGORIES)[number];

/** Sensitive personal information (PIPL art. 28) among the categories. */
export const SENSITIVE_CATEGORIES: readonly PersonalCategory[] = ['IDENTITY_NUMBER', 'ETHNICITY', 'CREDENTIAL'];

/** Categories shown masked (GB/T 35273 §7.2) unless the caller may see the full value (`<department>:unmask`). */
export const UNMASKABLE_CATEGORIES: readonly PersonalCategory[] = ['IDENTITY_NUMBER', 'PHONE', 'ADDRESS'];

/** What the register says of purposes: officers state one per request, the audit trail keeps it. */
export const PURPOSES =
  "Stated per request in x-purpose: case:<case id> (a case the officer's agency handles) or basis:<code> (a registered legal basis, listed in legalBases); recorded in the audit log and shown to the data subject in words.";

export type TypeKind = 'OBJECT' | 'INTERFACE' | 'UNION' | 'ENUM' | 'INPUT_OBJECT' | 'SCALAR';

export interface AccessRule {
  /** the rule in words, e.g. "public" */
  words: string;
  /** the roles that may ever read the field (all six when public) */
  roles: Role[];
  /** no role restriction and no personal data */
  public: boolean;
  /** personal data: citizens and enterprises reach only records about themselves */
  ownRecordsOnly: boolean;
  /** personal data an officer may read: with a stated purpose and one of `read`; the full value with one of `unmask` */
  officer: { purposeRequired: true; readScopes: string[]; unmaskScopes: string[] } | null;
}

export interface InventoryArgument {
  name: string;
  type: string;
  defaultValue: string | null;
  description: string | null;
  /** marked @jurisdiction: its value says which provincial instance serves the request */
  jurisdiction: boolean;
}

export interface InventoryField {
  name: string;
  /** "Type.field" */
  coordinate: string;
  description: string | null;
  /** the GraphQL type, e.g. "[Certificate!]" */
  type: string;
  arguments: InventoryArgument[];
  /** the departments that resolve it (for an input field, those that accept it) */
  owners: string[];
  deprecated: string | null;
  personal: { category: string; sensitive: boolean } | null;
  /** null for input fields: callers write them, nobody reads them */
  access: AccessRule | null;
  /** marked @jurisdiction: its value says which provincial instance holds the record or serves the request */
  jurisdiction: boolean;
  /** how the router combines answers of several instances (@combine), in words; null when unmarked */
  combine: string | null;
}

export interface InventoryType {
  name: string;
  kind: TypeKind;
  description: string | null;
  /** every department that declares the type */
  owners: string[];
  /**
   * The department(s) contributing most of its fields: the entity's owner in the
   * domain sense (population for Person). Shared value types list every owner.
   */
  home: string[];
  /** a federation entity (has a @key in some department) */
  entity: boolean;
  fields?: InventoryField[];
  values?: { name: string; description: string | null; deprecated: string | null }[];
  members?: string[];
}

export interface ProcessingActivity {
  department: string;
  title: string;
  /** category -> the "Type.field" coordinates this department resolves */
  categories: Record<string, string[]>;
  sensitiveCategories: string[];
  purposes: string;
  recipients: {
    /** roles that may read at least one of its personal fields */
    roles: Role[];
    words: string;
    readScope: string | null;
    unmaskScope: string | null;
  };
  /** its personal fields on entities another department owns (its `home`) */
  attachedTo: { entity: string; owners: string[]; fields: string[] }[];
}

export interface Inventory {
  source: string;
  summary: {
    departments: number;
    types: number;
    typesByKind: Record<string, number>;
    fields: number;
    inputFields: number;
    personalFields: number;
    sensitiveFields: number;
  };
  sensitiveCategories: string[];
  departments: { name: string; title: string }[];
  types: InventoryType[];
  register: ProcessingActivity[];
  /** the legal bases an officer may state as purpose (basis:<code>), with law and retention (platform/purposes.ts) */
  legalBases: LegalBasis[];
  jurisdiction: JurisdictionInventory;
}

/** What routes records between the provincial instances of partitioned departments (@jurisdiction, issue #15). */
export interface JurisdictionInventory {
  /** departments served per province (manifest "partitioned") */
  partitioned: string[];
  /** every field, argument and input field marked @jurisdiction */
  carriers: JurisdictionCarrier[];
  /** how answers of national scope combine (@combine), in words, by field */
  combined: { coordinate: string; rule: string }[];
}

export interface JurisdictionCarrier {
  /** "Type.field" or "Type.field.argument" */
  coordinate: string;
  kind: 'field' | 'argument' | 'input field';
  type: string;
  /** the partitioned departments among those resolving (or accepting) it: the instances it routes between */
  departments: string[];
}

const INTERNAL = /^(join__|link__|federation__)|^(_Service|_Entity|_Any)$/;
const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** Builds the inventory of the API described by a supergraph SDL (the committed schema/supergraph.graphql). */
export function buildInventory(supergraphSdl: string, source = 'schema/supergraph.graphql'): Inventory {
  const document = parse(supergraphSdl);
  const graphNames = joinGraphNames(document.definitions);
  const policies = collectPolicies(document);
  const order = departmentOrder(graphNames);

  const types: InventoryType[] = [];
  for (const def of document.definitions) {
    const type = inventoryType(def, graphNames, policies);
    if (type) types.push(type);
  }
  types.sort((a, b) => compare(a.name, b.name));

  const outputFields = types.filter((t) => t.kind === 'OBJECT' || t.kind === 'INTERFACE').flatMap((t) => t.fields ?? []);
  const personal = outputFields.filter((f) => f.personal);
  const typesByKind: Record<string, number> = {};
  for (const t of types) typesByKind[t.kind] = (typesByKind[t.kind] ?? 0) + 1;

  const departments = order.map((name) => ({ name, title: titleOf(name) }));
  return {
    source,
    summary: {
      departments: departments.length,
      types: types.length,
      typesByKind: sortKeys(typesByKind),
      fields: outputFields.length,
      inputFields: types.filter((t) => t.kind === 'INPUT_OBJECT').reduce((n, t) => n + (t.fields?.length ?? 0), 0),
      personalFields: personal.length,
      sensitiveFields: personal.filter((f) => f.personal?.sensitive).length,
    },
    sensitiveCategories: [...SENSITIVE_CATEGORIES],
    departments,
    types,
    register: departments.map((d) => processingActivity(d.name, types)),
    legalBases: LEGAL_BASES.map((b) => ({ ...b })),
    jurisdiction: jurisdictionOf(types),
  };
}

function inventoryType(def: DefinitionNode, graphNames: Map<string, string>, policies: ReturnType<typeof collectPolicies>): InventoryType | null {
  if (
    def.kind !== Kind.OBJECT_TYPE_DEFINITION &&
    def.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
    def.kind !== Kind.UNION_TYPE_DEFINITION &&
    def.kind !== Kind.ENUM_TYPE_DEFINITION &&
    def.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION &&
    def.kind !== Kind.SCALAR_TYPE_DEFINITION
  ) {
    return null;
  }
  const name = def.name.value;
  if (INTERNAL.test(name) || inaccessible(def.directives)) return null;
  const joinTypes = (def.directives ?? []).filter((d) => d.name.value === 'join__type');
  const owners = uniqueSorted(joinTypes.flatMap((d) => graphOf(d, graphNames)));
  const entity = joinTypes.some((d) => argument(d, 'key') !== undefined);
  const description = describe(def.description);

  switch (def.kind) {
    case Kind.OBJECT_TYPE_DEFINITION:
    case Kind.INTERFACE_TYPE_DEFINITION:
    case Kind.INPUT_OBJECT_TYPE_DEFINITION: {
      const input = def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION;
      const fields = ((def.fields ?? []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[])
        .filter((f) => !inaccessible(f.directives))
        .map((f) => inventoryField(name, f, owners, graphNames, policies, input));
      const kind: TypeKind = def.kind === Kind.OBJECT_TYPE_DEFINITION ? 'OBJECT' : def.kind === Kind.INTERFACE_TYPE_DEFINITION ? 'INTERFACE' : 'INPUT_OBJECT';
      return { name, kind, description, owners, home: homeOf(owners, fields), entity, fields };
    }
    case Kind.ENUM_TYPE_DEFINITION:
      return {
        name,
        kind: 'ENUM',
        description,
        owners,
        home: owners,
        entity,
        values: (def.values ?? [])
          .filter((v) => !inaccessible(v.directives))
          .map((v) => ({ name: v.name.value, description: describe(v.description), deprecated: deprecationOf(v.directives) })),
      };
    case Kind.UNION_TYPE_DEFINITION:
      return { name, kind: 'UNION', description, owners, home: owners, entity, members: (def.types ?? []).map((t) => t.name.value) };
    default:
      return { name, kind: 'SCALAR', description, owners, home: owners, entity };
  }
}

function inventoryField(
  typeName: string,
  field: FieldDefinitionNode | InputValueDefinitionNode,
  typeOwners: string[],
  graphNames: Map<string, string>,
  policies: ReturnType<typeof collectPolicies>,
  input: boolean,
): InventoryField {
  const coordinate = `${typeName}.${field.name.value}`;
  // A field without @join__field is resolved by every department declaring the type. An
  // @external (or overridden) declaration is not an owner: another department resolves it.
  const joinFields = (field.directives ?? []).filter((d) => d.name.value === 'join__field');
  const resolving = joinFields.filter((d) => !isTrue(argument(d, 'external')) && !isTrue(argument(d, 'usedOverridden')));
  const owners = joinFields.length ? uniqueSorted(resolving.flatMap((d) => graphOf(d, graphNames))) : typeOwners;
  const policy = policyOf(policies, coordinate);
  const category = policy.personal;
  const personal = !input && category ? { category, sensitive: (SENSITIVE_CATEGORIES as readonly string[]).includes(category) } : null;
  const args = field.kind === Kind.FIELD_DEFINITION ? (field.arguments ?? []).filter((a) => !inaccessible(a.directives)) : [];
  return {
    name: field.name.value,
    coordinate,
    description: describe(field.description),
    type: print(field.type),
    arguments: args.map((a) => ({
      name: a.name.value,
      type: print(a.type),
      defaultValue: a.defaultValue ? print(a.defaultValue) : null,
      description: describe(a.description),
      jurisdiction: hasJurisdiction(a.directives),
    })),
    owners,
    deprecated: deprecationOf(field.directives),
    personal,
    access: input ? null : accessRule([...policy.roles], category, owners),
    jurisdiction: hasJurisdiction(field.directives),
    combine: combineInWords(coordinate, field.directives),
  };
}

/** The field-level rule, as the gateway (access plugin, masking) and each department (enforce.ts) apply it. */
export function accessRule(roles: Role[], category: string | null, owners: readonly string[]): AccessRule {
  const all = ROLES.every((r) => roles.includes(r));
  if (!category) {
    return { words: all ? 'public' : `only ${roles.join(', ') || 'nobody'}`, roles, public: all, ownRecordsOnly: false, officer: null };
  }
  const parts: string[] = [];
  const subjects = roles.filter((r) => r === 'CITIZEN' || r === 'ENTERPRISE');
  if (subjects.length) parts.push(`${subjects.join(' and ')}: records about themselves only`);
  const unmaskable = (UNMASKABLE_CATEGORIES as readonly string[]).includes(category);
  let officer: AccessRule['officer'] = null;
  if (roles.includes('OFFICER')) {
    officer = { purposeRequired: true, readScopes: owners.map(readScope), unmaskScopes: unmaskable ? owners.map(unmaskScope) : [] };
    const answering = owners.length > 1 ? ' (of the department answering)' : '';
    parts.push(`OFFICER with a stated purpose (x-purpose) and the scope ${oneOf(officer.readScopes)}${answering}`);
    if (unmaskable) parts.push(`shown masked except to the citizen concerned and to officers with ${oneOf(officer.unmaskScopes)}`);
  }
  const others = roles.filter((r) => r !== 'CITIZEN' && r !== 'ENTERPRISE' && r !== 'OFFICER');
  if (others.length) parts.push(`${parts.length ? 'also ' : 'only '}${others.join(', ')}`);
  return { words: `personal data (${category}): ${parts.join('; ') || 'nobody'}`, roles, public: false, ownRecordsOnly: subjects.length > 0, officer };
}

function processingActivity(department: string, types: InventoryType[]): ProcessingActivity {
  const categories: Record<string, string[]> = {};
  const roles = new Set<Role>();
  const attached = new Map<string, { entity: string; owners: string[]; fields: string[] }>();
  let unmaskable = false;
  let officer = false;
  for (const type of types) {
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') continue;
    for (const field of type.fields ?? []) {
      if (!field.personal || !field.owners.includes(department)) continue;
      (categories[field.personal.category] ??= []).push(field.coordinate);
      for (const r of field.access?.roles ?? []) roles.add(r);
      if (field.access?.officer) officer = true;
      if (field.access?.officer?.unmaskScopes.length) unmaskable = true;
      if (type.entity && !type.home.includes(department)) {
        const entry = attached.get(type.name) ?? { entity: type.name, owners: type.home, fields: [] };
        entry.fields.push(field.coordinate);
        attached.set(type.name, entry);
      }
    }
  }
  for (const list of Object.values(categories)) list.sort(compare);
  for (const entry of attached.values()) entry.fields.sort(compare);
  const held = Object.keys(categories);
  const roleList = ROLES.filter((r) => roles.has(r));
  const readScopeOf = officer ? readScope(department) : null;
  const unmaskScopeOf = unmaskable ? unmaskScope(department) : null;
  return {
    department,
    title: titleOf(department),
    categories: sortKeys(categories),
    sensitiveCategories: SENSITIVE_CATEGORIES.filter((c) => held.includes(c)),
    purposes: held.length ? PURPOSES : 'None: holds no personal data.',
    recipients: { roles: roleList, words: recipientsInWords(roleList, readScopeOf, unmaskScopeOf), readScope: readScopeOf, unmaskScope: unmaskScopeOf },
    attachedTo: [...attached.values()].sort((a, b) => compare(a.entity, b.entity)),
  };
}

function jurisdictionOf(types: InventoryType[]): JurisdictionInventory {
  const partitioned = DEPARTMENTS.filter((d) => d.partitioned).map((d) => d.name);
  const routes = (owners: readonly string[]) => owners.filter((o) => partitioned.includes(o));
  const carriers: JurisdictionCarrier[] = [];
  for (const type of types) {
    for (const field of type.fields ?? []) {
      const kind = type.kind === 'INPUT_OBJECT' ? 'input field' : 'field';
      if (field.jurisdiction) carriers.push({ coordinate: field.coordinate, kind, type: field.type, departments: routes(field.owners) });
      for (const arg of field.arguments) {
        if (arg.jurisdiction)
          carriers.push({ coordinate: `${field.coordinate}.${arg.name}`, kind: 'argument', type: arg.type, departments: routes(field.owners) });
      }
    }
  }
  return { partitioned, carriers: carriers.sort((a, b) => compare(a.coordinate, b.coordinate)), combined: combinedOf(types) };
}

/** Each @combine rule of the supergraph, in words an auditor can check against the figure's definition. */
function combinedOf(types: InventoryType[]): { coordinate: string; rule: string }[] {
  const out: { coordinate: string; rule: string }[] = [];
  for (const type of types) for (const field of type.fields ?? []) if (field.combine) out.push({ coordinate: field.coordinate, rule: field.combine });
  return out.sort((a, b) => compare(a.coordinate, b.coordinate));
}

const ORDER_WORDS: Record<PageOrderName, string> = {
  NEWEST_FIRST: 'newest first',
  OLDEST_FIRST: 'oldest first',
  ID: 'by id',
  DUE_SOONEST: 'nearest due date first',
};

function combineInWords(coordinate: string, directives: readonly ConstDirectiveNode[] | undefined): string | null {
  const directive = directives?.find((d) => d.name.value === 'combine');
  if (!directive) return null;
  const rule = combineRule(coordinate, directive);
  switch (rule.kind) {
    case 'sum':
      return 'summed';
    case 'ratio':
      return `recomputed: (${rule.ratio.join(' + ')}) / (${rule.per.join(' + ')})${rule.digits === undefined ? '' : `, rounded to ${rule.digits} decimals`}`;
    case 'page':
      return rule.by
        ? `one page of every instance's records, in the order ${rule.by} names (default ${ORDER_WORDS[rule.order]}), forward or backward`
        : `one page of every instance's records, ${ORDER_WORDS[rule.order]}, forward or backward`;
    case 'rows':
      return [
        `rows merged by ${rule.key.join('.')}`,
        ...(rule.positive ? [`kept when ${rule.positive} > 0`] : []),
        ...(rule.orderBy.length ? [`ordered by ${rule.orderBy.map((o) => `${o.path.join('.')}${o.desc ? ' desc' : ''}`).join(', ')}`] : []),
        ...(rule.rank ? [`ranked in ${rule.rank}`] : []),
        ...(rule.limit ? [`cut to ${rule.limit}`] : []),
        ...(rule.suppress ? [`cells of fewer than 10 ${rule.suppress} suppressed after combining, with a complementary cell (platform/suppression.ts)`] : []),
      ].join(', ');
    case 'spread':
      return `per measure, the highest and lowest ${rule.key} of the combined, suppressed ${rule.of}`;
  }
}

function recipientsInWords(roles: Role[], read: string | null, unmask: string | null): string {
  if (!roles.length) return 'nobody: no personal data';
  const parts: string[] = [];
  const subjects = roles.filter((r) => r === 'CITIZEN' || r === 'ENTERPRISE');
  if (subjects.length) parts.push(`the data subjects themselves (${subjects.join(', ')})`);
  if (read) parts.push(`officers with the scope ${read} and a stated purpose${unmask ? `; full identity numbers, phones and addresses with ${unmask}` : ''}`);
  const others = roles.filter((r) => r !== 'CITIZEN' && r !== 'ENTERPRISE' && r !== 'OFFICER');
  if (others.length) parts.push(others.join(', '));
  return parts.join('; ');
}

// ---------------------------------------------------------------------------
// Lint: personal-looking fields without @personal
// ---------------------------------------------------------------------------

export interface LintProblem {
  coordinate: string;
  owners: string[];
  /** the category the field most likely needs */
  category: PersonalCategory | null;
  /** why it looks personal (or what is wrong with its marking) */
  reason: string;
  /** one line for a person: what to do */
  message: string;
}

/**
 * Exceptions the heuristic cannot know: "Type.field" -> why it is not personal data.
 * Add one only after review (a data-protection officer's word), with a reason.
 */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {};

/** Types of agencies and their service offer: their phones and addresses are public contact points. */
const INSTITUTIONAL_TYPE = /^(Department|ServiceItem|Implementation)$|(Agency|Office|Hall|Window)$/;
/** Field-name prefixes of an office's contact point (ServiceItem.enquiryPhone). */
const INSTITUTIONAL_PREFIX = /^(enquiry|inquiry|consultation|complaint|supervision|service|office|hall|window|hotline|department|agency)/i;
/** Types that describe one natural person (or their role in a record). */
const PERSON_LIKE_TYPE = /Person|Member|Appellant|Applicant|Agent|Evaluator|Resident|Citizen|Contact|Complainant|Representative/;
/** Types whose `id` is the resident identity number. */
const PERSON_KEYED_TYPE = /(Person|Resident|Citizen)$/;
/** Fields that name a person by an identifier (a resident's identity number, or an enterprise's credit code). */
const PERSON_REFERENCE_ID =
  /^(applicant|agent|appellant|evaluator|subject|holder|person|citizen|resident|representative|legalRepresentative|complainant|caller)Id$/;
/** `*Name` fields that name things, not people: "typeName", "itemName". */
const THING_NAME = /(type|kind|status|level|item|service|department|agency|region|division|certificate|enterprise|company|file|channel)Name$/i;
const PERSON_NAME_FIELD =
  /^(applicant|agent|appellant|evaluator|holder|contact|representative|legalRepresentative|resident|person|citizen|complainant|caller|guardian|spouse)Name$/;

/**
 * Flags each API field (one per "Type.field" coordinate: the supergraph merges the
 * departments' declarations and their directives) that looks like personal data but
 * has no @personal, and each @personal with an unknown category. The heuristic, on
 * output fields of object and interface types (@personal cannot mark input fields):
 *
 * - IDENTITY_NUMBER: a field of type ResidentId (or a list of them); a field named
 *   `*IdNumber` / `*residentId`; `applicantId`, `agentId`, `appellantId`, `evaluatorId`,
 *   `subjectId`, `holderId`, `personId`… of type String, ID or ResidentId (a person
 *   referenced by their identifier); `id` on Person / *Resident / *Citizen types.
 * - PHONE: a leaf field named `*phone`, `*mobile`, `*telephone` (optionally `…Number`).
 * - ADDRESS: a leaf field named `*address` (not email/IP/web addresses), `domicile`, `residence`.
 *   Phones and addresses of agencies are public contact points and not flagged: on
 *   Department, ServiceItem, Implementation, *Agency, *Office, *Hall, *Window, or named
 *   `enquiry*`, `consultation*`, `complaint*`, `service*`, `office*`, `hotline*`…
 * - NAME: `name` or `*Name` on a person-like type (Person, HouseholdMember, Appellant,
 *   Applicant, Agent, Evaluator, Resident, Citizen, Contact, Representative…), except
 *   names of things (`typeName`, `itemName`…); and `applicantName`, `holderName`,
 *   `contactName`, `legalRepresentativeName`… on any type.
 * - BIRTH_DATE: `*birthDate`, `*birthday`, `dateOfBirth`, `dob`.
 * - ETHNICITY: `ethnicity`, `ethnicGroup`, anything named `*ethnic*`.
 * - GENDER: `gender` or `sex` on a person-like type.
 *
 * Not flagged on purpose: household ids and numbers (the population department protects
 * households by the record-level rule, and does not mark Household.id), links to a Person
 * (Enterprise.legalRepresentative: the person's own fields carry the marks), officers'
 * names in records (they act in their official capacity), free text (only a person can
 * tell CASE_DETAIL or OPINION; mark it when you add it).
 */
export function lintPersonalData(inventory: Inventory, notPersonal: Readonly<Record<string, string>> = NOT_PERSONAL): LintProblem[] {
  const kinds = new Map(inventory.types.map((t) => [t.name, t.kind]));
  const problems: LintProblem[] = [];
  for (const type of inventory.types) {
    if (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE') continue;
    for (const field of type.fields ?? []) {
      if (field.personal) {
        if (!(PERSONAL_CATEGORIES as readonly string[]).includes(field.personal.category)) {
          const reason = `its @personal category "${field.personal.category}" is not one of ${PERSONAL_CATEGORIES.join(', ')}`;
          problems.push({
            coordinate: field.coordinate,
            owners: field.owners,
            category: null,
            reason,
            message: `${field.coordinate}: ${reason} (${where(field.owners)})`,
          });
        }
        continue;
      }
      if (field.coordinate in notPersonal) continue;
      const named = field.type.replace(/[[\]!]/g, '');
      const leaf = BUILT_IN_SCALARS.has(named) || kinds.get(named) === 'SCALAR' || kinds.get(named) === 'ENUM';
      const verdict = looksPersonal(type.name, field.name, named, leaf);
      if (!verdict) continue;
      problems.push({
        coordinate: field.coordinate,
        owners: field.owners,
        category: verdict.category,
        reason: verdict.reason,
        message: `${field.coordinate} looks like personal data (${verdict.reason}) but has no @personal: add @personal(category: "${verdict.category}") (${where(field.owners)})`,
      });
    }
  }
  return problems.sort((a, b) => compare(a.coordinate, b.coordinate));
}

/** Why "Type.field" looks like personal data, or null. Exported for tests and for departments' own checks. */
export function looksPersonal(typeName: string, fieldName: string, namedType: string, leaf: boolean): { category: PersonalCategory; reason: string } | null {
  const personLike = PERSON_LIKE_TYPE.test(typeName);
  const institutional = INSTITUTIONAL_TYPE.test(typeName) || INSTITUTIONAL_PREFIX.test(fieldName);
  if (namedType === 'ResidentId') return { category: 'IDENTITY_NUMBER', reason: 'its type is ResidentId, a resident identity number' };
  if (!leaf) return null;
  if (/idNumber$/i.test(fieldName) || /residentId$/i.test(fieldName)) {
    return { category: 'IDENTITY_NUMBER', reason: `the name "${fieldName}" says identity number` };
  }
  if (PERSON_REFERENCE_ID.test(fieldName) && (namedType === 'String' || namedType === 'ID')) {
    return { category: 'IDENTITY_NUMBER', reason: `"${fieldName}" identifies a person, by their resident identity number when the subject is a resident` };
  }
  if (fieldName === 'id' && PERSON_KEYED_TYPE.test(typeName)) {
    return { category: 'IDENTITY_NUMBER', reason: `the key of ${typeName} is a resident identity number` };
  }
  if (/(phone|mobile|telephone)(Number|No)?$/i.test(fieldName) && !institutional) {
    return { category: 'PHONE', reason: `the name "${fieldName}" says phone number` };
  }
  if (
    ((/address$/i.test(fieldName) && !/(email|ip|web|mac|url)Address$/i.test(fieldName)) || /(^|[a-z])(domicile|residence)$/i.test(fieldName)) &&
    !institutional
  ) {
    return { category: 'ADDRESS', reason: `the name "${fieldName}" says address` };
  }
  if (/(birthDate|birthday|dateOfBirth)$/i.test(fieldName) || fieldName === 'dob') {
    return { category: 'BIRTH_DATE', reason: `the name "${fieldName}" says date of birth` };
  }
  if (/ethnic/i.test(fieldName)) return { category: 'ETHNICITY', reason: `the name "${fieldName}" says ethnic group (民族)` };
  if (PERSON_NAME_FIELD.test(fieldName)) return { category: 'NAME', reason: `"${fieldName}" is the name of a person` };
  if (personLike && (fieldName === 'name' || /Name$/.test(fieldName)) && !THING_NAME.test(fieldName)) {
    return { category: 'NAME', reason: `"${fieldName}" on ${typeName}, a type describing a person, is a person's name` };
  }
  if (personLike && /^(gender|sex)$/i.test(fieldName)) return { category: 'GENDER', reason: `"${fieldName}" on ${typeName}, a type describing a person` };
  return null;
}

function where(owners: readonly string[]): string {
  if (!owners.length) return 'in the department schema that declares it';
  return `in ${owners.map((o) => `subgraphs/${o}/schema.graphql`).join(', ')}`;
}

// ---------------------------------------------------------------------------
// helpers
// ---------------------------------------------------------------------------

/** join__Graph enum value (REGIONS) -> department name (regions) */
function joinGraphNames(definitions: readonly DefinitionNode[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const def of definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const name = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = name && argument(name, 'name');
      names.set(value.name.value, arg?.kind === Kind.STRING ? arg.value : value.name.value.toLowerCase());
    }
  }
  return names;
}

/** Departments in platform/departments.ts order, then any unknown one by name. */
function departmentOrder(graphNames: Map<string, string>): string[] {
  const known: readonly string[] = DEPARTMENTS.map((d) => d.name);
  const names = [...new Set(graphNames.values())];
  const rank = (n: string) => (known.includes(n) ? known.indexOf(n) : known.length);
  return names.sort((a, b) => rank(a) - rank(b) || compare(a, b));
}

function titleOf(department: string): string {
  return DEPARTMENTS.find((d) => d.name === department)?.title ?? department;
}

function homeOf(owners: string[], fields: InventoryField[]): string[] {
  if (owners.length <= 1) return owners;
  const counts = new Map(owners.map((o) => [o, 0]));
  for (const f of fields) for (const o of f.owners) counts.set(o, (counts.get(o) ?? 0) + 1);
  const max = Math.max(...counts.values());
  return owners.filter((o) => counts.get(o) === max);
}

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function isTrue(value: ReturnType<typeof argument>): boolean {
  return value?.kind === Kind.BOOLEAN && value.value;
}

function graphOf(directive: ConstDirectiveNode, graphNames: Map<string, string>): string[] {
  const graph = argument(directive, 'graph');
  return graph?.kind === Kind.ENUM ? [graphNames.get(graph.value) ?? graph.value.toLowerCase()] : [];
}

function hasJurisdiction(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (directives ?? []).some((d) => d.name.value === 'jurisdiction');
}

function inaccessible(directives: readonly ConstDirectiveNode[] | undefined): boolean {
  return (directives ?? []).some((d) => d.name.value === 'inaccessible');
}

function deprecationOf(directives: readonly ConstDirectiveNode[] | undefined): string | null {
  const d = directives?.find((x) => x.name.value === 'deprecated');
  if (!d) return null;
  const reason = argument(d, 'reason');
  return reason?.kind === Kind.STRING ? reason.value : 'No longer supported';
}

function describe(description: StringValueNode | undefined): string | null {
  return description ? description.value : null;
}

function oneOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function uniqueSorted(items: string[]): string[] {
  return [...new Set(items)].sort(compare);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

/** Code-point order: the same on every machine, whatever its locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
