import { Kind, valueFromASTUntyped, type FieldNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import { compareNewestFirst, DEFAULT_PAGE_SIZE, encodeCursor } from '../pagination.js';

/**
 * A list of national scope, newest first (platform/pagination.ts NEWEST_FIRST), answered by every
 * instance and merged so that it equals what one unpartitioned instance would answer: each instance
 * returns its first `first` after the cursor, in the same order; the first `first` of their union is
 * the page, whose last id is the cursor every instance continues from. The router asks each instance
 * for the ids of the page's nodes and its pageInfo under names of its own, beside what the client
 * selected, and removes them again.
 */
const IDS = '__router_ids';
const PAGE = '__router_page';

const responseKey = (f: FieldNode) => f.alias?.value ?? f.name.value;
const field = (name: string, alias: string, selections?: readonly SelectionNode[]): FieldNode => ({
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: alias },
  name: { kind: Kind.NAME, value: name },
  ...(selections ? { selectionSet: { kind: Kind.SELECTION_SET, selections } } : {}),
});

/** The operation each instance answers: the client's, with the ids and page facts the merge needs. */
export function withMergeFields(operation: OperationDefinitionNode): OperationDefinitionNode {
  return {
    ...operation,
    selectionSet: {
      ...operation.selectionSet,
      selections: operation.selectionSet.selections.map((s) =>
        s.kind !== Kind.FIELD
          ? s
          : {
              ...s,
              selectionSet: {
                kind: Kind.SELECTION_SET,
                selections: [
                  ...(s.selectionSet?.selections ?? []),
                  field('nodes', IDS, [field('id', 'id')]),
                  field('pageInfo', PAGE, [field('hasNextPage', 'hasNextPage')]),
                ],
              },
            },
      ),
    },
  };
}

interface Connection {
  [key: string]: unknown;
  [IDS]?: { id: string }[];
  [PAGE]?: { hasNextPage: boolean };
}

/** Every root field's page merged from the instances' answers (those that answered). */
export function mergePages(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  answers: (Record<string, unknown> | null | undefined)[],
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const f of operation.selectionSet.selections) {
    if (f.kind !== Kind.FIELD) continue;
    const key = responseKey(f);
    const firstArg = f.arguments?.find((a) => a.name.value === 'first');
    // an omitted variable leaves `first` to its default, as the instances read it
    const limit = Number((firstArg ? valueFromASTUntyped(firstArg.value, variables) : null) ?? DEFAULT_PAGE_SIZE);
    const pages = answers.map((a) => a?.[key] as Connection | null | undefined).filter((p): p is Connection => !!p);
    const selected = (f.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD);
    const entries = pages.flatMap((page) => {
      const ids = page[IDS] ?? [];
      const nodesKeys = selected.filter((s) => s.name.value === 'nodes').map(responseKey);
      return ids.map((n, i) => ({ id: n.id, nodes: Object.fromEntries(nodesKeys.map((k) => [k, (page[k] as unknown[])[i]])) }));
    });
    entries.sort((a, b) => compareNewestFirst(a.id, b.id));
    const taken = entries.slice(0, limit);
    const hasNextPage = entries.length > limit || pages.some((p) => p[PAGE]?.hasNextPage === true);
    const endCursor = taken.length > 0 ? encodeCursor(taken.at(-1)!.id) : null;
    const out: Record<string, unknown> = {};
    for (const s of selected) {
      const k = responseKey(s);
      if (s.name.value === 'nodes') out[k] = taken.map((e) => e.nodes[k]);
      else if (s.name.value === 'pageInfo') {
        out[k] = Object.fromEntries(
          (s.selectionSet?.selections ?? [])
            .filter((p): p is FieldNode => p.kind === Kind.FIELD)
            .map((p) => [responseKey(p), p.name.value === 'hasNextPage' ? hasNextPage : p.name.value === 'endCursor' ? endCursor : 'PageInfo']),
        );
      } else if (s.name.value === '__typename') out[k] = pages[0]?.[k] ?? null;
    }
    data[key] = pages.length > 0 ? out : null;
  }
  return data;
}
