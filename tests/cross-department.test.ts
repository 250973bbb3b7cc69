import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print } from 'graphql';
import { RegionServicesDocument, RegionsWithItemsDocument, ServiceSearchDocument } from './generated/operations.js';
import { startPlatform, type TestPlatform } from './helpers/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

describe('one query across departments, through the gateway', () => {
  it('answers a region with its service items and their implementing agencies', async () => {
    const { status, data, errors } = await platform.query(print(RegionServicesDocument), { code: '110000' });
    expect(status).toBe(200);
    expect(errors).toBeUndefined();
    expect(data?.region.fullName).toBe('北京市'); // from regions
    const impls = data?.region.implementations; // from catalog
    expect(impls.length).toBeGreaterThan(5);
    for (const impl of impls) {
      expect(impl.department.name).toMatch(/^北京市/);
      expect(impl.department.level).toBe('PROVINCE');
      expect(impl.item.name.length).toBeGreaterThan(1);
    }
  });

  it('searches the catalog with filters and pages through it', async () => {
    const page1 = await platform.query(print(ServiceSearchDocument), { region: '440000', first: 5 });
    expect(page1.errors).toBeUndefined();
    expect(page1.data?.serviceItems.nodes).toHaveLength(5);
    const page2 = await platform.query(print(ServiceSearchDocument), { region: '440000', first: 5, after: page1.data?.serviceItems.pageInfo.endCursor });
    expect(page2.data?.serviceItems.nodes[0].code > page1.data?.serviceItems.nodes[4].code).toBe(true);
    const online = await platform.query(print(ServiceSearchDocument), { fullyOnline: true, first: 100 });
    expect(online.data?.serviceItems.nodes.every((i: { inPersonVisits: number }) => i.inPersonVisits === 0)).toBe(true);
  });

  it('costs the same number of SQL statements for 5 regions as for 30', async () => {
    // figures quoted in the closing note come from this log line
    const counts: Record<number, number> = {};
    for (const n of [5, 30]) {
      platform.resetSql();
      const { data, errors } = await platform.query(print(RegionsWithItemsDocument), { level: 'PROVINCE', first: n });
      expect(errors).toBeUndefined();
      expect(data?.regions.nodes).toHaveLength(n);
      counts[n] = platform.sqlCount();
    }
    console.info(`SQL statements per request: 5 regions -> ${counts[5]}, 30 regions -> ${counts[30]}`);
    expect(counts[30]).toBe(counts[5]);
    expect(counts[5]).toBeLessThanOrEqual(5);
  });

  it('refuses bad input with coded errors before touching data', async () => {
    const malformed = await platform.query('{ region(code: "12") { name } }');
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await platform.query('{ serviceItem(code: "XK-999999-999") { name } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const oversize = await platform.query('{ serviceItems(first: 1000) { nodes { code } } }');
    expect(oversize.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(oversize.errors?.[0]?.message).toMatch(/first.*100/);
  });
});
