import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { regions } from './department.js';

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(regions);
});
afterAll(() => dept?.close());

const q = (query: string, variables: Record<string, unknown> = {}) => dept.query(query, variables);

describe('regions department', () => {
  it('looks up a county with its parent chain and full name', async () => {
    const { data, errors } = await q('{ region(code: "110105") { code name level fullName parent { code name } ancestors { name } } }');
    expect(errors).toBeUndefined();
    expect(data?.region).toEqual({
      code: '110105',
      name: '朝阳区',
      level: 'COUNTY',
      fullName: '北京市 朝阳区',
      parent: { code: '110000', name: '北京市' },
      ancestors: [{ name: '北京市' }],
    });
  });

  it('lists children and filters by level, parent and name, with cursor pagination', async () => {
    const first = await q('{ regions(parent: "130000", first: 5) { nodes { code level } pageInfo { hasNextPage endCursor } } }');
    expect(first.data?.regions.nodes).toHaveLength(5);
    expect(first.data?.regions.nodes.every((n: { level: string }) => n.level === 'PREFECTURE')).toBe(true);
    const cursor = first.data?.regions.pageInfo.endCursor;
    const next = await q('query($after: String) { regions(parent: "130000", first: 5, after: $after) { nodes { code } } }', { after: cursor });
    expect(next.data?.regions.nodes[0].code > first.data?.regions.nodes[4].code).toBe(true);
    const named = await q('{ regions(nameContains: "朝阳", level: COUNTY) { nodes { name } } }');
    expect(named.data?.regions.nodes.length).toBeGreaterThan(0);
    expect(named.data?.regions.nodes.every((n: { name: string }) => n.name.includes('朝阳'))).toBe(true);
    const provinces = await q('{ regions(level: PROVINCE, first: 100) { nodes { code } pageInfo { hasNextPage } } }');
    expect(provinces.data?.regions.nodes.length).toBeGreaterThanOrEqual(31);
  });

  it('resolves Region entities by key (_entities)', async () => {
    const { data } = await q('query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { code name } } }', {
      r: [
        { __typename: 'Region', code: '440300' },
        { __typename: 'Region', code: '999999' },
      ],
    });
    expect(data?._entities).toEqual([{ code: '440300', name: '深圳市' }, null]);
  });

  it('answers bad input with coded errors', async () => {
    const unknown = await q('{ region(code: "119999") { name } }');
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const malformed = await q('query($c: DivisionCode!) { region(code: $c) { name } }', { c: '11' });
    expect(malformed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const oversize = await q('{ regions(first: 101) { nodes { code } } }');
    expect(oversize.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(oversize.errors?.[0]?.message).toContain('100');
    const cursor = await q('{ regions(after: "garbage") { nodes { code } } }');
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
