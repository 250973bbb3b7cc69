import { MyCasesDocument, type MyCasesQuery } from '../generated/graphql.js';
import { execute } from './graphql-client.js';

export type MyCase = MyCasesQuery['cases']['nodes'][number];

/**
 * A citizen's "my cases" page: the signed-in citizen's cases, newest first, every page of them.
 * The token is the citizen's from the unified identity service; the cases department lists only
 * the cases they applied for or act in.
 */
export async function myCases(endpoint: string, token: string, pageSize = 20): Promise<MyCase[]> {
  const cases: MyCase[] = [];
  let after: string | null | undefined;
  do {
    const result = await execute(endpoint, MyCasesDocument, { first: pageSize, after }, token);
    if (!result.data) throw new Error(`my cases: ${result.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
    cases.push(...result.data.cases.nodes);
    after = result.data.cases.pageInfo.hasNextPage ? result.data.cases.pageInfo.endCursor : undefined;
  } while (after);
  return cases;
}

/** One line a page would show for a case. */
export const caseLine = (c: MyCase) => `${c.submittedOn} ${c.item.name} · ${c.department.name} · ${c.status}${c.overdue ? ' (overdue)' : ''}`;
