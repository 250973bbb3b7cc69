// The query set: what front ends send, each with the departments it needs, its caller and how its
// variables are chosen for a dataset. A query whose departments are not all in the graph is skipped
// with a note.
import { readFileSync } from 'node:fs';
import { enterpriseAt, personAt } from '../samples/synthetic.js';

export type CallerKind = 'anonymous' | 'officer';

/** What variable choosers may use: the dataset and one answer from a running target. */
export interface Setup {
  size: number;
  seed: number;
  /** today in China, YYYY-MM-DD (sample cases are dated up to it) */
  today: string;
  ask(query: string, variables: Record<string, unknown>, caller: CallerKind): Promise<Record<string, any>>;
}

export interface BenchQuery {
  name: string;
  title: string;
  caller: CallerKind;
  /** file under bench/queries/ */
  file: string;
  departments: string[];
  variables(setup: Setup): Promise<Record<string, unknown>>;
}

export interface ChosenQuery {
  name: string;
  title: string;
  caller: CallerKind;
  file: string;
  text: string;
  operationName: string;
  departments: string[];
}

const dir = new URL('./queries/', import.meta.url);

export function queryText(file: string): string {
  return readFileSync(new URL(file, dir), 'utf8');
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** The legal representative of the first enterprise: a person with a household, an enterprise and certificates. */
export function samplePersonId(size: number, seed: number): string {
  return personAt(seed, enterpriseAt(seed, 0, size).representative).id;
}

export const QUERIES: BenchQuery[] = [
  {
    name: 'catalog-search',
    title: 'public catalog search (anonymous)',
    caller: 'anonymous',
    file: 'catalog-search.graphql',
    departments: ['catalog', 'regions'],
    variables: async () => ({ search: '证', first: 20 }),
  },
  {
    name: 'person-page',
    title: "a person's page across departments (officer with purpose)",
    caller: 'officer',
    file: 'person-page.graphql',
    departments: ['population', 'regions', 'market', 'certificates', 'catalog', 'cases'],
    variables: async ({ size, seed }) => ({ id: samplePersonId(size, seed) }),
  },
  {
    name: 'region-dashboard',
    title: 'a region dashboard (anonymous: region, children, items, figures)',
    caller: 'anonymous',
    file: 'region-dashboard.graphql',
    departments: ['regions', 'catalog', 'cases', 'evaluation', 'appeals'],
    variables: async ({ today }) => ({ code: '110000', from: daysBefore(today, 364), to: today }),
  },
  {
    name: 'case-page',
    title: 'a case page: timeline, materials, applicant, evaluation (officer with purpose)',
    caller: 'officer',
    file: 'case-page.graphql',
    departments: ['cases', 'catalog', 'regions', 'population', 'market', 'certificates', 'evaluation'],
    variables: async ({ ask }) => {
      // an evaluated case with a long timeline, else the first one
      const data = await ask('query { cases(first: 100) { nodes { id events { status } evaluation { id } } } }', {}, 'officer');
      const nodes = (data.cases?.nodes ?? []) as { id: string; events: unknown[]; evaluation: { id: string } | null }[];
      const best = [...nodes].sort((x, y) => Number(!!y.evaluation) - Number(!!x.evaluation) || y.events.length - x.events.length)[0];
      if (!best) throw new Error('case-page: the dataset has no cases');
      return { id: best.id };
    },
  },
  {
    name: 'cases-list',
    title: 'a list of 100 cases with applicants (officer with purpose)',
    caller: 'officer',
    file: 'cases-list.graphql',
    departments: ['cases', 'catalog', 'regions', 'population', 'market'],
    variables: async () => ({ first: 100 }),
  },
];

/** The queries that can run over `available` departments, and notes about the others. */
export function chooseQueries(available: Set<string>, only?: string[]): { chosen: ChosenQuery[]; notes: string[] } {
  const chosen: ChosenQuery[] = [];
  const notes: string[] = [];
  for (const q of QUERIES) {
    if (only && !only.includes(q.name)) continue;
    const missing = q.departments.filter((d) => !available.has(d));
    if (missing.length) {
      notes.push(`${q.name}: skipped, the graph has no ${missing.join(', ')} department`);
      continue;
    }
    const text = queryText(q.file);
    const operationName = /\bquery\s+(\w+)/.exec(text)?.[1];
    if (!operationName) throw new Error(`bench/queries/${q.file} has no named query`);
    chosen.push({ name: q.name, title: q.title, caller: q.caller, file: q.file, text, operationName, departments: q.departments });
  }
  return { chosen, notes };
}

/**
 * The list used for growth in list length: `length` cases, as pages of at most 100 under aliases,
 * so that a list of 1,000 stays within the page ceiling.
 */
export interface ListSpec {
  name: string;
  departments: string[];
  caller: CallerKind;
  /** the root field with its fixed arguments, without first/after */
  field: string;
  selection: string;
}

export const LIST_SPEC: ListSpec = {
  name: 'cases',
  departments: ['cases', 'catalog', 'regions', 'population', 'market'],
  caller: 'officer',
  field: 'cases',
  selection: 'id status submittedOn item { name } region { name } applicant { __typename ... on Person { id name } ... on Enterprise { creditCode name } }',
};

export function listQuery(spec: ListSpec, length: number): { text: string; pages: number } {
  const pages = Math.ceil(length / 100);
  const size = Math.min(length, 100);
  const field = spec.field.includes('(')
    ? spec.field.replace(')', `, first: ${size}, after: $after${'{i}'})`)
    : `${spec.field}(first: ${size}, after: $after${'{i}'})`;
  const vars = Array.from({ length: pages }, (_, i) => `$after${i}: String`).join(', ');
  const body = Array.from({ length: pages }, (_, i) => `  page${i}: ${field.replace('{i}', String(i))} { nodes { ${spec.selection} } }`).join('\n');
  return { text: `query ListGrowth(${vars}) {\n${body}\n}\n`, pages };
}
