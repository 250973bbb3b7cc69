// OpenTelemetry's GCP resource detector (an @apollo/gateway dependency) probes a cloud metadata
// server on start; a government deployment has none, so it only costs time
process.env.METADATA_SERVER_DETECTION ??= 'none';

import cluster from 'node:cluster';
import { runMain } from '../platform/main.js';
import { gatewayConfig } from './config.js';
import { startGateway } from './server.js';
import { runPrimary, workerConfig } from './workers.js';

const config = gatewayConfig();
if (config.workers === 1) await runMain('gateway', () => startGateway(config));
else if (cluster.isPrimary) await runPrimary(config);
else await runMain('gateway', () => startGateway(workerConfig(config)));
