import { setTimeout as sleep } from 'node:timers/promises';
import { EntitySchema, type EntityManager, type MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from './context.js';
import { openDatabase } from './db.js';
import { ErrorCode, GovError } from './errors.js';
import { canonicalJson, IdempotencyEntity, idempotent } from './idempotency.js';
import { testDatabase } from './testing.js';
import { migrationsFor } from '../schema/tools/migrations.js';

interface Thing {
  id: string;
  value: string;
}
const ThingEntity = new EntitySchema<Thing>({
  name: 'Thing',
  tableName: 'thing',
  properties: { id: { type: 'string', primary: true }, value: { type: 'string' } },
});

const alice: Caller = { role: 'CITIZEN', subject: '110101199003071234', department: null, scopes: [] };
const bob: Caller = { ...alice, subject: '110101199104082345' };
// the same subject under another role is another caller
const aliceAsOfficer: Caller = { role: 'OFFICER', subject: alice.subject, department: '11100000000013127X', scopes: [] };

describe('idempotent (platform/idempotency.ts)', () => {
  let orm: MikroORM;
  let serial = 0;
  let runs = 0;
  beforeAll(async () => {
    orm = await openDatabase({
      target: testDatabase('idempotency'),
      entities: [ThingEntity, IdempotencyEntity],
      migrations: await migrationsFor('idempotency', [ThingEntity, IdempotencyEntity]),
    });
  });
  afterAll(() => orm?.close());

  /** Makes a thing (counting the runs), optionally slowly, so that two calls overlap. */
  const make =
    (value: string, delayMs = 0) =>
    async (tx: EntityManager) => {
      runs += 1;
      const thing = { id: `T${++serial}`, value };
      await tx.insert(ThingEntity, thing);
      if (delayMs) await sleep(delayMs);
      return thing;
    };
  const replay = (tx: EntityManager, id: string) => tx.findOneOrFail(ThingEntity, { id });
  const call = (caller: Caller, key: string | null | undefined, input: unknown, value = 'v', mutation = 'makeThing', em = orm.em.fork(), delayMs = 0) =>
    idempotent(em, caller, { mutation, key, input }, make(value, delayMs), replay);
  const things = () => orm.em.fork().count(ThingEntity, {});
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GovError);
    return error as GovError;
  };

  it('hashes equal inputs alike: any key order, and null, undefined and missing the same', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, null], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, null] }, b: 1 }));
    expect(canonicalJson({ id: 'A1', note: null })).toBe(canonicalJson({ id: 'A1' }));
    expect(canonicalJson({ id: 'A1', note: undefined })).toBe(canonicalJson({ id: 'A1' }));
    // what differs stays different: a value, an array item's place, a null array item
    expect(canonicalJson({ id: 'A1', note: '' })).not.toBe(canonicalJson({ id: 'A1' }));
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson([1, null])).not.toBe(canonicalJson([1]));
  });

  it('runs once per caller and key: a repeat gets the stored result and writes nothing', async () => {
    const before = await things();
    const first = await call(alice, 'k-repeat', { a: 1, b: null }, 'first');
    const runsAfterFirst = runs;
    const again = await call(alice, 'k-repeat', { a: 1 }, 'second');
    expect(again).toEqual(first);
    expect(runs).toBe(runsAfterFirst);
    expect(await things()).toBe(before + 1);
  });

  it('refuses the same key with other input or another mutation with CONFLICT, naming what it was used for', async () => {
    await call(alice, 'k-other', { a: 1 });
    const before = await things();
    const otherInput = await refusal(call(alice, 'k-other', { a: 2 }));
    expect(otherInput.extensions.code).toBe('CONFLICT');
    expect(otherInput.message).toMatch(
      /^idempotencyKey "k-other" was already used for makeThing with other input: send that request again unchanged .* or use a new key/,
    );
    const otherMutation = await refusal(call(alice, 'k-other', { a: 1 }, 'v', 'breakThing'));
    expect(otherMutation.extensions.code).toBe('CONFLICT');
    expect(otherMutation.message).toContain('another mutation (makeThing)');
    expect(await things()).toBe(before);
  });

  it('keeps keys per caller: another citizen, or the same subject in another role, is another request', async () => {
    const mine = await call(alice, 'k-shared', { a: 1 });
    const bobs = await call(bob, 'k-shared', { a: 1 });
    const officers = await call(aliceAsOfficer, 'k-shared', { a: 1 });
    expect(new Set([mine.id, bobs.id, officers.id]).size).toBe(3);
    // and a caller with no subject has no keys to keep: refused, nothing written
    const before = await things();
    const anonymous = await refusal(call({ role: 'ANONYMOUS', subject: null, department: null, scopes: [] }, 'k-shared', { a: 1 }));
    expect(anonymous.extensions.code).toBe('FORBIDDEN');
    expect(await things()).toBe(before);
  });

  it('takes 1 to 128 visible ASCII characters, and refuses others as BAD_USER_INPUT naming idempotencyKey', async () => {
    await expect(call(alice, 'x'.repeat(128), {})).resolves.toBeTruthy();
    await expect(call(alice, '550e8400-e29b-41d4-a716-446655440000', {})).resolves.toBeTruthy();
    const before = await things();
    for (const key of ['', 'x'.repeat(129), 'with space', 'tab\tkey', '键', 'zero\u200bwidth']) {
      const error = await refusal(call(alice, key, {}));
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'idempotencyKey' });
      expect(error.message).toMatch(/^idempotencyKey: must be 1 to 128 visible ASCII characters/);
    }
    expect(await things()).toBe(before);
  });

  it('runs without a key every time', async () => {
    const before = await things();
    await call(alice, null, { a: 1 });
    await call(alice, undefined, { a: 1 });
    expect(await things()).toBe(before + 2);
  });

  it('rolls the key back with a refused run: the key is free again', async () => {
    const refused = idempotent(
      orm.em.fork(),
      alice,
      { mutation: 'makeThing', key: 'k-refused', input: { a: 1 } },
      async () => {
        throw new GovError(ErrorCode.IllegalTransition, 'not now');
      },
      replay,
    );
    await expect(refused).rejects.toThrow('not now');
    const after = await call(alice, 'k-refused', { a: 2 });
    expect(after.id).toMatch(/^T/);
  });

  describe('two calls on one key at the same time', () => {
    /** Counts the transactions each call opens: a loser that met the winner's claim opens a second. */
    const counting = () => {
      const em = orm.em.fork();
      let opened = 0;
      const transactional = em.transactional.bind(em);
      em.transactional = ((work: never, options?: never) => {
        opened += 1;
        return transactional(work, options);
      }) as typeof em.transactional;
      return { em, opened: () => opened };
    };
    const postgres = Boolean(process.env.TEST_DATABASE_URL);

    it('same input: the work runs once and both get its result', async () => {
      const before = await things();
      const runsBefore = runs;
      const [a, b] = [counting(), counting()];
      const [one, two] = await Promise.all([
        call(alice, 'k-race', { a: 1 }, 'v', 'makeThing', a.em, 200),
        call(alice, 'k-race', { a: 1, b: null }, 'v', 'makeThing', b.em, 200),
      ]);
      expect(two).toEqual(one);
      expect(runs - runsBefore).toBe(1);
      expect(await things()).toBe(before + 1);
      // PostgreSQL runs both at once: the loser waited on the winner's key, failed on it and looked again;
      // SQLite has one writer, so the second began only after the first had committed
      expect(a.opened() + b.opened()).toBe(postgres ? 3 : 2);
    });

    it('other input: the work runs once and the other gets CONFLICT', async () => {
      const before = await things();
      const runsBefore = runs;
      const results = await Promise.allSettled([
        call(alice, 'k-race-2', { a: 1 }, 'v', 'makeThing', orm.em.fork(), 200),
        call(alice, 'k-race-2', { a: 2 }, 'v', 'makeThing', orm.em.fork(), 200),
      ]);
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0]!.reason as GovError).extensions.code).toBe('CONFLICT');
      expect(runs - runsBefore).toBe(1);
      expect(await things()).toBe(before + 1);
    });
  });
});
