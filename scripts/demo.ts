// npm run -s demo [-- --size 200 --seed 1] [--json]
// Prints subjects of the seeded sample data to try the API with: a citizen with cases, an agent, an
// enterprise with cases, an officer's agency and scopes, a case, a division. Derived from the seed
// exactly as the seeders derive it (samples/), so it needs no running platform and no token.
import { parseArgs } from 'node:util';
import { knownAgency } from '../reference/agencies.js';
import { divisions } from '../reference/divisions.js';
import { sampleCaseAt, type SampleCase } from '../samples/cases.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { generateEvaluations } from '../subgraphs/evaluation/seed.js';
import { demoOfficer, demoSubjects } from './demo-subjects.js';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '200' }, seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
});
const size = Number(values.size);
const seed = Number(values.seed);
if (!Number.isInteger(size) || size < 10 || !Number.isInteger(seed)) {
  process.stderr.write('npm run demo: --size is the number of sample people (at least 10, npm start seeds 200) and --seed an integer (npm start: 1)\n');
  process.exit(1);
}

const cases: SampleCase[] = Array.from({ length: size }, (_, i) => sampleCaseAt(seed, i, size));
const rated = new Set([...generateEvaluations({ size, seed })].map((r) => r.evaluation.caseId));
const subjects = demoSubjects(seed, size);
const citizen = personAt(seed, subjects.citizen);
const enterprise = enterpriseAt(seed, subjects.enterprise, size);
const ofCitizen = cases.filter((c) => c.applicantId === citizen.id);
const ofEnterprise = cases.filter((c) => c.applicantId === enterprise.creditCode);
const agentCase = cases.find((c) => c.agentId) ?? null;
const agent = agentCase ? personAt(seed, indexOfPerson(agentCase.agentId!)) : null;
const theCase = ofCitizen[0]!;
const handling = knownAgency(theCase.departmentCode)!;
const county = divisions().find((d) => d.code === citizen.regionCode)!;
const { agency: police, scopes, purpose } = demoOfficer(citizen.regionCode);

const describe = (c: SampleCase) => `${c.id}  ${c.status}${rated.has(c.id) ? ', rated' : ''}${c.agentId ? ', by an agent' : ''}`;
const demo = {
  seed: { size, seed },
  citizen: { id: citizen.id, name: citizen.name, region: citizen.regionCode, cases: ofCitizen.map(describe) },
  agent: agent && agentCase ? { id: agent.id, name: agent.name, forApplicant: agentCase.applicantKind, case: describe(agentCase) } : null,
  enterprise: { creditCode: enterprise.creditCode, name: enterprise.name, cases: ofEnterprise.map(describe) },
  officer: { agency: police.code, agencyName: police.name, scopes: scopes.join(','), purpose },
  handlingOfficer: { agency: handling.code, agencyName: handling.name, scopes: 'cases:read,cases:write', purpose: `case:${theCase.id}` },
  case: theCase.id,
  division: { code: county.code, name: county.name },
};

function indexOfPerson(id: string): number {
  for (let i = 0; i < size; i++) if (personAt(seed, i).id === id) return i;
  throw new Error(`no sample person ${id}`);
}

if (values.json) {
  process.stdout.write(`${JSON.stringify(demo, null, 2)}\n`);
} else {
  const lines = [
    `Sample subjects of the seeded data (size ${size}, seed ${seed}; case ids carry the day they were seeded: today's)`,
    '',
    `citizen     ${demo.citizen.id}  ${demo.citizen.name} (registered in ${demo.citizen.region})`,
    ...demo.citizen.cases.map((c) => `  case      ${c}`),
    `  token     TOKEN=$(npm run -s token -- --role citizen --subject ${demo.citizen.id})`,
    ...(demo.agent ? [`agent       ${demo.agent.id}  ${demo.agent.name}, acting in ${demo.agent.case}`] : []),
    `enterprise  ${demo.enterprise.creditCode}  ${demo.enterprise.name}`,
    ...demo.enterprise.cases.map((c) => `  case      ${c}`),
    `  token     TOKEN=$(npm run -s token -- --role enterprise --subject ${demo.enterprise.creditCode})`,
    `officer     ${demo.officer.agency}  ${demo.officer.agencyName}, x-purpose: ${demo.officer.purpose}`,
    `  token     TOKEN=$(npm run -s token -- --role officer --department ${demo.officer.agency} --scopes ${demo.officer.scopes})`,
    `handler     ${demo.handlingOfficer.agency}  ${demo.handlingOfficer.agencyName} implements ${demo.case}, x-purpose: ${demo.handlingOfficer.purpose}`,
    `  token     TOKEN=$(npm run -s token -- --role officer --department ${demo.handlingOfficer.agency} --scopes ${demo.handlingOfficer.scopes})`,
    `division    ${demo.division.code}  ${demo.division.name}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
