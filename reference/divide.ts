import { divisions } from './divisions.js';

/**
 * The groups of the digital-divide figures (issue #17 item 2): who applied (age band) and where the
 * case is handled (the handling division's kind and economic region). Reference data, one place:
 * the cases department groups by them and the appeals seed reads the regions.
 */

/** The applicant's age on the day of submission, in three bands; enterprises have none. */
export const AGE_BANDS = ['UNDER_30', 'FROM_30_TO_59', 'SIXTY_AND_OVER'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Full years from `birthDate` to `on` (both YYYY-MM-DD): a birthday counts on its day. */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageBand(birthDate: string, on: string): AgeBand {
  const age = ageOn(birthDate, on);
  return age < 30 ? 'UNDER_30' : age < 60 ? 'FROM_30_TO_59' : 'SIXTY_AND_OVER';
}

/**
 * The kind of the handling division (GB/T 2260): a county-level 区 (URBAN_DISTRICT), any other
 * county-level division (县, 县级市, 旗, 自治县, 林区, 特区…: COUNTY), or a prefecture or province
 * whose agency handles it (ABOVE_COUNTY).
 */
export const RESIDENCE_TYPES = ['URBAN_DISTRICT', 'COUNTY', 'ABOVE_COUNTY'] as const;
export type ResidenceType = (typeof RESIDENCE_TYPES)[number];

let urban: ReadonlySet<string> | undefined;

/**
 * The 市辖区: county-level divisions named …区 under a city (a prefecture-level 市 or a municipality).
 * A 区 under a 地区, 盟 or 自治州 (大兴安岭's 加格达奇区, development zones), a 特区 (六枝特区) and
 * the 林区 under a province (神农架林区) stand where a county would.
 */
export function urbanDistricts(): ReadonlySet<string> {
  if (urban) return urban;
  const names = new Map(divisions().map((d) => [d.code, d.name]));
  const isCity = (code: string | null) => !!code && /市$/.test(names.get(code) ?? '');
  urban = new Set(
    divisions()
      .filter((d) => d.level === 'COUNTY' && /区$/.test(d.name) && !/特区$/.test(d.name) && isCity(d.parentCode))
      .map((d) => d.code),
  );
  return urban;
}

export function residenceType(regionCode: string): ResidenceType {
  if (regionCode.endsWith('00')) return 'ABOVE_COUNTY';
  return urbanDistricts().has(regionCode) ? 'URBAN_DISTRICT' : 'COUNTY';
}

/** The four economic regions (东部, 中部, 西部, 东北) by province code (GB/T 2260, two digits). */
export const ECONOMIC_REGIONS = {
  EAST: ['11', '12', '13', '31', '32', '33', '35', '37', '44', '46'],
  CENTRE: ['14', '34', '36', '41', '42', '43'],
  WEST: ['15', '45', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  NORTHEAST: ['21', '22', '23'],
} as const satisfies Record<string, readonly string[]>;
export type EconomicRegion = keyof typeof ECONOMIC_REGIONS;
export const ECONOMIC_REGION_NAMES = Object.keys(ECONOMIC_REGIONS) as EconomicRegion[];

/** The economic region of a division's province; null for codes outside the 31 provinces (Hong Kong, Macao, Taiwan, the country). */
export function economicRegion(regionCode: string): EconomicRegion | null {
  const province = regionCode.slice(0, 2);
  return ECONOMIC_REGION_NAMES.find((r) => (ECONOMIC_REGIONS[r] as readonly string[]).includes(province)) ?? null;
}
