const mods = ['@apollo/server', '@apollo/subgraph', '@mikro-orm/core', '@mikro-orm/better-sqlite', '@mikro-orm/postgresql', '@mikro-orm/migrations', 'jose', 'graphql'];
for (const m of mods) await import(m);
const u = process.cpuUsage(); console.log(((u.user + u.system) / 1000).toFixed(0), 'ms cpu');
