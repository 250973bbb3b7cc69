import type { PersonRef } from '../../platform/refs.js';
import { representativeOf, type RelationOf } from '../../platform/security/relations.js';
import type { Context } from './context.js';

/**
 * An enterprise sees its own legal representative: the identity number masked, and (vouched for to
 * public security in the sealed number) their name; not the other enterprises they represent.
 */
export const relations: Record<string, RelationOf> = {
  Person: async (person: RepresentativeRef, { caller, loaders }: Context) => {
    // only as the enterprise's own legalRepresentative: met elsewhere (another enterprise they
    // represent, a key), the same person is no more the caller's than anyone's
    if (caller.role !== 'ENTERPRISE' || !caller.subject || person.representing !== caller.subject) return null;
    const own = await loaders.enterpriseByCode.load(caller.subject);
    if (own?.representativeId !== person.id) return null;
    return { as: "your enterprise's legal representative", fields: { id: 'masked' }, vouch: representativeOf(caller.subject) };
  },
};

/** A person as an enterprise's legal representative: the enterprise it was reached through. */
export interface RepresentativeRef extends PersonRef {
  representing?: string;
}
