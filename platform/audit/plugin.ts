import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { DepartmentContext } from '../context.js';
import { ErrorCode, GovError } from '../errors.js';
import { log } from '../log.js';
import { auditSigningKey } from './keys.js';
import type { ServedBy } from './collector.js';
import { registerOutbox, writeOutbox } from './outbox.js';
import { withholdingOf } from './withholding.js';

/**
 * Durable first: before a response that carries personal data leaves the
 * department, its access records are written to the department's own outbox.
 * If they cannot be written, the personal data is not served; nor is it when
 * the caller asks to withhold the read from its subject without the power to. The records name the
 * department, and the instance that served them when it is served per province.
 */
export function accessRecordingPlugin(served: ServedBy, orm: MikroORM): ApolloServerPlugin<DepartmentContext<unknown>> {
  const { department } = served;
  // a department without its audit signing key (production) does not start: its records could never be delivered
  auditSigningKey(department);
  registerOutbox(orm, department);
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (!contextValue.reads.any || response.body.kind !== 'single') return;
          let records;
          try {
            // asking to withhold the read from its subject without the power to: nothing is served
            records = contextValue.reads.records(contextValue, served, withholdingOf(contextValue.caller, contextValue.purpose, department));
          } catch (error) {
            if (!(error instanceof GovError)) throw error;
            response.body.singleResult = { errors: [{ message: error.message, extensions: error.extensions }] };
            return;
          }
          try {
            await writeOutbox(orm, records);
          } catch (error) {
            log.error('access records could not be written; personal data withheld', {
              department,
              requestId: contextValue.requestId,
              message: (error as Error).message,
            });
            response.body.singleResult = {
              errors: [
                {
                  message: 'Personal data withheld: the access could not be recorded. Try again later.',
                  extensions: { code: ErrorCode.Internal, requestId: contextValue.requestId },
                },
              ],
            };
          }
        },
      };
    },
  };
}
