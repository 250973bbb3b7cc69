import { createHmac, createPrivateKey, sign, type JsonWebKey } from 'node:crypto';
import fc from 'fast-check';
import { importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Caller } from '../context.js';
import { bodyDigest, GATEWAY_TOKEN_TTL_SECONDS, gatewaySigner, gatewayVerifier, type GatewayClaims } from './gateway-token.js';
import { jwtSigner } from './jws.js';
import { newKeyPair, type KeyPair } from './keys.js';

const officer: Caller = { role: 'OFFICER', subject: 'officer-7', department: 'PS-110000', scopes: ['population:read', 'population:unmask'] };
const claims: GatewayClaims = { caller: officer, purpose: '户口登记条例 第三条', requestId: 'req-1', clientName: 'portal' };
const INVALID = 'gateway token refused: invalid signature or claims';
/** The request body every token here is made for. */
const BODY = '{"query":"{ _service { sdl } }","variables":{}}';
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const now = () => Math.floor(Date.now() / 1000);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

let gateway: KeyPair;
let forger: KeyPair;
beforeAll(async () => {
  [gateway, forger] = await Promise.all([newKeyPair('gateway-test'), newKeyPair('forger')]);
});

/** The claims the gateway puts in a token for `aud`, as jose's SignJWT wrote them before jws.ts. */
function gatewayPayload(overrides: JWTPayload = {}): JWTPayload {
  const iat = now();
  const { caller, purpose, requestId, clientName } = claims;
  return {
    role: caller.role,
    dept: caller.department,
    scopes: [...caller.scopes],
    purpose,
    rid: requestId,
    client: clientName,
    iss: 'govgraph-gateway',
    aud: 'population',
    sub: caller.subject!,
    jti: crypto.randomUUID(),
    iat,
    exp: iat + 30,
    bd: bodyDigest(BODY),
    ...overrides,
  };
}

/** Any header and payload, signed with Ed25519 independently of jws.ts, to build tokens the signer would never make. */
function signRaw(header: object, payload: object, key: JWK = gateway.privateJwk): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sign(null, Buffer.from(input), createPrivateKey({ key: key as JsonWebKey, format: 'jwk' })).toString('base64url')}`;
}

/** What the population department answers to a token: its claims, or the refusal message. */
async function outcome(token: string | undefined, verify?: Awaited<ReturnType<typeof gatewayVerifier>>): Promise<GatewayClaims | string> {
  verify ??= await gatewayVerifier(gateway.publicJwk, 'population');
  return verify(token, BODY).catch((error: Error) => error.message);
}

describe('compatibility with jose', () => {
  it('makes byte-identical tokens to SignJWT for the same claims', async () => {
    const payload = gatewayPayload();
    const jose = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: gateway.privateJwk.kid })
      .sign(await importJWK(gateway.privateJwk, 'EdDSA'));
    expect(jwtSigner(gateway.privateJwk)(payload)).toBe(jose);
  });

  it('signs gateway tokens that jwtVerify accepts, with the claims SignJWT used to carry', async () => {
    const sign = await gatewaySigner(gateway.privateJwk);
    const before = now();
    const token = await sign('population', claims, BODY);
    const after = now();
    const { payload, protectedHeader } = await jwtVerify(token, await importJWK(gateway.publicJwk, 'EdDSA'), {
      issuer: 'govgraph-gateway',
      audience: 'population',
      algorithms: ['EdDSA'],
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: 'gateway-test' });
    expect(Object.keys(payload)).toEqual(['role', 'dept', 'scopes', 'purpose', 'rid', 'client', 'iss', 'aud', 'sub', 'jti', 'iat', 'exp', 'bd']);
    // The clock may tick between signing and this check, so iat is bounded by the seconds around the call.
    expect(payload.iat).toBeGreaterThanOrEqual(before);
    expect(payload.iat).toBeLessThanOrEqual(after);
    expect(payload).toMatchObject({ ...gatewayPayload({ iat: payload.iat, exp: payload.exp }), jti: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(payload.exp! - payload.iat!).toBe(GATEWAY_TOKEN_TTL_SECONDS);
  });

  it('accepts tokens made by SignJWT, with typ JWT or an audience list', async () => {
    const key = await importJWK(gateway.privateJwk, 'EdDSA');
    const plain = await new SignJWT(gatewayPayload()).setProtectedHeader({ alg: 'EdDSA', kid: 'gateway-test' }).sign(key);
    const typed = await new SignJWT(gatewayPayload({ aud: ['catalog', 'population'] })).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key);
    expect(await outcome(plain)).toEqual(claims);
    expect(await outcome(typed)).toEqual(claims);
  });

  it('gives back the claims it signed, an anonymous caller without a subject', async () => {
    const sign = await gatewaySigner(gateway.privateJwk);
    expect(await outcome(await sign('population', claims, BODY))).toEqual(claims);
    const anonymous = { caller: ANONYMOUS, purpose: null, requestId: 'req-2', clientName: null };
    expect(await outcome(await sign('population', anonymous, BODY))).toEqual(anonymous);
  });
});

describe('refusals', () => {
  const valid = () => signRaw({ alg: 'EdDSA', kid: 'gateway-test' }, gatewayPayload());
  const parts = (token: string) => token.split('.') as [string, string, string];

  it('refuses a request without a token', async () => {
    expect(await outcome(undefined)).toContain('carries no gateway token');
    expect(await outcome('')).toContain('carries no gateway token');
  });

  it('refuses a tampered header, payload or signature', async () => {
    const [header, payload, signature] = parts(valid());
    const otherSignature = parts(valid())[2];
    for (const token of [
      `${b64({ alg: 'EdDSA', kid: 'another' })}.${payload}.${signature}`,
      `${header}.${b64({ ...gatewayPayload(), role: 'SUPERVISOR' })}.${signature}`,
      `${header}.${payload}.${otherSignature}`,
      `${header}.${payload}.`,
      `${header}.${payload}`,
      `${header}.${payload}.${signature}.${signature}`,
    ])
      expect(await outcome(token)).toBe(INVALID);
  });

  it('refuses a signature written with different text for the same bytes', async () => {
    const [header, payload, signature] = parts(valid());
    // 64 bytes take 86 characters, whose last one carries 4 unused bits: lenient decoders read 16 spellings alike
    const respelled = `${signature.slice(0, -1)}${BASE64URL[BASE64URL.indexOf(signature.at(-1)!) ^ 1]}`;
    expect(Buffer.from(respelled, 'base64url').equals(Buffer.from(signature, 'base64url'))).toBe(true);
    expect(await outcome(`${header}.${payload}.${respelled}`)).toBe(INVALID);
    expect(await outcome(`${header}.${payload}.${signature}=`)).toBe(INVALID);
  });

  it('refuses alg none, any other alg and any crit, even over a valid Ed25519 signature', async () => {
    const payload = gatewayPayload();
    // the classic confusion: the public key used as an HMAC secret
    const hs256 = `${b64({ alg: 'HS256' })}.${b64(payload)}`;
    for (const token of [
      `${b64({ alg: 'none' })}.${b64(payload)}.`,
      `${hs256}.${createHmac('sha256', Buffer.from(gateway.publicJwk.x!, 'base64url')).update(hs256).digest('base64url')}`,
      signRaw({ alg: 'ES256', kid: 'gateway-test' }, payload),
      signRaw({ alg: 'Ed25519' }, payload),
      signRaw({ kid: 'gateway-test' }, payload),
      signRaw({ alg: 'EdDSA', crit: ['exp'], exp: 1 }, payload),
      signRaw({ alg: 'EdDSA', typ: 'JWE' }, payload),
      signRaw(['EdDSA'], payload),
    ])
      expect(await outcome(token)).toBe(INVALID);
  });

  it('refuses a token signed with another key', async () => {
    expect(await outcome(await (await gatewaySigner(forger.privateJwk))('population', claims, BODY))).toBe(INVALID);
  });

  it('refuses the wrong audience or issuer', async () => {
    expect(await outcome(await (await gatewaySigner(gateway.privateJwk))('catalog', claims, BODY))).toBe(INVALID);
    for (const overrides of [{ aud: ['catalog'] }, { aud: undefined }, { iss: 'someone-else' }, { iss: undefined }])
      expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload(overrides)))).toBe(INVALID);
  });

  it('refuses an expired token, but a forged one as forged first', async () => {
    const t = now();
    expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload({ iat: t - 40, exp: t - 10 })))).toBe('gateway token refused: expired');
    // jose's rule: a token is dead in the second its exp names
    expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload({ exp: t })))).toBe('gateway token refused: expired');
    expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload({ exp: t - 10 }), forger.privateJwk))).toBe(INVALID);
  });

  it('refuses a token without exp, or not yet valid, or issued in the future', async () => {
    const t = now();
    for (const overrides of [
      { exp: undefined },
      { exp: String(t + 30) as unknown as number },
      { nbf: t + 10 },
      { iat: t + 60, exp: t + 90 },
      { iat: String(t) as unknown as number },
    ])
      expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload(overrides)))).toBe(INVALID);
    expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload({ nbf: t, iat: t + 1 })))).toEqual(claims);
  });

  it('refuses a token sent with another body without spending it', async () => {
    const verify = await gatewayVerifier(gateway.publicJwk, 'population');
    const token = await (await gatewaySigner(gateway.privateJwk))('population', claims, BODY);
    for (const body of ['{"query":"{ person(id: \\"x\\") { name } }"}', '', `${BODY} `])
      expect(await verify(token, body).catch((error: Error) => error.message)).toBe('gateway token refused: it was made for another request');
    expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload({ bd: undefined })))).toBe('gateway token refused: it was made for another request');
    expect(await outcome(token, verify)).toEqual(claims);
  });

  it('accepts a token once: a replay, or a token without id, is refused', async () => {
    const verify = await gatewayVerifier(gateway.publicJwk, 'population');
    const token = await (await gatewaySigner(gateway.privateJwk))('population', claims, BODY);
    expect(await outcome(token, verify)).toEqual(claims);
    expect(await outcome(token, verify)).toBe('gateway token refused: already used (replay)');
    expect(await outcome(signRaw({ alg: 'EdDSA' }, gatewayPayload({ jti: undefined })), verify)).toBe('gateway token refused: already used (replay)');
  });

  it('refuses a valid token with any one character changed, and still accepts the original afterwards', async () => {
    const verify = await gatewayVerifier(gateway.publicJwk, 'population');
    const token = await (await gatewaySigner(gateway.privateJwk))('population', claims, BODY);
    const alphabet = `${BASE64URL}.=+/ é`;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.constantFrom(...alphabet), async (at, replacement) => {
        fc.pre(token[at] !== replacement);
        expect(await outcome(`${token.slice(0, at)}${replacement}${token.slice(at + 1)}`, verify)).toBe(INVALID);
      }),
      { numRuns: 2000 },
    );
    expect(await outcome(token, verify)).toEqual(claims);
  });
});
