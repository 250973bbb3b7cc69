// npm run schema:report: writes schema/inventory.json and schema/inventory.md, the schema
// inventory and the register of processing activities, from the committed
// schema/supergraph.graphql (run `npm run compose` first after a schema change).
// Exits 1, after writing, when a field looks like personal data but has no @personal
// (or has an unknown category): see lintPersonalData in schema/tools/inventory.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import { SUPERGRAPH_FILE } from '../schema/tools/compose.js';
import { INVENTORY_JSON_FILE, INVENTORY_MD_FILE, renderReport } from '../schema/tools/report.js';

const { json, markdown, problems, inventory } = renderReport(readFileSync(SUPERGRAPH_FILE, 'utf8'));
writeFileSync(INVENTORY_JSON_FILE, json);
writeFileSync(INVENTORY_MD_FILE, markdown);
const { summary } = inventory;
process.stdout.write(
  `Wrote ${INVENTORY_JSON_FILE} and ${INVENTORY_MD_FILE}: ${summary.types} types, ${summary.fields} fields, ` +
    `${summary.personalFields} personal (${summary.sensitiveFields} sensitive), ${summary.departments} departments\n`,
);
if (problems.length) {
  process.stderr.write(`\n${problems.length} field(s) look like personal data but are not marked:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
