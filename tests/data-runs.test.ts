import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePageDocument } from './generated/operations.js';
import { DATA_RUN_PREVIEWS, dataRunsDigest } from '../platform/data-runs.js';
import { claimsSigner } from '../platform/security/department-claims.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';
import { bearer } from './helpers/tokens.js';
import { todayInChina } from '../platform/time.js';

/**
 * 数据跑腿 with the applicant's knowledge: she previews which of her certificates a
 * submission would use, confirms that list, the case records it as it was then, and
 * her data tracker shows both reads. Another citizen cannot preview her certificates.
 */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

// 户口迁入（人才落户）: ID card, academic and degree certificates can each stand in for a material
const ITEM = 'QR-010003-002';
const today = todayInChina();
const daysBefore = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

const PREVIEW = `query($id: String!) {
  draftApplication(itemCode: "${ITEM}", applicantKind: PERSON, applicantId: $id) {
    materials { name certificateType mustSubmit satisfiedBy { id } }
    dataRuns { digest uses { material certificate { id type name number status issueDate expiryDate issuingDepartment { code } } } }
  }
}`;
const SUBMIT = `mutation($input: SubmitCaseInput!) {
  submitCase(input: $input) { ... on Case { id dataRuns { material certificateId certificateType number usedOn heldAtSubmission } } }
}`;

interface Use {
  material: string;
  certificate: {
    id: string;
    type: string;
    name: string;
    number: string;
    status: string;
    issueDate: string;
    expiryDate: string | null;
    issuingDepartment: { code: string };
  };
}

/** Two residents who hold a valid ID card issued more than 30 days ago, as the sample data has them (read from the hub's database). */
async function holders(): Promise<[string, string, string]> {
  const rows: { id: string; holder_id: string }[] = await platform.departments
    .certificates!.orm.em.getConnection()
    .execute(
      "select id, holder_id from certificate where type = 'RESIDENT_ID_CARD' and holder_kind = 'PERSON' and revocation_date is null and (expiry_date is null or expiry_date > ?) and issue_date < ? order by id",
      [daysBefore(-30), daysBefore(30)],
    );
  const people = [...new Set(rows.map((r) => r.holder_id))];
  expect(people.length, 'the sample data has at least two ID card holders').toBeGreaterThanOrEqual(2);
  return [people[0]!, people[1]!, rows.find((r) => r.holder_id === people[0])!.id];
}

const implementationOf = async (): Promise<string> => {
  const { data } = await platform.query(`{ serviceItem(code: "${ITEM}") { implementations { code } } }`);
  return data!.serviceItem.implementations[0].code;
};

const confirmation = (uses: Use[], digest: string) => ({
  uses: uses.map((u) => ({ material: u.material, certificateId: u.certificate.id, certificateType: u.certificate.type, number: u.certificate.number })),
  digest,
});

describe('data runs with the applicant knowing', () => {
  it('previews, confirms, records as of submission, and shows both reads in her data tracker', async () => {
    const [me, , idCard] = await holders();
    const citizen = await bearer({ role: 'CITIZEN', subject: me });
    const implementationCode = await implementationOf();

    // 1. the preview: which of her certificates would satisfy which material
    const preview = await platform.query(PREVIEW, { id: me }, citizen);
    expect(preview.errors).toBeUndefined();
    const { uses, digest } = preview.data!.draftApplication.dataRuns as { uses: Use[]; digest: string };
    expect(digest).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/); // signed by the hub (a compact JWS)
    const card = uses.find((u) => u.certificate.type === 'RESIDENT_ID_CARD')!;
    expect(card, 'her ID card is offered for the ID card material').toBeDefined();
    expect(card.certificate).toMatchObject({ name: '居民身份证', number: me, status: 'VALID' });
    expect(card.certificate.issuingDepartment.code).toMatch(/^[0-9A-Z]{18}$/);
    for (const use of uses) expect(use.certificate.status).toBe('VALID');
    // the preview offers exactly what the materials check says she need not submit
    const satisfied = (preview.data!.draftApplication.materials as { satisfiedBy: { id: string } | null }[]).flatMap((m) =>
      m.satisfiedBy ? [m.satisfiedBy.id] : [],
    );
    expect(uses.map((u) => u.certificate.id).sort()).toEqual(satisfied.sort());

    const input = { itemCode: ITEM, implementationCode, applicantKind: 'PERSON', applicantId: me, channel: 'WEB_PORTAL' };
    const casesOf = async () => (await platform.query('{ cases(first: 100) { nodes { id } } }', {}, citizen)).data!.cases.nodes.length as number;
    const before = await casesOf();

    // 2. a list that is not the preview's is refused, and nothing is recorded
    const edited = confirmation(uses, digest);
    edited.uses[0]!.number = `${edited.uses[0]!.number.slice(0, -1)}0`;
    const tampered = await platform.query(SUBMIT, { input: { ...input, dataRuns: edited } }, citizen);
    expect(tampered.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(tampered.errors?.[0]?.message).toMatch(/preview again/);
    const wrongDigest = await platform.query(SUBMIT, { input: { ...input, dataRuns: confirmation(uses, '0'.repeat(64)) } }, citizen);
    expect(wrongDigest.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // the fingerprint is public arithmetic: one the client computes itself is no preview of the hub's
    const selfMade = dataRunsDigest({ applicantKind: 'PERSON', applicantId: me, itemCode: ITEM }, confirmation(uses, digest).uses);
    const madeUp = await platform.query(SUBMIT, { input: { ...input, dataRuns: confirmation(uses, selfMade) } }, citizen);
    expect(madeUp.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const notAMaterial = confirmation(uses, digest);
    notAMaterial.uses[0]!.material = '不存在的材料';
    const unknown = await platform.query(SUBMIT, { input: { ...input, dataRuns: notAMaterial } }, citizen);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.dataRuns.uses[0]' });
    expect(await casesOf()).toBe(before);

    // 3. submitting with the confirmed list records it, and the hub confirms each use
    const submitted = await platform.query(SUBMIT, { input: { ...input, dataRuns: confirmation(uses, digest) } }, citizen);
    expect(submitted.errors).toBeUndefined();
    const caseId = submitted.data!.submitCase.id as string;
    const recorded = uses.map((u) => ({
      material: u.material,
      certificateId: u.certificate.id,
      certificateType: u.certificate.type,
      number: u.certificate.number,
      usedOn: today,
      heldAtSubmission: true,
    }));
    const byMaterial = (a: { material: string }, b: { material: string }) => (a.material < b.material ? -1 : 1);
    expect([...submitted.data!.submitCase.dataRuns].sort(byMaterial)).toEqual([...recorded].sort(byMaterial));

    // 4. later the ID card expires and is revoked: the case's record stays as it was
    const submittedOn = daysBefore(10);
    await platform.departments.cases!.orm.em.getConnection().execute('update cases set submitted_on = ? where id = ?', [submittedOn, caseId]);
    await platform.departments
      .certificates!.orm.em.getConnection()
      .execute('update certificate set expiry_date = ?, revocation_date = ? where id = ?', [daysBefore(1), today, idCard]);
    // her case page (the portal's CasePage operation)
    const later = await platform.query(print(CasePageDocument), { id: caseId }, citizen);
    expect(later.errors).toBeUndefined();
    const asRecorded = recorded.map(({ certificateId: _, ...r }) => ({ ...r, usedOn: submittedOn }));
    expect([...later.data!.case.dataRuns].sort(byMaterial)).toEqual(asRecorded.sort(byMaterial));
    // the live check has moved on (the card is no longer valid today); the record has not
    const liveCard = (later.data!.case.materials as { certificateType: string | null; satisfiedBy: { id: string } | null }[]).find(
      (m) => m.certificateType === 'RESIDENT_ID_CARD',
    );
    expect(liveCard?.satisfiedBy?.id).not.toBe(idCard);
    // a preview confirmed after the card was revoked: the cases department cannot ask the hub, so it
    // records what was confirmed, and the hub's check through the graph flags the card as not valid that day
    const stale = await platform.query(SUBMIT, { input: { ...input, dataRuns: confirmation(uses, digest) } }, citizen);
    expect(stale.errors).toBeUndefined();
    const staleCard = (stale.data!.submitCase.dataRuns as { certificateId: string; heldAtSubmission: boolean }[]).find((u) => u.certificateId === idCard);
    expect(staleCard?.heldAtSubmission).toBe(false);

    // 5. her data tracker: the hub's preview read, and its read for the case at submission
    await platform.departments.certificates!.delivery!.flush();
    const tracker = await platform.query('{ myDataAccesses(first: 100) { nodes { department purpose fields } } }', {}, citizen);
    expect(tracker.errors).toBeUndefined();
    const hub = (tracker.data!.myDataAccesses.nodes as { department: string; purpose: string | null; fields: string[] }[]).filter(
      (n) => n.department === 'certificates',
    );
    expect(hub.some((n) => n.fields.includes('DraftApplication.dataRuns'))).toBe(true);
    expect(
      hub.some((n) => n.purpose === `case ${caseId}: certificate used at submission (数据跑腿)` && n.fields.includes('CertificateUse.heldAtSubmission')),
    ).toBe(true);
  });

  it('answers an expired preview with the typed problem DataRunsPreviewExpired and the fresh preview to show; nothing is created', async () => {
    const [, him] = await holders();
    const citizen = await bearer({ role: 'CITIZEN', subject: him });
    const preview = await platform.query(PREVIEW, { id: him }, citizen);
    const { uses } = preview.data!.draftApplication.dataRuns as { uses: Use[] };
    const listed = confirmation(uses, '').uses;
    // the hub's own signature, 15 minutes on: too old, however genuine
    const hub = await claimsSigner(DATA_RUN_PREVIEWS);
    const stale = hub({ dr: dataRunsDigest({ applicantKind: 'PERSON', applicantId: him, itemCode: ITEM }, listed) }, -1);
    const input = { itemCode: ITEM, implementationCode: await implementationOf(), applicantKind: 'PERSON', applicantId: him, channel: 'WEB_PORTAL' };
    const SUBMIT_OR_PROBLEM = `mutation($input: SubmitCaseInput!) { submitCase(input: $input) { __typename ... on Case { id }
      ... on MutationProblem { code message } ... on DataRunsPreviewExpired { draft { itemCode dataRuns { digest uses { material certificate { id type number } } } } } } }`;
    const casesOf = async () => (await platform.query('{ cases(first: 100) { nodes { id } } }', {}, citizen)).data!.cases.nodes.length as number;
    const before = await casesOf();
    const expired = await platform.query(SUBMIT_OR_PROBLEM, { input: { ...input, dataRuns: { uses: listed, digest: stale } } }, citizen);
    expect(expired.errors).toBeUndefined();
    expect(expired.data!.submitCase).toMatchObject({ __typename: 'DataRunsPreviewExpired', code: 'PREVIEW_EXPIRED', draft: { itemCode: ITEM } });
    expect(expired.data!.submitCase.message).toMatch(/^input.dataRuns: the preview has expired/);
    const fresh = expired.data!.submitCase.draft.dataRuns as { digest: string; uses: Use[] };
    expect(fresh.uses.map((u) => u.certificate.id)).toEqual(uses.map((u) => u.certificate.id));
    expect(await casesOf()).toBe(before);
    // what the applicant confirms from the fresh preview is submitted
    const again = await platform.query(SUBMIT_OR_PROBLEM, { input: { ...input, dataRuns: confirmation(fresh.uses, fresh.digest) } }, citizen);
    expect(again.data!.submitCase.__typename).toBe('Case');
    expect(await casesOf()).toBe(before + 1);
  });

  it("refuses another citizen's preview of someone's certificates, without telling whether they hold any", async () => {
    const [victim, attacker] = await holders();
    const asAttacker = await bearer({ role: 'CITIZEN', subject: attacker });
    // a valid identity number nobody in the sample data has: no certificates at all
    const nobody = '11010519491231002X';
    const held = await platform.query(PREVIEW, { id: victim }, asAttacker);
    const none = await platform.query(PREVIEW, { id: nobody }, asAttacker);
    for (const answer of [held, none]) {
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(answer.data?.draftApplication ?? null).toBeNull();
    }
    // the two refusals are the same: nothing tells a holder from a non-holder
    const shape = (a: typeof held) =>
      JSON.stringify({ data: a.data ?? null, errors: a.errors?.map((e) => [e.extensions?.code, e.message.replaceAll(victim, '').replaceAll(nobody, '')]) });
    expect(shape(held)).toBe(shape(none));
    expect(JSON.stringify(held)).not.toMatch(/JMSFZ|"number"/);

    // nor can she submit for the victim (as their agent) using their certificates
    const implementationCode = await implementationOf();
    const input = {
      itemCode: ITEM,
      implementationCode,
      applicantKind: 'PERSON',
      applicantId: victim,
      channel: 'WEB_PORTAL',
      dataRuns: { uses: [], digest: '0'.repeat(64) },
    };
    const submitted = await platform.query(SUBMIT, { input }, asAttacker);
    expect(submitted.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // anonymous callers get nothing either
    const anonymous = await platform.query(PREVIEW, { id: victim });
    expect(anonymous.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    expect(anonymous.data?.draftApplication ?? null).toBeNull();
  });
});
