import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTable, instanceDatabase, readTable, RoutingTableError } from './table.js';

const check = (value: unknown) => () => checkTable(value, 'jurisdictions.json');
const refusal = (value: unknown) => {
  try {
    checkTable(value, 'jurisdictions.json');
  } catch (error) {
    expect(error).toBeInstanceOf(RoutingTableError);
    return (error as Error).message;
  }
  throw new Error('the table was accepted');
};

describe('the routing table', () => {
  it('reads the committed demo table: Beijing, Zhejiang, Sichuan and the national instance of cases, evaluation and appeals', () => {
    const table = readTable({});
    expect([...table.keys()].sort()).toEqual(['appeals', 'cases', 'evaluation']);
    expect(table.get('cases')!.map((i) => i.name)).toEqual(['cases@11', 'cases@33', 'cases@51', 'cases@national']);
  });

  it('puts the national instance last and keeps an instance on another host by its URL', () => {
    const table = checkTable({ cases: [{ province: 'national' }, { province: '44', url: 'http://gd.example/graphql', port: 4100 }] }, 'x');
    expect(table.get('cases')).toEqual([
      { department: 'cases', name: 'cases@44', province: '44', url: 'http://gd.example/graphql', port: 4100 },
      { department: 'cases', name: 'cases@national', province: null },
    ]);
  });

  it('refuses two instances claiming one province, or two national instances', () => {
    expect(refusal({ cases: [{ province: '44' }, { province: '44' }, { province: 'national' }] })).toMatch(/cases: two instances claim province 44/);
    expect(refusal({ cases: [{ province: 'national' }, { province: 'national' }] })).toMatch(/two instances claim national scope/);
  });

  it('refuses a province code that is not one of GB/T 2260', () => {
    expect(refusal({ cases: [{ province: '99' }, { province: 'national' }] })).toMatch(/"99" is no province code/);
    expect(refusal({ cases: [{ province: '440106' }, { province: 'national' }] })).toMatch(/"440106" is no province code/);
  });

  it('refuses a table that leaves divisions unclaimed: no national instance', () => {
    expect(refusal({ cases: [{ province: '44' }] })).toMatch(
      /cases: the divisions of 33 provinces \(11, 12, .*\) have no instance; add \{"province": "national"\}/,
    );
    expect(refusal({ cases: [] })).toMatch(/have no instance/);
  });

  it('refuses a department that is not partitioned, or is no department', () => {
    expect(refusal({ regions: [{ province: 'national' }] })).toMatch(/regions is not partitioned/);
    expect(refusal({ nosuch: [{ province: 'national' }] })).toMatch(/nosuch is no department/);
  });

  it('refuses a malformed entry with the shape it wants', () => {
    expect(refusal([])).toMatch(/not a routing table/);
    expect(refusal({ cases: { province: '44' } })).toMatch(/not a routing table/);
    expect(refusal({ cases: [{ province: 44 }, { province: 'national' }] })).toMatch(/not a routing table.*province/);
    expect(refusal({ cases: [{ province: '44', host: 'x' }, { province: 'national' }] })).toMatch(/not a routing table.*host/);
    expect(refusal({ cases: [{ province: '44', url: 'ftp://x' }, { province: 'national' }] })).toMatch(/http\(s\) URL/);
    expect(check({ cases: [{ province: 'national', port: 70000 }] })).toThrow(/port/);
  });

  it('names the file that is missing or is not JSON; "none" runs every department unpartitioned', () => {
    const dir = mkdtempSync(join(tmpdir(), 'table-'));
    expect(() => readTable({ GOVGRAPH_JURISDICTIONS: 'nope.json' }, dir)).toThrow(/nope.json: no routing table there/);
    writeFileSync(join(dir, 'bad.json'), '{ cases: ');
    expect(() => readTable({ GOVGRAPH_JURISDICTIONS: 'bad.json' }, dir)).toThrow(/bad.json: not JSON/);
    expect(readTable({ GOVGRAPH_JURISDICTIONS: 'none' }, dir).size).toBe(0);
  });

  it('gives each instance its own database: its own PostgreSQL URL, its own database on the server, or its own SQLite file', () => {
    const gd = { department: 'cases', province: '44' };
    expect(instanceDatabase(gd, { GOVGRAPH_DATA_DIR: '/d' })).toEqual({ kind: 'sqlite', file: '/d/cases@44.sqlite' });
    expect(instanceDatabase({ department: 'cases', province: null }, { GOVGRAPH_DATA_DIR: '/d' })).toEqual({
      kind: 'sqlite',
      file: '/d/cases@national.sqlite',
    });
    expect(instanceDatabase(gd, { DATABASE_URL: 'postgres://h/x' })).toEqual({ kind: 'postgres', url: 'postgres://h/x', dbName: 'govgraph_cases_44' });
    expect(instanceDatabase(gd, { DATABASE_URL: 'postgres://h/x', CASES_44_DATABASE_URL: 'postgres://g/gd_cases' })).toEqual({
      kind: 'postgres',
      url: 'postgres://g/gd_cases',
      dbName: 'gd_cases',
    });
    expect(() => instanceDatabase(gd, { CASES_44_DATABASE_URL: 'mysql://g/x' })).toThrow(/CASES_44_DATABASE_URL must be a postgres:\/\/ URL/);
  });
});
