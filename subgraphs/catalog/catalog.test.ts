import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { entityKeys, expectResolvedByKey } from '../../platform/testing-keys.js';
import { catalog } from './department.js';
import { ServiceItemTermEntity } from './entities.js';
import { ITEMS } from '../../reference/service-items.js';

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(catalog);
});
afterAll(() => dept?.close());

const q = (query: string, variables: Record<string, unknown> = {}) => dept.query(query, variables);
const ITEM = 'code name type fullyOnline inPersonVisits promisedLimitDays statutoryLimitDays materials { name required certificateType } fees { amountYuan }';

describe('catalog department', () => {
  it('looks up an item with its guide, and lists its implementations in a region', async () => {
    const first = await q('{ serviceItems(first: 1) { nodes { code } } }');
    const code = first.data?.serviceItems.nodes[0].code;
    const { data, errors } = await q(
      `query($c: ID!) { serviceItem(code: $c) { ${ITEM} implementations { region { code } department { code name } promisedLimitDays } } }`,
      { c: code },
    );
    expect(errors).toBeUndefined();
    const item = data?.serviceItem;
    expect(item.code).toBe(code);
    expect(item.promisedLimitDays).toBeLessThanOrEqual(item.statutoryLimitDays);
    expect(item.implementations.length).toBeGreaterThan(0);
    const region = item.implementations[0].region.code;
    const inRegion = await q(`query($c: ID!, $r: DivisionCode) { serviceItem(code: $c) { implementations(region: $r) { region { code } } } }`, {
      c: code,
      r: region,
    });
    expect(inRegion.data?.serviceItem.implementations.every((i: { region: { code: string } }) => i.region.code === region)).toBe(true);
  });

  it('filters items (region, online, search) and pages through them by cursor, in code order', async () => {
    const page1 = await q('{ serviceItems(first: 3) { nodes { code } pageInfo { hasNextPage endCursor } } }');
    const codes1 = page1.data?.serviceItems.nodes.map((n: { code: string }) => n.code);
    expect(codes1).toHaveLength(3);
    expect([...codes1].sort()).toEqual(codes1);
    expect(page1.data?.serviceItems.pageInfo.hasNextPage).toBe(true);
    const page2 = await q('query($a: String) { serviceItems(first: 3, after: $a) { nodes { code } } }', { a: page1.data?.serviceItems.pageInfo.endCursor });
    expect(page2.data?.serviceItems.nodes[0].code > codes1[2]).toBe(true);
    const online = await q('{ serviceItems(fullyOnline: true, first: 100) { nodes { fullyOnline } } }');
    expect(online.data?.serviceItems.nodes.every((n: { fullyOnline: boolean }) => n.fullyOnline)).toBe(true);
    const name = (await q('{ serviceItems(first: 1) { nodes { name } } }')).data?.serviceItems.nodes[0].name as string;
    const found = await q('query($s: String) { serviceItems(search: $s) { nodes { name } } }', { s: name });
    expect(found.data?.serviceItems.nodes[0].name).toBe(name);
    // LIKE wildcards match themselves, not everything
    const wildcard = await q('{ serviceItems(search: "%") { nodes { code } } }');
    expect(wildcard.data?.serviceItems.nodes).toEqual([]);
  });

  describe('search by words', () => {
    const search = async (s: string, more = '') => {
      const { data, errors } = await q(`query($s: String) { serviceItems(search: $s, first: 100${more}) { nodes { code name materials { name } } } }`, { s });
      expect(errors).toBeUndefined();
      return data!.serviceItems.nodes as { code: string; name: string; materials: { name: string }[] }[];
    };
    const licensed = ITEMS.filter((i) => i.materials.some((m) => m.name.includes('营业执照'))).map((i) => i.code);

    it('finds the items that ask for a business licence by 营业执照, and nothing unrelated', async () => {
      const found = await search('营业执照');
      expect(licensed.length).toBeGreaterThan(5);
      for (const code of licensed) expect(found.map((i) => i.code)).toContain(code);
      expect(found.map((i) => i.code)).not.toContain('QR-010001-001'); // 居民身份证首次申领
      // every word must be there: 营业执照 with a word no guide holds finds nothing
      expect(await search('营业执照 潜水艇')).toEqual([]);
    });

    it('folds full-width forms and case, and keeps code search', async () => {
      expect((await search('ＱＲ－０１０００１－００１')).map((i) => i.code)[0]).toBe('QR-010001-001');
      expect((await search('qr-010001')).map((i) => i.code).slice(0, 3)).toEqual(['QR-010001-001', 'QR-010001-002', 'QR-010001-003']);
      expect((await search('010001-00')).every((i) => i.code.includes('010001-00'))).toBe(true);
      expect(await search('   ')).toHaveLength(Math.min(100, ITEMS.length));
    });

    it('ranks name hits above guide hits', async () => {
      const found = await search('登记');
      const inName = found.map((i) => i.name.includes('登记'));
      expect(inName.indexOf(false)).toBeGreaterThan(0);
      // no item with the word in its name comes after one without it
      expect(inName.slice(inName.indexOf(false))).not.toContain(true);
    });

    it('indexes at start the items a database holds without terms (one migrated from before the index)', async () => {
      const em = dept.orm.em.fork();
      const before = await search('营业执照');
      await em.nativeDelete(ServiceItemTermEntity, {});
      expect(await search('营业执照')).toEqual([]);
      await em.transactional((tx) => catalog.prepare!(tx));
      expect(await search('营业执照')).toEqual(before);
    });

    it('pages a ranked search by its cursor, and refuses a cursor of another order', async () => {
      const all = (await search('登记')).map((i) => i.code);
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const res: any = await q(
          'query($s: String, $a: String) { serviceItems(search: $s, first: 4, after: $a) { nodes { code } pageInfo { hasNextPage endCursor } } }',
          {
            s: '登记',
            a: after,
          },
        );
        expect(res.errors).toBeUndefined();
        seen.push(...res.data.serviceItems.nodes.map((n: { code: string }) => n.code));
        after = res.data.serviceItems.pageInfo.hasNextPage ? res.data.serviceItems.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(all);
      const byCode = (await q('{ serviceItems(first: 1) { pageInfo { endCursor } } }')).data?.serviceItems.pageInfo.endCursor;
      const wrong = await q('query($a: String) { serviceItems(search: "登记", after: $a) { nodes { code } } }', { a: byCode });
      expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    });
  });

  it('lists agencies of a division and of a kind', async () => {
    const { data, errors } = await q('{ departments(region: "110000", first: 100) { nodes { code name kind region { code } } } }');
    expect(errors).toBeUndefined();
    expect(data?.departments.nodes.length).toBeGreaterThan(0);
    expect(data?.departments.nodes.every((d: { region: { code: string } }) => d.region.code === '110000')).toBe(true);
    const kind = data?.departments.nodes[0].kind;
    const ofKind = await q('query($k: DepartmentKind) { departments(region: "110000", kind: $k, first: 100) { nodes { kind } } }', { k: kind });
    expect(ofKind.data?.departments.nodes.every((d: { kind: string }) => d.kind === kind)).toBe(true);
  });

  it('answers bad input and unknown codes with coded errors', async () => {
    expect((await q('{ serviceItem(code: "NO-SUCH-ITEM") { name } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await q('{ department(code: "NO-SUCH-AGENCY") { name } }')).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await q('{ serviceItems(first: -1) { nodes { code } } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await q('{ departments(first: 101) { nodes { code } } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await q('{ serviceItems(after: "garbage") { nodes { code } } }')).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const region = await q('query($r: DivisionCode) { departments(region: $r) { nodes { code } } }', { r: '11' });
    expect(region.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(region.status).toBe(400);
  });

  describe('entities by key (_entities)', () => {
    const keys = entityKeys('catalog');
    it('covers every entity type of the catalog', () => {
      expect([...keys.keys()].sort()).toEqual(['Department', 'Me', 'Region', 'ServiceItem', 'SupplyPlan']);
    });
    it('Me (the caller: by key only the caller themselves)', () =>
      expectResolvedByKey(dept, keys, {
        type: 'Me',
        selection: 'subject role scopes',
        root: '{ me { SELECTION } }',
        pick: (d) => d.me,
        missing: { subject: 'officer-someone-else' },
        as: { caller: { role: 'OFFICER', subject: 'officer-1', department: null, scopes: ['catalog:read'] } },
      }));
    it('ServiceItem', () =>
      expectResolvedByKey(dept, keys, {
        type: 'ServiceItem',
        selection: ITEM,
        root: '{ serviceItems(first: 1) { nodes { SELECTION } } }',
        pick: (d) => d.serviceItems.nodes[0],
        missing: { code: 'NO-SUCH-ITEM' },
      }));
    it('Department', () =>
      expectResolvedByKey(dept, keys, {
        type: 'Department',
        selection: 'code name kind level region { code }',
        root: '{ departments(region: "110000", first: 1) { nodes { SELECTION } } }',
        pick: (d) => d.departments.nodes[0],
        missing: { code: '11110000000000000X' },
      }));
    it('Region (extended: the catalog’s items and agencies of a division)', () =>
      expectResolvedByKey(dept, keys, {
        type: 'Region',
        selection: 'code departments { code }',
        root: '{ departments(region: "110000", first: 100) { nodes { region { SELECTION } } } }',
        pick: (d) => d.departments.nodes[0].region,
      }));
    it('SupplyPlan (ranks the parts the gateway fetched for it, @requires; a division hands out its plan)', async () => {
      const window = { from: '2026-01-01', to: '2026-06-30' };
      const division = await dept.query(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { supplyPlan(from: "2026-01-01", to: "2026-06-30") { region from to } } } }',
        {
          r: [{ __typename: 'Region', code: '110000' }],
        },
      );
      expect(division.data?._entities).toEqual([{ supplyPlan: { region: '110000', ...window } }]);
      // a fully online item and one that is not, the second with too few cases to be scored
      const online = ITEMS.find((i) => i.onlineDepth === 'FULLY_ONLINE')!;
      const other = ITEMS.find((i) => i.onlineDepth === 'DOWNLOAD_FORMS')!;
      const plan = {
        __typename: 'SupplyPlan',
        region: '110000',
        ...window,
        caseParts: [
          { item: online.code, cases: 20, overdue: 5, inPersonVisits: 30, overPromisedVisits: 4 },
          { item: other.code, cases: 9, overdue: 9, inPersonVisits: 18, overPromisedVisits: 9 },
        ],
        reviewParts: [{ item: online.code, reviews: 10, badReviews: 2 }],
        appealParts: [{ departmentKind: online.departmentKind, appeals: 12 }],
      };
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on SupplyPlan {
        unscoredItems items { rank item { code } score cases parts { factor value basis level weight contribution } } } } }`;
      const ranked = await dept.query(query, { r: [plan] });
      expect(ranked.errors).toBeUndefined();
      const part = (factor: string, value: number | null, basis: number | null, level: number, weight: number) => ({
        factor,
        value,
        basis,
        level,
        weight,
        contribution: weight * level,
      });
      expect(ranked.data?._entities).toEqual([
        {
          unscoredItems: 1,
          items: [
            {
              rank: 1,
              item: { code: online.code },
              // 25 + 15 + 0 + 7.5 + 2 + 3.75 + 2
              score: 55.25,
              cases: 20,
              parts: [
                part('CASES', 20, 20, 1, 25),
                part('APPEALS', 12, 12, 1, 15),
                part('ONLINE_DEPTH', 4, null, 0, 15),
                part('VISITS_PER_CASE', 1.5, 20, 0.75, 10),
                part('OVER_PROMISED_VISITS', 0.2, 20, 0.2, 10),
                part('OVERDUE', 0.25, 20, 0.25, 15),
                part('BAD_REVIEWS', 0.2, 10, 0.2, 10),
              ],
            },
          ],
        },
      ]);
      // without the departments' parts (one did not answer) it ranks nothing rather than guess
      const { __typename, region, from, to } = plan;
      const alone = await dept.query(query, { r: [{ __typename, region, from, to }] });
      expect(alone.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    });
  });
});
