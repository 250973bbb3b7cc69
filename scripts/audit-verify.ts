// npm run audit:verify [-- --anchor <seq>:<hash> ...]
// Re-computes every hash of the audit department's access log (same database as
// npm start: AUDIT_DATABASE_URL, DATABASE_URL or data/audit.sqlite), streaming in
// seq order. Prints "OK: n entries, chain intact (x s)" and the chain head to
// note down, or names the first bad entry and exits 1. An anchor is a head noted
// earlier: the chain must still pass through it, so a rewritten chain is caught.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { departmentConfig } from '../platform/config.js';
import { openDepartmentDatabase } from '../platform/department.js';
import type { ChainAnchor } from '../subgraphs/audit/chain.js';
import { audit } from '../subgraphs/audit/department.js';
import { verifyAccessLog } from '../subgraphs/audit/log.js';

function fail(message: string, code = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

const { values } = parseArgs({ options: { anchor: { type: 'string', multiple: true, default: [] } } });
const anchors: ChainAnchor[] = values.anchor.map((text) => {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
  if (!match) fail(`--anchor must be <seq>:<64 hex digits>, got ${text}`);
  return { seq: Number(match[1]), hash: match[2]! };
});

const target = departmentConfig('audit').database;
if (target.kind === 'sqlite' && !existsSync(target.file))
  fail(`No audit database at ${target.file}: start the audit department first, or set GOVGRAPH_DATA_DIR / AUDIT_DATABASE_URL`);
const orm = await openDepartmentDatabase(audit, target);
try {
  const result = await verifyAccessLog(orm.em.fork(), anchors);
  const seconds = result.seconds.toFixed(1);
  if (result.ok) {
    process.stdout.write(
      `OK: ${result.entries} entries, chain intact (${seconds} s)\nhead: ${result.head.seq}:${result.head.hash} (note it; pass it as --anchor to later runs)\n`,
    );
  } else {
    const { seq, id, problem, detail } = result.firstBad;
    process.stdout.write(`BROKEN: entry ${seq}${id ? ` (${id})` : ''} ${problem}: ${detail}\n${result.entries} entries verified before it (${seconds} s)\n`);
    process.exitCode = 1;
  }
} finally {
  await orm.close();
}
