// Which base schema:check compares with, in real git repositories: a branch, main with and
// without release tags, a fresh `git clone` (as CI makes), a shallow clone, no main, no git.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBase, gitIn } from './base.js';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@t',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@t',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};
const run = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tmp = () => mkdtempSync(join(tmpdir(), 'govgraph-base-'));

/** main: c1 - c2 - merge(c3 from branch topic) ; returns the repository and its commits */
function repository() {
  const dir = tmp();
  run(dir, 'init', '-q', '-b', 'main');
  const commit = (name: string) => {
    writeFileSync(join(dir, 'file.txt'), name);
    run(dir, 'add', 'file.txt');
    run(dir, 'commit', '-q', '-m', name);
    return run(dir, 'rev-parse', 'HEAD');
  };
  const c1 = commit('c1');
  const c2 = commit('c2');
  run(dir, 'checkout', '-q', '-b', 'topic');
  const c3 = commit('c3');
  run(dir, 'checkout', '-q', 'main');
  run(dir, 'merge', '-q', '--no-ff', '-m', 'merge topic', 'topic');
  const merge = run(dir, 'rev-parse', 'HEAD');
  return { dir, c1, c2, c3, merge, commit };
}

describe('schema:check base', () => {
  it('on main without release tags: the previous commit on the first-parent line (what the last merge changed)', () => {
    const { dir, c2 } = repository();
    expect(chooseBase(gitIn(dir))).toMatchObject({ commit: c2, why: expect.stringContaining("previous commit on main's first-parent line") });
  });

  it('on main with release tags: the newest v* tag that is not HEAD itself', () => {
    const { dir, c1, c2, merge } = repository();
    run(dir, 'tag', 'v0.9.0', c1);
    run(dir, 'tag', 'v0.10.0', c2);
    run(dir, 'tag', 'nightly', c2);
    expect(chooseBase(gitIn(dir))).toMatchObject({ commit: c2, why: expect.stringContaining('v0.10.0') });
    run(dir, 'tag', 'v1.0.0', merge); // HEAD is the release: compare with the one before
    expect(chooseBase(gitIn(dir))).toMatchObject({ commit: c2, why: expect.stringContaining('v0.10.0') });
  });

  it('on a branch: the merge base with main, also once main has moved on', () => {
    const { dir, merge, commit } = repository();
    run(dir, 'checkout', '-q', '-b', 'feature');
    commit('f1');
    run(dir, 'checkout', '-q', 'main');
    commit('c4');
    run(dir, 'checkout', '-q', 'feature');
    expect(chooseBase(gitIn(dir))).toMatchObject({ commit: merge, why: 'the merge base of feature and main' });
  });

  it('a fresh git clone (CI) of main, and of a branch (main only as origin/main)', () => {
    const { dir, c2, merge, commit } = repository();
    run(dir, 'checkout', '-q', '-b', 'feature');
    commit('f1');
    run(dir, 'checkout', '-q', 'main');
    const ofMain = tmp();
    run(ofMain, 'clone', '-q', dir, '.');
    expect(chooseBase(gitIn(ofMain))).toMatchObject({ commit: c2 });
    const ofBranch = tmp();
    run(ofBranch, 'clone', '-q', '--branch', 'feature', dir, '.');
    expect(chooseBase(gitIn(ofBranch))).toMatchObject({ commit: merge, why: 'the merge base of feature and origin/main' });
    // a detached checkout of main's tip (CI checking out a commit) is main
    run(ofMain, 'checkout', '-q', '--detach', 'HEAD');
    expect(chooseBase(gitIn(ofMain))).toMatchObject({ commit: c2 });
  });

  it('a shallow clone, a clone without main and a tree outside git are errors that say what to do, never HEAD', () => {
    const { dir, merge } = repository();
    const shallow = tmp();
    run(shallow, 'clone', '-q', '--depth', '1', `file://${dir}`, '.');
    expect(() => chooseBase(gitIn(shallow))).toThrow(/shallow.*--unshallow.*--base/);
    const single = tmp();
    run(single, 'clone', '-q', '--single-branch', '--branch', 'topic', dir, '.');
    expect(() => chooseBase(gitIn(single))).toThrow(/branch topic has no main to compare with.*--base/);
    expect(() => chooseBase(gitIn(tmp()))).toThrow(/not a git checkout/);
    expect(() => chooseBase(gitIn(dir), 'no-such-ref')).toThrow(/--base no-such-ref is not a commit/);
    expect(chooseBase(gitIn(dir), 'HEAD~1')).toEqual({ commit: run(dir, 'rev-parse', 'HEAD~1'), why: '--base HEAD~1' });
    expect(chooseBase(gitIn(dir)).commit).not.toBe(merge);
  });
});
