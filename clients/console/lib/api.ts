import type { TypedDocumentString } from '../generated/graphql.js';
import { session } from './session.js';

/** The name the gateway knows the console by: in production it runs only the console's registered documents. */
export const CLIENT_NAME = 'govgraph-console';
export const ENDPOINT = '/graphql';

export interface ApiError {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export class RequestFailed extends Error {
  constructor(readonly errors: readonly ApiError[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

/** The document's id (sha256 of its text, from the generated manifest): only the id is sent. */
export function documentIdOf(document: { __meta__?: Record<string, unknown> | undefined }): string {
  const id = document.__meta__?.['hash'] as string | undefined;
  if (!id) throw new Error('The document has no id: npm run codegen');
  return id;
}

/** Runs a registered document by id with the signed-in caller's token; throws with the API's errors when nothing came back. */
export async function run<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const token = session.token();
  const response = await fetch(ENDPOINT, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollographql-client-name': CLIENT_NAME, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ documentId: documentIdOf(document), variables }),
  });
  const answer = (await response.json()) as { data?: TResult | null; errors?: ApiError[] };
  if (!answer.data) throw new RequestFailed(answer.errors ?? [{ message: `HTTP ${response.status}` }]);
  return answer.data;
}
