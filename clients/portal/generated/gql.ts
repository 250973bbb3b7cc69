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
    "query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    mayWithdraw\n    channel\n    dueDate\n    overdue\n    inPersonVisits\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      handler\n      note\n    }\n    materials {\n      name\n      required\n      certificateType\n      mustSubmit\n      satisfiedBy {\n        id\n        trustGrade\n      }\n    }\n    dataRuns {\n      material\n      certificateType\n      number\n      usedOn\n      heldAtSubmission\n    }\n    evaluation {\n      level\n      comment\n    }\n  }\n}": typeof types.CasePageDocument,
    "subscription CaseProgress($id: ID) {\n  caseProgress(id: $id) {\n    id\n    status\n    allowedActions\n    dueDate\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      handler\n      note\n    }\n  }\n}": typeof types.CaseProgressDocument,
    "query MyCases($status: CaseStatus, $orderBy: CaseOrder, $first: Int, $after: String, $last: Int, $before: String) {\n  cases(\n    status: $status\n    orderBy: $orderBy\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        code\n        name\n      }\n      region {\n        fullName\n      }\n      department {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n      hasPreviousPage\n      startCursor\n    }\n  }\n}": typeof types.MyCasesDocument,
    "query MyHousehold {\n  me {\n    person {\n      household {\n        id\n        address\n        members {\n          relation\n          person {\n            id\n            name\n            gender\n            birthDate\n          }\n        }\n      }\n    }\n  }\n}": typeof types.MyHouseholdDocument,
    "query MyRepresentative {\n  me {\n    enterprise {\n      creditCode\n      name\n      legalRepresentative {\n        id\n        name\n      }\n    }\n  }\n}": typeof types.MyRepresentativeDocument,
    "query RegionServices($code: DivisionCode!) {\n  region(code: $code) {\n    code\n    fullName\n    implementations {\n      code\n      promisedLimitDays\n      item {\n        code\n        name\n        fullyOnline\n        inPersonVisits\n      }\n      department {\n        name\n        level\n      }\n    }\n  }\n}": typeof types.RegionServicesDocument,
    "query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {\n  serviceItems(\n    region: $region\n    search: $search\n    fullyOnline: $fullyOnline\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      code\n      name\n      type\n      promisedLimitDays\n      inPersonVisits\n      materials {\n        name\n        required\n        certificateType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ServiceSearchDocument,
    "mutation WithdrawCase($id: ID!, $reason: String!, $channel: Channel, $idempotencyKey: String) {\n  withdrawCase(\n    id: $id\n    reason: $reason\n    channel: $channel\n    idempotencyKey: $idempotencyKey\n  ) {\n    __typename\n    ... on Case {\n      id\n      status\n      mayWithdraw\n      events {\n        time\n        status\n        channel\n        handler\n        note\n      }\n    }\n    ... on MutationProblem {\n      code\n      message\n    }\n    ... on IllegalTransition {\n      status\n      case {\n        id\n        status\n        mayWithdraw\n      }\n    }\n  }\n}": typeof types.WithdrawCaseDocument,
};
const documents: Documents = {
    "query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    mayWithdraw\n    channel\n    dueDate\n    overdue\n    inPersonVisits\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      handler\n      note\n    }\n    materials {\n      name\n      required\n      certificateType\n      mustSubmit\n      satisfiedBy {\n        id\n        trustGrade\n      }\n    }\n    dataRuns {\n      material\n      certificateType\n      number\n      usedOn\n      heldAtSubmission\n    }\n    evaluation {\n      level\n      comment\n    }\n  }\n}": types.CasePageDocument,
    "subscription CaseProgress($id: ID) {\n  caseProgress(id: $id) {\n    id\n    status\n    allowedActions\n    dueDate\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      handler\n      note\n    }\n  }\n}": types.CaseProgressDocument,
    "query MyCases($status: CaseStatus, $orderBy: CaseOrder, $first: Int, $after: String, $last: Int, $before: String) {\n  cases(\n    status: $status\n    orderBy: $orderBy\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        code\n        name\n      }\n      region {\n        fullName\n      }\n      department {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n      hasPreviousPage\n      startCursor\n    }\n  }\n}": types.MyCasesDocument,
    "query MyHousehold {\n  me {\n    person {\n      household {\n        id\n        address\n        members {\n          relation\n          person {\n            id\n            name\n            gender\n            birthDate\n          }\n        }\n      }\n    }\n  }\n}": types.MyHouseholdDocument,
    "query MyRepresentative {\n  me {\n    enterprise {\n      creditCode\n      name\n      legalRepresentative {\n        id\n        name\n      }\n    }\n  }\n}": types.MyRepresentativeDocument,
    "query RegionServices($code: DivisionCode!) {\n  region(code: $code) {\n    code\n    fullName\n    implementations {\n      code\n      promisedLimitDays\n      item {\n        code\n        name\n        fullyOnline\n        inPersonVisits\n      }\n      department {\n        name\n        level\n      }\n    }\n  }\n}": types.RegionServicesDocument,
    "query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {\n  serviceItems(\n    region: $region\n    search: $search\n    fullyOnline: $fullyOnline\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      code\n      name\n      type\n      promisedLimitDays\n      inPersonVisits\n      materials {\n        name\n        required\n        certificateType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ServiceSearchDocument,
    "mutation WithdrawCase($id: ID!, $reason: String!, $channel: Channel, $idempotencyKey: String) {\n  withdrawCase(\n    id: $id\n    reason: $reason\n    channel: $channel\n    idempotencyKey: $idempotencyKey\n  ) {\n    __typename\n    ... on Case {\n      id\n      status\n      mayWithdraw\n      events {\n        time\n        status\n        channel\n        handler\n        note\n      }\n    }\n    ... on MutationProblem {\n      code\n      message\n    }\n    ... on IllegalTransition {\n      status\n      case {\n        id\n        status\n        mayWithdraw\n      }\n    }\n  }\n}": types.WithdrawCaseDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CasePage($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    mayWithdraw\n    channel\n    dueDate\n    overdue\n    inPersonVisits\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      handler\n      note\n    }\n    materials {\n      name\n      required\n      certificateType\n      mustSubmit\n      satisfiedBy {\n        id\n        trustGrade\n      }\n    }\n    dataRuns {\n      material\n      certificateType\n      number\n      usedOn\n      heldAtSubmission\n    }\n    evaluation {\n      level\n      comment\n    }\n  }\n}"): typeof import('./graphql.js').CasePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription CaseProgress($id: ID) {\n  caseProgress(id: $id) {\n    id\n    status\n    allowedActions\n    dueDate\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      handler\n      note\n    }\n  }\n}"): typeof import('./graphql.js').CaseProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyCases($status: CaseStatus, $orderBy: CaseOrder, $first: Int, $after: String, $last: Int, $before: String) {\n  cases(\n    status: $status\n    orderBy: $orderBy\n    first: $first\n    after: $after\n    last: $last\n    before: $before\n  ) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        code\n        name\n      }\n      region {\n        fullName\n      }\n      department {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n      hasPreviousPage\n      startCursor\n    }\n  }\n}"): typeof import('./graphql.js').MyCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyHousehold {\n  me {\n    person {\n      household {\n        id\n        address\n        members {\n          relation\n          person {\n            id\n            name\n            gender\n            birthDate\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').MyHouseholdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRepresentative {\n  me {\n    enterprise {\n      creditCode\n      name\n      legalRepresentative {\n        id\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql.js').MyRepresentativeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RegionServices($code: DivisionCode!) {\n  region(code: $code) {\n    code\n    fullName\n    implementations {\n      code\n      promisedLimitDays\n      item {\n        code\n        name\n        fullyOnline\n        inPersonVisits\n      }\n      department {\n        name\n        level\n      }\n    }\n  }\n}"): typeof import('./graphql.js').RegionServicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ServiceSearch($region: DivisionCode, $search: String, $fullyOnline: Boolean, $first: Int, $after: String) {\n  serviceItems(\n    region: $region\n    search: $search\n    fullyOnline: $fullyOnline\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      code\n      name\n      type\n      promisedLimitDays\n      inPersonVisits\n      materials {\n        name\n        required\n        certificateType\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').ServiceSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WithdrawCase($id: ID!, $reason: String!, $channel: Channel, $idempotencyKey: String) {\n  withdrawCase(\n    id: $id\n    reason: $reason\n    channel: $channel\n    idempotencyKey: $idempotencyKey\n  ) {\n    __typename\n    ... on Case {\n      id\n      status\n      mayWithdraw\n      events {\n        time\n        status\n        channel\n        handler\n        note\n      }\n    }\n    ... on MutationProblem {\n      code\n      message\n    }\n    ... on IllegalTransition {\n      status\n      case {\n        id\n        status\n        mayWithdraw\n      }\n    }\n  }\n}"): typeof import('./graphql.js').WithdrawCaseDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
