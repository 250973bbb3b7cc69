import type { Server } from 'node:http';
import type { JWK } from 'jose';
import { startDepartment, type Department, type RunningDepartment, type StartOptions } from '../department.js';
import { DEPARTMENTS } from '../departments.js';
import { listen } from '../http.js';
import type { DatabaseTarget } from '../config.js';
import { instancesHealth } from './health.js';
import { createRouter } from './router.js';
import { holdsFor, instanceName } from './instances.js';
import type { Province } from './jurisdiction.js';
import type { Instance } from './route.js';

export interface PartitionedOptions extends Omit<StartOptions, 'target' | 'verifyKey' | 'audience' | 'holds' | 'port'> {
  /** the provinces that run their own instance; the national instance serves the rest */
  provinces: readonly Province[];
  /** each instance's own database */
  target: (instance: string) => DatabaseTarget;
  /** the gateway's public key (what the router accepts) and the router's pair (what the instances accept) */
  gatewayKey: JWK;
  routerKeys: { privateJwk: JWK; publicJwk: JWK };
  /** the router's port (the department's URL); instances take free ports */
  port?: number;
  /** how long an instance may take before its part counts as unavailable (the router's default: 10 s) */
  timeoutMs?: number;
}

export interface RunningPartitioned {
  name: string;
  /** the router: the department's one URL */
  url: string;
  instances: RunningInstance[];
  close(): Promise<void>;
}

export interface RunningInstance extends RunningDepartment {
  instance: string;
  province: Province | null;
  /** starts a stopped instance again over the same database and port, where the router still sends its part */
  restart(): Promise<void>;
}

/** A partitioned department: one instance per province that runs its own, a national one, and the router at its URL. */
export async function startPartitioned<L>(department: Department<L>, options: PartitionedOptions): Promise<RunningPartitioned> {
  const { provinces, target, gatewayKey, routerKeys, port = 0, ...rest } = options;
  const started: RunningPartitioned['instances'] = [];
  let server: Server | undefined;
  try {
    for (const province of [...provinces, null]) {
      const instance = instanceName(department.name, province);
      const own = { ...rest, target: target(instance), verifyKey: routerKeys.publicJwk, audience: instance, holds: holdsFor(province, provinces) };
      const running: RunningInstance = Object.assign(await startDepartment(department, { ...own, port: 0 }), {
        instance,
        province,
        async restart() {
          // its database is no longer empty, so nothing is seeded again
          Object.assign(running, await startDepartment(department, { ...own, port: running.port }));
        },
      });
      started.push(running);
    }
    const instances: Instance[] = started.map((s) => ({ name: s.instance, province: s.province, url: s.url }));
    const entry = DEPARTMENTS.find((d) => d.name === department.name);
    server = await createRouter({
      department: department.name,
      typeDefs: department.typeDefs,
      instances,
      gatewayKey,
      routerKey: routerKeys.privateJwk,
      unpartitioned: entry?.unpartitioned ?? [],
      health: () => instancesHealth(instances),
      timeoutMs: options.timeoutMs,
    });
    const listening = await listen(server, port, options.host ?? '127.0.0.1', department.name);
    return {
      name: department.name,
      url: listening.url,
      instances: started,
      async close() {
        await listening.close();
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (error) {
    server?.close();
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
