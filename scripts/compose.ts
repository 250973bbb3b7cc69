// npm run compose: writes schema/supergraph.graphql and schema/api.graphql.
import { writeFileSync } from 'node:fs';
import { API_FILE, compose, SUPERGRAPH_FILE } from '../schema/tools/compose.js';

const result = compose();
if (!result.ok) {
  process.stderr.write(`Composition failed:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
  process.exit(1);
}
writeFileSync(SUPERGRAPH_FILE, result.supergraph.endsWith('\n') ? result.supergraph : `${result.supergraph}\n`);
writeFileSync(API_FILE, `# The client-facing API schema, composed from every department (npm run compose). Do not edit.\n\n${result.api}`);
process.stdout.write(`Composed ${SUPERGRAPH_FILE} and ${API_FILE}\n`);
