import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { Caller, DepartmentContext } from '../context.js';
import { ForbiddenError } from '../errors.js';
import { noteAccess } from '../audit/collector.js';
import type { FieldPolicy } from './policy.js';
import { readScope } from './roles.js';

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
}

/**
 * Wraps the resolvers of a department's schema so that the department itself
 * enforces, never trusting the network:
 * - field level: the roles of @access / @personal;
 * - purpose: an officer reads personal data only with a stated purpose;
 * - duty: an officer reads this department's personal records only with the scope `<department>:read`;
 * - object level: a citizen or enterprise reads only records whose subject is them.
 * The verdict for one record is computed once per request (WeakMap per context).
 */
export function enforceAccess(schema: GraphQLSchema, options: EnforcementOptions): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_') || ['Query', 'Mutation'].includes(type.name)) continue;
    const subjectsOf = options.subjects[type.name];
    for (const field of Object.values(type.getFields())) {
      const policy = options.policies.get(`${type.name}.${field.name}`);
      if (!policy && !subjectsOf) continue;
      if (policy?.personal && !subjectsOf) {
        // without its subjects a read of personal data could be neither checked nor recorded
        throw new Error(`${type.name}.${field.name} is @personal but the ${options.department} department declares no subjects for ${type.name}`);
      }
      const resolve = field.resolve ?? defaultFieldResolver;
      const check = checker(options.department, `${type.name}.${field.name}`, policy, subjectsOf);
      const wrapped: GraphQLFieldResolver<unknown, DepartmentContext<unknown>> = async (source, args, context, info) => {
        await check(source, context);
        return resolve(source, args, context, info);
      };
      field.resolve = wrapped;
    }
  }
}

/** Roles whose reach is bounded by the records' subjects (own records) or by duty (officers). */
const SUBJECT_BOUND: readonly Caller['role'][] = ['CITIZEN', 'ENTERPRISE', 'OFFICER'];

const verdicts = new WeakMap<object, WeakMap<object, Promise<readonly (string | null)[]>>>();

function checker(department: string, coordinate: string, policy: FieldPolicy | undefined, subjectsOf: SubjectsOf | undefined) {
  return async (record: unknown, context: DepartmentContext<unknown>) => {
    const { caller } = context;
    if (policy && !policy.roles.includes(caller.role)) {
      throw new ForbiddenError(`${coordinate} is not available to ${describe(caller)}`);
    }
    if (policy?.personal && caller.role === 'OFFICER') requireDuty(department, coordinate, context);
    if (!subjectsOf || typeof record !== 'object' || record === null) return;
    if (!SUBJECT_BOUND.includes(caller.role)) {
      // supervisors, auditors, anonymous: only what a field's @access names them for (e.g. the audit log)
      if (!policy) throw new ForbiddenError(`${coordinate.split('.')[0]} records are personal data, not available to ${describe(caller)}`);
      if (policy.personal) noteAccess(context, await subjectsOf(record, context), coordinate, policy.personal);
      return;
    }
    // one verdict per record per request, however many of its fields are selected
    let perRequest = verdicts.get(context);
    if (!perRequest) verdicts.set(context, (perRequest = new WeakMap()));
    let verdict = perRequest.get(record);
    if (!verdict) {
      verdict = recordVerdict(department, coordinate.split('.')[0]!, record, context, subjectsOf);
      perRequest.set(record, verdict);
    }
    const subjects = await verdict;
    if (policy?.personal) noteAccess(context, subjects, coordinate, policy.personal);
  };
}

/** Checks one record for the caller and resolves with its data subjects. */
async function recordVerdict(department: string, typeName: string, record: unknown, context: DepartmentContext<unknown>, subjectsOf: SubjectsOf): Promise<readonly (string | null)[]> {
  const { caller } = context;
  switch (caller.role) {
    case 'CITIZEN':
    case 'ENTERPRISE': {
      const subjects = await subjectsOf(record, context);
      if (!caller.subject || !subjects.includes(caller.subject)) throw new ForbiddenError(`This ${typeName} record is not about you; you can only read your own`);
      return subjects;
    }
    default:
      requireDuty(department, typeName, context);
      return subjectsOf(record, context);
  }
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
