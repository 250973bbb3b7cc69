/** DataLoader key of a figure over a window. */
export const windowKey = (code: string, from: string, to: string) => `${code}|${from}|${to}`;

/** Keys grouped by window: one SQL statement per window, all codes at once. */
export function byWindow(keys: readonly string[]): Map<string, { from: string; to: string; codes: string[] }> {
  const groups = new Map<string, { from: string; to: string; codes: string[] }>();
  for (const key of keys) {
    // dates never hold '|'; a code from an _entities representation might: it is everything before them
    const parts = key.split('|');
    const [from, to] = parts.slice(-2) as [string, string];
    const code = parts.slice(0, -2).join('|');
    const group = groups.get(`${from}|${to}`) ?? { from, to, codes: [] };
    group.codes.push(code);
    groups.set(`${from}|${to}`, group);
  }
  return groups;
}
