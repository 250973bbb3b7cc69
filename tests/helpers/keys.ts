import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test process gets its own development keys (identity and gateway), made
// on first use by the same code as `npm start`, in a folder nobody else uses.
process.env.GOVGRAPH_KEYS_DIR ??= mkdtempSync(join(tmpdir(), 'govgraph-keys-'));
