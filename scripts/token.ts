// npm run token -- --role citizen --subject 11010519491231002X
// npm run token -- --role officer --department <agency code> --scopes population:read,population:unmask
// Mints a development token signed by the local identity key (.keys/); prints it.
import { parseArgs } from 'node:util';
import { checkCreditCode, checkResidentId } from '../platform/identifiers/index.js';
import { mintToken } from '../platform/security/dev-tokens.js';
import { devKeyPair } from '../platform/security/keys.js';
import { ROLES } from '../platform/security/roles.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' },
    subject: { type: 'string' },
    department: { type: 'string' },
    scopes: { type: 'string', default: '' },
    ttl: { type: 'string', default: '8h' },
  },
});
const role = (values.role ?? '').toUpperCase();
const fail = (message: string): never => {
  process.stderr.write(`npm run token: ${message}\n`);
  process.exit(1);
};
if (!ROLES.includes(role as never) || role === 'ANONYMOUS')
  fail(
    `--role must be one of ${ROLES.filter((r) => r !== 'ANONYMOUS')
      .join(', ')
      .toLowerCase()} (anonymous callers send no token)`,
  );
if (role === 'CITIZEN' && (!values.subject || checkResidentId(values.subject)))
  fail(
    `a citizen's --subject is their identity number (resident identity card, residence permit or foreigner's permanent residence card)${values.subject ? `: ${checkResidentId(values.subject)}` : ''}`,
  );
if (role === 'ENTERPRISE' && (!values.subject || checkCreditCode(values.subject)))
  fail(`an enterprise's --subject is its unified social credit code${values.subject ? `: ${checkCreditCode(values.subject)}` : ''}`);
if (role === 'OFFICER' && !values.department) fail('an officer needs --department (the agency code) and usually --scopes, e.g. population:read');

const token = await mintToken(await devKeyPair('identity'), {
  role: role as never,
  subject: values.subject ?? (role === 'OFFICER' ? `officer-${values.department}` : role.toLowerCase()),
  department: values.department,
  scopes: values.scopes ? values.scopes.split(',').map((s) => s.trim()) : [],
  expiresIn: values.ttl,
});
process.stdout.write(`${token}\n`);
