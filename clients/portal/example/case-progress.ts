import { createClient } from 'graphql-sse';
import { CaseProgressDocument, type CaseProgressSubscription, type CaseProgressSubscriptionVariables } from '../generated/graphql.js';
import { CLIENT_NAME } from './graphql-client.js';

export type CaseUpdate = CaseProgressSubscription['caseProgress'];

/**
 * Follows a citizen's cases live (one case with `id`): `onUpdate` gets the case as it stands after each
 * change. The subscription is a trusted document: graphql-sse's client sends its id in Apollo's
 * persisted-query extension and an empty query text. Returns the function that stops following.
 * `onErrors` hears an event with errors: a province whose updates are missing (the others go on), or
 * an expired token (then it ends: sign in again). `onEnd` hears why it ended: a refusal before it
 * opened (the client's NetworkError carries the response), or null when the platform ended it.
 */
export function followCases(
  endpoint: string,
  token: string,
  onUpdate: (update: CaseUpdate) => void,
  onErrors: (errors: readonly { message: string; extensions?: Record<string, unknown> }[]) => void,
  onEnd: (reason: unknown) => void,
  variables: CaseProgressSubscriptionVariables = {},
): () => void {
  const documentId = CaseProgressDocument.__meta__?.['hash'] as string | undefined;
  if (!documentId) throw new Error('The document has no id: generate it with persistedDocuments (npm run codegen)');
  const client = createClient({
    url: endpoint,
    headers: { authorization: `Bearer ${token}`, 'apollographql-client-name': CLIENT_NAME },
    // every failure is reported: a page decides itself whether to follow again
    retryAttempts: 0,
  });
  const stop = client.subscribe<CaseProgressSubscription>(
    { query: '', variables, extensions: { persistedQuery: { version: 1, sha256Hash: documentId.replace(/^sha256:/, '') } } },
    {
      next: (result) => (result.data ? onUpdate(result.data.caseProgress) : onErrors(result.errors ?? [])),
      error: onEnd,
      complete: () => onEnd(null),
    },
  );
  return () => {
    stop();
    client.dispose();
  };
}
