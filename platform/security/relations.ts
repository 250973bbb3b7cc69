import type { DepartmentContext } from '../context.js';
import { maskAddress, maskPhone } from './masking.js';

/**
 * How a field of someone else's record is shown to a caller related to it: in full, or masked by its
 * @personal category. A field a relation does not list is withheld: null, with a FORBIDDEN error at
 * its path, never the whole record.
 */
export type Visibility = 'full' | 'masked';

/** A caller's relation to a record that is not theirs, and what it shows them of it. */
export interface Relation {
  /** the relation in words, for the caller: "another member of your household" */
  as: string;
  /** per field of the record's type; an unlisted field is withheld */
  fields: Readonly<Record<string, Visibility>>;
  /**
   * A fact this department vouches for to the department that holds the rest of the record (the
   * record's key is sealed with it, seal.ts): market regulation vouches that a person is the calling
   * enterprise's legal representative, so public security may show that enterprise their name.
   */
  vouch?: string;
}

/**
 * The relation of a citizen or an enterprise to a record of this type they are not the subject of, or
 * null (then the record is refused as before: "none of yours", exactly like one that does not exist).
 */
export type RelationOf = (record: any, context: DepartmentContext<any>) => Relation | null | Promise<Relation | null>;

/** Categories a relation may show masked; the others are shown in full or withheld. */
export const MASKABLE = new Set(['IDENTITY_NUMBER', 'PHONE', 'ADDRESS']);

/**
 * A value masked at the source for a related caller. Identity numbers are left to the response
 * masking, which masks every number not the caller's own and seals it, so departments can still join on it.
 */
export function maskForRelation(category: string, value: unknown): unknown {
  if (!MASKABLE.has(category))
    throw new Error(`a relation shows a ${category} field masked, but there is no masking for ${category}: show it in full or withhold it`);
  if (typeof value !== 'string') return value;
  if (category === 'PHONE') return maskPhone(value);
  if (category === 'ADDRESS') return maskAddress(value);
  return value;
}

const vouched = new WeakMap<object, Map<string, string>>();

/** The facts vouched for each key in this request: what this department sealed, or unsealed from another. */
export function vouchesOf(context: object): Map<string, string> {
  let map = vouched.get(context);
  if (!map) vouched.set(context, (map = new Map()));
  return map;
}

/** Market regulation's vouch to public security: this person is the legal representative of that enterprise. */
export const representativeOf = (creditCode: string) => `legal-representative-of:${creditCode}`;
