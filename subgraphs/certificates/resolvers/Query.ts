import type { FilterQuery } from '@mikro-orm/core';
import { BadInputError, NotFoundError } from '../../../platform/errors.js';
import { todayInChina } from '../../../platform/identifiers/index.js';
import { pageRequest, toPage } from '../../../platform/pagination.js';
import { CERTIFICATE_KINDS, CERTIFICATE_TYPE_NAMES, CERTIFICATE_TYPES } from '../data/kinds.js';
import { CertificateEntity, type Certificate } from '../entities.js';
import type { QueryResolvers } from '../generated/resolvers.js';
import { filterCertificates, statusWhere } from '../status.js';
import { holderFor } from './holder.js';

export const Query: QueryResolvers = {
  async certificate(_, { id }, { loaders }) {
    const found = await loaders.certificateById.load(id);
    if (!found) throw new NotFoundError('Certificate', id);
    return found;
  },

  async certificates(_, { holderPerson, holderEnterprise, type, status, issuedFrom, issuedTo, ...page }, { em, caller }) {
    const { limit, after } = pageRequest(page);
    if (holderPerson && holderEnterprise) throw new BadInputError('give holderPerson or holderEnterprise, not both: a certificate has one holder', 'holderEnterprise');
    if (issuedFrom && issuedTo && issuedFrom > issuedTo) throw new BadInputError(`must not be before issuedFrom (${issuedFrom})`, 'issuedTo');
    const holder = holderFor(caller, { holderPerson, holderEnterprise });
    const where: FilterQuery<Certificate>[] = [];
    if (holder) where.push({ holderKind: holder.kind, holderId: holder.id });
    if (type) where.push({ type });
    if (status) where.push(statusWhere(status, todayInChina()));
    if (issuedFrom) where.push({ issueDate: { $gte: issuedFrom } });
    if (issuedTo) where.push({ issueDate: { $lte: issuedTo } });
    if (after) where.push({ id: { $gt: after } });
    const rows = await em.find(CertificateEntity, { $and: where }, { orderBy: { id: 'asc' }, limit: limit + 1 });
    return toPage(rows, limit, (c) => c.id);
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
