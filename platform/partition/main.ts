// One process of a partitioned department, as npm start runs it from the routing table (table.ts):
//   main.ts instance <department> <province|national>   an instance over its own database
//   main.ts router <department>                          the router at the department's URL
// The router learns where npm start's instances listen from PARTITION_INSTANCE_URLS ({"cases@11": url});
// an instance the table gives a url runs elsewhere and is routed there.
import { departmentConfig } from '../config.js';
import { startDepartment } from '../department.js';
import { DEPARTMENTS, loadDepartment } from '../departments.js';
import { listen } from '../http.js';
import { runMain } from '../main.js';
import { configuredKey } from '../security/keys.js';
import { instancesHealth } from './health.js';
import { holdsFor } from './instances.js';
import type { Instance } from './route.js';
import { createRouter } from './router.js';
import { instanceDatabase, provincesOf, readTable } from './table.js';

const [mode, department = '', tag = ''] = process.argv.slice(2);

function instancesOf(name: string) {
  const instances = readTable().get(name);
  if (!instances) throw new Error(`${name} is not in the routing table; it runs unpartitioned (subgraphs/${name}/index.ts)`);
  return instances;
}

if (mode === 'instance') {
  await runMain(`${department}@${tag}`, async () => {
    const instances = instancesOf(department);
    const own = instances.find((i) => (i.province ?? 'national') === tag);
    if (!own) throw new Error(`the routing table runs no instance ${department}@${tag}`);
    return startDepartment(await loadDepartment(department), {
      port: own.port ?? 0,
      host: departmentConfig(department).host,
      target: instanceDatabase(own),
      // tokens from the router alone, made for this instance alone
      verifyKey: await configuredKey('ROUTER_VERIFY_KEY', 'publicJwk', 'router'),
      audience: own.name,
      holds: holdsFor(own.province, provincesOf(instances)),
    });
  });
} else if (mode === 'router') {
  await runMain(department, async () => {
    const started = JSON.parse(process.env.PARTITION_INSTANCE_URLS ?? '{}') as Record<string, string>;
    const instances: Instance[] = instancesOf(department).map((i) => {
      const url = i.url ?? started[i.name];
      if (!url) throw new Error(`no URL for instance ${i.name}: give it a "url" in the routing table, or start it with npm start`);
      return { name: i.name, province: i.province, url };
    });
    const entry = DEPARTMENTS.find((d) => d.name === department);
    const server = await createRouter({
      department,
      typeDefs: (await loadDepartment(department)).typeDefs,
      instances,
      gatewayKey: await configuredKey('GATEWAY_VERIFY_KEY', 'publicJwk', 'gateway'),
      routerKey: await configuredKey('ROUTER_SIGNING_KEY', 'privateJwk', 'router'),
      unpartitioned: entry?.unpartitioned ?? [],
      health: () => instancesHealth(instances),
    });
    const { port, host } = departmentConfig(department);
    return listen(server, port, host, department);
  });
} else {
  process.stderr.write('usage: platform/partition/main.ts instance <department> <province|national> | router <department>\n');
  process.exit(2);
}
