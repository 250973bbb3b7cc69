/**
 * Per-caller token bucket. A caller's bucket holds up to `capacity` tokens and
 * refills at `refillPerSecond`; an operation takes as many tokens as objects it
 * may return (its estimatedCost), so 30 aliased copies of a field pay 30 times.
 *
 * Memory is bounded: a bucket that has refilled to capacity is the same as no
 * bucket, so idle keys are dropped as they are met (oldest use first); and when
 * `maxKeys` is reached the least recently used key is evicted, which at worst
 * hands that caller a fresh (full) bucket.
 */
export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  /** Takes `cost` tokens from `key`'s bucket, or says how long until it holds enough. */
  take(key: string, cost: number): TakeResult;
  /** Number of keys currently tracked. */
  size(): number;
}

export interface RateLimiterOptions {
  /** Burst: the most tokens one caller can spend at once (should be >= the policy's maxCost). */
  capacity: number;
  refillPerSecond: number;
  /** Clock in milliseconds; Date.now by default. */
  now?: () => number;
  /** Most keys tracked at once (default 100_000). */
  maxKeys?: number;
}

export const DEFAULT_MAX_KEYS = 100_000;

/** Idle keys examined per take(): amortised O(1), and enough to keep up with arrivals. */
const SWEEP_PER_TAKE = 4;

interface Bucket {
  tokens: number;
  /** ms of the last refill computation */
  at: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { capacity, refillPerSecond } = options;
  const now = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  if (!(capacity > 0) || !Number.isFinite(capacity)) throw new Error('rate limiter capacity must be a positive number');
  if (!(refillPerSecond > 0) || !Number.isFinite(refillPerSecond)) throw new Error('rate limiter refillPerSecond must be a positive number');
  if (!(maxKeys >= 1)) throw new Error('rate limiter maxKeys must be at least 1');

  /** Insertion order = order of last use, oldest first. */
  const buckets = new Map<string, Bucket>();
  /** ms for an empty bucket to fill up again: a key untouched this long is idle. */
  const fullAfterMs = (capacity / refillPerSecond) * 1000;

  const refill = (bucket: Bucket, t: number): void => {
    const elapsed = Math.max(0, t - bucket.at);
    bucket.tokens = Math.min(capacity, bucket.tokens + (elapsed / 1000) * refillPerSecond);
    bucket.at = Math.max(bucket.at, t);
  };

  const sweep = (t: number): void => {
    let examined = 0;
    for (const [key, bucket] of buckets) {
      if (examined++ >= SWEEP_PER_TAKE) break;
      // Oldest first: once one is still refilling, the younger ones are too
      // (or nearly so); stop there.
      if (t - bucket.at < fullAfterMs) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, cost) {
      const t = now();
      sweep(t);
      // An operation dearer than the whole bucket needs a full bucket, not the impossible.
      const price = Math.min(capacity, Math.max(0, Number.isFinite(cost) ? cost : capacity));
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key); // re-inserted below as most recently used
        refill(bucket, t);
      } else {
        bucket = { tokens: capacity, at: t };
        while (buckets.size >= maxKeys) {
          const oldest = buckets.keys().next();
          if (oldest.done) break;
          buckets.delete(oldest.value);
        }
      }
      buckets.set(key, bucket);
      if (bucket.tokens >= price) {
        bucket.tokens -= price;
        return { ok: true };
      }
      const retryAfterSeconds = Math.max(1, Math.ceil((price - bucket.tokens) / refillPerSecond));
      return { ok: false, retryAfterSeconds };
    },
    size() {
      return buckets.size;
    },
  };
}
