import {
  canonicalRecord,
  entryHash,
  GENESIS_HASH,
  sha256,
  type ChainAnchor,
  type ChainBreak,
  type ChainEntry,
  type ChainProblem,
  type ChainResult,
} from './chain.js';

export interface VerifyOptions {
  anchors?: readonly ChainAnchor[];
  /** how far around a break to look when telling a reorder from an edit (entries, default 10,000) */
  window?: number;
}

/**
 * Checks a chain entry by entry, in the order given (which should be sequence
 * order): seqs 1, 2, 3… without gaps, each prevHash the previous hash, each hash
 * re-computed from its content. Streams: memory stays flat at any length (a
 * bounded window of recent hashes helps name the problem). The first break is
 * classified as
 * - changed: the hash does not match the content (or an anchored hash);
 * - removed: a sequence gap, a truncated end, or a prevHash that matches no
 *   entry nearby (its predecessor was removed or replaced);
 * - reordered: seqs out of order, an entry whose hash fits another position,
 *   or a prevHash that is the hash of another nearby entry.
 * Reorders farther apart than the window are reported as changed.
 */
export async function verifyChain(entries: Iterable<ChainEntry> | AsyncIterable<ChainEntry>, options: VerifyOptions = {}): Promise<ChainResult> {
  const window = options.window ?? 10_000;
  const anchors = new Map((options.anchors ?? []).filter((a) => a.seq > 0).map((a) => [a.seq, a.hash]));
  const recent = new RecentHashes(Math.max(1, window));
  const iterator = iterate(entries);
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const entry = next.value;
    if (entry.seq !== prev.seq + 1 || entry.prevHash !== prev.hash || entryHash(entry.prevHash, entry, entry.seq) !== entry.hash) {
      const ahead = await lookAhead(iterator, window);
      return { ok: false, entries: count, firstBad: classify(entry, prev, recent, ahead, window) };
    }
    const anchored = anchors.get(entry.seq);
    if (anchored !== undefined && anchored !== entry.hash) {
      return {
        ok: false,
        entries: count,
        firstBad: bad(entry, 'changed', `its hash ${entry.hash} differs from the anchored hash ${anchored}: the chain was rewritten up to here`),
      };
    }
    recent.add(entry.hash, entry.seq);
    prev = entry;
    count += 1;
  }
  const unreached = [...anchors.keys()].filter((seq) => seq > prev.seq).sort((a, b) => a - b)[0];
  if (unreached !== undefined) {
    return {
      ok: false,
      entries: count,
      firstBad: {
        seq: prev.seq + 1,
        id: null,
        problem: 'removed',
        detail: `the chain ends at ${prev.seq} but was anchored at ${unreached}: entries ${prev.seq + 1}–${unreached} are missing`,
      },
    };
  }
  return { ok: true, entries: count };
}

function classify(entry: ChainEntry, prev: { seq: number; hash: string }, recent: RecentHashes, ahead: ChainEntry[], window: number): ChainBreak {
  const expected = prev.seq + 1;
  if (entry.seq < expected) return bad(entry, 'reordered', `sequence number ${entry.seq} comes after ${prev.seq}`);
  if (entryHash(entry.prevHash, entry, entry.seq) !== entry.hash) {
    const fits = positionThatFits(entry, window);
    if (fits !== null) return bad(entry, 'reordered', `its content was chained at position ${fits}, not ${entry.seq}`);
    return bad(entry, 'changed', 'its hash does not match its content');
  }
  if (entry.seq > expected) {
    const early = ahead.find((a) => a.seq < entry.seq);
    if (early) return bad(entry, 'reordered', `entry ${early.seq} comes after it`);
    const missing = entry.seq - 1 === expected ? `entry ${expected} is` : `entries ${expected}–${entry.seq - 1} are`;
    return { seq: expected, id: null, problem: 'removed', detail: `${missing} missing; the chain resumes at ${entry.seq} (${entry.id})` };
  }
  const other = recent.get(entry.prevHash) ?? ahead.find((a) => a.hash === entry.prevHash)?.seq;
  if (other !== undefined) return bad(entry, 'reordered', `its prevHash is the hash of entry ${other}, not of entry ${prev.seq}`);
  return bad(entry, 'removed', `its prevHash does not match the hash of entry ${prev.seq}: the entry it followed was removed or replaced`);
}

/** The other position whose seq makes the entry's hash match, if one is near (its content is intact but moved). */
function positionThatFits(entry: ChainEntry, window: number): number | null {
  const canonical = canonicalRecord(entry);
  for (let distance = 1; distance <= window; distance++) {
    for (const seq of [entry.seq - distance, entry.seq + distance]) {
      if (seq < 1) continue;
      if (sha256(entry.prevHash + canonical + seq) === entry.hash) return seq;
    }
  }
  return null;
}

function bad(entry: ChainEntry, problem: ChainProblem, detail: string): ChainBreak {
  return { seq: entry.seq, id: entry.id, problem, detail };
}

async function lookAhead(iterator: AsyncIterator<ChainEntry> | Iterator<ChainEntry>, window: number): Promise<ChainEntry[]> {
  const ahead: ChainEntry[] = [];
  for (let next = await iterator.next(); !next.done && ahead.length < window; next = await iterator.next()) ahead.push(next.value);
  return ahead;
}

function iterate<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

/** The last `size` hashes seen, with their seqs: bounded memory however long the chain, searched only at a break. */
class RecentHashes {
  private readonly hashes: string[] = [];
  private readonly seqs: number[] = [];
  private next = 0;

  constructor(private readonly size: number) {}

  add(hash: string, seq: number): void {
    this.hashes[this.next] = hash;
    this.seqs[this.next] = seq;
    this.next = (this.next + 1) % this.size;
  }

  get(hash: string): number | undefined {
    const at = this.hashes.indexOf(hash);
    return at < 0 ? undefined : this.seqs[at];
  }
}
