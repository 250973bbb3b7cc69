/**
 * DataLoader batch functions must answer one value per key, in key order.
 * oneByKey and manyByKey turn the rows of one `IN (...)` query into that answer; windowKey and
 * windowBatch do it for figures over a date window.
 */
export function oneByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): (T | null)[] {
  const map = new Map<K, T>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

export function manyByKey<K, T>(keys: readonly K[], rows: readonly T[], keyOf: (row: T) => K): T[][] {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * The key of a figure loader: a code (a division, an agency, an item), the window, and any
 * further arguments (null where left out). JSON, so a code from an _entities representation
 * may hold any character.
 */
export function windowKey(code: string, from: string, to: string, ...rest: (string | null | undefined)[]): string {
  return JSON.stringify([code, from, to, ...rest.map((r) => r ?? null)]);
}

/**
 * A DataLoader batch over windowKey keys. Keys that differ only in their code are one group,
 * which `run` answers in one SQL statement: one value per code (distinct), in the order given.
 * The answers come back in key order.
 */
export function windowBatch<T>(run: (codes: string[], from: string, to: string, rest: (string | null)[]) => Promise<T[]>) {
  return async (keys: readonly string[]): Promise<T[]> => {
    const groups = new Map<string, { from: string; to: string; rest: (string | null)[]; codes: Set<string> }>();
    for (const key of keys) {
      const [code, from, to, ...rest] = JSON.parse(key) as [string, string, string, ...(string | null)[]];
      const id = JSON.stringify([from, to, ...rest]);
      const group = groups.get(id) ?? { from, to, rest, codes: new Set<string>() };
      group.codes.add(code);
      groups.set(id, group);
    }
    const answers = new Map<string, T>();
    for (const { from, to, rest, codes } of groups.values()) {
      const list = [...codes];
      const results = await run(list, from, to, rest);
      list.forEach((code, i) => answers.set(windowKey(code, from, to, ...rest), results[i]!));
    }
    return keys.map((key) => answers.get(key)!);
  };
}
