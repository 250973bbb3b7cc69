process.env.METADATA_SERVER_DETECTION ??= 'none';
import { runMain } from '../../platform/main.js';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway } from '../../gateway/server.js';
import http from 'node:http';
const origClose = http.Server.prototype.close;
http.Server.prototype.close = function (cb?: any) { console.error('http close called'); return origClose.call(this, (e: any) => { console.error('http close cb', e?.message); cb?.(e); }); };
await runMain('gateway', async () => {
  const g = await startGateway(gatewayConfig());
  const stop = g.gateway.stop.bind(g.gateway);
  g.gateway.stop = async () => { console.error('gateway.stop start'); await stop(); console.error('gateway.stop done'); };
  return { url: g.url, async close() { const t = Date.now(); console.error('close start'); setTimeout(() => console.error('handles', (process as any)._getActiveHandles().map((h: any) => h.constructor.name)), 3000).unref(); await g.close(); console.error('close done', Date.now() - t); } };
});
