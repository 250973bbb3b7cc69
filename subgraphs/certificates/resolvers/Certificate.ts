import { CERTIFICATE_TYPE_NAMES } from '../data/kinds.js';
import type { CertificateResolvers, CertificateType } from '../generated/resolvers.js';
import { certificateStatus } from '../status.js';

export const CertificateResolver: CertificateResolvers = {
  __resolveReference: ({ id }, { loaders }) => loaders.certificateById.load(id),
  type: (certificate) => certificate.type as CertificateType,
  name: (certificate) => CERTIFICATE_TYPE_NAMES[certificate.type as CertificateType],
  holder: (certificate) => (certificate.holderKind === 'PERSON' ? { id: certificate.holderId } : { creditCode: certificate.holderId }),
  issuingDepartment: (certificate) => ({ code: certificate.departmentCode }),
  status: (certificate) => certificateStatus(certificate),
};
