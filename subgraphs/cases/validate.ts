import { BadInputError } from '../../platform/errors.js';
import { checkCreditCode, checkResidentId } from '../../platform/identifiers/index.js';
import { serviceItem } from '../../reference/service-items.js';
import type { Channel, ItemSeed } from '../../reference/service-types.js';
import type { ApplicantKind } from './entities.js';

const MAX_TEXT = 500;

/** Checks an applicant id for its kind: a resident identity number or a credit code, with the exact reason. */
export function checkApplicant(kind: ApplicantKind, id: string, argument = 'applicantId'): void {
  const reason = kind === 'PERSON' ? checkResidentId(id) : checkCreditCode(id);
  if (reason) throw new BadInputError(`not a valid ${kind === 'PERSON' ? 'resident identity number' : 'unified social credit code'}: ${reason}`, argument);
}

/**
 * The national service item applied for: whether it exists, for whom, its
 * channels and materials.
 *
 * Why the declared reference list (reference/service-items.ts) and not the
 * catalog through the graph: a submission is checked inside its own transaction,
 * and asking the catalog would make every submission wait on, and fail with,
 * another department, with a gateway round trip each time; the national list
 * changes only by a release, and the catalog is seeded from the same module, so
 * the two agree. The local promises (limits, agencies) are this department's own
 * rows (ImplementationEntity).
 *
 * @throws BadInputError when unknown or not for this kind of applicant
 */
export function itemFor(code: string, kind: ApplicantKind, argument = 'itemCode'): ItemSeed {
  const item = serviceItem(code);
  if (!item) throw new BadInputError(`no service item has the code ${code}`, argument);
  if (item.serviceObject !== 'BOTH' && item.serviceObject !== kind) {
    throw new BadInputError(`${item.name} (${code}) is for ${item.serviceObject === 'PERSON' ? 'persons' : 'enterprises'} only`, argument);
  }
  return item;
}

/** The item must be offered through the channel the application comes in. */
export function checkChannel(item: ItemSeed, channel: Channel, argument = 'channel'): void {
  if (!item.channels.includes(channel))
    throw new BadInputError(`${item.name} cannot be applied for through ${channel}; its channels are ${item.channels.join(', ')}`, argument);
}

/** A reason the applicant is owed, or a remark: trimmed, 1..500 characters. */
export function checkText(
  text: string | null | undefined,
  argument: string,
  required: boolean,
  missing = 'must say why: the applicant is owed a reason',
): string | null {
  const trimmed = text?.trim() ?? '';
  if (!trimmed) {
    if (required) throw new BadInputError(missing, argument);
    return null;
  }
  if (trimmed.length > MAX_TEXT) throw new BadInputError(`at most ${MAX_TEXT} characters, got ${trimmed.length}`, argument);
  return trimmed;
}
