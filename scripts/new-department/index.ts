// npm run new:department -- <name> [--type Permit] [--port 4010] [--title "…"]
// Scaffolds subgraphs/<name>/: a department that composes into the graph, starts, seeds sample
// rows and passes its own tests, then writes its first migration from its entity (npm run migrations)
// and regenerates the supergraph, codegen output and the schema inventory (npm run generate,
// npm run schema:report). The registry (platform/departments.ts) finds it by its manifest.json.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEPARTMENT_NAME, DEPARTMENTS, GATEWAY_PORT } from '../../platform/departments.js';
import { departmentFiles, type Names } from './templates.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Checked names and a free port for the new department; throws a message a person can act on. */
export function namesFor(name: string | undefined, options: { type?: string; port?: string; title?: string } = {}): Names {
  if (!name) throw new Error('usage: npm run new:department -- <name> [--type Permit] [--port 4010] [--title "…"]');
  if (!DEPARTMENT_NAME.test(name))
    throw new Error(`"${name.slice(0, 40)}" is not a department name: lower-case letters and digits, starting with a letter (e.g. permits)`);
  if (DEPARTMENTS.some((d) => d.name === name) || existsSync(join(root, 'subgraphs', name))) throw new Error(`subgraphs/${name} already exists`);
  const singular = name.length > 3 && name.endsWith('s') ? name.slice(0, -1) : name;
  const type = options.type ?? singular[0]!.toUpperCase() + singular.slice(1);
  if (!/^[A-Z][A-Za-z0-9]{1,40}$/.test(type)) throw new Error(`--type "${type.slice(0, 40)}" is not a GraphQL type name: PascalCase letters and digits`);
  const taken = new Set([GATEWAY_PORT, ...DEPARTMENTS.map((d) => d.port)]);
  const port = options.port ? Number(options.port) : Math.max(...taken) + 1;
  if (!Number.isInteger(port) || port < 1024 || port > 65535 || taken.has(port))
    throw new Error(`--port ${options.port}: not a free port between 1024 and 65535 (taken: ${[...taken].sort().join(', ')})`);
  const field = type[0]!.toLowerCase() + type.slice(1);
  const table = type.replace(/(?<=[a-z0-9])([A-Z])/g, '_$1').toLowerCase();
  return { name, type, field, table, port, title: options.title?.trim() || `${type} records` };
}

function main(): void {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { type: { type: 'string' }, port: { type: 'string' }, title: { type: 'string' } },
  });
  const names = namesFor(positionals[0], values);
  const folder = join(root, 'subgraphs', names.name);
  for (const [file, content] of Object.entries(departmentFiles(names))) {
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), content);
  }
  process.stdout.write(`subgraphs/${names.name}/: type ${names.type}, port ${names.port}; writing its first migration, composing and generating types…\n`);
  // its tables' first migration, from the entity
  execFileSync('npm', ['run', '--silent', 'migrations', '--', names.name, '--name', 'initial'], { cwd: root, stdio: 'inherit' });
  // the supergraph, the API schema, resolver types and the auditors' inventory, as npm test checks them
  for (const script of ['generate', 'schema:report']) execFileSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  process.stdout.write(
    `\nDone. Next: npx vitest run subgraphs/${names.name}   (its own tests)\n` +
      `      npx tsx subgraphs/${names.name}/index.ts   (it alone, on port ${names.port})\n` +
      `      npm start   (the whole platform, with it behind the gateway)\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`new:department: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
