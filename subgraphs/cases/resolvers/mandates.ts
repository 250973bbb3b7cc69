import type { FilterQuery } from '@mikro-orm/core';
import type { Caller } from '../../../platform/context.js';
import { ForbiddenError, NotFoundError } from '../../../platform/errors.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { WRITE_SCOPE } from '../access.js';
import type { Context } from '../context.js';
import type { MandateInput, MandateResolvers, MutationResolvers, QueryResolvers } from '../generated/resolvers.js';
import { MandateEntity, type Mandate } from '../entities.js';
import { checkMandate, isActive, newMandateId, requireGrantor } from '../mandates.js';
import { applicantRef } from './Case.js';

const READ_SCOPE = 'cases:read';

/** Records a mandate: by its principal (grantMandate) or an officer at a window (registerMandate). */
async function recordMandate(input: MandateInput, { em, caller, purpose }: Context, viaWindow: boolean): Promise<Mandate> {
  requireGrantor(caller, purpose, input, viaWindow);
  const now = new Date();
  const { itemCodes, validFrom, validUntil } = checkMandate(input, now);
  const mandate: Mandate = {
    ...{ id: newMandateId(now), principalKind: input.principalKind, principalId: input.principalId, agentId: input.agentId, itemCodes, validFrom, validUntil },
    ...{ revokedAt: null, grantedBy: viaWindow ? 'OFFICER' : 'PRINCIPAL', createdAt: now.toISOString() },
    ...(viaWindow ? { officerId: caller.subject, officerDepartment: caller.department, purpose } : { officerId: null, officerDepartment: null, purpose: null }),
  };
  await em.insert(MandateEntity, mandate);
  return mandate;
}

const isPrincipal = (caller: Caller, m: Mandate) =>
  caller.subject !== null &&
  caller.subject === m.principalId &&
  ((caller.role === 'CITIZEN' && m.principalKind === 'PERSON') || (caller.role === 'ENTERPRISE' && m.principalKind === 'ENTERPRISE'));
const isAgent = (caller: Caller, m: Mandate) => caller.role === 'CITIZEN' && caller.subject !== null && caller.subject === m.agentId;
const onDuty = ({ caller, purpose }: Context, scope: string) => caller.role === 'OFFICER' && caller.scopes.includes(scope) && Boolean(purpose?.trim());

/** The mandates a citizen or enterprise may list: granted by them, or held by them as an agent. */
function ownMandates(caller: Caller): FilterQuery<Mandate> {
  if (!caller.subject || (caller.role !== 'CITIZEN' && caller.role !== 'ENTERPRISE'))
    throw new ForbiddenError('Listing mandates needs a citizen or enterprise sign-in');
  const granted = { principalKind: caller.role === 'CITIZEN' ? 'PERSON' : 'ENTERPRISE', principalId: caller.subject } as const;
  return caller.role === 'CITIZEN' ? { $or: [granted, { agentId: caller.subject }] } : granted;
}

export const mandateQueries: Pick<QueryResolvers, 'mandates' | 'mandate'> = {
  async mandates(_, page, { em, caller }) {
    const { limit, after } = pageRequest(page);
    const where: FilterQuery<Mandate>[] = [ownMandates(caller)];
    if (after) where.push({ id: { $lt: after } });
    return toPage(await em.find(MandateEntity, { $and: where }, { orderBy: { id: 'desc' }, limit: limit + 1 }), { limit, after }, (m) => m.id);
  },

  async mandate(_, { id }, context) {
    const { em, caller } = context;
    if (caller.role === 'OFFICER' && !onDuty(context, READ_SCOPE))
      throw new ForbiddenError(`Reading a mandate needs the scope ${READ_SCOPE} and a stated purpose (x-purpose)`);
    const found = await em.findOne(MandateEntity, { id });
    // someone else's mandate reads exactly like one that does not exist
    if (!found || (caller.role !== 'OFFICER' && !isPrincipal(caller, found) && !isAgent(caller, found))) throw new NotFoundError('Mandate', id);
    return found;
  },
};

export const mandateMutations: Pick<MutationResolvers, 'grantMandate' | 'registerMandate' | 'revokeMandate'> = {
  grantMandate: (_, { input }, context) => recordMandate(input, context, false),
  registerMandate: (_, { input }, context) => recordMandate(input, context, true),

  /** Ends a mandate now; the agent's later submissions under it are refused. */
  async revokeMandate(_, { id }, context) {
    const { em, caller } = context;
    if (caller.role === 'OFFICER' && !onDuty(context, WRITE_SCOPE))
      throw new ForbiddenError(`Revoking a mandate needs the scope ${WRITE_SCOPE} and a stated purpose (x-purpose)`);
    const found = await em.findOne(MandateEntity, { id });
    if (found && isAgent(caller, found)) throw new ForbiddenError('Only the principal (or an officer at a hall window) can revoke this mandate');
    // someone else's mandate reads exactly like one that does not exist
    if (!found || (caller.role !== 'OFFICER' && !isPrincipal(caller, found))) throw new NotFoundError('Mandate', id);
    if (found.revokedAt !== null) return found;
    const revokedAt = new Date().toISOString();
    await em.nativeUpdate(MandateEntity, { id, revokedAt: null }, { revokedAt });
    return { ...found, revokedAt };
  },
};

export const MandateResolver: MandateResolvers = {
  principal: (m) => applicantRef({ applicantKind: m.principalKind, applicantId: m.principalId }),
  agent: (m) => ({ id: m.agentId }),
  items: (m) => m.itemCodes.map((code) => ({ code })),
  active: (m) => isActive(m, new Date().toISOString()),
  registeredByDepartment: (m) => m.officerDepartment,
};
