import { randomInt } from 'node:crypto';
import { BadInputError } from '../../../platform/errors.js';
import { CaseEntity, CaseEventEntity, ImplementationEntity, type Case, type CaseEvent } from '../entities.js';
import type { MutationResolvers, MutationSubmitCaseArgs } from '../generated/resolvers.js';
import type { Context } from '../context.js';
import { submitter } from '../access.js';
import { noteActingFor } from '../acting-for.js';
import { requireMandate } from '../mandates.js';
import { confirmedDataRuns, recordDataRuns, type PreviewExpiredProblem } from '../dataRuns.js';
import { applicantAgeBand } from '../age-band.js';
import { caseFacts } from '../timeline.js';
import { checkApplicant, checkChannel, itemFor } from '../validate.js';
import { idempotent } from '../../../platform/idempotency.js';
import { answerProblems } from '../../../platform/problems.js';
import { withJurisdiction } from '../../../platform/identifiers/index.js';
import { nowInChina } from '../../../platform/time.js';
import { replayCase } from './handlingSteps.js';

const SERIAL = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The province of the implementing region, C, the submission date, N and 10 random characters:
 * never one of the sample ids (province, C, date, 8 digits).
 */
function newCaseId(regionCode: string, at: string): string {
  return withJurisdiction(regionCode, `C${at.slice(0, 10).replaceAll('-', '')}N${Array.from({ length: 10 }, () => SERIAL[randomInt(SERIAL.length)]).join('')}`);
}

/** Opens a case under an implementation, which fixes region, agency and the promised limit; an expired preview is a problem. */
export const submitCase: NonNullable<MutationResolvers['submitCase']> = (_, args, context) =>
  answerProblems<Case, PreviewExpiredProblem>(() => openCase(args, context));

async function openCase({ input, idempotencyKey }: MutationSubmitCaseArgs, context: Context): Promise<Case> {
  checkApplicant(input.applicantKind, input.applicantId, 'input.applicantId');
  const item = itemFor(input.itemCode, input.applicantKind, 'input.itemCode');
  checkChannel(item, input.channel, 'input.channel');
  const { agentId, handler, needsMandate } = submitter(context.caller, input);
  // acting for someone else only within their mandate for this item (帮代办)
  const mandateId = needsMandate && agentId ? await requireMandate(context.em, input, agentId) : null;
  const request = { mutation: 'submitCase', key: idempotencyKey, input };
  const submitted = await idempotent(
    context.em,
    context.caller,
    request,
    async (tx) => {
      // inside the key's run: a repeat of a submission that succeeded is replayed, however old its preview is now
      const dataRuns = await confirmedDataRuns(context.caller, input, item);
      const implementation = await tx.findOne(ImplementationEntity, { code: input.implementationCode });
      if (!implementation || implementation.itemCode !== input.itemCode) {
        throw new BadInputError(
          `${input.implementationCode} is not an implementation of ${input.itemCode}; the catalog lists them under ServiceItem.implementations`,
          'input.implementationCode',
        );
      }
      const at = nowInChina();
      const id = newCaseId(implementation.regionCode, at);
      const event: CaseEvent = { caseId: id, seq: 0, at, status: 'SUBMITTED', channel: input.channel, handler, note: null };
      const { itemCode, implementationCode, applicantKind, applicantId, channel } = input;
      const { regionCode, departmentCode, promisedLimitDays } = implementation;
      const facts = caseFacts([event], promisedLimitDays);
      const row: Case = {
        ...{ id, applicantKind, applicantId, agentId, mandateId, itemCode, implementationCode, regionCode, departmentCode, channel, promisedLimitDays },
        applicantAgeBand: applicantAgeBand(applicantKind, applicantId, facts.submittedOn),
        ...facts,
      };
      await tx.insert(CaseEntity, row);
      await tx.insert(CaseEventEntity, event);
      await recordDataRuns(tx, id, dataRuns);
      return row;
    },
    replayCase,
  );
  noteActingFor(context, submitted, 'Mutation.submitCase');
  return submitted;
}
