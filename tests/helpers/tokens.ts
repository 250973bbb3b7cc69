import { mintToken, type TokenRequest } from '../../platform/security/dev-tokens.js';
import { devKeyPair } from '../../platform/security/keys.js';

/** A caller token from the development identity service, as `npm run token` mints it. */
export async function token(request: TokenRequest): Promise<string> {
  return mintToken(await devKeyPair('identity'), request);
}

export async function bearer(request: TokenRequest): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await token(request)}` };
}
