import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenRequest } from '../platform/security/dev-tokens.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { token } from './helpers/tokens.js';

// The README's examples are true: every fenced block tagged `graphql readme-check` or
// `sh readme-check` is run against a platform seeded as npm start seeds it (200 people, seed 1),
// and its answer compared with the `json` block right after it. In the expected JSON a list whose
// last item is "…" means "begins with these items"; everything else must be equal.
// A graphql block may start with comment lines: `# variables: {…}`, `# token: <npm run token
// arguments>`, `# x-purpose: …`. A sh block runs with localhost:4000 pointed at the test platform.

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const EXAMPLE = /```(graphql|sh) readme-check\n([\s\S]*?)```\s*\n```json\n([\s\S]*?)```/g;

interface Example {
  kind: 'graphql' | 'sh';
  source: string;
  expected: unknown;
  line: number;
}
export const examples: Example[] = [...README.matchAll(EXAMPLE)].map((m) => ({
  kind: m[1] as Example['kind'],
  source: m[2]!,
  expected: JSON.parse(m[3]!),
  line: README.slice(0, m.index).split('\n').length,
}));

/** Where `actual` departs from `expected` ("…" ends a list prefix), or null. */
export function mismatch(expected: unknown, actual: unknown, path = '$'): string | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected a list, got ${JSON.stringify(actual)}`;
    const prefix = expected.at(-1) === '…';
    const items = prefix ? expected.slice(0, -1) : expected;
    if (prefix ? actual.length < items.length : actual.length !== items.length)
      return `${path}: expected ${prefix ? 'at least ' : ''}${items.length} items, got ${actual.length}`;
    for (const [i, item] of items.entries()) {
      const problem = mismatch(item, actual[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    const keys = Object.keys(expected);
    const actualKeys = Object.keys(actual);
    if (keys.join() !== actualKeys.join()) return `${path}: expected keys ${keys.join(', ')}, got ${actualKeys.join(', ')}`;
    for (const key of keys) {
      const problem = mismatch((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** The headers a `graphql readme-check` block's comments ask for. */
async function headersOf(comments: Map<string, string>): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const args = comments.get('token');
  if (args) {
    const { values } = parseArgs({
      args: args.split(/\s+/),
      options: { role: { type: 'string' }, subject: { type: 'string' }, department: { type: 'string' }, scopes: { type: 'string' } },
    });
    const request = { role: values.role!.toUpperCase(), subject: values.subject, department: values.department, scopes: values.scopes?.split(',') ?? [] };
    headers.authorization = `Bearer ${await token(request as TokenRequest)}`;
  }
  const purpose = comments.get('x-purpose');
  if (purpose) headers['x-purpose'] = encodeURIComponent(purpose);
  return headers;
}

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform({}, { seed: { size: 200, seed: 1 } });
}, 300_000);
afterAll(() => platform?.close());

describe('README examples against a platform seeded like npm start', () => {
  it('has examples to check', () => {
    expect(examples.filter((e) => e.kind === 'graphql').length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((e) => e.kind === 'sh').length).toBeGreaterThanOrEqual(1);
  });

  for (const example of examples) {
    it(`README.md line ${example.line}: ${example.source
      .split('\n')
      .find((l) => !l.startsWith('#'))
      ?.slice(0, 60)}`, async () => {
      let actual: unknown;
      if (example.kind === 'graphql') {
        const comments = new Map([...example.source.matchAll(/^# ([\w-]+): (.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
        const query = example.source.replace(/^#.*$/gm, '').trim();
        const variables = comments.has('variables') ? JSON.parse(comments.get('variables')!) : {};
        const answer = await platform.query(query, variables, await headersOf(comments));
        actual = answer.errors ? { data: answer.data, errors: answer.errors } : { data: answer.data };
      } else {
        const script = example.source.replaceAll('localhost:4000/graphql', platform.gateway.url);
        // not execFileSync: the platform answering the script runs in this process
        const { stdout } = await promisify(execFile)('sh', ['-c', script], { encoding: 'utf8', env: process.env });
        actual = JSON.parse(stdout);
      }
      expect(mismatch(example.expected, actual), JSON.stringify(actual)).toBeNull();
    }, 60_000);
  }
});

describe('npm run demo names subjects that exist in the seeded data', () => {
  const demo = JSON.parse(execFileSync('npm', ['run', '-s', 'demo', '--', '--json'], { encoding: 'utf8' }));
  const as = async (request: TokenRequest, purpose?: string) => ({
    authorization: `Bearer ${await token(request)}`,
    ...(purpose ? { 'x-purpose': encodeURIComponent(purpose) } : {}),
  });

  it('the citizen, with their cases as listed, in more than one status', async () => {
    const { data, errors } = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { name registeredRegion { code } cases(first: 100) { nodes { id status } } } }',
      { id: demo.citizen.id },
      await as({ role: 'CITIZEN', subject: demo.citizen.id }),
    );
    expect(errors).toBeUndefined();
    expect(data?.person.name).toBe(demo.citizen.name);
    expect(data?.person.registeredRegion.code).toBe(demo.division.code);
    const listed = (demo.citizen.cases as string[]).map((c) => c.split(/\s+/)[0]);
    expect(data?.person.cases.nodes.map((c: { id: string }) => c.id).sort()).toEqual([...listed].sort());
    expect(new Set(data?.person.cases.nodes.map((c: { status: string }) => c.status)).size).toBeGreaterThan(1);
  });

  it('the enterprise, with its cases as listed', async () => {
    const { data, errors } = await platform.query(
      'query($c: CreditCode!) { enterprise(creditCode: $c) { name cases(first: 100) { nodes { id } } } }',
      { c: demo.enterprise.creditCode },
      await as({ role: 'ENTERPRISE', subject: demo.enterprise.creditCode }),
    );
    expect(errors).toBeUndefined();
    expect(data?.enterprise.name).toBe(demo.enterprise.name);
    expect(data?.enterprise.cases.nodes.map((c: { id: string }) => c.id).sort()).toEqual(
      (demo.enterprise.cases as string[]).map((c) => c.split(/\s+/)[0]).sort(),
    );
  });

  it('the officer reads the citizen with their scopes and purpose; the handling officer reads the case', async () => {
    const officer = await as(
      { role: 'OFFICER', subject: 'officer-demo', department: demo.officer.agency, scopes: demo.officer.scopes.split(',') },
      demo.officer.purpose,
    );
    const person = await platform.query('query($id: ResidentId!) { person(id: $id) { id name } }', { id: demo.citizen.id }, officer);
    expect(person.errors).toBeUndefined();
    expect(person.data?.person).toEqual({ id: demo.citizen.id, name: demo.citizen.name });
    const handler = await as(
      { role: 'OFFICER', subject: 'officer-demo', department: demo.handlingOfficer.agency, scopes: demo.handlingOfficer.scopes.split(',') },
      demo.handlingOfficer.purpose,
    );
    const found = await platform.query('query($id: ID!) { case(id: $id) { id department { code name } } }', { id: demo.case }, handler);
    expect(found.errors).toBeUndefined();
    expect(found.data?.case).toEqual({ id: demo.case, department: { code: demo.handlingOfficer.agency, name: demo.handlingOfficer.agencyName } });
  });

  it('the agent acted in the case named', async () => {
    const [caseId] = demo.agent.case.split(/\s+/);
    const { data, errors } = await platform.query(
      'query($id: ResidentId!) { person(id: $id) { casesAsAgent(first: 100) { nodes { id } } } }',
      { id: demo.agent.id },
      await as({ role: 'CITIZEN', subject: demo.agent.id }),
    );
    expect(errors).toBeUndefined();
    expect(data?.person.casesAsAgent.nodes.map((c: { id: string }) => c.id)).toContain(caseId);
  });
});
