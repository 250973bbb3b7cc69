import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeResidentId } from '../../platform/identifiers/resident-id.js';
import { applicantAgeBand } from './age-band.js';
import { generateCases } from './seed.js';

const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as {
  DatabaseSync: new (file: string) => { exec(sql: string): void; prepare(sql: string): { run(...p: unknown[]): unknown; all(): unknown[] } };
};
const step = JSON.parse(readFileSync(new URL('./migrations/005-applicant-age-band.json', import.meta.url), 'utf8')) as { sqlite: string[] };

describe('the age band recorded on a case', () => {
  it('is null for an enterprise, and banded on the submission day for a person', () => {
    expect(applicantAgeBand('ENTERPRISE', '91440304100000198B', '2026-06-15')).toBeNull();
    expect(applicantAgeBand('PERSON', makeResidentId('440106', '19660615', 1), '2026-06-14')).toBe('FROM_30_TO_59');
    expect(applicantAgeBand('PERSON', makeResidentId('440106', '19660615', 1), '2026-06-15')).toBe('SIXTY_AND_OVER');
  });

  it('is what the migration fills older rows with, in SQL', () => {
    const db = new DatabaseSync(':memory:');
    db.exec('create table `cases` (`id` text, `applicant_kind` text, `applicant_id` text, `submitted_on` text)');
    const insert = db.prepare('insert into `cases` values (?, ?, ?, ?)');
    const want = new Map<string, string | null>();
    const rows = [...generateCases({ size: 300, seed: 1 })].map(({ row }) => row);
    // birthdays on and around the submission day, at each band's edge
    for (const [i, [birth, on]] of [
      ['1996-06-15', '2026-06-15'],
      ['1996-06-16', '2026-06-15'],
      ['1966-06-15', '2026-06-15'],
      ['1966-06-16', '2026-06-15'],
      ['1966-02-28', '2026-02-28'],
    ].entries())
      rows.push({
        ...rows[0]!,
        id: `edge${i}`,
        applicantKind: 'PERSON',
        applicantId: makeResidentId('440106', birth!.replaceAll('-', ''), i + 1),
        submittedOn: on!,
      });
    for (const r of rows) {
      insert.run(r.id, r.applicantKind, r.applicantId, r.submittedOn);
      want.set(r.id, applicantAgeBand(r.applicantKind, r.applicantId, r.submittedOn));
    }
    for (const sql of step.sqlite) db.exec(sql);
    const got = db.prepare('select `id`, `applicant_age_band` from `cases`').all() as { id: string; applicant_age_band: string | null }[];
    expect(new Map(got.map((r) => [r.id, r.applicant_age_band]))).toEqual(want);
    expect(new Set(want.values())).toEqual(new Set([null, 'UNDER_30', 'FROM_30_TO_59', 'SIXTY_AND_OVER']));
  });
});
