import { randomUUID } from 'node:crypto';

const SAFE = /^[A-Za-z0-9._:-]{8,64}$/;

/** Reuse a caller's x-request-id when it is harmless to log, otherwise mint one. */
export function requestIdFrom(header: string | undefined | null): string {
  return header && SAFE.test(header) ? header : randomUUID();
}
