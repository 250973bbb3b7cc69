import { BadInputError } from '../../platform/errors.js';
import type { Channel } from '../../reference/service-types.js';
import { isBadReview, type EvaluationLevel } from './levels.js';

/** Channels whose rating form asks for the five dimensions; at a hall, by phone or post they are optional. */
const DIMENSION_CHANNELS: readonly Channel[] = ['WEB_PORTAL', 'MOBILE_APP'];
export const requiresDimensions = (channel: Channel) => DIMENSION_CHANNELS.includes(channel);

export const MAX_COMMENT = 500;
export const MAX_TEXT = 2_000;
const MAX_CASE_ID = 64;

export interface Dimensions {
  overall: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  usability: number;
}

export interface RatingInput {
  caseId: string;
  level: EvaluationLevel;
  dimensions?: Dimensions | null;
  comment?: string | null;
  channel: Channel;
}

/** Checks a rating before anything is written; each refusal names the input field. */
export function checkRating(input: RatingInput): void {
  const caseId = input.caseId.trim();
  if (caseId === '' || caseId.length > MAX_CASE_ID) throw new BadInputError(`must be 1–${MAX_CASE_ID} characters`, 'input.caseId');
  if (input.dimensions) {
    for (const [name, value] of Object.entries(input.dimensions)) {
      if (!Number.isInteger(value) || value < 1 || value > 5) throw new BadInputError(`must be 1 to 5, got ${value}`, `input.dimensions.${name}`);
    }
  } else if (requiresDimensions(input.channel)) {
    throw new BadInputError(`a rating on ${input.channel} scores overall, efficiency, guideAccuracy, convenience and usability (1–5 each)`, 'input.dimensions');
  }
  const comment = input.comment?.trim() ?? '';
  if (comment.length > MAX_COMMENT) throw new BadInputError(`at most ${MAX_COMMENT} characters, got ${comment.length}`, 'input.comment');
  if (comment === '' && isBadReview(input.level)) {
    throw new BadInputError(`a ${input.level} review must say what went wrong, so that it can be called back and put right`, 'input.comment');
  }
}

/** Checks a free text an officer records (call summary, result, reason). */
export function checkText(value: string, argument: string): string {
  const text = value.trim();
  if (text === '' || text.length > MAX_TEXT) throw new BadInputError(`must be 1–${MAX_TEXT} characters`, argument);
  return text;
}
