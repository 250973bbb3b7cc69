/** Today in China (UTC+8), YYYY-MM-DD: the figures' windows are China's calendar days. */
export function todayInChina(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The last `count` calendar months up to today, oldest first; the current month ends today. */
export function lastMonths(count: number, today = todayInChina()): { from: string; to: string; label: string }[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const to = last.toISOString().slice(0, 10) < today ? last.toISOString().slice(0, 10) : today;
    return { from: first.toISOString().slice(0, 10), to, label: `${first.getUTCFullYear()}年${first.getUTCMonth() + 1}月` };
  });
}

/** The dashboard's window: the last twelve months, up to today. */
export function yearWindow(today = todayInChina()): { from: string; to: string } {
  const months = lastMonths(12, today);
  return { from: months[0]!.from, to: today };
}
