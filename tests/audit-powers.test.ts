import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditSigningKey, signDelivery } from '../platform/audit/keys.js';
import { OutboxEntity } from '../platform/audit/outbox.js';
import type { AccessRecord } from '../platform/audit/record.js';
import { personAt } from '../samples/synthetic.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { registeredAgencies } from '../reference/agencies.js';
import { todayInChina } from '../platform/time.js';

/** Officer tokens name an agency of the catalog. */
const AGENCY = registeredAgencies()[0]!.code;

const PERSON = 'query($id: ResidentId!) { person(id: $id) { name phone } }';
const TRACKER = '{ myDataAccesses(first: 100) { nodes { at department purpose callerRole withheld withheldUntil } } }';
const LOG =
  'query($s: String, $w: Boolean) { accessLog(subjectId: $s, withheld: $w, first: 100) { nodes { seq department purpose caller { subject } withheld withheldBy withheldUntil } } }';

const day = (offset: number) => new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
/** A withholding still running: a hundred days from today. */
const UNTIL = day(100);

const officer = async (subject: string, scopes: string[], purpose: string) => ({
  ...(await bearer({ role: 'OFFICER', subject, department: AGENCY, scopes })),
  'x-purpose': encodeURIComponent(purpose),
});
const citizen = (id: string) => bearer({ role: 'CITIZEN', subject: id });
const auditor = () => bearer({ role: 'AUDITOR', subject: 'auditor-1' });

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

const flush = () => platform.departments.population!.delivery!.flush();
const tracker = async (id: string) => {
  const answer = await platform.query(TRACKER, {}, await citizen(id));
  expect(answer.errors).toBeUndefined();
  return answer.data!.myDataAccesses.nodes as { purpose: string | null; withheld: boolean; withheldUntil: string | null; at: string }[];
};
const log = async (subjectId: string | null, withheld?: boolean) => {
  const answer = await platform.query(LOG, { s: subjectId, w: withheld ?? null }, await auditor());
  expect(answer.errors).toBeUndefined();
  return answer.data!.accessLog.nodes as {
    purpose: string;
    withheld: boolean;
    withheldBy: string | null;
    withheldUntil: string | null;
    caller: { subject: string };
  }[];
};

describe('withholding a read from its subject is a power', () => {
  it('an officer without the withhold scope cannot hide a read, by any spelling: refused, nothing served', async () => {
    const carol = personAt(7, 10);
    const tricks = [
      'withheld: investigation 2026-042',
      `withheld until ${UNTIL}: investigation 2026-042`,
      `  Withheld until ${UNTIL}: investigation 2026-042`,
      'WITHHELD:investigation',
      'withhold: investigation',
    ];
    // read scope only, or the withhold scope of another department
    for (const scopes of [['population:read'], ['population:read', 'cases:withhold'], ['population:read', 'audit:withhold']]) {
      for (const purpose of tricks) {
        const answer = await platform.query(PERSON, { id: carol.id }, await officer('officer-21', scopes, purpose));
        expect(answer.errors?.[0]?.extensions?.code, `${scopes.join(',')} / ${purpose}`).toBe('FORBIDDEN');
        expect(answer.errors?.[0]?.message).toContain('population:withhold');
        expect(JSON.stringify(answer.data ?? null)).not.toContain(carol.name);
      }
    }
    // what they may do: read openly, and the subject sees it
    const open = await platform.query(PERSON, { id: carol.id }, await officer('officer-21', ['population:read'], 'case C20261201000001'));
    expect(open.data?.person.name).toBe(carol.name);
    await flush();
    expect((await tracker(carol.id)).map((n) => [n.purpose, n.withheld])).toEqual([['case C20261201000001', false]]);
    expect(await log(carol.id)).toHaveLength(1);
  });

  it('an officer with it withholds until a date, recorded with who withheld; the subject does not see it, auditors do', async () => {
    const dave = personAt(7, 11);
    const purpose = `withheld until ${UNTIL}: investigation 2026-042`;
    const read = await platform.query(PERSON, { id: dave.id }, await officer('officer-22', ['population:read', 'population:withhold'], purpose));
    expect(read.errors).toBeUndefined();
    expect(read.data?.person.name).toBe(dave.name);
    await flush();
    expect(await tracker(dave.id)).toEqual([]);
    expect(await log(dave.id)).toEqual([
      expect.objectContaining({ purpose, withheld: true, withheldBy: 'officer-22', withheldUntil: UNTIL, caller: { subject: 'officer-22' } }),
    ]);
  });

  it('refuses a withholding date that is malformed, past or too far ahead, serving nothing', async () => {
    const erin = personAt(7, 12);
    for (const purpose of [
      'withheld until 2027-02-30: x',
      `withheld until ${day(-1)}: x`,
      `withheld until ${day(400)}: x`,
      'withheld until soon: x',
      `withheld until ${UNTIL}`,
    ]) {
      const answer = await platform.query(PERSON, { id: erin.id }, await officer('officer-22', ['population:read', 'population:withhold'], purpose));
      expect(answer.errors?.[0]?.extensions, purpose).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(answer.data?.person ?? null).toBeNull();
    }
    await flush();
    expect(await log(erin.id)).toEqual([]);
  });

  it('shows the subject a withheld read from the day after its date, marked withheld and until when', async () => {
    const frank = personAt(7, 13);
    // made a while ago by population, withheld until yesterday: delivered as population delivers, with its own key
    const record: AccessRecord = {
      id: randomUUID(),
      department: 'population',
      at: `${day(-30)}T02:00:00.000Z`,
      requestId: 'req-past',
      clientName: 'officer-console',
      callerRole: 'OFFICER',
      callerSubject: 'officer-23',
      callerDepartment: AGENCY,
      purpose: `withheld until ${day(-1)}: investigation 2026-001`,
      subjectKind: 'PERSON',
      subjectId: frank.id,
      fields: ['Person.name'],
      categories: ['NAME'],
      withheld: true,
      withheldBy: 'officer-23',
      withheldUntil: day(-1),
    };
    expect((await deliver([record], 'population')).status).toBe(200);
    const running = { ...record, id: randomUUID(), purpose: `withheld until ${UNTIL}: investigation 2026-001`, withheldUntil: UNTIL };
    expect((await deliver([running], 'population')).status).toBe(200);
    expect(await tracker(frank.id)).toEqual([
      { at: record.at, department: 'population', purpose: record.purpose, callerRole: 'OFFICER', withheld: true, withheldUntil: day(-1) },
    ]);
  });

  it('auditors list every withheld read, disclosed or not, with who withheld it and until when', async () => {
    const withheld = await log(null, true);
    expect(withheld.length).toBeGreaterThanOrEqual(3);
    expect(withheld.every((n) => n.withheld && n.withheldBy && n.withheldUntil)).toBe(true);
    expect(withheld.map((n) => n.withheldBy)).toEqual(expect.arrayContaining(['officer-22', 'officer-23']));
    const open = await log(null, false);
    expect(open.every((n) => !n.withheld && n.withheldBy === null)).toBe(true);
    const chain = await platform.query('{ verifyAccessLog { ok entries } }', {}, await auditor());
    expect(chain.data?.verifyAccessLog).toMatchObject({ ok: true });
  });
});

/** POSTs a batch to the audit department's /ingest as `sender`, signed with `signer`'s key. */
async function deliver(records: unknown[], sender: string, signer = sender) {
  const body = JSON.stringify({ records });
  const response = await fetch(platform.departments.audit!.url.replace(/\/graphql$/, '/ingest'), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-audit-department': sender, 'x-audit-signature': signDelivery(body, auditSigningKey(signer)) },
    body,
  });
  return { status: response.status, body: (await response.json()) as { error?: string } };
}

describe("no department delivers records in another one's name", () => {
  const certificateRead = (): AccessRecord => ({
    id: randomUUID(),
    department: 'certificates',
    at: new Date().toISOString(),
    requestId: 'req-forged',
    clientName: null,
    callerRole: 'OFFICER',
    callerSubject: 'officer-99',
    callerDepartment: 'X',
    purpose: 'forged',
    subjectKind: 'PERSON',
    subjectId: personAt(7, 14).id,
    fields: ['Certificate.number'],
    categories: ['CREDENTIAL'],
    withheld: false,
  });

  it("refuses a delivery signed with population's key claiming to be certificates', and certificates' records under population's name", async () => {
    const forged = [certificateRead()];
    const claimed = await deliver(forged, 'certificates', 'population');
    expect(claimed.status).toBe(401);
    const smuggled = await deliver(forged, 'population', 'population');
    expect(smuggled.status).toBe(403);
    expect(smuggled.body.error).toContain('population may deliver only its own records');
    expect(await log(personAt(7, 14).id)).toEqual([]);
    // the rightful sender is accepted
    expect((await deliver(forged, 'certificates')).status).toBe(200);
  });
});

describe('a batch the audit department rejects', () => {
  it('stays in the outbox, is counted and reported, is retried, and never holds up the other records', async () => {
    const population = platform.departments.population!;
    const grace = personAt(7, 15);
    // a record the audit department refuses as it is (a subject id it cannot accept), among good ones
    const bad = {
      id: randomUUID(),
      department: 'population',
      at: new Date().toISOString(),
      requestId: 'r',
      clientName: null,
      callerRole: 'OFFICER',
      callerSubject: 'o',
      callerDepartment: null,
      purpose: 'p',
      subjectKind: 'PERSON',
      subjectId: '110105194912310021',
      fields: ['Person.name'],
      categories: ['NAME'],
      withheld: false,
    };
    // and one in another department's name: population's outbox delivers it as population, so it is refused, not passed on
    const foreign = {
      ...bad,
      id: randomUUID(),
      department: 'certificates',
      subjectId: personAt(7, 16).id,
      fields: ['Certificate.number'],
      categories: ['CREDENTIAL'],
    };
    // the department's error log, read from the start: the background delivery may get there first
    const reported: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      reported.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    const row = (r: typeof bad) => ({ id: r.id, payload: JSON.stringify(r), createdAt: new Date(0).toISOString(), deliveredAt: null, attempts: 0 });
    try {
      await population.orm.em.fork().insertMany(OutboxEntity, [row(bad), row(foreign)]);
      const read = await platform.query(PERSON, { id: grace.id }, await officer('officer-24', ['population:read'], 'case C20261201000009'));
      expect(read.errors).toBeUndefined();
      await flush();
      expect(await population.delivery!.status()).toEqual({ pending: 0, rejected: 2 });
      await population.delivery!.retryRejected();
    } finally {
      process.stderr.write = write;
    }
    // the good read got through; the bad record is still there, counted, and was tried again
    expect((await tracker(grace.id)).map((n) => n.purpose)).toEqual(['case C20261201000009']);
    const kept = await population.orm.em.fork().findOne(OutboxEntity, { id: bad.id });
    expect(kept?.payload).toBe(JSON.stringify(bad));
    expect(kept?.attempts).toBe(2);
    expect(await population.orm.em.fork().count(OutboxEntity, { id: foreign.id })).toBe(1);
    expect(await population.delivery!.status()).toEqual({ pending: 0, rejected: 2 });
    expect(await log(foreign.subjectId)).toEqual([]);
    // and auditors see that the log lacks records population served, and how many
    const reports = await platform.query('{ outboxReports { department rejected pending reportedAt } }', {}, await auditor());
    expect(reports.errors).toBeUndefined();
    expect(reports.data!.outboxReports).toEqual([{ department: 'population', rejected: 2, pending: 0, reportedAt: expect.any(String) }]);
    const hidden = await platform.query('{ outboxReports { department rejected } }', {}, await citizen(grace.id));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const lines = reported
      .flatMap((chunk) => chunk.split('\n'))
      .filter((l) => l.includes('"rejected"'))
      .map((l) => JSON.parse(l) as { level: string; rejected: number });
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.every((l) => l.level === 'error' && l.rejected >= 1)).toBe(true);
    expect(lines.at(-1)!.rejected).toBe(2);
  });
});

describe('recording cannot be switched off in production', () => {
  it('refuses to start a department with AUDIT_RECORDING=off and NODE_ENV=production, saying why', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'subgraphs/population/index.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        AUDIT_RECORDING: 'off',
        POPULATION_PORT: '0',
        GOVGRAPH_DATA_DIR: mkdtempSync(join(tmpdir(), 'govgraph-recording-')),
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('AUDIT_RECORDING=off is refused in production');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);
});
