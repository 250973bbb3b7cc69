import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compose, SUPERGRAPH_FILE, type SubgraphSource } from './compose.js';
import { buildInventory, lintPersonalData, looksPersonal, SENSITIVE_CATEGORIES, type Inventory, type InventoryField } from './inventory.js';
import { renderReport } from './report.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = 'platform/schema/shared.graphql';

function field(inventory: Inventory, coordinate: string): InventoryField {
  const [typeName, fieldName] = coordinate.split('.');
  const found = inventory.types.find((t) => t.name === typeName)?.fields?.find((f) => f.name === fieldName);
  if (!found) throw new Error(`${coordinate} is not in the inventory`);
  return found;
}

describe('schema inventory of the committed supergraph', () => {
  const inventory = buildInventory(readFileSync(SUPERGRAPH_FILE, 'utf8'));

  it('marks the personal fields population declares, with their category and sensitivity', () => {
    expect(field(inventory, 'Person.id').personal).toEqual({ category: 'IDENTITY_NUMBER', sensitive: true });
    expect(field(inventory, 'Person.ethnicity').personal).toEqual({ category: 'ETHNICITY', sensitive: true });
    expect(field(inventory, 'Person.phone').personal).toEqual({ category: 'PHONE', sensitive: false });
    expect(field(inventory, 'Person.phone').owners).toEqual(['population']);
    expect(field(inventory, 'Region.name').personal).toBeNull();
    expect(SENSITIVE_CATEGORIES).toEqual(['IDENTITY_NUMBER', 'ETHNICITY', 'CREDENTIAL']);
  });

  it('states the access rule in words and as data', () => {
    expect(field(inventory, 'Region.name').access).toMatchObject({ words: 'public', public: true, officer: null });
    const phone = field(inventory, 'Person.phone').access!;
    expect(phone).toMatchObject({
      roles: ['CITIZEN', 'ENTERPRISE', 'OFFICER'],
      public: false,
      ownRecordsOnly: true,
      officer: { purposeRequired: true, readScopes: ['population:read'], unmaskScopes: ['population:unmask'] },
    });
    expect(phone.words).toContain('x-purpose');
    expect(field(inventory, 'Person.name').access!.officer!.unmaskScopes).toEqual([]);
    // a key every department holding a reference declares: one coordinate, several owners
    expect(field(inventory, 'Person.id').owners).toEqual(expect.arrayContaining(['market', 'population']));
  });

  it('skips federation internals and counts consistently', () => {
    expect(inventory.types.filter((t) => /^(join__|link__|_Service$|_Entity$|_Any$)/.test(t.name))).toEqual([]);
    const fields = inventory.types.filter((t) => t.kind === 'OBJECT' || t.kind === 'INTERFACE').flatMap((t) => t.fields ?? []);
    expect(inventory.summary.fields).toBe(fields.length);
    expect(inventory.summary.personalFields).toBe(fields.filter((f) => f.personal).length);
    expect(inventory.summary.types).toBe(inventory.types.length);
  });

  it('registers processing activities per department', () => {
    const population = inventory.register.find((r) => r.department === 'population')!;
    expect(population.title).toBe('Public security: residents and households');
    expect(population.categories.PHONE).toEqual(['Person.phone']);
    expect(population.sensitiveCategories).toEqual(expect.arrayContaining(['IDENTITY_NUMBER', 'ETHNICITY']));
    expect(population.recipients).toMatchObject({ readScope: 'population:read', unmaskScope: 'population:unmask' });
    expect(population.purposes).toMatch(/x-purpose.*audit log/);
    const market = inventory.register.find((r) => r.department === 'market')!;
    expect(market.attachedTo).toContainEqual(expect.objectContaining({ entity: 'Person', owners: ['population'] }));
    expect(inventory.register.find((r) => r.department === 'regions')!.categories).toEqual({});
    // purposes an officer may state: each registered legal basis with its law and retention
    expect(inventory.legalBases.length).toBeGreaterThan(0);
    for (const basis of inventory.legalBases)
      expect(basis).toMatchObject({ code: expect.any(String), title: expect.any(String), law: expect.stringMatching(/第.+条/), retention: expect.any(String) });
  });

  it('renders the same JSON and Markdown every time', () => {
    const sdl = readFileSync(SUPERGRAPH_FILE, 'utf8');
    const a = renderReport(sdl);
    const b = renderReport(sdl);
    expect(a.json).toBe(b.json);
    expect(a.markdown).toBe(b.markdown);
    expect(JSON.parse(a.json)).toEqual(JSON.parse(JSON.stringify(inventory)));
    expect(a.json.endsWith('}\n')).toBe(true);
    expect(a.markdown).toContain('| type | field | personal category | sensitive | access |');
    expect(a.markdown).toContain('## Register of processing activities (PIPL art. 56)');
  });
});

// Two tiny departments composed with compose(), the way the real ones are (ResidentId comes from the shared SDL).
const LINKS = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@composeDirective"])
  @link(url: "https://govgraph.dev/policy/v1.0", import: ["@personal", "@access"])
  @composeDirective(name: "@personal")
  @composeDirective(name: "@access")
`;
const ALPHA = `${LINKS}
type Person @key(fields: "id") {
  id: ResidentId! @personal(category: "IDENTITY_NUMBER")
  name: String! @personal(category: "NAME")
  homeAddress: String @personal(category: "ADDRESS")
  mobile: String
  birthDate: String @personal(category: "BIRTH_DAY")
}
type Query { person(id: ResidentId!): Person }
`;
const BETA = `${LINKS}
type Person @key(fields: "id") {
  id: ResidentId! @personal(category: "IDENTITY_NUMBER")
  "Appeals this person raised."
  appeals: [Appellant!] @personal(category: "OPINION")
}
"Who raised an appeal."
type Appellant {
  name: String!
  address: String
  contactPhone: String @personal(category: "PHONE")
  applicantId: String
}
type Department @key(fields: "code") {
  code: ID!
  name: String!
  address: String
  enquiryPhone: String
  auditNote: String @access(roles: ["AUDITOR"])
}
type Query { appellants: [Appellant!]! departments: [Department!]! }
`;

function composeTiny(alpha = ALPHA, beta = BETA): string {
  const files: Record<string, string> = { 'mem/alpha.graphql': alpha, 'mem/beta.graphql': beta };
  const sources: SubgraphSource[] = [
    { name: 'alpha', url: 'http://127.0.0.1:1/graphql', files: ['mem/alpha.graphql', SHARED] },
    { name: 'beta', url: 'http://127.0.0.1:2/graphql', files: ['mem/beta.graphql', SHARED] },
  ];
  const result = compose(sources, (f) => files[f] ?? readFileSync(`${root}${f}`, 'utf8'));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.supergraph;
}

describe('personal-data lint', () => {
  const inventory = buildInventory(composeTiny());
  const problems = lintPersonalData(inventory);
  const flagged = Object.fromEntries(problems.map((p) => [p.coordinate, p.category]));

  it('flags unmarked phone, address, person name and identity fields, and unknown categories', () => {
    expect(flagged).toEqual({
      'Appellant.address': 'ADDRESS',
      'Appellant.applicantId': 'IDENTITY_NUMBER',
      'Appellant.name': 'NAME',
      'Person.birthDate': null, // marked, but with a category that does not exist
      'Person.mobile': 'PHONE',
    });
    const mobile = problems.find((p) => p.coordinate === 'Person.mobile')!;
    expect(mobile.message).toMatch(
      /^Person\.mobile looks like personal data \(.*phone number\) but has no @personal: add @personal\(category: "PHONE"\) \(in subgraphs\/alpha\/schema\.graphql\)$/,
    );
  });

  it('passes marked fields and the public contact points of agencies', () => {
    for (const ok of [
      'Person.homeAddress',
      'Person.name',
      'Person.id',
      'Appellant.contactPhone',
      'Department.address',
      'Department.enquiryPhone',
      'Department.name',
    ]) {
      expect(flagged, ok).not.toHaveProperty([ok]);
    }
    expect(lintPersonalData(inventory, { 'Person.mobile': 'the hall terminal number, reviewed' }).map((p) => p.coordinate)).not.toContain('Person.mobile');
  });

  it('reads owners, access and the register from a hand-written graph', () => {
    expect(field(inventory, 'Person.appeals').owners).toEqual(['beta']);
    expect(field(inventory, 'Person.id').owners).toEqual(['alpha', 'beta']);
    expect(field(inventory, 'Department.auditNote').access).toMatchObject({ words: 'only AUDITOR', roles: ['AUDITOR'], public: false });
    expect(inventory.types.find((t) => t.name === 'Person')!.home).toEqual(['alpha']);
    const beta = inventory.register.find((r) => r.department === 'beta')!;
    expect(beta.title).toBe('beta');
    expect(beta.categories).toEqual({ IDENTITY_NUMBER: ['Person.id'], OPINION: ['Person.appeals'], PHONE: ['Appellant.contactPhone'] });
    expect(beta.attachedTo).toEqual([{ entity: 'Person', owners: ['alpha'], fields: ['Person.appeals', 'Person.id'] }]);
    expect(beta.recipients.unmaskScope).toBe('beta:unmask');
  });

  it('reports the problems through renderReport, one line each', () => {
    const { problems: lines } = renderReport(composeTiny());
    expect(lines).toHaveLength(5);
    expect(lines.some((l) => l.startsWith('Appellant.name looks like personal data'))).toBe(true);
    const fixed = composeTiny(ALPHA.replace('mobile: String', 'mobile: String @personal(category: "PHONE")').replace('BIRTH_DAY', 'BIRTH_DATE'));
    expect(renderReport(fixed).problems.map((l) => l.split(' ')[0])).toEqual(['Appellant.address', 'Appellant.applicantId', 'Appellant.name']);
  });

  it('judges names with care', () => {
    expect(looksPersonal('ServiceItem', 'enquiryPhone', 'String', true)).toBeNull();
    expect(looksPersonal('Enterprise', 'name', 'String', true)).toBeNull();
    expect(looksPersonal('Region', 'fullName', 'String', true)).toBeNull();
    expect(looksPersonal('AppealKindInfo', 'name', 'String', true)).toBeNull();
    expect(looksPersonal('HouseholdMember', 'relationTypeName', 'String', true)).toBeNull();
    expect(looksPersonal('Enterprise', 'legalRepresentative', 'Person', false)).toBeNull();
    expect(looksPersonal('AccessEntry', 'ipAddress', 'String', true)).toBeNull();
    expect(looksPersonal('Case', 'holderIdNumber', 'String', true)?.category).toBe('IDENTITY_NUMBER');
    expect(looksPersonal('Case', 'evaluatorId', 'ID', true)?.category).toBe('IDENTITY_NUMBER');
    expect(looksPersonal('Certificate', 'holder', 'ResidentId', true)?.category).toBe('IDENTITY_NUMBER');
    expect(looksPersonal('Person', 'id', 'ID', true)?.category).toBe('IDENTITY_NUMBER');
    expect(looksPersonal('HouseholdMember', 'formerName', 'String', true)?.category).toBe('NAME');
    expect(looksPersonal('Case', 'applicantName', 'String', true)?.category).toBe('NAME');
    expect(looksPersonal('Enterprise', 'registeredAddress', 'String', true)?.category).toBe('ADDRESS');
    expect(looksPersonal('Case', 'applicantMobileNumber', 'String', true)?.category).toBe('PHONE');
    expect(looksPersonal('Resident', 'dateOfBirth', 'Date', true)?.category).toBe('BIRTH_DATE');
    expect(looksPersonal('Resident', 'ethnicGroup', 'String', true)?.category).toBe('ETHNICITY');
  });
});
