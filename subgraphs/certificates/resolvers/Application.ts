import type { Context } from '../context.js';
import type { Application, MaterialCheck } from '../entities.js';
import type { CaseResolvers, DraftApplicationResolvers } from '../generated/resolvers.js';
import { filterCertificates } from '../status.js';
import { dataRunPreview } from './DataRuns.js';

/**
 * For each material of the item: the newest valid certificate of the type that
 * satisfies it, if the applicant holds one. One batched query per request for
 * all applicants (the holder loaders), whatever the number of cases.
 */
async function checkMaterials(application: Application, { loaders }: Context): Promise<MaterialCheck[]> {
  const holder = application.applicantKind === 'PERSON' ? loaders.certificatesOfPerson : loaders.certificatesOfEnterprise;
  const held = await holder.load(application.applicantId);
  return application.item.materials.map((material) => {
    const type = material.certificateType ?? null;
    const satisfiedBy = type ? (filterCertificates(held, type, 'VALID')[0] ?? null) : null;
    return { name: material.name, required: material.required, certificateType: type, satisfiedBy, mustSubmit: satisfiedBy === null };
  });
}

export const CaseResolver: CaseResolvers = {
  __resolveReference: (reference) => reference as Application & { id: string },
  materials: (application, _, context) => checkMaterials(application, context),
};

export const DraftApplicationResolver: DraftApplicationResolvers = {
  __resolveReference: (reference) => reference as Application & { itemCode: string },
  materials: (application, _, context) => checkMaterials(application, context),
  dataRuns: (application, _, context) => dataRunPreview(application, context),
};
