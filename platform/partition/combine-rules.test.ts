import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { checkCombineRules, combineRules } from './combine-rules.js';

// The page rule's orders as schema:check reads them: a sketch of a partitioned list, changed one way at a time.
const sdl = (list: string, connection = 'totalCount: Int! @combine(sum: true)', order = 'NEWEST_FIRST OLDEST_FIRST DUE_SOONEST') => `
  directive @combine(sum: Boolean, page: String, pageBy: String) on FIELD_DEFINITION
  enum Order { ${order} }
  type Item { id: ID! dueDate: String }
  type PageInfo { hasNextPage: Boolean! }
  type ItemConnection { nodes: [Item!]! pageInfo: PageInfo! ${connection} }
  type Query { ${list} }
`;
const problems = (text: string) => checkCombineRules(buildSchema(text), combineRules(parse(text)), ['Query.items']);

describe('@combine(page, pageBy) as schema:check reads it', () => {
  it('accepts a list whose order argument names orders the router knows, defaulting to the page order', () => {
    expect(problems(sdl('items(orderBy: Order = NEWEST_FIRST): ItemConnection! @combine(page: "NEWEST_FIRST", pageBy: "orderBy")'))).toEqual([]);
  });

  it("refuses a connection's number without a rule: totalCount must say it is summed", () => {
    expect(problems(sdl('items: ItemConnection! @combine(page: "NEWEST_FIRST")', 'totalCount: Int!'))).toEqual([
      'ItemConnection.totalCount: a number several instances answer needs @combine(sum: true) or @combine(ratio: …, per: …)',
    ]);
  });

  it('refuses an order the router does not know, another default, a missing argument, a sort key the node lacks', () => {
    expect(
      problems(
        sdl('items(orderBy: Order = NEWEST_FIRST): ItemConnection! @combine(page: "NEWEST_FIRST", pageBy: "orderBy")', undefined, 'NEWEST_FIRST BY_NAME'),
      ),
    ).toEqual(['Query.items: @combine pageBy "orderBy": BY_NAME is no order the router knows (NEWEST_FIRST, OLDEST_FIRST, ID, DUE_SOONEST)']);
    expect(problems(sdl('items(orderBy: Order = OLDEST_FIRST): ItemConnection! @combine(page: "NEWEST_FIRST", pageBy: "orderBy")'))).toEqual([
      'Query.items: @combine pageBy "orderBy" must default to the page order NEWEST_FIRST',
    ]);
    expect(problems(sdl('items: ItemConnection! @combine(page: "NEWEST_FIRST", pageBy: "orderBy")'))).toEqual([
      'Query.items: @combine pageBy "orderBy" is no enum argument of the field',
    ]);
    const noDueDate = sdl('items(orderBy: Order = NEWEST_FIRST): ItemConnection! @combine(page: "NEWEST_FIRST", pageBy: "orderBy")').replace(
      ' dueDate: String',
      '',
    );
    expect(problems(noDueDate)).toEqual(['Query.items: @combine page order DUE_SOONEST reads dueDate, which Item has not']);
  });

  it('refuses a page order it does not know', () => {
    expect(() => problems(sdl('items: ItemConnection! @combine(page: "BY_NAME")'))).toThrow(/page: NEWEST_FIRST \| OLDEST_FIRST \| ID \| DUE_SOONEST/);
  });
});
