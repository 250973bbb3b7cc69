import { createClient, type ExecutionResult } from 'graphql-sse';

/** One subscription through a real graphql-sse client: its events as they come, and how it ended. */
export interface Subscription {
  events: ExecutionResult[];
  /** resolves with the events once `count` have come (or the stream ended first) */
  next(count?: number): Promise<ExecutionResult[]>;
  /** the error that ended the stream (a refusal before it opened: the client's NetworkError) */
  ended: Promise<unknown>;
  close(): void;
}

export function subscribe(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
  extensions?: Record<string, unknown>,
): Subscription {
  const client = createClient({ url, headers, singleConnection: false, retryAttempts: 0 });
  const events: ExecutionResult[] = [];
  const waiting: { count: number; resolve: (e: ExecutionResult[]) => void }[] = [];
  let finished = false;
  const wake = () => {
    for (const w of [...waiting]) {
      if (!finished && events.length < w.count) continue;
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve(events.slice());
    }
  };
  let settle: (value: unknown) => void;
  const ended = new Promise<unknown>((resolve) => (settle = resolve));
  const dispose = client.subscribe(
    { query, variables, ...(extensions ? { extensions } : {}) },
    {
      next: (value) => (events.push(value as ExecutionResult), wake()),
      error: (error) => ((finished = true), wake(), settle(error)),
      complete: () => ((finished = true), wake(), settle(null)),
    },
  );
  return {
    events,
    next: (count = events.length + 1) => new Promise((resolve) => (waiting.push({ count, resolve }), wake())),
    ended,
    close: () => {
      dispose();
      client.dispose();
    },
  };
}

/** How a subscription was refused before its stream opened: the HTTP status and the errors' codes and messages. */
export async function refusalOf(subscription: Subscription): Promise<{ status: number; codes: unknown[]; messages: string[] }> {
  const error = (await subscription.ended) as { response?: Response } | null;
  if (!error?.response) throw new Error(`the subscription was not refused: ${JSON.stringify(subscription.events)}`);
  const body = (await error.response.json()) as { errors: { message: string; extensions?: { code?: unknown } }[] };
  return { status: error.response.status, codes: body.errors.map((e) => e.extensions?.code), messages: body.errors.map((e) => e.message) };
}
