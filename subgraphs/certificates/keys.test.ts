// The certificate hub's entities by key (_entities): the same record as the root query, null for an
// id nobody has, and certificates (personal data) refused alike by key and at the root to the unentitled.
import { expect, it } from 'vitest';
import { personAt } from '../../samples/synthetic.js';
import { officerOnDuty, refusedCallers } from '../../platform/testing.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { certificates } from './department.js';

const SEED = { size: 300, seed: 7 };
const onDuty = officerOnDuty('certificates', 'basis:certificate-check');
const REFUSED = refusedCallers(onDuty, 'population:read');
const CERTIFICATE = 'id type name number holder { __typename } issuingDepartment { code } trustGrade issueDate expiryDate status';
const list = (selection: string) => `{ certificates(first: 50) { nodes { ${selection} } } }`;
const holderOf = (kind: string) => (d: any) =>
  d.certificates.nodes.map((c: { holder: Record<string, unknown> }) => c.holder).find((h: Record<string, unknown>) => kind in h);
const ITEM = { code: 'JF-040003-001', materials: [{ name: '居民身份证', required: true, certificateType: 'RESIDENT_ID_CARD' }] };

describeEntityKeys(certificates, SEED, ['Case', 'Certificate', 'CertificateUse', 'DraftApplication', 'Enterprise', 'Person'], ({ dept, byKey }) => {
  it('Certificate', () =>
    byKey({
      type: 'Certificate',
      selection: CERTIFICATE,
      root: list('SELECTION'),
      pick: (d) => d.certificates.nodes[0],
      missing: { id: 'JMSFZ-999999999-01' },
      as: onDuty,
      refused: REFUSED,
    }));
  it('Person (extended: their certificates)', () =>
    byKey({
      type: 'Person',
      selection: 'id certificates { id }',
      root: list('holder { ... on Person { SELECTION } }'),
      pick: holderOf('id'),
      as: onDuty,
      refused: REFUSED,
    }));
  it('Enterprise (extended: its certificates)', () =>
    byKey({
      type: 'Enterprise',
      selection: 'creditCode certificates { id }',
      root: list('holder { ... on Enterprise { SELECTION } }'),
      pick: holderOf('creditCode'),
      as: onDuty,
    }));

  // Case, DraftApplication and CertificateUse belong to the cases department: the hub adds fields
  // computed from what the gateway sends with the key (@requires), so there is no root query here.
  it('Case, DraftApplication, CertificateUse: resolved from the key and the required fields; refused before the look-up to the unentitled', async () => {
    const person = personAt(SEED.seed, 0).id;
    const representations = [
      { __typename: 'Case', id: '11C2026010100000001', applicantKind: 'PERSON', applicantId: person, item: ITEM },
      { __typename: 'DraftApplication', itemCode: ITEM.code, applicantKind: 'PERSON', applicantId: person, item: ITEM },
      {
        __typename: 'CertificateUse',
        caseId: '11C2026010100000001',
        material: '居民身份证',
        certificateId: 'JMSFZ-999999999-01',
        certificateType: 'RESIDENT_ID_CARD',
        number: 'x',
        applicantKind: 'PERSON',
        applicantId: person,
        usedOn: '2026-01-01',
      },
    ];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Case { id materials { name certificateType mustSubmit } }
      ... on DraftApplication { itemCode materials { name mustSubmit } }
      ... on CertificateUse { caseId material heldAtSubmission } } }`;
    const answer = await dept().query(query, { r: representations }, onDuty);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?._entities).toMatchObject([
      { id: '11C2026010100000001', materials: [{ name: '居民身份证', certificateType: 'RESIDENT_ID_CARD' }] },
      { itemCode: ITEM.code, materials: [{ name: '居民身份证' }] },
      // a certificate that does not exist was not held
      { caseId: '11C2026010100000001', material: '居民身份证', heldAtSubmission: false },
    ]);
    const nobody = personAt(SEED.seed, 5_000).id;
    for (const who of REFUSED) {
      for (const [i, representation] of representations.entries()) {
        const existing = await dept().query(query, { r: [{ ...representation, applicantId: person }] }, who);
        const missing = await dept().query(query, { r: [{ ...representation, applicantId: nobody }] }, who);
        expect(
          existing.errors?.map((e) => e.extensions?.code),
          `${representation.__typename} ${i}`,
        ).toContain('FORBIDDEN');
        expect(existing.errors?.map((e) => e.message)).toEqual(missing.errors?.map((e) => e.message));
        expect(JSON.stringify(existing.data)).toBe(JSON.stringify(missing.data));
      }
    }
  });
});
