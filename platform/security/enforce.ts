import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Caller, DepartmentContext } from '../context.js';
import { ErrorCode, ForbiddenError } from '../errors.js';
import type { FieldPolicy } from './policy.js';
import { readScope } from './roles.js';
import { maskForRelation, vouchesOf, type Relation, type RelationOf, type Visibility } from './relations.js';

/**
 * Who the data subjects of a record are (resident identity numbers, credit
 * codes). A department declares it for every type whose records are about a
 * person or an enterprise; a citizen then reaches only records that are about
 * them, whether through a root field, a nested field or `_entities`.
 */
export type SubjectsOf = (record: any, context: DepartmentContext<any>) => readonly (string | null)[] | Promise<readonly (string | null)[]>;

export interface EnforcementOptions {
  department: string;
  policies: Map<string, FieldPolicy>;
  subjects: Record<string, SubjectsOf>;
  /** what a related citizen or enterprise sees of a record that is not theirs (relations.ts) */
  relations?: Record<string, RelationOf>;
}

/** The verdict on one record for one caller: whom it is about, and the caller's relation to it when it is not theirs. */
interface Verdict {
  subjects: readonly (string | null)[];
  relation: Relation | null;
}

/**
 * Wraps the resolvers of a department's schema so that the department itself
 * enforces, never trusting the network:
 * - field level: the roles of @access / @personal;
 * - purpose: an officer reads personal data only with a stated purpose;
 * - duty: an officer reads this department's personal records only with the scope `<department>:read`;
 * - object level: a citizen or enterprise reads only records whose subject is them, or, where the
 *   department declares a relation (a member of the same household), the fields it shows them of
 *   someone else's record: in full, masked at the source, or withheld field by field (never the whole record);
 * - wherever a record about someone is produced (a root field, a nested field, `_entities`), the
 *   caller's right to such records is checked before anything is looked up, and the record itself is
 *   checked whatever is selected of it (`__typename` alone included), so a caller who may not see a
 *   record cannot tell whether it exists;
 * - filtering by a personal attribute (an argument marked @personal) is for officers on duty.
 * The verdict for one record is computed once per request (WeakMap per context).
 */
export function enforceAccess(schema: GraphQLSchema, options: EnforcementOptions): void {
  const records = recordTypes(schema, options);
  for (const typeName of Object.keys(options.relations ?? {}))
    if (!options.subjects[typeName]) throw new Error(`${options.department} declares a relation to ${typeName} records but not their subjects`);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Mutation') continue;
    const subjectsOf = options.subjects[type.name];
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const policy = options.policies.get(coordinate);
      if (policy?.personal && !subjectsOf) {
        // without its subjects a read of personal data could be neither checked nor recorded
        throw new Error(`${coordinate} is @personal but the ${options.department} department declares no subjects for ${type.name}`);
      }
      const produces = coordinate === 'Query._entities' ? ENTITIES : records.get(getNamedType(field.type).name);
      if (!policy && !subjectsOf && !produces) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const check = checker(options, coordinate, policy, subjectsOf);
      const produce = produces ? producer(options, records, produces, type.name === 'Query') : null;
      const wrapped: GraphQLFieldResolver<unknown, DepartmentContext<unknown>> = async (source, args, context, info) => {
        const shown = await check(source, context);
        const value = produce ? produce(() => resolve(source, args, context, info), args, policy, context) : resolve(source, args, context, info);
        // masked at the source for a related caller: the value never leaves the department whole
        return shown === 'masked' ? maskForRelation(policy?.personal ?? 'non-personal', await value) : value;
      };
      field.resolve = wrapped;
    }
  }
}

/** What a field produces: records of one type (directly or as a page's nodes), or, for `_entities`, whatever each answer's __typename says. */
type Produces = { type: string; page: boolean; roles: ReadonlySet<Caller['role']> };
const ENTITIES = { type: '_Entity', page: false, roles: new Set<Caller['role']>() } as const;

/** Types whose records are about someone, and pages of them, with every role any of their fields admits. */
function recordTypes(schema: GraphQLSchema, { subjects, policies }: EnforcementOptions): Map<string, Produces> {
  const rolesOf = (typeName: string) => {
    const type = schema.getType(typeName);
    const roles = new Set<Caller['role']>();
    if (isObjectType(type))
      for (const field of Object.keys(type.getFields())) for (const role of policies.get(`${typeName}.${field}`)?.roles ?? []) roles.add(role);
    return roles;
  };
  const produced = new Map<string, Produces>();
  for (const name of Object.keys(subjects)) if (schema.getType(name)) produced.set(name, { type: name, page: false, roles: rolesOf(name) });
  for (const type of Object.values(schema.getTypeMap())) {
    const nodes = isObjectType(type) && !subjects[type.name] ? type.getFields().nodes : undefined;
    const inner = nodes ? produced.get(getNamedType(nodes.type).name) : undefined;
    if (inner) produced.set(type.name, { ...inner, page: true });
  }
  return produced;
}

/** Roles whose reach is bounded by the records' subjects (own records) or by duty (officers). */
const SUBJECT_BOUND: readonly Caller['role'][] = ['CITIZEN', 'ENTERPRISE', 'OFFICER'];

/**
 * Runs a field that produces records about someone: refuses before the look-up a caller who may
 * never read such records (so "refused" says nothing about existence), then checks each record
 * produced. At the root, a citizen's look-up that finds nothing is refused exactly like one that
 * finds someone else's record.
 */
function producer(options: EnforcementOptions, records: Map<string, Produces>, produces: Produces, root: boolean) {
  return async (resolve: () => unknown, args: Record<string, unknown>, policy: FieldPolicy | undefined, context: DepartmentContext<unknown>) => {
    const { caller } = context;
    // `_entities`: each representation names its type, so the right to such records is checked
    // before the look-up too, and each answer is judged by the type it was asked as
    const asked = produces === ENTITIES ? ((args.representations as { __typename?: unknown }[] | undefined) ?? []).map((r) => String(r?.__typename)) : [];
    if (produces !== ENTITIES) mayReach(options.department, produces, context);
    else
      for (const typeName of new Set(asked))
        if (options.subjects[typeName] && records.has(typeName)) mayReach(options.department, records.get(typeName)!, context);
    for (const [argument, category] of Object.entries(policy?.personalArguments ?? {})) {
      if (args[argument] === undefined || args[argument] === null) continue;
      if (caller.role !== 'OFFICER')
        throw new ForbiddenError(
          `Filtering by ${argument} (${category.toLowerCase().replace('_', ' ')}) is for officers on duty: it would tell you about other people's records`,
        );
      requireDuty(options.department, argument, context);
    }
    const bound = caller.role === 'CITIZEN' || caller.role === 'ENTERPRISE';
    let value: unknown;
    try {
      value = await resolve();
      // `_entities` answers a list of pending look-ups: settle them to judge each record; a failed
      // one stays that item's error (graphql reports an Error in a list as the item's error)
      if (produces === ENTITIES && Array.isArray(value)) {
        value = (await Promise.allSettled(value)).map((r, i) =>
          r.status === 'fulfilled' ? r.value : bound && options.subjects[asked[i]!] && isNotFound(r.reason) ? notYours(asked[i]!) : r.reason,
        );
      }
    } catch (error) {
      if (root && bound && isNotFound(error)) throw notYours(produces.type);
      throw error;
    }
    if (value === null || value === undefined) {
      if (root && bound && produces !== ENTITIES && !produces.page && 'id' in args) throw notYours(produces.type);
      return value;
    }
    const items = produces.page ? ((value as { nodes?: unknown[] }).nodes ?? []) : Array.isArray(value) ? value : [value];
    // all verdicts at once, so that their look-ups (a household's members) batch in one DataLoader tick
    const verdicts: { index: number; verdict: Promise<unknown> }[] = [];
    for (const [i, item] of items.entries()) {
      const typeName = produces === ENTITIES ? (asked[i] ?? String((item as { __typename?: unknown } | null)?.__typename)) : produces.type;
      const subjectsOf = options.subjects[typeName];
      if (!subjectsOf) continue;
      // by key, a citizen's "nobody has it" must read like "someone else has it", as at the root
      if (item === null || item === undefined) {
        if (produces === ENTITIES && bound) verdicts.push({ index: i, verdict: Promise.reject(notYours(typeName)) });
        continue;
      }
      if (typeof item !== 'object' || item instanceof Error) continue;
      if (SUBJECT_BOUND.includes(caller.role)) verdicts.push({ index: i, verdict: verdictFor(options, typeName, item, context, subjectsOf) });
    }
    // by key, each representation is judged alone: one that is not the caller's is that item's error
    if (produces === ENTITIES && Array.isArray(value)) {
      const settled = await Promise.allSettled(verdicts.map((v) => v.verdict));
      const refused = new Map(settled.flatMap((r, i) => (r.status === 'rejected' ? [[verdicts[i]!.index, r.reason as unknown]] : [])));
      return refused.size ? value.map((item, i) => (refused.has(i) ? refused.get(i) : item)) : value;
    }
    await Promise.all(verdicts.map((v) => v.verdict));
    return value;
  };
}

/** May this caller ever read records of this type? Checked before any look-up. */
function mayReach(department: string, produces: Produces, context: DepartmentContext<unknown>): void {
  const { caller } = context;
  // officers on duty, unless no field of the type admits officers at all (the audit log's entries)
  if (caller.role === 'OFFICER' && (produces.roles.size === 0 || produces.roles.has('OFFICER'))) return requireDuty(department, produces.type, context);
  if (caller.role === 'CITIZEN' || caller.role === 'ENTERPRISE' || produces.roles.has(caller.role)) return;
  throw new ForbiddenError(`${produces.type} records are personal data, not available to ${describe(caller)}`);
}

const verdicts = new WeakMap<object, WeakMap<object, Promise<Verdict>>>();

/** One verdict per record per request, however many of its fields are selected. */
function verdictFor(
  options: EnforcementOptions,
  typeName: string,
  record: object,
  context: DepartmentContext<unknown>,
  subjectsOf: SubjectsOf,
): Promise<Verdict> {
  let perRequest = verdicts.get(context);
  if (!perRequest) verdicts.set(context, (perRequest = new WeakMap()));
  let verdict = perRequest.get(record);
  if (!verdict) {
    verdict = recordVerdict(options, typeName, record, context, subjectsOf);
    perRequest.set(record, verdict);
  }
  return verdict;
}

/** Checks a field of a record for the caller; resolves with how a related caller is shown it ('full' for everyone else). */
function checker(options: EnforcementOptions, coordinate: string, policy: FieldPolicy | undefined, subjectsOf: SubjectsOf | undefined) {
  const { department } = options;
  const [typeName, fieldName] = coordinate.split('.') as [string, string];
  return async (record: unknown, context: DepartmentContext<unknown>): Promise<Visibility> => {
    const { caller } = context;
    if (policy && !policy.roles.includes(caller.role)) {
      throw new ForbiddenError(`${coordinate} is not available to ${describe(caller)}`);
    }
    if (policy?.personal && caller.role === 'OFFICER') requireDuty(department, coordinate, context);
    if (!subjectsOf || typeof record !== 'object' || record === null) return 'full';
    if (!SUBJECT_BOUND.includes(caller.role)) {
      // supervisors, auditors, anonymous: only what a field's @access names them for (e.g. the audit log)
      if (!policy) throw new ForbiddenError(`${typeName} records are personal data, not available to ${describe(caller)}`);
      if (policy.personal) context.reads.note(await subjectsOf(record, context), coordinate, policy.personal);
      return 'full';
    }
    const { subjects, relation } = await verdictFor(options, typeName, record, context, subjectsOf);
    const shown = relation ? relation.fields[fieldName] : 'full';
    if (!shown) throw new ForbiddenError(`${coordinate} is withheld: the record is of ${relation!.as}, and that shows you only ${shownList(relation!)}`);
    // a related caller's read is recorded like any other, masked or not
    if (policy?.personal) context.reads.note(subjects, coordinate, policy.personal);
    return shown;
  };
}

function shownList(relation: Relation): string {
  return Object.entries(relation.fields)
    .map(([field, shown]) => (shown === 'masked' ? `${field} (masked)` : field))
    .join(', ');
}

/** Checks one record for the caller and resolves with its data subjects and the caller's relation to it. */
async function recordVerdict(
  { department, relations }: EnforcementOptions,
  typeName: string,
  record: unknown,
  context: DepartmentContext<unknown>,
  subjectsOf: SubjectsOf,
): Promise<Verdict> {
  const { caller } = context;
  switch (caller.role) {
    case 'CITIZEN':
    case 'ENTERPRISE': {
      const subjects = await subjectsOf(record, context);
      if (caller.subject && subjects.includes(caller.subject)) return { subjects, relation: null };
      const relation = caller.subject ? await relations?.[typeName]?.(record, context) : null;
      if (!relation) throw notYours(typeName);
      // what this department vouches for about the record's subject travels sealed with its number
      if (relation.vouch) for (const subject of subjects) if (subject) vouchesOf(context).set(subject, relation.vouch);
      return { subjects, relation };
    }
    default:
      requireDuty(department, typeName, context);
      return { subjects: await subjectsOf(record, context), relation: null };
  }
}

const isNotFound = (error: unknown) => (error as { extensions?: { code?: string } } | null)?.extensions?.code === ErrorCode.NotFound;

/** The one answer for "someone else's" and "nobody's": the two must not be told apart. */
function notYours(typeName: string): ForbiddenError {
  return new ForbiddenError(`No ${typeName} record of yours matches; you can only read your own`);
}

function requireDuty(department: string, what: string, { caller, purpose }: DepartmentContext<unknown>): void {
  if (!caller.scopes.includes(readScope(department))) {
    throw new ForbiddenError(`Reading ${what} is outside your duties: it needs the scope ${readScope(department)}`);
  }
  if (!purpose) {
    throw new ForbiddenError(`Reading personal data (${what}) needs a stated purpose: send the x-purpose header with a case id or a legal basis`);
  }
}

function describe(caller: Caller): string {
  return caller.role === 'ANONYMOUS' ? 'anonymous callers; sign in first' : `the ${caller.role.toLowerCase()} role`;
}
