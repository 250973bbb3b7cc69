import type { ServiceItemResolvers } from '../generated/resolvers.js';

export const ServiceItemResolver: ServiceItemResolvers = {
  __resolveReference: ({ code }, { loaders }) => loaders.itemByCode.load(code),
  conditions: (item) => item.guide.conditions,
  materials: (item) => item.guide.materials.map((m) => ({ ...m, certificateType: m.certificateType ?? null, note: m.note ?? null })),
  steps: (item) => item.guide.steps,
  fees: (item) => item.guide.fees,
  legalBasis: (item) => item.guide.legalBasis,
  channels: (item) => item.guide.channels,
  enquiryPhone: (item) => item.guide.enquiryPhone,
  implementations: async (item, { region }, { loaders }) => {
    const all = await loaders.implementationsByItem.load(item.code);
    return region ? all.filter((i) => i.regionCode === region) : all;
  },
};
