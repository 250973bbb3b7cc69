import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Caller } from '../../../platform/context.js';
import { readText, sendJson, type PageHandler } from '../../../platform/http.js';
import { consoleBundle } from './bundle.js';
import { inventoryFields } from './inventory.js';
import { CONSOLE_PAGE, CONTENT_SECURITY_POLICY } from './page.js';
import { signIn, signInRoles, type ConsoleSubjects } from './sign-in.js';

export interface ConsoleOptions {
  production: boolean;
  /** development: who each role's sign-in token names */
  subjects: ConsoleSubjects;
  /** the gateway's own token check: the inventory is for auditors */
  authenticate: (req: IncomingMessage) => Promise<Caller>;
}

const STYLES = readFileSync(new URL('../console.css', import.meta.url), 'utf8');
const PREFIX = '/console';

/**
 * The console at /console on the gateway's port: its page, bundle and styles, its settings, the schema
 * inventory for auditors, and in development only the sign-in that mints a demo token per role (it does not
 * exist in production: 404 like any unknown path). Its data comes from /graphql, with its registered documents.
 */
export function consolePages(options: ConsoleOptions): PageHandler {
  return async (req, res, url) => {
    const path = url.pathname;
    if (path !== PREFIX && !path.startsWith(`${PREFIX}/`)) return false;
    const method = req.method ?? 'GET';
    if (path === `${PREFIX}/sign-in` && !options.production && method === 'POST') {
      // JSON only: a form on another site cannot send it without a preflight, which this path never allows
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return reply(res, 415, { error: 'Send the role as application/json' });
      const answer = await signIn((await readText(req)) ?? '', options.subjects);
      return reply(res, answer.status, answer.body);
    }
    if (method !== 'GET' && method !== 'HEAD') return false;
    switch (path) {
      case `${PREFIX}/app.js`:
        return send(res, 'text/javascript; charset=utf-8', await consoleBundle(options.production));
      case `${PREFIX}/console.css`:
        return send(res, 'text/css; charset=utf-8', STYLES);
      case `${PREFIX}/settings.json`:
        return reply(res, 200, { production: options.production, signIn: options.production ? [] : signInRoles(options.subjects) });
      case `${PREFIX}/inventory.json`:
        return inventory(req, res, options);
    }
    // every other path without a file extension is a page of the console; the bundle routes it
    if (/\.[a-z0-9]+$/i.test(path)) return false;
    return send(res, 'text/html; charset=utf-8', CONSOLE_PAGE);
  };
}

async function inventory(req: IncomingMessage, res: ServerResponse, options: ConsoleOptions): Promise<true> {
  let caller: Caller;
  try {
    caller = await options.authenticate(req);
  } catch {
    return reply(res, 401, { error: 'The token is not valid: sign in again' });
  }
  if (caller.role === 'ANONYMOUS') return reply(res, 401, { error: 'Sign in as an auditor to read the schema inventory' });
  if (caller.role !== 'AUDITOR') return reply(res, 403, { error: 'The schema inventory is for auditors' });
  return reply(res, 200, { fields: inventoryFields() });
}

function send(res: ServerResponse, type: string, body: string): true {
  res.writeHead(200, {
    'content-type': type,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
  return true;
}

function reply(res: ServerResponse, status: number, body: unknown): true {
  res.setHeader('cache-control', 'no-store');
  sendJson(res, status, body);
  return true;
}
