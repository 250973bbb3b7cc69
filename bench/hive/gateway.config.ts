// Hive Gateway (@graphql-hive/gateway) over govgraph's departments, for the bench's target (b).
// Usable by the CLI as well as by bench/hive/server.ts:
//   BENCH_SUBGRAPH_URLS='{"regions":"http://127.0.0.1:4001/graphql",…}' \
//   node --import tsx node_modules/@graphql-hive/gateway/dist/bin.js supergraph schema/supergraph.graphql \
//     --config-path bench/hive/gateway.config.ts --port 4100
// - subgraph URLs: the supergraph's placeholder URLs are overridden per subgraph (transportEntries);
// - every subgraph fetch carries a fresh gateway token for that department (x-gateway-token),
//   signed with the gateway key exactly as gateway/datasource.ts does: departments refuse anything else;
// - no in-flight deduplication of identical subgraph requests (Hive's default): it would merge the
//   fetches of different callers into one, made with the first caller's token (a leak between
//   callers, and one access record for several reads), and would let Hive skip work ours does.
//   BENCH_HIVE_DEDUP=on puts Hive's default back, to see what it is worth;
// - the caller is authenticated from the Bearer token with gateway/auth.ts (the same verification
//   as ours), and caller, purpose (x-purpose), request id and client name go into the token.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@graphql-hive/gateway';
import { govgraphSigning, subgraphUrls } from './signing.js';

const urls = subgraphUrls();

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_FILE ?? fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url)),
  transportEntries: Object.fromEntries(
    Object.entries(urls).map(([name, location]) => [name, { location, options: { deduplicateInflightRequests: process.env.BENCH_HIVE_DEDUP === 'on' } }]),
  ),
  plugins: () => [govgraphSigning(urls)],
  logging: 'error',
  graphiql: false,
  landingPage: false,
});
