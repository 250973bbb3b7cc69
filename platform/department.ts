import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { EntityManager, EntitySchema, MikroORM } from '@mikro-orm/core';
import { GraphQLError, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { JWK } from 'jose';
import { AccessReads } from './audit/collector.js';
import type { DepartmentContext } from './context.js';
import { ErrorCode } from './errors.js';
import { departmentConfig, type DatabaseTarget } from './config.js';
import { openDatabase } from './db.js';
import { accessRecordingPlugin } from './audit/plugin.js';
import { OutboxEntity, startDelivery, type Delivery } from './audit/outbox.js';
import { errorMaskingPlugin, formatError } from './format-error.js';
import { createHttpServer, listen, type Route } from './http.js';
import { log } from './log.js';
import type { GeneratedMigration } from './migrations.js';
import { requestIdFrom } from './request-id.js';
import { enforceAccess, type SubjectsOf } from './security/enforce.js';
import { gatewayVerifier, GatewayTokenError, type GatewayClaims } from './security/gateway-token.js';
import { configuredKey } from './security/keys.js';
import { collectPolicies, type FieldPolicy } from './security/policy.js';
import { departmentSubscriptions } from './subscriptions.js';
import { maskingPlugin } from './security/response-masking.js';
import { mayUnmask } from './security/roles.js';
import { sealer, unsealPlugin } from './security/seal.js';
import { vouchesOf, type RelationOf } from './security/relations.js';
import { scalarResolvers } from './identifiers/scalars.js';
import { textInputPlugin } from './text-input.js';
import { countSql, type SqlCounter } from './sql-counter.js';

export interface SeedOptions {
  /** how many of the department's main records to generate */
  size: number;
  /** the same seed always yields the same data, across departments */
  seed: number;
  /**
   * For one instance of a partitioned department: whether it holds records of a division (its
   * jurisdiction), so its sample data is its provinces' share of the one national sample
   */
  holds?: (divisionCode: string) => boolean;
}

/** Everything that makes a department: the kit turns it into a running subgraph. */
export interface Department<L> {
  name: string;
  /** the department's own SDL; the shared types of platform/schema/shared.graphql are added */
  typeDefs: DocumentNode;
  /** typed per department by codegen (generated/resolvers.ts); the shared scalars' resolvers are added */
  resolvers: object;
  /** the department's tables; the first (with the reference tables) decides whether the database is empty and needs seeding */
  entities: EntitySchema<any, any>[];
  /** generated from the entities by `npm run migrations` (loadMigrations(import.meta.url)) */
  migrations: readonly GeneratedMigration[];
  /** rows the department cannot work without, written after migrating whenever they are missing (idempotent) */
  prepare?(em: EntityManager): Promise<void>;
  /** fresh DataLoaders for one request */
  loaders(em: EntityManager): L;
  /** fills an empty database with sample data */
  seed?(em: EntityManager, options: SeedOptions): Promise<void>;
  /**
   * A partitioned department's tables of records held per province, each with the property whose value
   * begins with the province (the record's id, or its parent's), parents first: what a province that
   * joins with its own instance takes over from the national one (platform/partition/handover.ts).
   */
  jurisdiction?: readonly { entity: EntitySchema<any, any>; property: string }[];
  /** a partitioned department's reference tables every instance holds whole (cases: the implementations it checks submissions against) */
  reference?: readonly EntitySchema<any, any>[];
  /**
   * For each type whose records are about people or enterprises: who they are
   * about. Citizens and enterprises then reach only their own records, and
   * officers need this department's duty scope and a purpose (see security/enforce.ts).
   */
  subjects?: Record<string, SubjectsOf>;
  /**
   * For a type of `subjects`: what a citizen or enterprise related to a record that is not theirs may
   * see of it, field by field (a member of the same household, an enterprise's legal representative).
   */
  relations?: Record<string, RelationOf>;
  /** extra POST endpoints beside /graphql, given the department's ORM (the audit department's /ingest) */
  routes?: (orm: MikroORM) => Record<string, Route>;
  /** false only for the audit department itself, whose reads are the log */
  recordsAccess?: boolean;
}

export interface StartOptions {
  port?: number;
  host?: string;
  target?: DatabaseTarget;
  /** sample data to create when the database is empty; false to leave it empty */
  seed?: SeedOptions | false;
  /** an instance of a partitioned department: the divisions whose records it holds (its seed's share) */
  holds?: (divisionCode: string) => boolean;
  /** the gateway's public key; default GATEWAY_VERIFY_KEY, else the development pair (an instance: its router's key) */
  verifyKey?: JWK;
  /**
   * Whom tokens must be addressed to: the department's name, or for one instance of a partitioned
   * department its instance name (`cases@44`), so a token made for one instance is refused by every other
   */
  audience?: string;
  /** where access records go: default AUDIT_INGEST_URL, else the audit department's default port */
  auditIngestUrl?: string;
  /** how often the outbox is delivered (ms) */
  auditIntervalMs?: number;
}

export interface RunningDepartment {
  name: string;
  url: string;
  port: number;
  orm: MikroORM;
  sql: SqlCounter;
  /** the access-record outbox delivery, when this department records accesses */
  delivery: Delivery | null;
  close(): Promise<void>;
}

/** Answers carry personal data: no cache along the way may keep them. */
const UNCACHEABLE = { 'cache-control': 'no-store' } as const;

const SHARED_SDL = readFileSync(fileURLToPath(new URL('./schema/shared.graphql', import.meta.url)), 'utf8');

/** Reads a department's schema.graphql (pass import.meta.url of a file beside it). */
export function loadSchema(base: string, file = 'schema.graphql'): DocumentNode {
  return parse(readFileSync(fileURLToPath(new URL(file, base)), 'utf8'));
}

/** The department's subgraph schema with the shared types, as composition sees it. */
export function subgraphTypeDefs(department: Pick<Department<unknown>, 'typeDefs'>): DocumentNode {
  const shared = parse(SHARED_SDL);
  return { kind: department.typeDefs.kind, definitions: [...department.typeDefs.definitions, ...shared.definitions] };
}

/** Whether this department records its reads: all but the audit log itself, unless AUDIT_RECORDING=off (platform/config.ts). */
function recording(department: Pick<Department<unknown>, 'name' | 'recordsAccess'>): boolean {
  return department.recordsAccess !== false && departmentConfig(department.name).recordAccess;
}

/**
 * The instance a department process serves: its audience when that is not the department's own name
 * (`cases@44`, StartOptions.audience), null for a department served by one process. Its access records name it.
 */
export function instanceOf(department: Pick<Department<unknown>, 'name'>, audience: string | undefined): string | null {
  return audience === undefined || audience === department.name ? null : audience;
}

/** Builds the Apollo subgraph server of a department (not listening); `instance` as instanceOf() gives it. */
export function buildDepartmentServer<L>(
  department: Department<L>,
  orm?: MikroORM,
  instance: string | null = null,
  { schema, policies } = departmentSchema(department),
): ApolloServer<DepartmentContext<L>> {
  const keys = sealer();
  return new ApolloServer<DepartmentContext<L>>({
    schema,
    // runMain owns SIGINT/SIGTERM; Apollo's own handler raced it and left forked processes hanging
    stopOnTerminationSignals: false,
    formatError,
    includeStacktraceInErrorResponses: false,
    // inline tracing costs CPU on every request and the gateway reports no usage to Apollo
    plugins: [
      errorMaskingPlugin(department.name),
      // the gateway checks texts too; a department does not rely on it (a NUL reaches no SQL)
      textInputPlugin(),
      unsealPlugin(keys),
      // masked at the source: what leaves the department is what its caller may see (security/response-masking.ts)
      maskingPlugin<DepartmentContext<L>>({
        categoryOf: (coordinate) => policies.get(coordinate)?.personal,
        mayUnmask: (_, { caller, purpose }) => mayUnmask(caller, purpose, [department.name]),
        // what this department vouches for about a number travels sealed with it (security/relations.ts)
        seal: (value, display, context) => keys.seal(value, display, context.requestId, vouchesOf(context).get(value)),
      }),
      ...(orm && recording(department) ? [accessRecordingPlugin({ department: department.name, instance }, orm)] : []),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // no schema sets cache hints; the default cache-control plugin only wrapped every resolver to compute
      // "no-store", which the HTTP front now sends itself (UNCACHEABLE)
      ApolloServerPluginCacheControlDisabled(),
    ],
  });
}

/** A department's executable subgraph schema, its resolvers wrapped in the access rules of its SDL (security/enforce.ts). */
export function departmentSchema(department: Department<any>): { schema: GraphQLSchema; policies: Map<string, FieldPolicy> } {
  const typeDefs = subgraphTypeDefs(department);
  // the shared scalars (platform/schema/shared.graphql) check their values the same in every department
  const schema = buildSubgraphSchema([{ typeDefs, resolvers: { ...scalarResolvers, ...department.resolvers } as never }]);
  const policies = collectPolicies(typeDefs);
  enforceAccess(schema, { department: department.name, policies, subjects: department.subjects ?? {}, relations: department.relations ?? {} });
  return { schema, policies };
}

/** Every table in a department's database: its own and the kit's access outbox. Migrations are generated from these. */
export function databaseEntities(department: Pick<Department<unknown>, 'entities'>): EntitySchema<any, any>[] {
  return [...department.entities, OutboxEntity];
}

/** Opens a department's database, migrated and prepared, as the department process, the seeder and the bench use it. */
export async function openDepartmentDatabase(
  department: Pick<Department<unknown>, 'entities' | 'migrations' | 'prepare'>,
  target: DatabaseTarget,
): Promise<MikroORM> {
  const orm = await openDatabase({ target, entities: databaseEntities(department), migrations: department.migrations });
  try {
    if (department.prepare) await orm.em.fork().transactional((em) => department.prepare!(em));
    return orm;
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/** Opens the database, migrates, seeds if empty, and serves the subgraph over HTTP. */
export async function startDepartment<L>(department: Department<L>, options: StartOptions = {}): Promise<RunningDepartment> {
  const config = departmentConfig(department.name);
  const records = recording(department);
  const orm = await openDepartmentDatabase(department, options.target ?? config.database);
  try {
    const seed = options.seed === false ? false : { ...(options.seed ?? { size: 200, seed: 1 }), holds: options.holds };
    if (seed && department.seed && (await isEmpty(orm, [department.entities[0], ...(department.reference ?? [])]))) {
      const started = Date.now();
      await orm.em.fork().transactional((em) => department.seed!(em, seed));
      log.info('seeded sample data', { department: department.name, ...seed, ms: Date.now() - started });
    }
    const verify = await gatewayVerifier(
      options.verifyKey ?? (await configuredKey('GATEWAY_VERIFY_KEY', 'publicJwk', 'gateway')),
      options.audience ?? department.name,
    );
    const sql = countSql(orm);
    const built = departmentSchema(department);
    const server = buildDepartmentServer(department, orm, instanceOf(department, options.audience), built);
    const context = async (req: IncomingMessage, raw: string) => departmentContext(department, orm, await gatewayClaims(verify, req, raw));
    const delivery = records ? startDelivery(orm, options.auditIngestUrl ?? config.auditIngestUrl, options.auditIntervalMs) : null;
    await server.start();
    const http = createHttpServer({
      server,
      context,
      stream: departmentSubscriptions(built.schema, built.policies, context),
      ready: async () => orm.isConnected(),
      headers: UNCACHEABLE,
      routes: department.routes?.(orm),
    });
    const listening = await listen(http, options.port ?? 0, options.host ?? '127.0.0.1', department.name);
    return {
      name: department.name,
      url: listening.url,
      port: listening.port,
      orm,
      sql,
      delivery,
      // idempotent: tests stop a department on purpose and then stop everything
      close: once(async () => {
        await delivery?.stop();
        await listening.close();
        await server.stop();
        await orm.close();
      }),
    };
  } catch (error) {
    await orm.close();
    throw error;
  }
}

/**
 * Departments answer only the gateway: every request, `_entities` and `_service`
 * included, must carry a fresh gateway token, or it gets 401 and no data.
 * The caller and purpose come from that token, never from plain headers.
 */
async function gatewayClaims(
  verify: (token: string | undefined, body: string) => Promise<GatewayClaims>,
  req: IncomingMessage,
  raw: string,
): Promise<GatewayClaims> {
  const header = req.headers['x-gateway-token'];
  try {
    return await verify(Array.isArray(header) ? header[0] : header, raw);
  } catch (error) {
    if (!(error instanceof GatewayTokenError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } } });
  }
}

/** One request's context: a private EntityManager fork, fresh DataLoaders, the caller and purpose the gateway vouches for. */
export function departmentContext<L>(
  department: Department<L>,
  orm: MikroORM,
  claims: Pick<GatewayClaims, 'caller' | 'purpose' | 'clientName'> & { requestId?: string | null },
): DepartmentContext<L> {
  const em = orm.em.fork();
  return {
    em,
    loaders: department.loaders(em),
    caller: claims.caller,
    purpose: claims.purpose,
    requestId: requestIdFrom(claims.requestId),
    clientName: claims.clientName,
    reads: new AccessReads(claims.purpose),
  };
}

/**
 * Whether the department's first table and its reference tables are all empty. Not the first table
 * alone: a province's instance may hold no case of the sample and still its reference rows
 * (implementations), which a second seed on a restart would insert twice.
 */
async function isEmpty(orm: MikroORM, entities: readonly (EntitySchema<any, any> | undefined)[]): Promise<boolean> {
  if (!entities[0]) return false;
  for (const entity of entities) if (entity && (await orm.em.fork().count(entity, {})) > 0) return false;
  return true;
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
