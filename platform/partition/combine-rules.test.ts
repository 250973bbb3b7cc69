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

// Published cells and their spread: a sketch of a breakdown, changed one way at a time.
const cells = (groups: string, gaps = 'gaps: [Gap!]! @combine(spread: "groups", key: "name")', cell = 'suppressed: Boolean!') => `
  directive @combine(sum: Boolean, ratio: [String!], per: [String!], rows: String, orderBy: [String!], every: String, suppress: String, spread: String, key: String) on FIELD_DEFINITION
  directive @inaccessible on FIELD_DEFINITION | ARGUMENT_DEFINITION
  enum Measure { SHARE }
  type Cell { name: String! ${cell} people: Int @combine(sum: true) part: Int @combine(sum: true) share: Float @combine(ratio: ["part"], per: ["people"]) }
  type Gap { measure: Measure! highest: String highestValue: Float }
  type Breakdown { ${groups} ${gaps} }
  type Query { breakdown: Breakdown }
`;
const cellProblems = (text: string) => checkCombineRules(buildSchema(text), combineRules(parse(text)), ['Query.breakdown']);
const GROUPS = 'groups(all: Boolean = false @inaccessible): [Cell!]! @combine(rows: "name", every: "all", suppress: "people")';

describe('@combine(suppress) and @combine(spread) as schema:check reads them', () => {
  it('accepts suppressed rows with a Boolean suppressed, and a spread whose measures name number fields', () => {
    expect(cellProblems(cells(GROUPS))).toEqual([]);
  });
  it('refuses suppression without the argument that asks an instance for its rows unsuppressed', () => {
    expect(() => cellProblems(cells('groups: [Cell!]! @combine(rows: "name", suppress: "people")'))).toThrow(/limit, positive or suppress needs every/);
  });
  it('refuses rows without a suppressed flag, and a measure that names no number field', () => {
    expect(cellProblems(cells(GROUPS, undefined, 'hidden: Boolean!'))).toEqual([
      'Breakdown.groups: @combine suppress "people" needs that field and a Boolean suppressed in Cell',
    ]);
    expect(cellProblems(cells(GROUPS).replace('enum Measure { SHARE }', 'enum Measure { SHARE RATE }'))).toEqual([
      'Breakdown.gaps: @combine spread measure RATE names no number field rate of Cell',
    ]);
    expect(cellProblems(cells(GROUPS, 'gaps: [Gap!]! @combine(spread: "rows", key: "name")'))).toEqual([
      'Breakdown.gaps: @combine spread "rows" is no list of objects of Breakdown',
    ]);
  });
});
