import { runMain } from '../platform/main.js';
import { gatewayConfig } from './config.js';
import { startGateway } from './server.js';

await runMain('gateway', () => startGateway(gatewayConfig()));
