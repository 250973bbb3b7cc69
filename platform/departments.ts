/**
 * The departments of the graph and their default ports. The gateway, the
 * composer and `npm start` read this list; departments never import each other.
 * Override a port with <NAME>_PORT and a URL (for the gateway) with <NAME>_URL.
 */
export const DEPARTMENTS = [
  { name: 'regions', port: 4001, title: 'Civil affairs: administrative divisions' },
  { name: 'catalog', port: 4002, title: 'Platform office: departments and service catalog' },
  { name: 'population', port: 4003, title: 'Public security: residents and households' },
  { name: 'market', port: 4004, title: 'Market regulation: enterprises' },
  { name: 'certificates', port: 4005, title: 'E-certificate hub: certificates' },
  { name: 'cases', port: 4006, title: 'One-network platform: cases and their timelines' },
  { name: 'evaluation', port: 4007, title: 'Good/bad review system (好差评)' },
  { name: 'appeals', port: 4008, title: '12345 hotline: appeals and demand' },
  { name: 'audit', port: 4009, title: 'Audit: the tamper-evident access log and the data tracker' },
] as const satisfies readonly { name: string; port: number; title: string }[];

export type DepartmentName = (typeof DEPARTMENTS)[number]['name'];

export const GATEWAY_PORT = 4000;

/** The port a department listens on: <NAME>_PORT, else its default. */
export function departmentPort(name: string, env: NodeJS.ProcessEnv = process.env): number {
  const configured = env[`${name.toUpperCase()}_PORT`];
  if (configured !== undefined && configured !== '') return Number(configured);
  const known = DEPARTMENTS.find((d) => d.name === name);
  if (!known) throw new Error(`Unknown department ${name}`);
  return known.port;
}
