import { divisions, type Division } from '../../../reference/divisions.js';
import { agencyAt } from '../../../reference/agencies.js';
import { CATEGORIES, type AppealCategory } from './reference.js';

let byCode: Map<string, Division> | undefined;

/**
 * The agency that normally handles a category in a division: the agency of the
 * category's kind there, with the codes of the agency register (reference/agencies.ts).
 * Null when the division is unknown or has no agency of that kind.
 */
export function suggestedAgency(category: AppealCategory, regionCode: string): string | null {
  byCode ??= new Map(divisions().map((d) => [d.code, d]));
  const division = byCode.get(regionCode);
  return division ? (agencyAt(CATEGORIES[category].departmentKind, division)?.code ?? null) : null;
}
