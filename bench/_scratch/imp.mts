const t0 = performance.now();
const mods = ['@apollo/server', '@apollo/subgraph', '@mikro-orm/core', '@mikro-orm/better-sqlite', '@mikro-orm/postgresql', '@mikro-orm/migrations', 'jose', 'graphql'];
for (const m of mods) { const t = performance.now(); await import(m); console.log(m, (performance.now() - t).toFixed(0)); }
let t = performance.now(); await import('/work/main/platform/department.ts'); console.log('platform/department', (performance.now() - t).toFixed(0));
t = performance.now(); await import('/work/main/subgraphs/regions/department.ts'); console.log('regions', (performance.now() - t).toFixed(0));
console.log('total', (performance.now() - t0).toFixed(0), process.cpuUsage());
