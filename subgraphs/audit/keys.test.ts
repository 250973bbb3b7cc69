// The audit log's entities by key (_entities): the same entry as the root query, null for an id
// nobody has, and nobody but auditors reads an entry, by key as at the root.
import { it } from 'vitest';
import type { Caller } from '../../platform/context.js';
import { describeEntityKeys } from '../../platform/testing-keys.js';
import { audit } from './department.js';

const AUDITOR: Caller = { role: 'AUDITOR', subject: 'auditor-1', department: null, scopes: ['audit:unmask'] };
const OFFICER: Caller = { role: 'OFFICER', subject: 'officer-7', department: '11110105MB0000000X', scopes: ['audit:read'] };

describeEntityKeys(audit, undefined, ['AccessEntry'], ({ byKey }) => {
  it('AccessEntry', () =>
    byKey({
      type: 'AccessEntry',
      selection: 'id seq department at requestId caller { role subject } purpose subjectKind subjectId fields categories withheld',
      root: '{ accessLog(first: 1) { nodes { SELECTION } } }',
      pick: (d) => d.accessLog.nodes[0],
      missing: { id: '00000000-0000-4000-8000-000000000000' },
      as: { caller: AUDITOR, purpose: 'basis:audit-investigation' },
      refused: [
        {},
        { caller: OFFICER, purpose: 'audit' },
        { caller: { role: 'CITIZEN', subject: '11010519491231002X', department: null, scopes: [] } },
        { caller: { role: 'SUPERVISOR', subject: 's', department: null, scopes: [] } },
      ],
    }));
});
