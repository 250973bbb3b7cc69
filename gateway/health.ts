import type { GatewayConfig } from './config.js';

/** A department as the gateway's /health reports it; a partitioned one with its instances. */
export interface DepartmentHealth {
  name: string;
  ok: boolean;
  instances?: { name: string; jurisdiction: string; ok: boolean }[];
}

/** What a department's /health said: a router lists its instances (platform/partition/health.ts). */
interface Answer {
  status?: string;
  instances?: { name?: unknown; jurisdiction?: unknown; ok?: unknown }[];
}

async function departmentHealth(name: string, url: string, timeoutMs: number): Promise<DepartmentHealth> {
  try {
    const res = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json()) as Answer;
    // instance URLs are internal addresses: the public /health names each instance and its jurisdiction only
    const instances = Array.isArray(body.instances)
      ? body.instances.map((i) => ({ name: String(i.name), jurisdiction: String(i.jurisdiction), ok: i.ok === true }))
      : undefined;
    return { name, ok: res.ok && (instances?.every((i) => i.ok) ?? body.status === 'ok'), ...(instances ? { instances } : {}) };
  } catch {
    return { name, ok: false };
  }
}

/**
 * The gateway's /health: every department and every instance of a partitioned one, and whether each
 * answers. Kept for a second, so a flood of /health requests is not multiplied onto every department.
 */
export function departmentsHealth(config: GatewayConfig): () => Promise<unknown> {
  let last: { at: number; body: Promise<unknown> } | undefined;
  return () => {
    if (last && Date.now() - last.at < 1000) return last.body;
    const body = Promise.all(Object.entries(config.subgraphUrls).map(([name, url]) => departmentHealth(name, url, config.subgraphTimeoutMs))).then(
      (departments) => ({ status: departments.every((d) => d.ok) ? 'ok' : 'degraded', departments }),
    );
    last = { at: Date.now(), body };
    return body;
  };
}
