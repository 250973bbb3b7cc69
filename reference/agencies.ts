import { sampleAgencies, type SampleAgency } from './sample-catalog.js';

/**
 * The agencies that exist: the same reference list the catalog department is
 * seeded from (platform/sample-catalog.ts), so the gateway knows every agency
 * code the graph can name without importing the catalog. An officer token must
 * name one of them (gateway/auth.ts); a deployment with a real catalog replaces
 * this list with the catalog's published register, in this one module.
 */
let byCode: ReadonlyMap<string, SampleAgency> | null = null;

function agencies(): ReadonlyMap<string, SampleAgency> {
  byCode ??= new Map(sampleAgencies().map((a) => [a.code, a]));
  return byCode;
}

/** The agency with this unified social credit code, or null when there is none. */
export function knownAgency(code: string): SampleAgency | null {
  return agencies().get(code) ?? null;
}
