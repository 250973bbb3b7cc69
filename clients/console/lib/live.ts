import { createClient } from 'graphql-sse';
import { ConsoleCaseProgressDocument, type ConsoleCaseProgressSubscription } from '../generated/graphql.js';
import { CLIENT_NAME, documentIdOf, ENDPOINT } from './api.js';
import { session } from './session.js';

/**
 * Follows one case live (graphql-sse, the registered subscription sent by id): `onUpdate` gets the case after each
 * change, `onOpen` that it follows, `onEnd` why it ended (an error message, or null when the platform ended it). Returns the stop function.
 */
export function followCase(
  id: string,
  onOpen: () => void,
  onUpdate: (update: ConsoleCaseProgressSubscription['caseProgress']) => void,
  onEnd: (reason: string | null) => void,
) {
  const client = createClient({
    url: ENDPOINT,
    headers: { authorization: `Bearer ${session.token() ?? ''}`, 'apollographql-client-name': CLIENT_NAME },
    retryAttempts: 0,
  });
  const hash = documentIdOf(ConsoleCaseProgressDocument).replace(/^sha256:/, '');
  const stop = client.subscribe<ConsoleCaseProgressSubscription>(
    { query: '', variables: { id }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
    {
      next: (result) => (result.data ? onUpdate(result.data.caseProgress) : onEnd(result.errors?.[0]?.message ?? '更新中断')),
      error: (error: unknown) => onEnd(error instanceof Error ? error.message : '连接中断'),
      complete: () => onEnd(null),
    },
    { connected: onOpen },
  );
  return () => {
    stop();
    client.dispose();
  };
}
