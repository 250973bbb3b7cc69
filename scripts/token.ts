// npm run token -- --role citizen --subject 11010519491231002X
// npm run token -- --role officer --department <agency code> --scopes population:read,population:unmask
// Mints a development token signed by the local identity key (.keys/); prints it.
import { parseArgs } from 'node:util';
import { devTokenRequest, mintToken } from '../platform/security/dev-tokens.js';
import { devKeyPair } from '../platform/security/keys.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    subject: { type: 'string' },
    department: { type: 'string' },
    scopes: { type: 'string', default: '' },
    ttl: { type: 'string', default: '8h' },
  },
});
const request = devTokenRequest({
  role: values.role ?? '',
  subject: values.subject,
  department: values.department,
  scopes: values.scopes ? values.scopes.split(',').map((s) => s.trim()) : [],
  ttl: values.ttl,
});
if ('problem' in request) {
  // the sentence names the argument as the console says it; here it is the --flag
  process.stderr.write(`npm run token: ${request.problem.replace(/^the role\b/, '--role').replace(/\b(subject|department)\b/, '--$1')}\n`);
  process.exit(1);
}
process.stdout.write(`${await mintToken(await devKeyPair('identity'), request)}\n`);
