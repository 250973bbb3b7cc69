import type { Caller } from '../platform/context.js';

/** What the gateway knows about one client request. */
export interface GatewayContext {
  requestId: string;
  /** x-purpose: a case id or legal basis, required for officers reading personal data */
  purpose: string | null;
  caller: Caller;
  clientName: string | null;
  /** the TCP peer, the rate-limit key of anonymous callers */
  clientAddress: string;
}
