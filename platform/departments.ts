import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Department } from './department.js';

/**
 * The departments of the graph, found by convention: every folder subgraphs/<name>/ with a
 * manifest.json (its default port, its title, and for codegen the model each GraphQL type's
 * resolvers receive). `npm start`, the gateway, the composer, codegen, the test platform, seed,
 * bench and latency all read this list; adding a department is adding its folder
 * (`npm run new:department -- <name>`). Departments never import each other.
 * Override a port with <NAME>_PORT and a URL (for the gateway) with <NAME>_URL.
 */

const SUBGRAPHS = fileURLToPath(new URL('../subgraphs/', import.meta.url));

/** A department's name: its folder, its subgraph, the prefix of <NAME>_PORT and <NAME>_URL, a TypeScript identifier. */
export const DEPARTMENT_NAME = /^[a-z][a-z0-9]{1,30}$/;

const Manifest = z
  .strictObject({
    port: z.number().int().min(1024).max(65535),
    title: z.string().trim().min(1),
    /**
     * GraphQL type -> `<module relative to generated/>#<type>` the resolvers of that type receive, where the
     * convention does not say it: codegen maps a type T to the T, else the TRef, that entities.ts exports.
     */
    mappers: z.record(z.string().regex(/^[A-Z]\w*$/), z.string().regex(/^\.\.\/[\w./-]+\.js#\w+$/)).default({}),
    /**
     * Served per province (issue #15): one instance per provincial platform, each over its own database,
     * plus a national instance for every division no province claims. Its schema says with @jurisdiction
     * which key, argument or input field routes a request; schema:check holds it to the rule (every
     * mutation exactly one carrier).
     */
    partitioned: z.boolean().default(false),
    /**
     * Root fields ("Query.x", "Mutation.y") of a partitioned department over records it does not
     * partition (cases' mandates, reference lists), and entity types it does not ("DraftApplication"):
     * answered and written by the national instance alone, so they carry no @jurisdiction.
     */
    unpartitioned: z.array(z.string().regex(/^((Query|Mutation)\.)?[_A-Za-z]\w*$/)).default([]),
  })
  .refine((m) => m.partitioned || m.unpartitioned.length === 0, {
    message: 'unpartitioned lists root fields of a partitioned department: set "partitioned": true or remove it',
    path: ['unpartitioned'],
  });

export interface DepartmentEntry extends z.infer<typeof Manifest> {
  /** the folder's name, which is the subgraph's name and the prefix of its <NAME>_PORT / <NAME>_URL */
  name: string;
}

/** The departments under `dir` (a subgraphs/ folder, ending in /), checked, by port. */
export function discoverDepartments(dir: string = SUBGRAPHS): readonly DepartmentEntry[] {
  const entries = globSync('*/manifest.json', { cwd: dir }).map((file) => {
    const name = file.split('/')[0]!;
    if (!DEPARTMENT_NAME.test(name)) throw new Error(`subgraphs/${name}: a department's name is 2 to 31 lower-case letters and digits, starting with a letter`);
    const parsed = Manifest.safeParse(JSON.parse(readFileSync(`${dir}${file}`, 'utf8')));
    if (!parsed.success) throw new Error(`subgraphs/${file}: ${z.prettifyError(parsed.error)}`);
    return { name, ...parsed.data };
  });
  const byPort = new Map<number, string>();
  for (const { name, port } of entries) {
    const other = byPort.get(port);
    if (other) throw new Error(`subgraphs/${name}/manifest.json: port ${port} is already ${other}'s`);
    byPort.set(port, name);
  }
  // by port: the order npm start, the composer and the supergraph list them in
  return Object.freeze(entries.sort((a, b) => a.port - b.port));
}

export const DEPARTMENTS = discoverDepartments();

export const GATEWAY_PORT = 4000;

/**
 * The port a department listens on: <NAME>_PORT, else its default. A value that is no port stops the
 * caller (a department at start, the gateway building its URLs) with the variable named, instead of
 * a URL with port NaN that fails on every request.
 */
export function departmentPort(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const variable = `${name.toUpperCase()}_PORT`;
  const configured = env[variable];
  if (configured !== undefined && configured !== '') {
    const port = Number(configured);
    if (!/^\d{1,5}$/.test(configured) || port > 65535) throw new Error(`${variable} must be a port number from 0 to 65535, got "${configured.slice(0, 20)}"`);
    return port;
  }
  const known = DEPARTMENTS.find((d) => d.name === name);
  if (!known) throw new Error(`Unknown department ${name}`);
  return known.port;
}

/** The department subgraphs/<name>/department.ts exports under its own name. */
export async function loadDepartment(name: string): Promise<Department<unknown>> {
  if (!DEPARTMENTS.some((d) => d.name === name)) throw new Error(`Unknown department ${name}: no subgraphs/${name}/manifest.json`);
  // not analysed by Vite (vitest): the folder is known only at run time
  const module = (await import(/* @vite-ignore */ `../subgraphs/${name}/department.js`)) as Record<string, Department<unknown>>;
  const department = module[name];
  if (!department) throw new Error(`subgraphs/${name}/department.ts exports no department named ${name}`);
  return department;
}
