// Regions' entities by key (_entities): the same record as the root query, null for a code nobody has.
import { it } from 'vitest';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { regions } from './department.js';

describeEntityKeys(regions, undefined, ['Region'], ({ byKey }) => {
  it('Region', () =>
    byKey({
      type: 'Region',
      selection: 'code name level fullName parent { code } ancestors { code }',
      root: '{ region(code: "440305") { SELECTION } }',
      pick: (d) => d.region,
      missing: { code: '449999' },
    }));
});
