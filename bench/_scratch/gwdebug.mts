process.env.METADATA_SERVER_DETECTION ??= 'none';
import { gatewayConfig } from '../../gateway/config.js';
import { startGateway } from '../../gateway/server.js';
const g = await startGateway(gatewayConfig());
console.error('listeners SIGTERM', process.listenerCount('SIGTERM'));
process.on('SIGTERM', async () => {
  const t = Date.now();
  console.error('SIGTERM received');
  await g.close();
  console.error('closed in', Date.now() - t);
  process.exit(0);
});
process.send?.({ type: 'ready', url: g.url });
