// Target (c), the floor: the same departments and the same query plans in ONE process, with no HTTP
// between gateway and departments. An ApolloGateway over the same supergraph whose data sources call
// each department's ApolloServer (buildDepartmentServer, the same plugins: error masking, access
// recording) with executeOperation and the department context built in-process, as
// platform/department.ts departmentContext builds it from the gateway's token claims.
// The client still reaches it over HTTP (platform/http.ts, the same front as ours) so that the load
// generator drives all three targets alike; the bench reads the SQL counters over IPC.
// Env: BENCH_DEPARTMENTS (comma separated), GOVGRAPH_DATA_DIR (the dataset), SUPERGRAPH_FILE.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage } from 'node:http';
import { ApolloGateway, type GraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { MikroORM } from '@mikro-orm/core';
import { authenticator } from '../../gateway/auth.js';
import type { GatewayContext } from '../../gateway/context.js';
import { ANONYMOUS, type DepartmentContext } from '../../platform/context.js';
import { departmentConfig } from '../../platform/config.js';
import { buildDepartmentServer, departmentContext, openDepartmentDatabase, type Department } from '../../platform/department.js';
import { formatError } from '../../platform/format-error.js';
import { createHttpServer, listen } from '../../platform/http.js';
import { runMain } from '../../platform/main.js';
import { requestIdFrom } from '../../platform/request-id.js';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../platform/security/dev-tokens.js';
import { countSql, type SqlCounter } from '../../platform/sql-counter.js';

interface InProcessDepartment {
  name: string;
  orm: MikroORM;
  sql: SqlCounter;
  server: ApolloServer<DepartmentContext<unknown>>;
  department: Department<unknown>;
}

class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly d: InProcessDepartment) {}

  async process({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    const response = await this.d.server.executeOperation(
      { query: request.query, variables: request.variables, operationName: request.operationName },
      { contextValue: this.contextFor(context as Partial<GatewayContext>) },
    );
    if (response.body.kind !== 'single') throw new Error(`${this.d.name}: incremental delivery is not expected from a department`);
    const { data, errors, extensions } = response.body.singleResult;
    return { data, errors, extensions } as GatewayGraphQLResponse;
  }

  /** The department's context exactly as over HTTP (departmentContext), from what the gateway knows of the caller. */
  private contextFor(context: Partial<GatewayContext>): DepartmentContext<unknown> {
    const { caller = ANONYMOUS, purpose = null, requestId, clientName = null } = context;
    return departmentContext(this.d.department, this.d.orm, { caller, purpose, requestId, clientName });
  }
}

async function openDepartment(name: string): Promise<InProcessDepartment> {
  const module = (await import(`../../subgraphs/${name}/department.js`)) as Record<string, Department<unknown>>;
  const department = module[name];
  if (!department) throw new Error(`subgraphs/${name}/department.ts exports no department named ${name}`);
  // the same database as the department process (the dataset is built; nothing is seeded here)
  const orm = await openDepartmentDatabase(department, departmentConfig(name).database);
  const sql = countSql(orm);
  const server = buildDepartmentServer(department, orm);
  await server.start();
  return { name, orm, sql, server, department };
}

await runMain('floor', async () => {
  const names = (process.env.BENCH_DEPARTMENTS ?? '').split(',').filter(Boolean);
  const departments = await Promise.all(names.map(openDepartment));
  const byName = new Map(departments.map((d) => [d.name, d]));
  const supergraphFile = process.env.SUPERGRAPH_FILE ?? fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(supergraphFile, 'utf8'),
    buildService: ({ name }) => {
      const d = byName.get(name);
      // a department the bench did not start: any plan that reaches it fails loudly
      if (!d) return { process: async () => ({ errors: [{ message: `floor: department ${name} is not loaded` }] }) as GatewayGraphQLResponse };
      return new InProcessDataSource(d);
    },
  });
  const server = new ApolloServer<GatewayContext>({
    gateway,
    formatError,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
  await server.start();
  const authenticate = await authenticator({ jwksUrl: null, issuer: DEV_ISSUER, audience: DEV_AUDIENCE });
  const header = (req: IncomingMessage, name: string) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const http = createHttpServer({
    server,
    context: async (req: IncomingMessage) => {
      const purpose = header(req, 'x-purpose');
      return {
        requestId: requestIdFrom(header(req, 'x-request-id')),
        purpose: purpose ? decodeURIComponent(purpose).trim().slice(0, 200) || null : null,
        caller: await authenticate(req),
        clientName: header(req, 'apollographql-client-name')?.slice(0, 100) ?? null,
        clientAddress: req.socket.remoteAddress ?? 'unknown',
      };
    },
    ready: async () => true,
  });
  const listening = await listen(http, 0, '127.0.0.1', 'floor');
  process.on('message', (message: { type?: string; id?: number }) => {
    if (message.type === 'sql') process.send?.({ type: 'sql', id: message.id, count: departments.reduce((sum, d) => sum + d.sql.count, 0) });
  });
  return {
    url: listening.url,
    async close() {
      await listening.close();
      await server.stop();
      await Promise.all(
        departments.map(async (d) => {
          await d.server.stop();
          await d.orm.close();
        }),
      );
    },
  };
});
