import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../../platform/context.js';
import { randomBytes } from 'node:crypto';
import { makeResidentId } from '../../platform/identifiers/resident-id.js';
import { sealer } from '../../platform/security/seal.js';
import type { GatewayContext } from '../context.js';
import type { GraphPolicies } from '../policies.js';
import { personalDataMaskingPlugin } from './masking.js';

// A small graph with the shapes masking must follow: aliases, named and inline
// fragments, an interface answered with __typename, lists, and enum leaves.
const typeDefs = `
  interface Party { id: ID! }
  type Person implements Party { id: ID! name: String phone: String address: String kind: Kind code: Int }
  type Firm implements Party { id: ID! phone: String representative: Person }
  enum Kind { RESIDENT VISITOR }
  type Query { person: Person parties: [Party!]! ids: [String!]! note: String sealed: String }
`;
const ID_A = makeResidentId('110105', '19900307', 2);
const ID_B = makeResidentId('330103', '19851120', 17);
const NOTE = `申请人 ${ID_B} 电话 139-1234-5678，另 +86 13612345678；案号 C20261125000001`;
const person = { id: ID_A, name: '张三', phone: '13812345678', address: '北京市 东城区 东四街道 1 号', kind: 'RESIDENT', code: 7 };
const firm = { __typename: 'Firm', id: '91110000MA01ABCD1X', phone: '01065551234', representative: { ...person, id: ID_B } };
const resolvers = {
  Query: {
    person: () => person,
    parties: () => [{ ...person, __typename: 'Person' }, firm],
    ids: () => [ID_A, 'plain'],
    note: () => NOTE,
    sealed: () => sealer(randomBytes(32)).seal(ID_B, '330103************', 'r'),
  },
  Party: { __resolveType: (o: { __typename?: string }) => o.__typename ?? 'Person' },
};
const policies: GraphPolicies = {
  fields: new Map([
    ['Person.phone', { roles: [], personal: 'PHONE' }],
    ['Person.address', { roles: [], personal: 'ADDRESS' }],
    ['Firm.phone', { roles: [], personal: 'PHONE' }],
  ]),
  holders: () => ['population'],
};

const server = new ApolloServer<GatewayContext>({ typeDefs, resolvers, plugins: [personalDataMaskingPlugin(policies)] });
await server.start();

async function run(query: string, caller: Caller, purpose: string | null = 'case 42', operationName?: string) {
  const response = await server.executeOperation(
    { query, operationName },
    { contextValue: { caller, purpose, requestId: 'r', clientName: null, clientAddress: '127.0.0.1' } },
  );
  if (response.body.kind !== 'single') throw new Error('incremental');
  expect(response.body.singleResult.errors).toBeUndefined();
  return response.body.singleResult.data as Record<string, any>;
}

const officer = (scopes: string[]): Caller => ({ role: 'OFFICER', subject: 'officer-1', department: 'population', scopes });
const citizenA: Caller = { role: 'CITIZEN', subject: ID_A, department: null, scopes: [] };
const QUERY = `
  query { 
    person { id tel: phone ...Where kind code }
    parties { __typename id ... on Person { phone } ... on Firm { phone representative { id phone ...Where } } }
    ids
  }
  fragment Where on Person { address }
`;

describe('personal-data masking at the gateway', () => {
  it('masks identity numbers anywhere, phones and addresses by category, through aliases and fragments', async () => {
    const data = await run(QUERY, officer(['population:read']));
    expect(data.person).toEqual({ id: '110105************', tel: '138****5678', address: '北京市 东城区 ****', kind: 'RESIDENT', code: 7 });
    expect(data.parties[0]).toEqual({ __typename: 'Person', id: '110105************', phone: '138****5678' });
    expect(data.parties[1]).toEqual({
      __typename: 'Firm',
      id: firm.id, // a credit code is not personal
      phone: '010****1234',
      representative: { id: '330103************', phone: '138****5678', address: '北京市 东城区 ****' },
    });
    expect(data.ids).toEqual(['110105************', 'plain']);
  });

  it('shows everything to an officer with the unmask scope and a purpose, not without the purpose', async () => {
    const full = await run(QUERY, officer(['population:read', 'population:unmask']));
    expect(full.person.id).toBe(ID_A);
    expect(full.parties[1].representative.phone).toBe('13812345678');
    const noPurpose = await run(QUERY, officer(['population:read', 'population:unmask']), null);
    expect(noPurpose.person.id).not.toBe(ID_A);
  });

  it('answers each caller for themselves when the same document is reused', async () => {
    const own = await run(QUERY, citizenA, null);
    expect(own.person.id).toBe(ID_A);
    expect(own.person.tel).toBe('13812345678');
    // someone else's identity number stays masked even for a citizen, and a related person's record
    // (security/relations.ts) has its phone and address masked again here, whatever a department sent
    expect(own.parties[1].representative).toEqual({ id: '330103************', phone: '138****5678', address: '北京市 东城区 ****' });
    const anonymous = await run(QUERY, ANONYMOUS, null);
    expect(anonymous.person.id).toBe('110105************');
    expect(anonymous.person.tel).toBe('138****5678');
  });

  it('follows the operation that runs, not the first in the document', async () => {
    const two = `query Harmless { ids } query Leak { person { id phone address } }`;
    const data = await run(two, officer(['population:read']), 'case 42', 'Leak');
    expect(data.person).toEqual({ id: '110105************', phone: '138****5678', address: '北京市 东城区 ****' });
  });

  it('unmasks only with the scope of the department that holds the field', async () => {
    const data = await run(QUERY, officer(['population:read', 'market:unmask']));
    expect(data.person.id).toBe('110105************');
    expect(data.person.tel).toBe('138****5678');
  });

  it('masks identity and mobile numbers written in free text, and shows a sealed key as its display', async () => {
    const data = await run('{ note sealed }', officer(['population:read']));
    expect(data.note).toBe('申请人 330103************ 电话 139****5678，另 136****5678；案号 C20261125000001');
    expect(data.sealed).toBe('330103************');
    const full = await run('{ note }', officer(['population:read', 'population:unmask']));
    expect(full.note).toBe(NOTE);
  });
});
