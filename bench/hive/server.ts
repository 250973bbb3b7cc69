// Target (b): Hive Gateway in its own process, programmatic (createGatewayRuntime on node:http),
// with the config of gateway.config.ts. Reports {type:'ready', url} over IPC like our services.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { gatewayConfig } from './gateway.config.js';

const runtime = createGatewayRuntime(gatewayConfig as Parameters<typeof createGatewayRuntime>[0]);
// the runtime answers through res and reports its own errors; its promise only says it is done
const server = createServer((req, res) => void runtime(req, res));
server.keepAliveTimeout = 65_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
// compose the schema now, not on the first measured request
const warm = await fetch(`http://127.0.0.1:${port}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ __typename }' }),
});
if (!warm.ok) throw new Error(`Hive Gateway did not start: HTTP ${warm.status} ${await warm.text()}`);
process.send?.({ type: 'ready', name: 'hive-gateway', url: `http://127.0.0.1:${port}/graphql` });

const stop = async () => {
  server.closeAllConnections();
  server.close();
  await runtime.dispose();
  process.exit(0);
};
// a failed dispose stays an unhandled rejection: the process ends with an error, as it should
const onSignal = () => void stop();
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);
process.on('disconnect', onSignal);
