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
    "query RegionAppeals($region: DivisionCode!, $status: AppealStatus, $overdue: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  appeals(\n    region: $region\n    status: $status\n    overdue: $overdue\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    nodes {\n      id\n      kind\n      category\n      status\n      text\n      receivedOn\n      deadline\n      anonymous\n      region {\n        fullName\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n      hasPreviousPage\n      startCursor\n    }\n  }\n}": typeof types.RegionAppealsDocument,
    "mutation RegisterAppeal($input: RegisterAppealInput!, $idempotencyKey: String) {\n  registerAppeal(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    kind\n    category\n    status\n    receivedOn\n    deadline\n    region {\n      fullName\n    }\n  }\n}": typeof types.RegisterAppealDocument,
};
const documents: Documents = {
    "query RegionAppeals($region: DivisionCode!, $status: AppealStatus, $overdue: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  appeals(\n    region: $region\n    status: $status\n    overdue: $overdue\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    nodes {\n      id\n      kind\n      category\n      status\n      text\n      receivedOn\n      deadline\n      anonymous\n      region {\n        fullName\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n      hasPreviousPage\n      startCursor\n    }\n  }\n}": types.RegionAppealsDocument,
    "mutation RegisterAppeal($input: RegisterAppealInput!, $idempotencyKey: String) {\n  registerAppeal(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    kind\n    category\n    status\n    receivedOn\n    deadline\n    region {\n      fullName\n    }\n  }\n}": types.RegisterAppealDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionAppeals($region: DivisionCode!, $status: AppealStatus, $overdue: Boolean, $first: Int, $after: String, $last: Int, $before: String) {\n  appeals(\n    region: $region\n    status: $status\n    overdue: $overdue\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    nodes {\n      id\n      kind\n      category\n      status\n      text\n      receivedOn\n      deadline\n      anonymous\n      region {\n        fullName\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n      hasPreviousPage\n      startCursor\n    }\n  }\n}"): typeof import('./graphql.js').RegionAppealsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RegisterAppeal($input: RegisterAppealInput!, $idempotencyKey: String) {\n  registerAppeal(input: $input, idempotencyKey: $idempotencyKey) {\n    id\n    kind\n    category\n    status\n    receivedOn\n    deadline\n    region {\n      fullName\n    }\n  }\n}"): typeof import('./graphql.js').RegisterAppealDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
