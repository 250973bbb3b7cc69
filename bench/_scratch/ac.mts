import { createServer } from 'node:http';
import { runLoad } from '../load.js';
const server = createServer((req, res) => { let b = ''; req.on('data', (c) => (b += c)); req.on('end', () => setTimeout(() => res.end('{"data":{}}'), 5)); });
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as any).port;
for (const d of [300, 1000]) {
  const r = await runLoad({ url: `http://127.0.0.1:${port}/graphql`, headers: { 'content-type': 'application/json' }, body: '{"query":"{a}"}' }, { connections: 10, durationMs: d, gatewayPid: process.pid, departmentPids: [], sqlCount: async () => null });
  console.log(d, r.requests, r.requestsPerSecond, r.latency, r.failures, r.seconds);
}
server.close();
