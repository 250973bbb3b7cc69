import type { MutationResolvers } from '../generated/resolvers.js';
import { registerAppeal } from '../mutations/register.js';
import { closeAppeal, dispatchAppeal, respondToAppeal, returnAppeal } from '../mutations/steps.js';

export const Mutation: MutationResolvers = {
  registerAppeal: (_, { input, idempotencyKey }, context) => registerAppeal(context, input, idempotencyKey),
  dispatchAppeal: (_, { id, departmentCode, idempotencyKey }, context) => dispatchAppeal(context, id, departmentCode, idempotencyKey),
  returnAppeal: (_, { id, reason, idempotencyKey }, context) => returnAppeal(context, id, reason, idempotencyKey),
  respondToAppeal: (_, { id, response, idempotencyKey }, context) => respondToAppeal(context, id, response, idempotencyKey),
  closeAppeal: (_, { id, satisfaction, idempotencyKey }, context) => closeAppeal(context, id, satisfaction, idempotencyKey),
};
