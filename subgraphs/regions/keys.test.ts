// Regions' entities by key (_entities): the same record as the root query, null for a code nobody has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDepartment, type TestDepartment } from '../../platform/testing.js';
import { entityKeys, expectResolvedByKey } from '../../platform/testing-keys.js';
import { regions } from './department.js';

let dept: TestDepartment;
beforeAll(async () => {
  dept = await startTestDepartment(regions);
});
afterAll(() => dept?.close());

const keys = entityKeys('regions');

describe('regions entities by key', () => {
  it('covers every entity type of the department', () => {
    expect([...keys.keys()]).toEqual(['Region']);
  });
  it('Region', () =>
    expectResolvedByKey(dept, keys, {
      type: 'Region',
      selection: 'code name level fullName parent { code } ancestors { code }',
      root: '{ region(code: "440305") { SELECTION } }',
      pick: (d) => d.region,
      missing: { code: '449999' },
    }));
});
