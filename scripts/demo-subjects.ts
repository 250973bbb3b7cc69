import { agencyAt, type Agency } from '../reference/agencies.js';
import { divisions } from '../reference/divisions.js';
import { sampleCaseAt } from '../samples/cases.js';
import { enterpriseAt, personAt } from '../samples/synthetic.js';
import { todayInChina } from '../platform/time.js';

const DAY = 86_400_000;

/**
 * The demo citizen and enterprise of a seeded population (npm run demo, README): among the
 * applicants with a case submitted in the last 8 days (likely still in progress) and one older than
 * 60 days (likely ended), the one with the most cases, the lowest index on a tie. Who applies, and
 * how many days before the seeding day, are drawn before anything that depends on that day, so the
 * same subjects come out whichever day the data was seeded (their case ids and statuses do not).
 */
export function demoSubjects(seed: number, size: number, today = todayInChina()): { citizen: number; enterprise: number } {
  const byApplicant = new Map<string, { count: number; recent: boolean; old: boolean }>();
  for (let i = 0; i < size; i++) {
    const sample = sampleCaseAt(seed, i, size, today);
    const daysAgo = Math.round((Date.parse(today) - Date.parse(sample.events[0]!.at.slice(0, 10))) / DAY);
    const seen = byApplicant.get(sample.applicantId) ?? { count: 0, recent: false, old: false };
    byApplicant.set(sample.applicantId, { count: seen.count + 1, recent: seen.recent || daysAgo <= 8, old: seen.old || daysAgo > 60 });
  }
  const score = (id: string) => {
    const s = byApplicant.get(id);
    return s ? (s.recent && s.old ? 1000 : 0) + s.count : 0;
  };
  const best = (ids: string[]) => ids.reduce((top, id, i) => (score(id) > score(ids[top]!) ? i : top), 0);
  const people = Array.from({ length: size }, (_, i) => personAt(seed, i).id);
  const enterprises = Array.from({ length: Math.max(1, Math.floor(size / 10)) }, (_, i) => enterpriseAt(seed, i, size).creditCode);
  return { citizen: best(people), enterprise: best(enterprises) };
}

/** The demo officer: the public security department of the demo citizen's province, with what it may read and why. */
export function demoOfficer(citizenRegion: string): { agency: Agency; scopes: string[]; purpose: string } {
  const province = divisions().find((d) => d.code === `${citizenRegion.slice(0, 2)}0000`)!;
  return { agency: agencyAt('PUBLIC_SECURITY', province)!, scopes: ['population:read', 'population:unmask'], purpose: 'basis:hukou' };
}

/**
 * What the console's development sign-in mints tokens for (CONSOLE_SUBJECTS, set by npm start): the demo's
 * citizen, enterprise and officer of a seeded population; supervisors and auditors need no subject.
 */
export function consoleSubjects(seed: number, size: number): Record<string, { subject?: string; department?: string; scopes?: string[] }> {
  const subjects = demoSubjects(seed, size);
  const citizen = personAt(seed, subjects.citizen);
  const officer = demoOfficer(citizen.regionCode);
  return {
    citizen: { subject: citizen.id },
    enterprise: { subject: enterpriseAt(seed, subjects.enterprise, size).creditCode },
    officer: { department: officer.agency.code, scopes: officer.scopes },
  };
}
