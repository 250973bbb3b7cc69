/**
 * Which revision `npm run schema:check` compares the working tree with. Without a base
 * that means something the check compares a tree with itself and passes anything, so
 * the choice is automatic, printed, and an error when it cannot be made:
 *
 * - `--base <ref>`: that revision.
 * - on a branch other than main (or a detached HEAD that is not main's tip): the merge
 *   base with main (`main`, else `origin/main`): what the branch changes.
 * - on main: the newest release tag `v*` reachable from HEAD (not HEAD itself), else
 *   the previous commit on main's first-parent line (what the last merge changed).
 *
 * A shallow clone or a clone without main is an error naming the fix, never a silent
 * fallback to HEAD.
 */
import { execFileSync } from 'node:child_process';

export interface Base {
  /** the commit compared with */
  commit: string;
  /** how it was chosen, for the check's first line */
  why: string;
}

/** Runs git with arguments; throws on a non-zero exit. */
export type Git = (args: string[]) => string;

export function gitIn(cwd: string): Git {
  return (args) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

const MAIN_REFS = ['refs/heads/main', 'refs/remotes/origin/main'];

export class BaseError extends Error {}

export function chooseBase(git: Git, explicit?: string): Base {
  if (!attempt(() => git(['rev-parse', '--is-inside-work-tree']))) {
    throw new BaseError('not a git checkout, so there is no base revision to compare with: run it in a clone, or pass --base <ref>');
  }
  const shallow = attempt(() => git(['rev-parse', '--is-shallow-repository'])) === 'true';
  const hint = shallow
    ? ' This clone is shallow: fetch the history (git fetch --unshallow --tags origin) or pass --base <ref>.'
    : ' Pass --base <ref> to choose one.';
  if (explicit) {
    const commit = attempt(() => git(['rev-parse', '--verify', '--quiet', `${explicit}^{commit}`]));
    if (!commit) throw new BaseError(`--base ${explicit} is not a commit in this clone.${shallow ? hint : ''}`);
    return { commit, why: `--base ${explicit}` };
  }
  const head = attempt(() => git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']));
  if (!head) throw new BaseError('HEAD has no commit yet: nothing to compare with.');
  const branch = attempt(() => git(['symbolic-ref', '--quiet', '--short', 'HEAD'])) ?? null;
  const mainRef = MAIN_REFS.find((ref) => attempt(() => git(['rev-parse', '--verify', '--quiet', ref])));
  const mainName = mainRef?.replace(/^refs\/(heads|remotes)\//, '');
  const mainTip = mainRef ? git(['rev-parse', `${mainRef}^{commit}`]) : null;
  const onMain = branch === 'main' || (branch === null && head === mainTip);

  if (!onMain) {
    if (!mainRef)
      throw new BaseError(`${branch ? `branch ${branch}` : 'the detached HEAD'} has no main to compare with (no main, no origin/main in this clone).${hint}`);
    const mergeBase = attempt(() => git(['merge-base', 'HEAD', mainRef]));
    if (!mergeBase) throw new BaseError(`${branch ?? 'HEAD'} and ${mainName} have no common commit in this clone.${hint}`);
    const own = mergeBase === head ? ' (the branch has no commits of its own: only the working tree is compared)' : '';
    return { commit: mergeBase, why: `the merge base of ${branch ?? 'HEAD'} and ${mainName}${own}` };
  }

  const tags = (attempt(() => git(['tag', '--list', 'v*', '--merged', 'HEAD', '--sort=-v:refname'])) ?? '').split('\n').filter(Boolean);
  for (const tag of tags) {
    const commit = git(['rev-parse', `refs/tags/${tag}^{commit}`]);
    if (commit !== head) return { commit, why: `the last release tag ${tag} (on main)` };
  }
  const previous = attempt(() => git(['rev-parse', '--verify', '--quiet', 'HEAD^1^{commit}']));
  if (!previous) {
    throw new BaseError(`on main with no release tag (v*) and no previous commit to compare with${shallow ? '' : ' (HEAD is the first commit)'}.${hint}`);
  }
  return { commit: previous, why: `the previous commit on main's first-parent line (what the last merge changed; no earlier release tag v*)` };
}

/** The command's output, or null when git fails (a missing ref, not a repository). */
function attempt(run: () => string): string | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/** A file's text at a commit, or null when the file is not there. */
export function fileAt(git: Git, commit: string, path: string): string | null {
  return attempt(() => git(['show', `${commit}:${path}`]));
}
