import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEPARTMENTS, discoverDepartments, loadDepartment } from './departments.js';

describe('the department registry', () => {
  it('finds every department folder, by port, each with a department named like its folder', async () => {
    // a scaffolded department (npm run new:department) joins the list: only the founding ones are named here
    const founding = ['regions', 'catalog', 'population', 'market', 'certificates', 'cases', 'evaluation', 'appeals', 'audit'];
    expect(DEPARTMENTS.map((d) => d.name).filter((name) => founding.includes(name))).toEqual(founding);
    expect(DEPARTMENTS.map((d) => d.port)).toEqual([...DEPARTMENTS.map((d) => d.port)].sort((a, b) => a - b));
    for (const { name } of DEPARTMENTS) expect((await loadDepartment(name)).name).toBe(name);
  });

  it('knows which departments are served per province (issue #15), and reads a partitioned manifest', () => {
    expect(DEPARTMENTS.filter((d) => d.partitioned).map((d) => d.name)).toEqual(['cases', 'evaluation', 'appeals']);
    expect(DEPARTMENTS.find((d) => d.name === 'regions')).toMatchObject({ partitioned: false, unpartitioned: [] });
    expect(DEPARTMENTS.find((d) => d.name === 'cases')!.unpartitioned).toContain('Mutation.grantMandate');
  });

  it('leaves no subgraph folder out of the graph', () => {
    const folders = new URL('../subgraphs/', import.meta.url);
    for (const d of DEPARTMENTS) expect(existsSync(new URL(`${d.name}/schema.graphql`, folders))).toBe(true);
  });

  describe('refuses a manifest that would misroute or break the platform', () => {
    let dir: string;
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const write = (name: string, manifest: unknown) => {
      mkdirSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name, 'manifest.json'), JSON.stringify(manifest));
    };
    const ok = { port: 4100, title: 'Permits', mappers: { Permit: '../entities.js#Permit' } };

    it.each([
      ['two departments on one port', () => (write('permits', ok), write('licences', ok)), /port 4100 is already/],
      ['a port below 1024', () => write('permits', { ...ok, port: 80 }), /permits\/manifest\.json/],
      ['an unknown key (a typo stays a typo)', () => write('permits', { ...ok, prot: 4101 }), /prot/],
      ['a mapper outside the department', () => write('permits', { ...ok, mappers: { Permit: '/etc/passwd#x' } }), /mappers/],
      ['a folder name that is no environment-variable prefix', () => write('per-mits', ok), /lower-case letters and digits/],
      [
        'unpartitioned root fields in a department that is not partitioned',
        () => write('permits', { ...ok, unpartitioned: ['Query.permits'] }),
        /"partitioned": true/,
      ],
      ['an unpartitioned entry that is no root field', () => write('permits', { ...ok, partitioned: true, unpartitioned: ['Permit.id'] }), /unpartitioned/],
      ['partitioned given as a word', () => write('permits', { ...ok, partitioned: 'yes' }), /partitioned/],
    ])('%s', (_, arrange, message) => {
      dir = `${mkdtempSync(join(tmpdir(), 'govgraph-registry-'))}/`;
      arrange();
      expect(() => discoverDepartments(dir)).toThrow(message);
    });
  });
});
