import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.js';

/**
 * Trusted documents (persisted documents): the front ends' operations, registered per client in
 * clients/<client>/operations and hashed by codegen's client preset into
 * clients/<client>/generated/persisted-documents.json ("sha256:<hex>" -> document).
 *
 * A request names a registered document by `documentId: "sha256:<hex>"` (GraphQL over HTTP) or by
 * Apollo's `extensions.persistedQuery.sha256Hash`; the gateway runs the document from the manifest.
 * Where enforced (production, or TRUSTED_DOCUMENTS=enforce), a request naming a front-end client in
 * `apollographql-client-name` runs only that client's registered documents. Other tools (auditors',
 * supervisors', departments' scripts) keep ad-hoc queries: the client name is declared, not proven,
 * so this keeps the front ends to what was reviewed; who may read what stays with tokens and rules.
 */

/** apollographql-client-name of each front end -> its folder under clients/. */
export const FRONT_ENDS: Readonly<Record<string, string>> = {
  'govgraph-portal': 'portal',
  'govgraph-mobile': 'mobile',
  'govgraph-hall': 'hall',
  'govgraph-hotline': 'hotline',
  'govgraph-console': 'console',
};

export interface TrustedDocument {
  document: string;
  /** the client names that registered it (the same operation may serve several front ends) */
  clients: ReadonlySet<string>;
}

/** document id ("sha256:<hex>") -> the registered document. */
export type Registry = ReadonlyMap<string, TrustedDocument>;

const CLIENTS_DIR = new URL('../../clients/', import.meta.url);

/** Every front end's committed manifest; a front end without one registers nothing. */
export function loadRegistry(dir: URL = CLIENTS_DIR): Registry {
  const registry = new Map<string, { document: string; clients: Set<string> }>();
  for (const [clientName, folder] of Object.entries(FRONT_ENDS)) {
    const file = new URL(`${folder}/generated/persisted-documents.json`, dir);
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    for (const [id, document] of Object.entries(manifest)) {
      const entry = registry.get(id) ?? { document, clients: new Set<string>() };
      entry.clients.add(clientName);
      registry.set(id, entry);
    }
  }
  return registry;
}

/** Production always enforces; development only when TRUSTED_DOCUMENTS=enforce. */
export function trustedDocumentsEnforced(production: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return production || env.TRUSTED_DOCUMENTS === 'enforce';
}

export const documentIdOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

export interface DocumentRequest {
  /** documentId, or extensions.persistedQuery.sha256Hash (with or without "sha256:") */
  id: string | undefined;
  query: string | undefined;
  clientName: string | null;
}

export type Resolution = { run: string | undefined } | { refuse: GraphQLError };

const refusal = (code: string, message: string) => ({ refuse: new GraphQLError(message, { extensions: { code } }) });

/** What a request runs, or why it is refused. Pure: the rule in one place, tested alone. */
export function resolveDocument(registry: Registry, request: DocumentRequest, enforced: boolean): Resolution {
  const frontEnd = request.clientName !== null && request.clientName in FRONT_ENDS ? request.clientName : null;
  if (request.id === undefined) {
    if (!enforced || frontEnd === null || request.query === undefined) return { run: request.query };
    // the registered text sent as a query is the same document
    if (registry.get(documentIdOf(request.query))?.clients.has(frontEnd)) return { run: request.query };
    return refusal(
      'PERSISTED_QUERY_NOT_ALLOWED',
      `${frontEnd} may run only its registered operations here: send {"documentId": "sha256:<hex>"} from clients/${FRONT_ENDS[frontEnd]}/generated/persisted-documents.json, not a query text (see clients/README.md).`,
    );
  }
  const id = request.id.startsWith('sha256:') ? request.id.toLowerCase() : `sha256:${request.id.toLowerCase()}`;
  const trusted = /^sha256:[0-9a-f]{64}$/.test(id) ? registry.get(id) : undefined;
  if (!trusted)
    return refusal(
      'PERSISTED_QUERY_NOT_FOUND',
      `No registered document has the id ${request.id.slice(0, 80)}: a front end sends the ids of its generated manifest (npm run codegen after changing clients/*/operations, then deploy the gateway with it).`,
    );
  if (request.query !== undefined && request.query !== trusted.document)
    return refusal('BAD_REQUEST', 'The query text differs from the document registered under that id: send the id alone.');
  if (enforced && frontEnd !== null && !trusted.clients.has(frontEnd))
    return refusal(
      'PERSISTED_QUERY_NOT_ALLOWED',
      `That document is registered for ${[...trusted.clients].join(', ')}, not ${frontEnd}: add the operation to clients/${FRONT_ENDS[frontEnd]}/operations.`,
    );
  return { run: trusted.document };
}

/** A refused request still goes through the pipeline (so every plugin sees it) with this in place of its text. */
const REFUSED = 'query TrustedDocumentRefused { __typename }';

function requestedId(body: unknown, extensions: Record<string, any> | undefined): string | undefined {
  const documentId = (body as { documentId?: unknown } | null | undefined)?.documentId;
  if (typeof documentId === 'string') return documentId;
  const hash = extensions?.persistedQuery?.sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}

/**
 * Resolves the document before Apollo Server looks at the request (requestDidStart): Apollo's own
 * automatic persisted queries never see an id, so no client can register a document at run time.
 */
export function trustedDocumentsPlugin(enforced: boolean, registry: Registry = loadRegistry()): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      if (contextValue.internal) return {};
      const resolution = resolveDocument(
        registry,
        { id: requestedId(request.http?.body, request.extensions), query: request.query, clientName: contextValue.clientName },
        enforced,
      );
      if (request.extensions?.persistedQuery) {
        const rest = { ...request.extensions };
        delete rest.persistedQuery;
        request.extensions = rest;
      }
      if ('run' in resolution) {
        request.query = resolution.run;
        return {};
      }
      request.query = REFUSED;
      request.operationName = undefined;
      return {
        async didResolveOperation() {
          throw resolution.refuse;
        },
      };
    },
  };
}
