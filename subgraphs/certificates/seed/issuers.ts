import { servedDivisions } from '../../../reference/divisions.js';
import { hashSeed } from '../../../platform/random.js';
import { makeCreditCode } from '../../../platform/identifiers/index.js';
import type { DepartmentKind, RegionLevel } from '../generated/resolvers.js';

/**
 * An agency's unified social credit code. Mirrors the catalog's agencyCode
 * (subgraphs/catalog/seed.ts), so the codes match the catalog's Department keys
 * without importing it.
 */
function agencyCode(kind: DepartmentKind, regionCode: string): string {
  const body = String(hashSeed(kind, regionCode) % 100_000_000).padStart(8, '0');
  return makeCreditCode('1', '1', regionCode, body);
}

const parents = new Map<string, string | null>();
const codes = new Map<string, string>();

/**
 * The code of the `kind` agency at `level` above (or at) a holder's county.
 * Agencies exist only in the sample divisions, and a municipality's districts
 * have no prefecture, so PREFECTURE there is the municipality itself.
 */
export function issuingAgency(kind: DepartmentKind, level: RegionLevel, countyCode: string): string {
  const regionCode = level === 'COUNTY' ? countyCode : level === 'PROVINCE' ? `${countyCode.slice(0, 2)}0000` : parentOf(countyCode);
  const key = `${kind}@${regionCode}`;
  let code = codes.get(key);
  if (!code) codes.set(key, (code = agencyCode(kind, regionCode)));
  return code;
}

function parentOf(countyCode: string): string {
  if (parents.size === 0) for (const d of servedDivisions()) parents.set(d.code, d.parentCode);
  const parent = parents.get(countyCode);
  if (!parent) throw new Error(`county ${countyCode} is not one of the sample divisions`);
  return parent;
}
