import type { TypedDocumentString } from '../generated/graphql.js';

/** The name the gateway knows this front end by (apollographql-client-name): it runs only its registered documents. */
export const CLIENT_NAME = 'govgraph-portal';

export interface GraphQLResult<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/**
 * Runs a generated document by its id alone (a trusted document): the text never leaves the
 * bundle, and the gateway runs the copy in the manifest it was deployed with.
 */
export async function execute<TResult, TVariables>(
  endpoint: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  token?: string,
): Promise<GraphQLResult<TResult>> {
  const documentId = document.__meta__?.['hash'] as string | undefined;
  if (!documentId) throw new Error('The document has no id: generate it with persistedDocuments (npm run codegen)');
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollographql-client-name': CLIENT_NAME,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ documentId, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<TResult>, 'status'>) };
}
