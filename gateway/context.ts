import type { DocumentNode, GraphQLSchema } from 'graphql';
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
  /**
   * Set on an operation the gateway runs itself for the request (the purpose check, a subscription's
   * events): its text is the gateway's, not the client's, so trusted documents do not apply to it.
   * Never set from anything a client sends.
   */
  internal?: true;
  /** a subscription served as an event stream: where the pipeline hands it over (gateway/live/) */
  live?: LiveRequest;
}

/** A subscription that passed the pipeline (trusted documents, limits, access rules), to be served live. */
export interface LiveRequest {
  accepted: { schema: GraphQLSchema; document: DocumentNode; operationName: string | null; variables: Record<string, unknown> } | null;
}
