/** A case_event row as the figure tests read it from a cases database. */
export interface EventRow {
  case_id: string;
  seq: number;
  status: string;
  channel: string;
}

/**
 * Trips in person of one case, from Case.inPersonVisits' description (submission, resumption after a
 * suspension and delivery, in the hall): the figure tests' own statement of the rule, independent of
 * subgraphs/cases/timeline.ts and of the SQL in figures.ts, so that both are checked against it.
 */
export function tripsInPerson(events: readonly EventRow[]): number {
  const sorted = [...events].sort((a, b) => a.seq - b.seq);
  return sorted.filter(
    (e, i) =>
      e.channel === 'SERVICE_HALL' &&
      (e.status === 'SUBMITTED' || e.status === 'DELIVERED' || (e.status === 'UNDER_REVIEW' && sorted[i - 1]?.status === 'SUSPENDED')),
  ).length;
}

/** Each case's rows, by case id. */
export function eventsByCase(events: readonly EventRow[]): Map<string, EventRow[]> {
  const byCase = new Map<string, EventRow[]>();
  for (const e of events) byCase.set(e.case_id, [...(byCase.get(e.case_id) ?? []), e]);
  return byCase;
}
