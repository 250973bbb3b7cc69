import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/core';
import type { DepartmentContext } from '../context.js';
import { ErrorCode } from '../errors.js';
import { log } from '../log.js';
import { accessRecords } from './collector.js';
import { writeOutbox } from './outbox.js';

/**
 * Durable first: before a response that carries personal data leaves the
 * department, its access records are written to the department's own outbox.
 * If they cannot be written, the personal data is not served.
 */
export function accessRecordingPlugin(department: string, orm: MikroORM): ApolloServerPlugin<DepartmentContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          const records = accessRecords(contextValue, department);
          if (records.length === 0 || response.body.kind !== 'single') return;
          try {
            await writeOutbox(orm, records);
          } catch (error) {
            log.error('access records could not be written; personal data withheld', { department, requestId: contextValue.requestId, message: (error as Error).message });
            response.body.singleResult = {
              errors: [{ message: 'Personal data withheld: the access could not be recorded. Try again later.', extensions: { code: ErrorCode.Internal, requestId: contextValue.requestId } }],
            };
          }
        },
      };
    },
  };
}
