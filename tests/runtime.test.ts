import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
};
const pinned = pkg.dependencies.node!;

/** a.b.c as numbers, missing parts 0 */
const parts = (version: string) => [...version.replace(/^v/, '').split('.').map(Number), 0, 0].slice(0, 3) as [number, number, number];
const compare = (a: string, b: string) => parts(a).reduce((order, n, i) => order || Math.sign(n - parts(b)[i]!), 0);

/** The comparators of a range like ">=24.11 <25" (all must hold; that is all `engines` uses here). */
function satisfies(version: string, range: string): boolean {
  return range.split(/\s+/).every((comparator) => {
    const [, op, bound] = /^(>=|<=|>|<|=)?(\d+(?:\.\d+){0,2})$/.exec(comparator) ?? [];
    if (!bound) throw new Error(`engines.node comparator not understood: ${comparator}`);
    const order = compare(version, bound);
    return { '>=': order >= 0, '<=': order <= 0, '>': order > 0, '<': order < 0, '=': order === 0 }[op ?? '=']!;
  });
}

describe('runtime', () => {
  it('is the pinned Node, which engines admits and Node 20 does not', () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(process.version).toBe(`v${pinned}`);
    expect(satisfies(pinned, pkg.engines.node)).toBe(true);
    expect(satisfies('20.20.2', pkg.engines.node)).toBe(false);
  });

  it('is what npm exec runs, whatever the system node is', () => {
    const result = spawnSync('npm', ['exec', '--', 'node', '--version'], { encoding: 'utf8' });
    expect(result.stdout.trim()).toBe(`v${pinned}`);
  });
});
