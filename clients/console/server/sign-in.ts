import { z } from 'zod';
import { devTokenRequest, mintToken, type DevTokenArgs } from '../../../platform/security/dev-tokens.js';
import { devKeyPair } from '../../../platform/security/keys.js';

/** The roles the development sign-in offers, with their Chinese names, in the order the page lists them. */
export const SIGN_IN_ROLES = [
  { role: 'citizen', label: '市民' },
  { role: 'enterprise', label: '企业' },
  { role: 'officer', label: '工作人员' },
  { role: 'supervisor', label: '督查' },
  { role: 'auditor', label: '审计' },
] as const;

/** role -> who its development token names (CONSOLE_SUBJECTS; npm start sets the demo's). */
export type ConsoleSubjects = Readonly<Record<string, Omit<DevTokenArgs, 'role'>>>;

const subjectsSchema = z.partialRecord(
  z.enum(['citizen', 'enterprise', 'officer', 'supervisor', 'auditor']),
  z.object({ subject: z.string().optional(), department: z.string().optional(), scopes: z.array(z.string()).optional() }).strict(),
);

/** CONSOLE_SUBJECTS as JSON (`{"citizen": {"subject": "<identity number>"}, …}`), or what is wrong with it. */
export function parseConsoleSubjects(value: string | undefined): ConsoleSubjects | string {
  if (!value) return {};
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return 'not JSON: {"citizen": {"subject": "<identity number>"}, "enterprise": {"subject": "<credit code>"}, "officer": {"department": "<agency>", "scopes": [...]}}';
  }
  const parsed = subjectsSchema.safeParse(json);
  return parsed.success ? parsed.data : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

/** Each role the page offers, and whether this deployment can mint it (a citizen needs a subject). */
export function signInRoles(subjects: ConsoleSubjects) {
  return SIGN_IN_ROLES.map(({ role, label }) => {
    const request = devTokenRequest({ role, ...subjects[role] });
    return { role, label, subject: 'problem' in request ? null : (request.subject ?? null), problem: 'problem' in request ? request.problem : null };
  });
}

/** POST /console/sign-in `{"role": "citizen"}` (development only): a token for that role's demo subject. */
export async function signIn(body: string, subjects: ConsoleSubjects): Promise<{ status: number; body: unknown }> {
  let role: unknown;
  try {
    role = (JSON.parse(body) as { role?: unknown } | null)?.role;
  } catch {
    // answered below like a missing role
  }
  if (typeof role !== 'string' || !SIGN_IN_ROLES.some((r) => r.role === role))
    return { status: 400, body: { error: `Send {"role": …} with one of ${SIGN_IN_ROLES.map((r) => r.role).join(', ')}` } };
  const request = devTokenRequest({ role, ...subjects[role] });
  if ('problem' in request)
    return { status: 400, body: { error: `No demo subject for ${role}: ${request.problem}. npm start sets CONSOLE_SUBJECTS from npm run -s demo.` } };
  return { status: 200, body: { token: await mintToken(await devKeyPair('identity'), request), role, subject: request.subject } };
}
