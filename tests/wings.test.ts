import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Each wing one purpose, kept by the imports: sample data (samples/) only feeds
 * seeders, tests, bench and scripts, never what serves a request; the build-time
 * schema tools (schema/tools/) serve scripts and tests, never the runtime gateway
 * or a department. A plain regex over import specifiers is enough: every import
 * in the tree is a relative string literal.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SKIP = new Set(['node_modules', '.git', 'data', '.keys']);

const isTest = (f: string) => f.endsWith('.test.ts') || f.startsWith('tests/');
const isSeeder = (f: string) => /^subgraphs\/[^/]+\/seed(\.ts$|\/)/.test(f);
const isTooling = (f: string) => f.startsWith('scripts/') || f.startsWith('bench/');

const RULES: { wing: string; mayImport: (importer: string) => boolean }[] = [
  { wing: 'samples/', mayImport: (f) => f.startsWith('samples/') || isSeeder(f) || isTest(f) || isTooling(f) },
  { wing: 'schema/tools/', mayImport: (f) => f.startsWith('schema/tools/') || isTest(f) || f.startsWith('scripts/') },
];

const SPECIFIER = /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Every relative import of a file, as a path from the repository root. */
function importsOf(file: string, source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => normalize(join(dirname(file), (m[1] ?? m[2])!)).replaceAll('\\', '/'));
}

/** "importer -> imported" for every import that crosses a wing's boundary. */
function wingViolations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  for (const [file, source] of files) {
    for (const target of importsOf(file, source)) {
      const rule = RULES.find((r) => target.startsWith(r.wing));
      if (rule && !rule.mayImport(file)) out.push(`${file} -> ${target}`);
    }
  }
  return out;
}

function sourceTree(dir = ROOT, out = new Map<string, string>()): Map<string, string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name) || entry.name.startsWith('data-') || entry.name === '_scratch') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceTree(path, out);
    else if (entry.name.endsWith('.ts')) out.set(relative(ROOT, path).replaceAll('\\', '/'), readFileSync(path, 'utf8'));
  }
  return out;
}

describe('wings: sample data and schema tools stay out of what serves requests', () => {
  const tree = sourceTree();

  it('reads the whole tree: runtime files, seeders, tests and both wings', () => {
    for (const f of [
      'gateway/auth.ts',
      'gateway/server.ts',
      'subgraphs/cases/validate.ts',
      'subgraphs/cases/seed.ts',
      'samples/cases.ts',
      'schema/tools/compose.ts',
      'reference/agencies.ts',
    ]) {
      expect(tree.has(f), f).toBe(true);
    }
    // the rule is not vacuous: seeders and scripts do import both wings
    expect(importsOf('subgraphs/cases/seed.ts', tree.get('subgraphs/cases/seed.ts')!)).toContain('samples/cases.js');
    expect(importsOf('scripts/compose.ts', tree.get('scripts/compose.ts')!)).toContain('schema/tools/compose.js');
  });

  it('no runtime file (gateway, platform, reference, a department outside its seeder) imports samples/ or schema/tools/', () => {
    expect(wingViolations(tree)).toEqual([]);
  });

  it('catches a runtime import of either wing, static, type-only or dynamic, and lets seeders, tests and scripts through', () => {
    const planted = new Map([
      ['gateway/auth.ts', "import { registeredAgencies } from '../samples/catalog.js';"],
      ['subgraphs/cases/validate.ts', "import type { SampleCase } from '../../samples/cases.js';"],
      ['gateway/server.ts', "const { compose } = await import('../schema/tools/compose.js');"],
      ['reference/agencies.ts', "export { personAt } from '../samples/synthetic.js';"],
      ['subgraphs/cases/seed.ts', "import { sampleCaseAt } from '../../samples/cases.js';"],
      ['subgraphs/certificates/seed/people.ts', "import { personAt } from '../../../samples/synthetic.js';"],
      ['subgraphs/cases/cases.test.ts', "import { personAt } from '../../samples/synthetic.js';"],
      ['scripts/compose.ts', "import { compose } from '../schema/tools/compose.js';"],
      ['bench/harness.ts', "import { compose } from '../schema/tools/compose.js';"],
    ]);
    expect(wingViolations(planted)).toEqual([
      'gateway/auth.ts -> samples/catalog.js',
      'subgraphs/cases/validate.ts -> samples/cases.js',
      'gateway/server.ts -> schema/tools/compose.js',
      'reference/agencies.ts -> samples/synthetic.js',
      'bench/harness.ts -> schema/tools/compose.js',
    ]);
  });
});
