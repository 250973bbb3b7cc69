import type { Caller } from '../../../platform/context.js';
import { ForbiddenError } from '../../../platform/errors.js';
import type { HolderKind } from '../entities.js';

export interface HolderArgs {
  holderPerson?: string | null;
  holderEnterprise?: string | null;
}

/**
 * The holder a root field may read for this caller. Citizens and enterprises
 * reach only their own certificates: asking about another holder is refused
 * up front, so not even the number of someone else's certificates shows.
 * Officers' duty and purpose are checked on every certificate (subjects.ts).
 *
 * @returns null when no holder was named and the caller may list across holders
 */
export function holderFor(caller: Caller, { holderPerson, holderEnterprise }: HolderArgs): { kind: HolderKind; id: string } | null {
  const own: HolderKind | null = caller.role === 'CITIZEN' ? 'PERSON' : caller.role === 'ENTERPRISE' ? 'ENTERPRISE' : null;
  const named = holderPerson ? { kind: 'PERSON' as const, id: holderPerson } : holderEnterprise ? { kind: 'ENTERPRISE' as const, id: holderEnterprise } : null;
  if (!own) return named;
  if (!caller.subject) throw new ForbiddenError('Your sign-in names no holder: certificates cannot be matched to you');
  if (named && (named.kind !== own || named.id !== caller.subject)) throw new ForbiddenError('You can only read your own certificates');
  return { kind: own, id: caller.subject };
}
