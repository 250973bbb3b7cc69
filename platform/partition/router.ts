import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Kind, parse, print, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import type { JWK } from 'jose';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { subgraphTypeDefs } from '../department.js';
import { ErrorCode } from '../errors.js';
import { MAX_BODY_BYTES, readText, sendJson } from '../http.js';
import { log } from '../log.js';
import { fragmentsOf, usesOf } from '../operation-uses.js';
import { wantsEventStream, type StreamHandler } from '../live.js';
import { routerStream } from './stream.js';
import { gatewaySigner, gatewayVerifier, GatewayTokenError, type GatewayClaims, type Signer } from '../security/gateway-token.js';
import { jurisdictionCarriers, type Carriers } from './carriers.js';
import { Combiner } from './combine.js';
import { combineRules } from './combine-rules.js';
import { route, type Instance } from './route.js';
import { provinceOfDivision, type Province } from './jurisdiction.js';

/**
 * The jurisdiction router of a partitioned department. It stands at the department's one URL and speaks
 * the subgraph protocol, so the supergraph does not change and any federation gateway can serve it
 * (ours, Hive Gateway): it checks the gateway's token, sends each part of the request to the instance
 * that holds it with a token made for that instance alone, and puts the answers back together.
 */
export interface RouterOptions {
  department: string;
  /** the department's SDL, the same every instance serves (its @jurisdiction declarations route) */
  typeDefs: DocumentNode;
  instances: readonly Instance[];
  /** the gateway's public key: what the router accepts */
  gatewayKey: JWK;
  /** the router's private key: what the instances accept from it */
  routerKey: JWK;
  /** root fields over records the department does not partition (its manifest's "unpartitioned") */
  unpartitioned?: readonly string[];
  /** how long an instance may take before its part counts as unavailable */
  timeoutMs?: number;
  /** what /health answers (default: alive); partition/health.ts lists the instances */
  health?: () => Promise<{ status: number; body: unknown }>;
}

interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: GraphQLError[];
}

interface Request {
  query: string;
  variables: Record<string, unknown>;
  operationName?: string;
}

const refused = (status: number, message: string, code: string) => ({ status, body: { errors: [{ message, extensions: { code } }] } });

export async function createRouter(options: RouterOptions): Promise<Server> {
  const verify = await gatewayVerifier(options.gatewayKey, options.department);
  const sign = await gatewaySigner(options.routerKey);
  const carriers = jurisdictionCarriers(options.typeDefs);
  const combiner = new Combiner(buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(options) }]), combineRules(options.typeDefs));
  const stream = routerStream({ ...options, verify, sign, carriers });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/graphql' && req.method === 'POST' && wantsEventStream(req)) {
      streamed(req, res, stream).catch((error: unknown) => {
        log.error('router stream failed', { department: options.department, message: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: ErrorCode.Internal } }] });
        else res.end();
      });
      return;
    }
    answer(req, options, verify, sign, carriers, combiner)
      .then(({ status, body }) => sendJson(res, status, body))
      .catch((error: unknown) => {
        log.error('router failed', { department: options.department, message: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal error', extensions: { code: ErrorCode.Internal } }] });
      });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

async function answer(
  req: IncomingMessage,
  options: RouterOptions,
  verify: (token: string | undefined, body: string) => Promise<GatewayClaims>,
  sign: Signer,
  carriers: Carriers,
  combiner: Combiner,
): Promise<{ status: number; body: unknown }> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health' && options.health) return options.health();
  if (url.pathname === '/health' || url.pathname === '/ready') return { status: 200, body: { status: 'ok' } };
  if (url.pathname !== '/graphql' || req.method !== 'POST') return { status: 404, body: { error: 'Not found: the GraphQL endpoint is POST /graphql' } };
  const raw = await readText(req);
  if (raw === null) return refused(413, `Request body over ${MAX_BODY_BYTES} bytes`, 'BAD_REQUEST');
  let claims: GatewayClaims;
  try {
    const header = req.headers['x-gateway-token'];
    claims = await verify(Array.isArray(header) ? header[0] : header, raw);
  } catch (error) {
    if (error instanceof GatewayTokenError) return refused(401, error.message, ErrorCode.Unauthenticated);
    throw error;
  }
  let request: Request;
  let document: DocumentNode;
  try {
    const body = JSON.parse(raw) as Partial<Request>;
    if (typeof body.query !== 'string') throw new Error('no query');
    request = { query: body.query, variables: body.variables ?? {}, operationName: body.operationName };
    document = parse(request.query);
  } catch {
    return refused(400, 'The request is not a GraphQL request this department can read', 'BAD_REQUEST');
  }
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.length === 1 ? operations[0]! : operations.find((o) => o.name?.value === request.operationName);
  if (!operation) return refused(400, 'Name the one operation to run (operationName)', 'BAD_REQUEST');

  const plan = route(operation, request.variables, carriers, options.instances, new Set(options.unpartitioned));
  const forward = (instance: Instance, body: Request) => send(instance, body, claims, sign, options);
  switch (plan.kind) {
    case 'refused':
      return refused(400, plan.message, ErrorCode.BadUserInput);
    case 'fields': {
      const outside = officerOutside(claims, plan.writes);
      if (outside) return { status: 200, body: { data: null, errors: [{ message: outside, extensions: { code: ErrorCode.Forbidden } }] } };
      if (plan.national.length === 0 && plan.parts.length === 1) return { status: 200, body: await forward(plan.parts[0]!.instance, request) };
      const answers = plan.parts.map((part) => forward(part.instance, { ...request, ...only(document, operation, part.fields, request.variables) }));
      const national = plan.national.length > 0 ? nationalFields(document, operation, plan.national, request, combiner, options.instances, forward) : null;
      const data: Record<string, unknown> = {};
      const errors: GraphQLError[] = [];
      for (const a of [...(await Promise.all(answers)), ...(national ? [await national] : [])]) {
        Object.assign(data, a.data ?? {});
        errors.push(...(a.errors ?? []));
      }
      return { status: 200, body: { data, errors: distinct(errors) } };
    }
    case 'entities': {
      const variable = representationsVariable(operation);
      const all = request.variables[variable ?? ''] as unknown[] | undefined;
      if (!variable || !Array.isArray(all)) return refused(400, '_entities takes its representations as a variable', 'BAD_REQUEST');
      // an entity of national scope is asked of every instance, with what combining its answers needs
      const prepared = plan.combined ? combiner.prepare(document, operation) : null;
      const query = prepared ? print(prepared.document) : request.query;
      const answers: unknown[][] = all.map(() => []);
      const errors: GraphQLError[] = [];
      await Promise.all(
        plan.parts.map(async ({ instance, indexes }) => {
          const part = await forward(instance, { ...request, query, variables: { ...request.variables, [variable]: indexes.map((i) => all[i]) } });
          const got = (part.data?._entities as unknown[] | undefined) ?? [];
          indexes.forEach((original, j) => answers[original]!.push(got[j] ?? null));
          // an error about the j-th representation of the part is about the original's index
          for (const e of part.errors ?? []) {
            const at = e.path?.[0] === '_entities' && typeof e.path[1] === 'number' ? indexes[e.path[1]] : undefined;
            errors.push(at === undefined ? e : { ...e, path: ['_entities', at, ...e.path!.slice(2)] });
          }
        }),
      );
      const entities = answers.map((list, i) =>
        prepared
          ? combiner.combineEntity(
              prepared,
              String((all[i] as { __typename?: unknown } | null)?.__typename),
              request.variables,
              list as Record<string, unknown>[],
            )
          : (list[0] ?? null),
      );
      return { status: 200, body: { data: { _entities: entities }, errors: distinct(errors) } };
    }
  }
}

/** A subscription: its body read and bounded as every request's, then streamed (partition/stream.ts). */
async function streamed(req: IncomingMessage, res: ServerResponse, stream: StreamHandler): Promise<void> {
  const raw = await readText(req);
  if (raw === null) return sendJson(res, 413, { errors: [{ message: `Request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
  await stream(req, res, raw);
}

/** Root fields of national scope: every instance answers them, and the answers are combined as one. */
async function nationalFields(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  fields: FieldNode[],
  request: Request,
  combiner: Combiner,
  instances: readonly Instance[],
  forward: (instance: Instance, body: Request) => Promise<GraphQLResponse>,
): Promise<GraphQLResponse> {
  const reduced = only(document, operation, fields, request.variables);
  const parsed = parse(reduced.query);
  const prepared = combiner.prepare(
    parsed,
    parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!,
  );
  const answers = await Promise.all(instances.map((instance) => forward(instance, { ...reduced, query: print(prepared.document) })));
  return {
    data: combiner.combineRoot(
      prepared,
      reduced.variables,
      answers.map((a) => a.data),
    ),
    errors: answers.flatMap((a) => a.errors ?? []),
  };
}

/**
 * An officer changes records of their own agency's province only: the province is in the agency's
 * credit code (GB 32100: the division after the two type characters), and a write goes to the
 * instance of the province its record or division names. Citizens and enterprises act for themselves
 * wherever their case is.
 */
function officerOutside(claims: GatewayClaims, writes: Province | null | undefined): string | null {
  if (writes === undefined || claims.caller.role !== 'OFFICER') return null;
  const own = claims.caller.department ? provinceOfDivision(claims.caller.department.slice(2, 8)) : null;
  if (own !== null && own === writes) return null;
  return `Officers change records of their own agency's province only: this one is in ${writes === null ? 'no province' : `province ${writes}`}, your agency ${own === null ? 'in none' : `in province ${own}`}`;
}

/** Every instance may say the same thing (a refusal, the same outage): once is enough. */
function distinct(errors: GraphQLError[]): GraphQLError[] | undefined {
  const seen = new Set<string>();
  const list = errors.filter((e) => {
    const key = JSON.stringify([e.message, e.path, e.extensions?.code]);
    return !seen.has(key) && seen.add(key);
  });
  return list.length > 0 ? list : undefined;
}

function representationsVariable(operation: OperationDefinitionNode): string | null {
  const field = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === '_entities');
  const arg = field?.arguments?.find((a) => a.name.value === 'representations');
  return arg?.value.kind === Kind.VARIABLE ? arg.value.name.value : null;
}

/** The operation reduced to some of its root fields, with only the fragments and variables they use. */
function only(document: DocumentNode, operation: OperationDefinitionNode, fields: FieldNode[], variables: Record<string, unknown>): Request {
  const fragments = fragmentsOf(document);
  const used = usesOf(fields, fragments);
  const reduced: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: operation.variableDefinitions?.filter((v) => used.variables.has(v.variable.name.value)),
    selectionSet: { ...operation.selectionSet, selections: fields },
  };
  const query = print({ kind: Kind.DOCUMENT, definitions: [reduced, ...[...used.fragments].flatMap((n) => (fragments.has(n) ? [fragments.get(n)!] : []))] });
  return { query, variables: Object.fromEntries(Object.entries(variables).filter(([k]) => used.variables.has(k))), operationName: operation.name?.value };
}

/** One part to one instance, with a token for that instance and this body alone; an outage is this part's error only. */
async function send(instance: Instance, request: Request, claims: GatewayClaims, sign: Signer, options: RouterOptions): Promise<GraphQLResponse> {
  const body = JSON.stringify(request);
  const unavailable = (why: string): GraphQLResponse => ({
    data: null,
    errors: [
      {
        message: `The ${options.department} department of ${instance.province === null ? 'the national platform' : `province ${instance.province}`} is unavailable (${why}); other provinces answered.`,
        extensions: { code: ErrorCode.SubgraphUnavailable, department: options.department, jurisdiction: instance.province ?? 'national' },
      },
    ],
  });
  try {
    const res = await fetch(instance.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-gateway-token': await sign(instance.name, claims, body), 'x-request-id': claims.requestId },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (res.status >= 500) return unavailable(`HTTP ${res.status}`);
    return (await res.json()) as GraphQLResponse;
  } catch (error) {
    log.warn('instance unavailable', {
      department: options.department,
      instance: instance.name,
      message: error instanceof Error ? error.message : String(error),
    });
    return unavailable(error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'unreachable');
  }
}
