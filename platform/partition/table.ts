import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from '../config.js';
import { DEPARTMENTS, type DepartmentEntry } from '../departments.js';
import { PROVINCE_CODES } from '../identifiers/jurisdiction.js';
import { instanceName } from './instances.js';
import type { Province } from './jurisdiction.js';

/**
 * The routing table: which partitioned departments run which instances (config/jurisdictions.json,
 * or the file GOVGRAPH_JURISDICTIONS names; `none` runs every department unpartitioned). Checked at
 * start, so a table that would leave a division with no instance, or give it two, stops everything
 * with the entry named instead of routing a record to the wrong province.
 */
export const DEFAULT_TABLE = 'config/jurisdictions.json';

export interface TableInstance {
  department: string;
  /** `cases@44`: the audience of its tokens, its database's name */
  name: string;
  province: Province | null;
  /** an instance on another host: npm start does not start it, the router routes there */
  url?: string;
  /** the port npm start gives it (default: any free port) */
  port?: number;
}

/** Partitioned department -> its instances, provincial ones first, the national one last. */
export type RoutingTable = ReadonlyMap<string, readonly TableInstance[]>;

const Entry = z.strictObject({
  province: z.string(),
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL of the instance’s /graphql' }).optional(),
  port: z.number().int().min(0).max(65535).optional(),
});
const Table = z.record(z.string(), z.array(Entry));

export class RoutingTableError extends Error {}

/** Checks a parsed table; `source` names it in messages. */
export function checkTable(value: unknown, source: string, departments: readonly DepartmentEntry[] = DEPARTMENTS): RoutingTable {
  const fail = (what: string) => new RoutingTableError(`${source}: ${what}`);
  const parsed = Table.safeParse(value);
  if (!parsed.success)
    throw fail(
      `not a routing table (${z.prettifyError(parsed.error).replace(/\n/g, ' ')}); write {"<department>": [{"province": "44"}, {"province": "national"}]}`,
    );
  const table = new Map<string, TableInstance[]>();
  for (const [department, entries] of Object.entries(parsed.data)) {
    const known = departments.find((d) => d.name === department);
    if (!known) throw fail(`${department} is no department (no subgraphs/${department}/manifest.json)`);
    if (!known.partitioned)
      throw fail(`${department} is not partitioned (its manifest.json does not say "partitioned": true), so it cannot run instances per province`);
    const seen = new Set<string>();
    const instances: TableInstance[] = [];
    for (const entry of entries) {
      if (entry.province !== 'national' && !PROVINCE_CODES.has(entry.province))
        throw fail(`${department}: "${entry.province.slice(0, 20)}" is no province code (two digits of GB/T 2260, e.g. "44") nor "national"`);
      if (seen.has(entry.province))
        throw fail(
          `${department}: two instances claim ${entry.province === 'national' ? 'national scope' : `province ${entry.province}`}; each is held by one instance`,
        );
      seen.add(entry.province);
      const province = entry.province === 'national' ? null : entry.province;
      instances.push({
        department,
        name: instanceName(department, province),
        province,
        ...(entry.url ? { url: entry.url } : {}),
        ...(entry.port !== undefined ? { port: entry.port } : {}),
      });
    }
    if (!seen.has('national')) {
      const unclaimed = [...PROVINCE_CODES].filter((p) => !seen.has(p));
      throw fail(
        unclaimed.length > 0
          ? `${department}: the divisions of ${unclaimed.length} provinces (${unclaimed.slice(0, 5).join(', ')}${unclaimed.length > 5 ? ', …' : ''}) have no instance; add {"province": "national"}, which holds every province that runs none`
          : `${department}: records of national scope (the country, an id naming no province) have no instance; add {"province": "national"}`,
      );
    }
    table.set(department, [...instances.filter((i) => i.province !== null), ...instances.filter((i) => i.province === null)]);
  }
  return table;
}

/** The routing table GOVGRAPH_JURISDICTIONS names (default config/jurisdictions.json); empty for `none`. */
export function readTable(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): RoutingTable {
  const named = env.GOVGRAPH_JURISDICTIONS || DEFAULT_TABLE;
  if (named === 'none') return new Map();
  const file = resolve(root, named);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new RoutingTableError(`${named}: no routing table there (GOVGRAPH_JURISDICTIONS names the file; "none" runs every department unpartitioned)`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new RoutingTableError(`${named}: not JSON (${(error as Error).message})`);
  }
  return checkTable(value, named);
}

/** The provinces that run their own instance of a department (on this host or another). */
export const provincesOf = (instances: readonly TableInstance[]): Province[] => instances.flatMap((i) => (i.province === null ? [] : [i.province]));

/**
 * An instance's own database: `<DEPT>_<PROVINCE>_DATABASE_URL` (CASES_44_DATABASE_URL,
 * CASES_NATIONAL_DATABASE_URL), else database govgraph_cases_44 on the DATABASE_URL server, else the
 * SQLite file `cases@44.sqlite` under GOVGRAPH_DATA_DIR.
 */
export function instanceDatabase(instance: Pick<TableInstance, 'department' | 'province'>, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const tag = instance.province ?? 'national';
  const variable = `${instance.department.toUpperCase()}_${tag.toUpperCase()}_DATABASE_URL`;
  const own = env[variable];
  if (own && !/^postgres(ql)?:\/\/[^/]/.test(own)) throw new RoutingTableError(`${variable} must be a postgres:// URL`);
  const url = own || env.DATABASE_URL;
  const dbName = `govgraph_${instance.department}_${tag}`;
  if (url) return { kind: 'postgres', url, dbName: (own ? new URL(own).pathname.slice(1) : '') || dbName };
  return { kind: 'sqlite', file: resolve(env.GOVGRAPH_DATA_DIR || 'data', `${instanceName(instance.department, instance.province)}.sqlite`) };
}
