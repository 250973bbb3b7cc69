import type { Instance } from './route.js';

/** One instance as the router's /health reports it. */
export interface InstanceHealth {
  name: string;
  /** the province code, or "national" */
  jurisdiction: string;
  url: string;
  /** whether it answered its /ready in time */
  ok: boolean;
}

/** Whether a service answers its /ready within `timeoutMs` (a refused connection or a timeout: no). */
export async function answers(graphqlUrl: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(graphqlUrl.replace(/\/graphql$/, '/ready'), { signal: AbortSignal.timeout(timeoutMs) });
    await res.body?.cancel();
    return res.ok;
  } catch {
    return false;
  }
}

/** The router's /health: every instance, with its jurisdiction and whether it answers. */
export async function instancesHealth(instances: readonly Instance[], timeoutMs = 2000): Promise<{ status: number; body: unknown }> {
  const list: InstanceHealth[] = await Promise.all(
    instances.map(async (i) => ({ name: i.name, jurisdiction: i.province ?? 'national', url: i.url, ok: await answers(i.url, timeoutMs) })),
  );
  return { status: 200, body: { status: list.every((i) => i.ok) ? 'ok' : 'degraded', instances: list } };
}
