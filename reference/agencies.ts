import { makeCreditCode } from '../platform/identifiers/index.js';
import { hashSeed } from '../platform/random.js';
import { servedDivisions, type Division } from './divisions.js';
import { DEPARTMENT_KINDS, type DepartmentKind } from './service-types.js';

/**
 * The register of agencies (政务服务实施机构) this deployment serves: one agency of
 * each kind per served division and level. No national register with credit
 * codes is published, so the codes are derived (stand-ins); a deployment
 * replaces this one module with its published register. The catalog department
 * is seeded from it, the gateway checks an officer token's agency against it
 * (gateway/auth.ts), appeals suggests the agency for a category from it, all
 * without importing the catalog department.
 */
export interface Agency {
  code: string;
  name: string;
  kind: DepartmentKind;
  level: Division['level'];
  regionCode: string;
}

/**
 * An agency's unified social credit code: authority 1 (organs), type 1, its
 * division, and an organisation code derived from kind and division.
 */
export function agencyCode(kind: DepartmentKind, regionCode: string): string {
  return makeCreditCode('1', '1', regionCode, String(hashSeed(kind, regionCode) % 100_000_000).padStart(8, '0'));
}

/** The agency of a kind that serves a division, or null when that kind has no office at that level. */
export function agencyAt(kind: DepartmentKind, region: Division): Agency | null {
  const k = DEPARTMENT_KINDS[kind];
  if (!k.levels.includes(region.level)) return null;
  const name = region.level === 'PROVINCE' ? `${region.name}${k.provincialName}` : `${region.name}${k.name}`;
  return { code: agencyCode(kind, region.code), name, kind, level: region.level, regionCode: region.code };
}

/** Every registered agency, division by division. */
export function registeredAgencies(): Agency[] {
  return servedDivisions().flatMap((region) => (Object.keys(DEPARTMENT_KINDS) as DepartmentKind[]).flatMap((kind) => agencyAt(kind, region) ?? []));
}

let byCode: ReadonlyMap<string, Agency> | null = null;

/** The agency with this unified social credit code, or null when there is none. */
export function knownAgency(code: string): Agency | null {
  byCode ??= new Map(registeredAgencies().map((a) => [a.code, a]));
  return byCode.get(code) ?? null;
}
