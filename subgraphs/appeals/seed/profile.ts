import type { Division } from '../../../reference/divisions.js';
import { economicRegion } from '../../../reference/divide.js';
import type { Random } from '../../../platform/random.js';
import { agencyAt } from '../../../reference/agencies.js';
import type { Channel } from '../../../reference/service-types.js';
import { CATEGORIES, CATEGORY_LIST, KINDS, type AppealCategory, type AppealKind } from '../data/reference.js';

/** What people in a county tend to ask for, and how they reach the hotline. */
export interface CountyProfile {
  county: Division;
  western: boolean;
  /** outside the provincial capital or a municipality, or a county (县) proper */
  rural: boolean;
  categories: Weighted<AppealCategory>;
  /** the agency of each category at this county (the register's codes, reference/agencies.ts) */
  agencies: Record<AppealCategory, { code: string; name: string }>;
}

export type Weighted<T> = readonly (readonly [T, number])[];

/** Picks from weights that need not sum to 1. */
export function pickWeighted<T>(rng: Random, options: Weighted<T>): T {
  const total = options.reduce((sum, [, w]) => sum + w, 0);
  let x = rng.next() * total;
  for (const [value, w] of options) if ((x -= w) < 0) return value;
  return options.at(-1)![0];
}

const BASE_CATEGORY: Record<AppealCategory, number> = {
  SOCIAL_SECURITY: 12,
  HEALTH: 10,
  EDUCATION: 9,
  HOUSING: 9,
  TRANSPORT: 9,
  MARKET_REGULATION: 8,
  URBAN_MANAGEMENT: 12,
  ENVIRONMENT: 7,
  HOUSEHOLD_REGISTRATION: 7,
  ENTERPRISE_SERVICES: 6,
  GOVERNMENT_SERVICES: 8,
};

// Western and rural counties ask more for social security and health care (help to
// get by); eastern cities more for enterprise services and city management.
const WESTERN_RURAL_FACTOR: Partial<Record<AppealCategory, number>> = {
  SOCIAL_SECURITY: 2.2,
  HEALTH: 1.9,
  EDUCATION: 1.3,
  HOUSEHOLD_REGISTRATION: 1.2,
  ENTERPRISE_SERVICES: 0.4,
  URBAN_MANAGEMENT: 0.5,
};
const EASTERN_URBAN_FACTOR: Partial<Record<AppealCategory, number>> = {
  ENTERPRISE_SERVICES: 2.4,
  URBAN_MANAGEMENT: 1.8,
  TRANSPORT: 1.4,
  MARKET_REGULATION: 1.3,
  SOCIAL_SECURITY: 0.7,
  HEALTH: 0.8,
};

/** The profile of a county: where it stands on the digital divide decides its mix. */
export function countyProfile(county: Division): CountyProfile {
  // the west (西部大开发): the weak side of the regional digital divide
  const western = economicRegion(county.code) === 'WEST';
  // provincial capitals and municipalities have prefecture number 01
  const rural = county.code.slice(2, 4) !== '01' || /[县旗]$/.test(county.name);
  const factors = western || rural ? WESTERN_RURAL_FACTOR : EASTERN_URBAN_FACTOR;
  const strength = western && rural ? 1.3 : western || !rural ? 1 : 0.6;
  const categories = CATEGORY_LIST.map((c) => [c, BASE_CATEGORY[c] * (1 + ((factors[c] ?? 1) - 1) * strength)] as const);
  const agencies = Object.fromEntries(
    CATEGORY_LIST.map((c) => {
      const agency = agencyAt(CATEGORIES[c].departmentKind, county);
      if (!agency) throw new Error(`no ${CATEGORIES[c].departmentKind} agency at ${county.code}`);
      return [c, { code: agency.code, name: agency.name }];
    }),
  ) as CountyProfile['agencies'];
  return { county, western, rural, categories, agencies };
}

const BASE_KIND: Record<AppealKind, number> = { COMPLAINT: 30, HELP_REQUEST: 22, SUGGESTION: 10, CONSULTATION: 32, PRAISE: 6 };
const KIND_BIAS: Partial<Record<AppealCategory, Partial<Record<AppealKind, number>>>> = {
  SOCIAL_SECURITY: { HELP_REQUEST: 1.8 },
  HEALTH: { HELP_REQUEST: 1.6 },
  HOUSING: { HELP_REQUEST: 1.3, COMPLAINT: 1.2 },
  URBAN_MANAGEMENT: { COMPLAINT: 1.8, CONSULTATION: 0.5 },
  ENVIRONMENT: { COMPLAINT: 1.7, SUGGESTION: 1.4 },
  MARKET_REGULATION: { COMPLAINT: 1.9, CONSULTATION: 0.7 },
  HOUSEHOLD_REGISTRATION: { CONSULTATION: 2, COMPLAINT: 0.5 },
  GOVERNMENT_SERVICES: { CONSULTATION: 1.6, PRAISE: 2 },
  ENTERPRISE_SERVICES: { CONSULTATION: 1.4, SUGGESTION: 1.5 },
};

/** The kind of an appeal in a category: rural and western appellants more often ask for help. */
export function kindMix(category: AppealCategory, profile: CountyProfile): Weighted<AppealKind> {
  return KINDS.map((kind) => {
    let w = BASE_KIND[kind] * (KIND_BIAS[category]?.[kind] ?? 1);
    if (kind === 'HELP_REQUEST' && (profile.western || profile.rural)) w *= 1.6;
    if (kind === 'SUGGESTION' && !profile.western && !profile.rural) w *= 1.5;
    return [kind, w] as const;
  });
}

/** How an appeal reaches the hotline: the phone where the digital divide is wide, and for the old. */
export function channelMix(profile: CountyProfile, elderly: boolean): Weighted<Channel> {
  let phone = profile.western ? 62 : 42;
  if (profile.rural) phone += 12;
  if (elderly) phone += 25;
  return [
    ['HOTLINE', phone],
    ['MOBILE_APP', profile.western ? 20 : 34],
    ['WEB_PORTAL', profile.western ? 12 : 20],
    ['SERVICE_HALL', 4],
  ];
}
