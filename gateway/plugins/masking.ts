import type { ApolloServerPlugin } from '@apollo/server';
import { maskingPlugin } from '../../platform/security/response-masking.js';
import { mayUnmask } from '../../platform/security/roles.js';
import type { GatewayContext } from '../context.js';
import type { GraphPolicies } from '../policies.js';

/**
 * The gateway's second line of masking (departments mask at the source): the
 * same rules over the composed answer, a field shown in full only with a purpose
 * and the unmask scope of the department that holds it. It also
 * turns the keys departments sealed for each other into their masked display.
 */
export function personalDataMaskingPlugin(policies: GraphPolicies): ApolloServerPlugin<GatewayContext> {
  return maskingPlugin<GatewayContext>({
    categoryOf: (coordinate) => policies.fields.get(coordinate)?.personal,
    mayUnmask: (coordinate, { caller, purpose }) => mayUnmask(caller, purpose, policies.holders(coordinate)),
  });
}
