// OpenTelemetry's GCP resource detector (an @apollo/gateway dependency) probes a cloud metadata
// server on start; a government deployment has none, so it only costs time
process.env.METADATA_SERVER_DETECTION ??= 'none';

import { runMain } from '../platform/main.js';
import { gatewayConfig } from './config.js';
import { startGateway } from './server.js';

await runMain('gateway', () => startGateway(gatewayConfig()));
