// npm run schema:check: the department schema check, before a schema change is committed
// or merged.
//
// 1. Composes the working-tree department schemas (subgraphs/*/schema.graphql with
//    platform/schema/shared.graphql); composition errors fail the check.
// 2. Diffs the new client-facing API schema against schema/api.graphql at the base revision
//    (@graphql-inspector/core), and the @access and @personal declarations of the new
//    supergraph against schema/supergraph.graphql at the base (schema/tools/
//    declarations.ts): a wider role set, a removed or lowered @personal, an argument no
//    longer @personal, another department's officers reaching a personal field are BREAKING.
//    Lists BREAKING, DANGEROUS and safe changes. The base (schema/tools/base.ts), printed
//    first: `--base <ref>` if given; on a branch, its merge base with main; on main, the last
//    release tag v*, else the previous commit on main's first-parent line. No base (not a git
//    checkout, a shallow clone, no main) is an error that says what to do.
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
// API change at that coordinate. A loosened declaration is acknowledged by its message or as
// "@access <path>" / "@personal <path>", never by the bare path. "reason" and "by" are
// required and non-empty. The check lists acknowledgements that match no change: remove them
// once the change is in the base revision.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { departmentSources } from '../schema/tools/compose.js';
import { BaseError, chooseBase, fileAt, gitIn } from '../schema/tools/base.js';
import { checkSchemas, formatCheck, operationFiles, parseAcknowledgements, type Acknowledgement } from '../schema/tools/check.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ACKNOWLEDGEMENTS = 'schema/acknowledged-changes.json';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** schema/api.graphql and schema/supergraph.graphql at the base revision. */
function committedSchemas() {
  const git = gitIn(root);
  const base = chooseBase(git, option('--base'));
  const api = fileAt(git, base.commit, 'schema/api.graphql');
  if (api === null)
    throw new BaseError(
      `schema/api.graphql is not in the base revision ${base.commit.slice(0, 12)} (${base.why}): pass --base <ref> with a committed API schema`,
    );
  const supergraph = fileAt(git, base.commit, 'schema/supergraph.graphql');
  if (supergraph === null) throw new BaseError(`schema/supergraph.graphql is not in the base revision ${base.commit.slice(0, 12)} (${base.why})`);
  const departments = Object.fromEntries(
    departmentSources().flatMap((d) => {
      const sdl = fileAt(git, base.commit, d.files[0]!);
      return sdl === null ? [] : [[d.name, sdl]];
    }),
  );
  return { api, supergraph, departments, from: `${base.commit.slice(0, 12)}, ${base.why}` };
}

function acknowledgements(): Acknowledgement[] {
  const file = `${root}${ACKNOWLEDGEMENTS}`;
  return existsSync(file) ? parseAcknowledgements(readFileSync(file, 'utf8'), ACKNOWLEDGEMENTS) : [];
}

try {
  const committed = committedSchemas();
  process.stdout.write(`Checking the working-tree schemas against the base ${committed.from}\n\n`);
  const result = await checkSchemas({
    committedApiSdl: committed.api,
    committedSupergraphSdl: committed.supergraph,
    committedDepartmentSdls: committed.departments,
    operations: operationFiles(root),
    acknowledged: acknowledgements(),
  });
  process.stdout.write(`${formatCheck(result)}\n`);
  process.stdout.write(result.ok ? '\nSchema check passed.\n' : '\nSchema check FAILED.\n');
  process.exit(result.ok ? 0 : 1);
} catch (error) {
  process.stderr.write(`Schema check could not run: ${(error as Error).message}\n`);
  process.exit(1);
}
