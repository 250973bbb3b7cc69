/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "subscription AgencyCaseProgress {\n  caseProgress {\n    id\n    status\n    allowedActions\n    dueDate\n    overdue\n    item {\n      name\n    }\n    channel\n  }\n}": typeof types.AgencyCaseProgressDocument,
    "query HallCase($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    channel\n    allowedActions\n    submittedOn\n    dueDate\n    overdue\n    item {\n      code\n      name\n      inPersonVisits\n    }\n    department {\n      code\n      name\n    }\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}": typeof types.HallCaseDocument,
    "query HallQueue($region: DivisionCode!, $status: CaseStatus!, $first: Int, $after: String) {\n  cases(\n    region: $region\n    status: $status\n    orderBy: DUE_SOONEST\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.HallQueueDocument,
    "query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {\n  serviceItems(\n    region: $region\n    search: $search\n    fullyOnline: $fullyOnline\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      code\n      name\n      type\n      promisedLimitDays\n      inPersonVisits\n      materials {\n        name\n        required\n        certificateType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ServiceSearchDocument,
};
const documents: Documents = {
    "subscription AgencyCaseProgress {\n  caseProgress {\n    id\n    status\n    allowedActions\n    dueDate\n    overdue\n    item {\n      name\n    }\n    channel\n  }\n}": types.AgencyCaseProgressDocument,
    "query HallCase($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    channel\n    allowedActions\n    submittedOn\n    dueDate\n    overdue\n    item {\n      code\n      name\n      inPersonVisits\n    }\n    department {\n      code\n      name\n    }\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}": types.HallCaseDocument,
    "query HallQueue($region: DivisionCode!, $status: CaseStatus!, $first: Int, $after: String) {\n  cases(\n    region: $region\n    status: $status\n    orderBy: DUE_SOONEST\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.HallQueueDocument,
    "query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {\n  serviceItems(\n    region: $region\n    search: $search\n    fullyOnline: $fullyOnline\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      code\n      name\n      type\n      promisedLimitDays\n      inPersonVisits\n      materials {\n        name\n        required\n        certificateType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ServiceSearchDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AgencyCaseProgress {\n  caseProgress {\n    id\n    status\n    allowedActions\n    dueDate\n    overdue\n    item {\n      name\n    }\n    channel\n  }\n}"): typeof import('./graphql.js').AgencyCaseProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HallCase($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    channel\n    allowedActions\n    submittedOn\n    dueDate\n    overdue\n    item {\n      code\n      name\n      inPersonVisits\n    }\n    department {\n      code\n      name\n    }\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}"): typeof import('./graphql.js').HallCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HallQueue($region: DivisionCode!, $status: CaseStatus!, $first: Int, $after: String) {\n  cases(\n    region: $region\n    status: $status\n    orderBy: DUE_SOONEST\n    first: $first\n    after: $after\n  ) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        code\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').HallQueueDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {\n  serviceItems(\n    region: $region\n    search: $search\n    fullyOnline: $fullyOnline\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      code\n      name\n      type\n      promisedLimitDays\n      inPersonVisits\n      materials {\n        name\n        required\n        certificateType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').ServiceSearchDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
