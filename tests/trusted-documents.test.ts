import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gatewayConfig } from '../gateway/config.js';
import { startGateway, type RunningGateway } from '../gateway/server.js';
import { registeredAgencies } from '../reference/agencies.js';
import { MyCasesDocument } from '../clients/portal/generated/graphql.js';
import { RegisterAppealDocument } from '../clients/hotline/generated/graphql.js';
import { caseLine, myCases } from '../clients/portal/example/my-cases.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer, token } from './helpers/tokens.js';

// Trusted documents (gateway/plugins/trusted-documents.ts): the platform runs with TRUSTED_DOCUMENTS=enforce,
// as production does; a second gateway over the same departments runs as development does.
let platform: TestPlatform;
let development: RunningGateway;
beforeAll(async () => {
  vi.stubEnv('TRUSTED_DOCUMENTS', 'enforce');
  platform = await startPlatform();
  vi.unstubAllEnvs();
  const urls = Object.fromEntries(Object.values(platform.departments).map((d) => [`${d.name.toUpperCase()}_URL`, d.url]));
  development = await startGateway(gatewayConfig({ ...process.env, TRUSTED_DOCUMENTS: '', GATEWAY_PORT: '0', ...urls }));
});
afterAll(async () => {
  await development?.close();
  await platform?.close();
});

interface Answer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function send(url: string, body: Record<string, unknown>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const idOf = (document: { __meta__?: Record<string, any> }) => document.__meta__!['hash'] as string;
const client = (name: string) => ({ 'apollographql-client-name': name });
const operationText = (file: string) => readFileSync(new URL(`../clients/${file}`, import.meta.url), 'utf8');
const officer = async () => ({
  ...(await bearer({ role: 'OFFICER', subject: 'officer-7', department: registeredAgencies()[0]!.code, scopes: ['cases:read', 'cases:unmask'] })),
  'x-purpose': 'supervision of case handling',
});

/** A seeded citizen who applied for a case, found as an officer's ad-hoc tool would. */
async function citizenWithACase(): Promise<{ citizen: string; caseId: string }> {
  const list = await platform.query('{ cases(first: 100) { nodes { id applicantKind applicantId } } }', {}, await officer());
  expect(list.errors).toBeUndefined();
  const found = (list.data!.cases.nodes as { id: string; applicantKind: string; applicantId: string }[]).find((c) => c.applicantKind === 'PERSON');
  expect(found).toBeDefined();
  return { citizen: found!.applicantId, caseId: found!.id };
}

describe('a front end runs its registered documents by id', () => {
  it("the portal example lists a citizen's own cases with the typed document and its id", async () => {
    const { citizen, caseId } = await citizenWithACase();
    const cases = await myCases(platform.gateway.url, await token({ role: 'CITIZEN', subject: citizen }), 5);
    expect(cases.map((c) => c.id)).toContain(caseId);
    expect(caseLine(cases[0]!)).toMatch(/^\d{4}-\d{2}-\d{2} .+ · .+ · [A-Z_]+/);
  });

  it("takes Apollo's extensions.persistedQuery.sha256Hash as well as documentId", async () => {
    const { citizen, caseId } = await citizenWithACase();
    const hash = idOf(MyCasesDocument).slice('sha256:'.length);
    const answer = await send(
      platform.gateway.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { first: 100 } },
      { ...client('govgraph-mobile'), ...(await bearer({ role: 'CITIZEN', subject: citizen })) },
    );
    expect(answer.errors).toBeUndefined();
    expect((answer.data!.cases.nodes as { id: string }[]).map((c) => c.id)).toContain(caseId);
  });

  it('an operation several front ends registered runs for each of them', async () => {
    const citizen = await bearer({ role: 'CITIZEN', subject: (await citizenWithACase()).citizen });
    for (const name of ['govgraph-portal', 'govgraph-mobile']) {
      const answer = await send(platform.gateway.url, { documentId: idOf(MyCasesDocument), variables: {} }, { ...client(name), ...citizen });
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
    }
  });
});

describe('attacks on the trusted documents (enforced, as in production)', () => {
  it('a portal client sending its own query text is refused with PERSISTED_QUERY_NOT_ALLOWED (403), before anything runs', async () => {
    const { citizen } = await citizenWithACase();
    const headers = { ...client('govgraph-portal'), ...(await bearer({ role: 'CITIZEN', subject: citizen })) };
    for (const query of [operationText('portal/operations/MyCases.graphql'), '{ cases(first: 100) { nodes { id applicantId agent { name } } } }']) {
      const answer = await send(platform.gateway.url, { query, variables: {} }, headers);
      expect(answer.status).toBe(403);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      expect(answer.errors?.[0]?.message).toMatch(/govgraph-portal may run only its registered operations.*documentId/);
    }
  });

  it('an unknown or malformed document id is a 400 PERSISTED_QUERY_NOT_FOUND that says what to do, never a 500', async () => {
    const unknown = `sha256:${'0'.repeat(64)}`;
    for (const body of [
      { documentId: unknown },
      { documentId: 'sha256:../../etc/passwd' },
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
    ]) {
      const answer = await send(platform.gateway.url, body, client('govgraph-portal'));
      expect(answer.status).toBe(400);
      expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(answer.errors?.[0]?.message).toMatch(/No registered document has the id/);
    }
  });

  it("the hall client cannot run the hotline's registerAppeal by its id: PERSISTED_QUERY_NOT_ALLOWED, nothing registered", async () => {
    const citizen = await bearer({ role: 'CITIZEN', subject: (await citizenWithACase()).citizen });
    const input = { kind: 'COMPLAINT', category: 'HEALTH', text: 'hall terminal replay', region: '110101', channel: 'SERVICE_HALL' };
    const answer = await send(
      platform.gateway.url,
      { documentId: idOf(RegisterAppealDocument), variables: { input } },
      { ...client('govgraph-hall'), ...citizen },
    );
    expect(answer.status).toBe(403);
    expect(answer.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
    expect(answer.errors?.[0]?.message).toMatch(/registered for govgraph-hotline, not govgraph-hall/);
    const mine = await platform.query('{ appeals(first: 100) { nodes { text } } }', {}, citizen);
    expect((mine.data!.appeals.nodes as { text: string }[]).map((a) => a.text)).not.toContain(input.text);
  });

  it('a document id with another query text is a 400 BAD_REQUEST and runs neither', async () => {
    const answer = await send(
      platform.gateway.url,
      { documentId: idOf(MyCasesDocument), query: '{ cases(first: 100) { nodes { id applicantId } } }' },
      await officer(),
    );
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it("auditors' and supervisors' tools (another client name, or none) keep ad-hoc queries", async () => {
    const auditor = await send(
      platform.gateway.url,
      { query: '{ accessLog(first: 1) { nodes { department } } }' },
      { ...client('audit-console'), ...(await bearer({ role: 'AUDITOR', subject: 'auditor-1' })) },
    );
    expect(auditor.errors).toBeUndefined();
    const supervisor = await send(
      platform.gateway.url,
      { query: '{ region(code: "110000") { fullName } }' },
      await bearer({ role: 'SUPERVISOR', subject: 'supervisor-1' }),
    );
    expect(supervisor.data?.region.fullName).toBe('北京市');
  });
});

describe('development', () => {
  it('a front end may still send query texts while its operations are being written', async () => {
    const answer = await send(development.url, { query: '{ region(code: "110000") { fullName } }' }, client('govgraph-portal'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.region.fullName).toBe('北京市');
    const citizen = await bearer({ role: 'CITIZEN', subject: (await citizenWithACase()).citizen });
    const byId = await send(development.url, { documentId: idOf(MyCasesDocument) }, { ...client('govgraph-portal'), ...citizen });
    expect(byId.errors).toBeUndefined();
  });
});
