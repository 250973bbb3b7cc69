import { describe, expect, it } from 'vitest';
import { channelKey, ClaimsRefused, claimsSigner, claimsVerifier, type ClaimsChannel } from './department-claims.js';
import { newKeyPair } from './keys.js';

const CHANNEL: ClaimsChannel = {
  issuer: 'a',
  audience: 'b',
  kind: 'fact',
  pair: 'a-facts',
  signingKeyVariable: 'A_FACTS_SIGNING_KEY',
  verifyKeyVariable: 'A_FACTS_VERIFY_KEY',
};
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClaimsRefused);
    return (error as ClaimsRefused).reason;
  }
  return expect.fail('accepted');
};

describe('signed claims between departments', () => {
  it('verifies what the issuer signed; issuer, audience, kind and expiry cannot be set by the claims', async () => {
    const { privateJwk, publicJwk } = await newKeyPair('a-facts-test');
    const sign = await claimsSigner(CHANNEL, privateJwk);
    const verify = await claimsVerifier(CHANNEL, publicJwk);
    expect(verify(sign({ sub: 'x', n: 1 }, 60))).toMatchObject({ sub: 'x', n: 1, kind: 'fact', iss: 'govgraph-a', aud: 'b' });
    expect(verify(sign({ kind: 'other', iss: 'evil', aud: 'c', exp: 1 }, 60))).toMatchObject({ kind: 'fact', iss: 'govgraph-a', aud: 'b' });
    expect(refusal(() => verify(sign({}, -1)))).toBe('expired');
    // the same key on another channel: another kind or audience is refused
    const otherKind = await claimsSigner({ ...CHANNEL, kind: 'other' }, privateJwk);
    expect(refusal(() => verify(otherKind({}, 60)))).toBe('invalid');
    const otherAudience = await claimsSigner({ ...CHANNEL, audience: 'c' }, privateJwk);
    expect(refusal(() => verify(otherAudience({}, 60)))).toBe('invalid');
    const stranger = await claimsSigner(CHANNEL, (await newKeyPair('stranger')).privateJwk);
    expect(refusal(() => verify(stranger({}, 60)))).toBe('invalid');
    for (const junk of ['', 'a.b.c', '...', 'é.é.é', `${sign({}, 60)}x`]) expect(refusal(() => verify(junk))).toBe('invalid');
  });

  it('takes keys from the environment, and refuses development keys in production', async () => {
    const { publicJwk } = await newKeyPair('a-facts-env');
    expect(await channelKey(CHANNEL, 'publicJwk', { A_FACTS_VERIFY_KEY: JSON.stringify(publicJwk) })).toEqual(publicJwk);
    await expect(channelKey(CHANNEL, 'privateJwk', { NODE_ENV: 'production' })).rejects.toThrow(/A_FACTS_SIGNING_KEY must be set in production/);
  });
});
