// The part of autocannon 8's programmatic API the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  interface Options {
    url: string;
    connections?: number;
    /** seconds */
    duration?: number;
    amount?: number;
    /** requests per second over all connections */
    overallRate?: number;
    /** seconds */
    timeout?: number;
    pipelining?: number;
    /** ms between samples; the run also stops on a sample tick (default 1000) */
    sampleInt?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** false counts the response in `mismatches` */
    verifyBody?: (body: string) => boolean;
  }

  interface Result {
    requests: { total: number; average: number };
    errors: number;
    timeouts: number;
    non2xx: number;
    mismatches: number;
    duration: number;
  }

  interface Instance extends EventEmitter, PromiseLike<Result> {
    stop(): void;
  }

  function autocannon(options: Options): Instance;
  export default autocannon;
}
