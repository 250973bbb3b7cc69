import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { DEPARTMENTS } from '../../platform/departments.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SHARED = 'platform/schema/shared.graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  /** the SDL files the department's subgraph is built from, relative to the repo root */
  files: string[];
}

/** Each department's schema files as the kit builds them (the department's own, plus the shared types). */
export function departmentSources(): SubgraphSource[] {
  return DEPARTMENTS.map((d) => ({
    name: d.name,
    // placeholders only: the gateway takes real URLs from the environment at run time
    url: `http://127.0.0.1:${d.port}/graphql`,
    files: [`subgraphs/${d.name}/schema.graphql`, SHARED],
  })).filter((s) => existsSync(`${root}${s.files[0]}`));
}

export type Composition = { ok: true; supergraph: string; api: string } | { ok: false; errors: string[] };

/**
 * Composes the department schemas with @apollo/composition. Errors are returned,
 * not thrown, each prefixed with the subgraph(s) it concerns; Apollo's own messages
 * already name the type and field ("Field "Region.name" ...").
 */
export function compose(sources: SubgraphSource[] = departmentSources(), read = (f: string) => readFileSync(`${root}${f}`, 'utf8')): Composition {
  const services = [];
  const errors: string[] = [];
  for (const s of sources) {
    try {
      services.push({ name: s.name, url: s.url, typeDefs: parse(s.files.map(read).join('\n')) });
    } catch (error) {
      errors.push(`[${s.name}] ${s.files[0]}: ${(error as Error).message}`);
    }
  }
  if (errors.length) return { ok: false, errors };
  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((e) => {
        const code = typeof e.extensions?.code === 'string' && e.extensions.code ? ` (${e.extensions.code})` : '';
        return /^\[[\w-]+\]/.test(e.message) ? `${e.message}${code}` : `[composition] ${e.message}${code}`;
      }),
    };
  }
  const api = printSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { ok: true, supergraph: result.supergraphSdl, api };
}

export const SUPERGRAPH_FILE = `${root}schema/supergraph.graphql`;
export const API_FILE = `${root}schema/api.graphql`;
