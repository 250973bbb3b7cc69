import { BadInputError, NotFoundError } from '../../../platform/errors.js';
import { checkDateOrder } from '../../../platform/date-window.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { CERTIFICATE_KINDS, CERTIFICATE_TYPE_NAMES, CERTIFICATE_TYPES } from '../data/kinds.js';
import { CertificateEntity } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { filterCertificates } from '../status.js';
import { holderFor } from './holder.js';
import { listInMemory, parsePosition, positionKey, whereOf } from './listing.js';
import { todayInChina } from '../../../platform/time.js';

export const Query: QueryResolvers = {
  async certificate(_, { id }, { loaders }) {
    const found = await loaders.certificateById.load(id);
    if (!found) throw new NotFoundError('Certificate', id);
    return found;
  },

  async certificates(_, { holderPerson, holderEnterprise, first, after, ...filter }, { em, loaders, caller }) {
    const page = pageRequest({ first, after });
    if (holderPerson && holderEnterprise)
      throw new BadInputError('give holderPerson or holderEnterprise, not both: a certificate has one holder', 'holderEnterprise');
    checkDateOrder(filter.issuedFrom, filter.issuedTo, ['issuedFrom', 'issuedTo']);
    const holder = holderFor(caller, { holderPerson, holderEnterprise });
    const position = page.after ? parsePosition(page.after) : null;
    const today = todayInChina();
    if (holder) {
      // a holder has a handful of certificates: one indexed look-up, then filter and page in memory
      const held = await (holder.kind === 'PERSON' ? loaders.certificatesOfPerson : loaders.certificatesOfEnterprise).load(holder.id);
      return toPage(listInMemory(held, filter, position, today).slice(0, page.limit + 1), page, positionKey);
    }
    const rows = await em.find(
      CertificateEntity,
      { $and: whereOf(filter, position, today) },
      { orderBy: { issueDate: 'desc', id: 'desc' }, limit: page.limit + 1 },
    );
    return toPage(rows, page, positionKey);
  },

  async validCertificate(_, { holderPerson, holderEnterprise, type }, { loaders, caller }) {
    if (!holderPerson === !holderEnterprise) {
      throw new BadInputError('give exactly one of holderPerson and holderEnterprise', holderPerson ? 'holderEnterprise' : 'holderPerson');
    }
    const holder = holderFor(caller, { holderPerson, holderEnterprise })!;
    const held = await (holder.kind === 'PERSON' ? loaders.certificatesOfPerson : loaders.certificatesOfEnterprise).load(holder.id);
    // the loader lists a holder's certificates newest first within a type
    return filterCertificates(held, type, 'VALID')[0] ?? null;
  },

  certificateTypes: () =>
    CERTIFICATE_TYPES.map((type) => {
      const kind = CERTIFICATE_KINDS[type];
      return {
        type,
        name: CERTIFICATE_TYPE_NAMES[type],
        holderKind: kind.holderKind,
        issuingDepartmentKind: kind.issuer,
        issuingLevel: kind.level,
        typicalValidityYears: kind.typicalValidityYears,
        validityRule: kind.validityRule,
      };
    }),
};
