import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('createRateLimiter', () => {
  it('spends tokens, refuses with retryAfterSeconds, refills over time', () => {
    const c = clock();
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 2, now: c.now });
    expect(limiter.take('a', 6)).toEqual({ ok: true });
    // 4 left; 6 more needs 2 tokens = 1 s
    expect(limiter.take('a', 6)).toEqual({ ok: false, retryAfterSeconds: 1 });
    c.advance(999);
    expect(limiter.take('a', 6).ok).toBe(false);
    c.advance(1);
    expect(limiter.take('a', 6)).toEqual({ ok: true });
    // empty now: 10 tokens take 5 s
    expect(limiter.take('a', 10)).toEqual({ ok: false, retryAfterSeconds: 5 });
    // refill never exceeds capacity
    c.advance(60_000);
    expect(limiter.take('a', 10)).toEqual({ ok: true });
    expect(limiter.take('a', 1).ok).toBe(false);
  });

  it('keeps callers apart and makes cost count (30 aliased copies pay 30×)', () => {
    const c = clock();
    const limiter = createRateLimiter({ capacity: 100, refillPerSecond: 1, now: c.now });
    expect(limiter.take('alias-heavy', 30 * 3).ok).toBe(true);
    expect(limiter.take('alias-heavy', 30 * 3)).toEqual({ ok: false, retryAfterSeconds: 80 });
    expect(limiter.take('someone-else', 3).ok).toBe(true);
  });

  it('charges an operation dearer than the bucket a full bucket', () => {
    const c = clock();
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 1, now: c.now });
    expect(limiter.take('a', 1_000).ok).toBe(true);
    expect(limiter.take('a', 1_000)).toEqual({ ok: false, retryAfterSeconds: 10 });
  });

  it('caps the number of keys, evicting the least recently used first', () => {
    const c = clock();
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 1, now: c.now, maxKeys: 3 });
    limiter.take('a', 10);
    limiter.take('b', 10);
    limiter.take('c', 10);
    expect(limiter.take('a', 10).ok).toBe(false); // a is now the most recently used
    limiter.take('d', 10); // evicts b
    expect(limiter.size()).toBe(3);
    expect(limiter.take('a', 10).ok).toBe(false); // still tracked, still empty
    expect(limiter.take('b', 10).ok).toBe(true); // forgotten: a fresh bucket (evicts c)
    expect(limiter.size()).toBe(3);
  });

  it('forgets keys whose buckets have refilled', () => {
    const c = clock();
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 5, now: c.now });
    for (let i = 0; i < 4; i++) limiter.take(`k${i}`, 5);
    expect(limiter.size()).toBe(4);
    c.advance(2_000); // 10 tokens / 5 per s: every bucket full again
    limiter.take('new', 1);
    expect(limiter.size()).toBe(1);
  });

  it('rejects nonsense options', () => {
    expect(() => createRateLimiter({ capacity: 0, refillPerSecond: 1 })).toThrow(/capacity/);
    expect(() => createRateLimiter({ capacity: 1, refillPerSecond: -1 })).toThrow(/refillPerSecond/);
  });
});
