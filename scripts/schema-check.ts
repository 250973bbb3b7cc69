// npm run schema:check: the department schema check, before a schema change is committed
// or merged.
//
// 1. Composes the working-tree department schemas (subgraphs/*/schema.graphql with
//    platform/schema/shared.graphql); composition errors fail the check.
// 2. Diffs the new client-facing API schema against the committed schema/api.graphql
//    (@graphql-inspector/core) and lists BREAKING, DANGEROUS and safe changes. "Committed"
//    means the file at a git revision: HEAD by default, or `--base <ref>` (CI: the target
//    branch, e.g. `npm run schema:check -- --base origin/main`); outside a git checkout and
//    without --base, the file on disk.
//    Removing a field or enum value that was already deprecated counts as DANGEROUS.
// 3. Validates every committed client operation against the new API schema with graphql's
//    validate(): tests/operations/*.graphql, and every *.graphql under a top-level
//    operations/ or clients/ folder when there is one. Fragments may live in another file.
//
// Exits 1 on a composition error, on a broken client operation (fix the operation in the
// same change), or on a breaking change that is not acknowledged.
//
// Acknowledging an intended breaking change: schema/acknowledged-changes.json (optional;
// no file = no acknowledgements) is a JSON array, one object per change:
//
//   [
//     {
//       "change": "Field 'enquiryPhone' was removed from object type 'ServiceItem'",
//       "reason": "Replaced by ServiceItem.enquiry since 2026-01; no client reads it (portal, app, 12345 desk checked)",
//       "by": "catalog team, approved by the platform office"
//     }
//   ]
//
// "change" is the change's message exactly as this check prints it, or its path
// ("ServiceItem.enquiryPhone", "Query.people.region"): a path acknowledges every breaking
// change at that coordinate. "reason" and "by" are required and non-empty. The check lists
// acknowledgements that match no change: remove them once the change is in the base revision.
import { execFileSync } from 'node:child_process';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { API_FILE } from '../gateway/compose.js';
import { checkSchemas, formatCheck, parseAcknowledgements, type Acknowledgement, type OperationFile } from '../gateway/governance/check.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ACKNOWLEDGEMENTS = 'schema/acknowledged-changes.json';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/**
 * schema/api.graphql at the base revision. Without --base and without git (an exported
 * tree), the file on disk; a --base that git cannot resolve is an error, never a fallback.
 */
function committedApi(base: string | undefined): { sdl: string; from: string } {
  const ref = base ?? 'HEAD';
  try {
    const sdl = execFileSync('git', ['show', `${ref}:schema/api.graphql`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { sdl, from: `schema/api.graphql at ${ref}` };
  } catch (error) {
    const why = String((error as { stderr?: unknown }).stderr ?? error).trim();
    if (base) throw new Error(`git show ${ref}:schema/api.graphql failed: ${why}`);
    process.stderr.write(`(git show HEAD:schema/api.graphql failed: ${why}; comparing with the file on disk)\n`);
    return { sdl: readFileSync(API_FILE, 'utf8'), from: 'schema/api.graphql on disk' };
  }
}

function operations(): OperationFile[] {
  const files = globSync(['tests/operations/*.graphql', 'operations/**/*.graphql', 'clients/**/*.graphql'], { cwd: root, exclude: ['**/node_modules/**', '**/.*/**'] }).sort();
  return files.map((file) => ({ file, source: readFileSync(`${root}${file}`, 'utf8') }));
}

function acknowledgements(): Acknowledgement[] {
  const file = `${root}${ACKNOWLEDGEMENTS}`;
  return existsSync(file) ? parseAcknowledgements(readFileSync(file, 'utf8'), ACKNOWLEDGEMENTS) : [];
}

try {
  const committed = committedApi(option('--base'));
  const result = await checkSchemas({ committedApiSdl: committed.sdl, operations: operations(), acknowledged: acknowledgements() });
  process.stdout.write(`Checking the working-tree schemas against ${committed.from}\n\n${formatCheck(result)}\n`);
  process.stdout.write(result.ok ? '\nSchema check passed.\n' : '\nSchema check FAILED.\n');
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`Schema check could not run: ${(error as Error).message}\n`);
  process.exit(1);
}
