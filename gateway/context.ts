import type { Caller } from '../platform/context.js';

/** What the gateway knows about one client request. */
export interface GatewayContext {
  requestId: string;
  purpose: string | null;
  caller: Caller;
}
