// npm run audit:keys [-- --department population]
// Prints a fresh Ed25519 audit key pair per delivering department (or one), as environment lines for
// production: <DEPARTMENT>_AUDIT_SIGNING_KEY goes to that department's secrets only, and every
// <DEPARTMENT>_AUDIT_VERIFY_KEY to the audit department. Nothing is written to disk; development
// needs none of this (pairs are created under .keys/ on first start).
import { generateKeyPairSync } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DELIVERING } from '../platform/audit/keys.js';

const { values } = parseArgs({ options: { department: { type: 'string' } } });
if (values.department && !DELIVERING.includes(values.department)) {
  process.stderr.write(`--department must be one of ${DELIVERING.join(', ')}, got ${values.department}\n`);
  process.exit(2);
}
for (const department of values.department ? [values.department] : DELIVERING) {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const name = department.toUpperCase();
  process.stdout.write(`# ${department}: the signing key to ${department} only, the verify key to the audit department\n`);
  process.stdout.write(`${name}_AUDIT_SIGNING_KEY='${JSON.stringify(privateKey.export({ format: 'jwk' }))}'\n`);
  process.stdout.write(`${name}_AUDIT_VERIFY_KEY='${JSON.stringify(publicKey.export({ format: 'jwk' }))}'\n`);
}
