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
    "query ConsoleAccessLog($subjectId: String, $callerSubject: String, $department: String, $withheld: Boolean, $from: String, $to: String, $first: Int, $after: String) {\n  accessLog(\n    subjectId: $subjectId\n    callerSubject: $callerSubject\n    department: $department\n    withheld: $withheld\n    from: $from\n    to: $to\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      seq\n      at\n      department\n      instance\n      caller {\n        role\n        subject\n        department\n      }\n      purpose\n      subjectKind\n      subjectId\n      fields\n      categories\n      withheld\n      withheldBy\n      withheldUntil\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ConsoleAccessLogDocument,
    "query ConsoleCase($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    channel\n    submittedOn\n    dueDate\n    overdue\n    inPersonVisits\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}": typeof types.ConsoleCaseDocument,
    "subscription ConsoleCaseProgress($id: ID) {\n  caseProgress(id: $id) {\n    id\n    status\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}": typeof types.ConsoleCaseProgressDocument,
    "query ConsoleCaseTrend($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    caseFigures(from: $from, to: $to) {\n      total\n      overdue\n      onlineShare\n    }\n  }\n}": typeof types.ConsoleCaseTrendDocument,
    "query ConsoleDemandTrend($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    demandTrend(from: $from, to: $to, interval: MONTH) {\n      start\n      end\n      received\n    }\n  }\n}": typeof types.ConsoleDemandTrendDocument,
    "query ConsoleDigitalDivide($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    digitalDivide(from: $from, to: $to) {\n      byAgeBand {\n        ...ConsoleBreakdown\n      }\n      byResidence {\n        ...ConsoleBreakdown\n      }\n      byEconomicRegion {\n        ...ConsoleBreakdown\n      }\n    }\n  }\n}\n\nfragment ConsoleBreakdown on DivideBreakdown {\n  groups {\n    group\n    suppressed\n    applicants\n    cases\n    onlineShare\n    fullyOnlineShare\n    agentAssistedShare\n    visitsPerCase\n  }\n  gaps {\n    measure\n    highest\n    lowest\n    difference\n  }\n}": typeof types.ConsoleDigitalDivideDocument,
    "query ConsoleDivision($code: DivisionCode!) {\n  region(code: $code) {\n    code\n    name\n    level\n    fullName\n    ancestors {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}": typeof types.ConsoleDivisionDocument,
    "query ConsoleMe {\n  me {\n    role\n    subject\n    scopes\n    agency {\n      name\n    }\n  }\n}": typeof types.ConsoleMeDocument,
    "query ConsoleMyCases($first: Int, $after: String) {\n  cases(first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        name\n      }\n      department {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ConsoleMyCasesDocument,
    "query ConsoleMyDataAccesses($first: Int, $after: String) {\n  myDataAccesses(first: $first, after: $after) {\n    nodes {\n      at\n      department\n      instance\n      purpose\n      purposeText\n      callerRole\n      callerDepartment\n      categories\n      fields\n      withheld\n      withheldUntil\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.ConsoleMyDataAccessesDocument,
    "query ConsoleProvinces($from: Date!, $to: Date!) {\n  regions(level: PROVINCE, first: 40) {\n    nodes {\n      code\n      name\n      caseFigures(from: $from, to: $to) {\n        total\n        onlineShare\n        onTimeRate\n      }\n      satisfaction(from: $from, to: $to) {\n        satisfactionRate\n      }\n      demand(from: $from, to: $to) {\n        received\n      }\n    }\n  }\n}": typeof types.ConsoleProvincesDocument,
    "query ConsoleRegionDashboard($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    fullName\n    caseFigures(from: $from, to: $to) {\n      total\n      overdue\n      onTimeRate\n      averageWorkingDays\n      online\n      onlineShare\n      inHall\n      inHallShare\n      agentAssisted\n      agentAssistedShare\n      fullyOnline\n      fullyOnlineShare\n      inPersonVisits\n      visitsPerCase\n      overPromisedVisits\n      overPromisedVisitsShare\n      materialsReplaced\n      casesWithCertificates\n      tripsSaved\n    }\n    satisfaction(from: $from, to: $to) {\n      evaluations\n      satisfactionRate\n      badReviews\n      rectified\n      overdueRectifications\n      byLevel {\n        level\n        count\n      }\n    }\n    demand(from: $from, to: $to) {\n      received\n      byCategory {\n        category\n        name\n        count\n      }\n    }\n    mostOverdueItems(from: $from, to: $to, first: 5) {\n      overdueCases\n      totalCases\n      item {\n        code\n        name\n      }\n    }\n  }\n}": typeof types.ConsoleRegionDashboardDocument,
    "query ConsoleSupplyFirst($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    supplyPlan(from: $from, to: $to) {\n      unscoredItems\n      items(first: 10) {\n        rank\n        item {\n          code\n          name\n        }\n        score\n        cases\n        parts {\n          factor\n          value\n          basis\n          contribution\n        }\n      }\n    }\n  }\n}": typeof types.ConsoleSupplyFirstDocument,
    "query ConsoleVerifyChain {\n  verifyAccessLog {\n    ok\n    entries\n    headSeq\n    headHash\n    seconds\n    firstBad {\n      seq\n      problem\n      detail\n    }\n  }\n}": typeof types.ConsoleVerifyChainDocument,
};
const documents: Documents = {
    "query ConsoleAccessLog($subjectId: String, $callerSubject: String, $department: String, $withheld: Boolean, $from: String, $to: String, $first: Int, $after: String) {\n  accessLog(\n    subjectId: $subjectId\n    callerSubject: $callerSubject\n    department: $department\n    withheld: $withheld\n    from: $from\n    to: $to\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      seq\n      at\n      department\n      instance\n      caller {\n        role\n        subject\n        department\n      }\n      purpose\n      subjectKind\n      subjectId\n      fields\n      categories\n      withheld\n      withheldBy\n      withheldUntil\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ConsoleAccessLogDocument,
    "query ConsoleCase($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    channel\n    submittedOn\n    dueDate\n    overdue\n    inPersonVisits\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}": types.ConsoleCaseDocument,
    "subscription ConsoleCaseProgress($id: ID) {\n  caseProgress(id: $id) {\n    id\n    status\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}": types.ConsoleCaseProgressDocument,
    "query ConsoleCaseTrend($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    caseFigures(from: $from, to: $to) {\n      total\n      overdue\n      onlineShare\n    }\n  }\n}": types.ConsoleCaseTrendDocument,
    "query ConsoleDemandTrend($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    demandTrend(from: $from, to: $to, interval: MONTH) {\n      start\n      end\n      received\n    }\n  }\n}": types.ConsoleDemandTrendDocument,
    "query ConsoleDigitalDivide($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    digitalDivide(from: $from, to: $to) {\n      byAgeBand {\n        ...ConsoleBreakdown\n      }\n      byResidence {\n        ...ConsoleBreakdown\n      }\n      byEconomicRegion {\n        ...ConsoleBreakdown\n      }\n    }\n  }\n}\n\nfragment ConsoleBreakdown on DivideBreakdown {\n  groups {\n    group\n    suppressed\n    applicants\n    cases\n    onlineShare\n    fullyOnlineShare\n    agentAssistedShare\n    visitsPerCase\n  }\n  gaps {\n    measure\n    highest\n    lowest\n    difference\n  }\n}": types.ConsoleDigitalDivideDocument,
    "query ConsoleDivision($code: DivisionCode!) {\n  region(code: $code) {\n    code\n    name\n    level\n    fullName\n    ancestors {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}": types.ConsoleDivisionDocument,
    "query ConsoleMe {\n  me {\n    role\n    subject\n    scopes\n    agency {\n      name\n    }\n  }\n}": types.ConsoleMeDocument,
    "query ConsoleMyCases($first: Int, $after: String) {\n  cases(first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        name\n      }\n      department {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ConsoleMyCasesDocument,
    "query ConsoleMyDataAccesses($first: Int, $after: String) {\n  myDataAccesses(first: $first, after: $after) {\n    nodes {\n      at\n      department\n      instance\n      purpose\n      purposeText\n      callerRole\n      callerDepartment\n      categories\n      fields\n      withheld\n      withheldUntil\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.ConsoleMyDataAccessesDocument,
    "query ConsoleProvinces($from: Date!, $to: Date!) {\n  regions(level: PROVINCE, first: 40) {\n    nodes {\n      code\n      name\n      caseFigures(from: $from, to: $to) {\n        total\n        onlineShare\n        onTimeRate\n      }\n      satisfaction(from: $from, to: $to) {\n        satisfactionRate\n      }\n      demand(from: $from, to: $to) {\n        received\n      }\n    }\n  }\n}": types.ConsoleProvincesDocument,
    "query ConsoleRegionDashboard($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    fullName\n    caseFigures(from: $from, to: $to) {\n      total\n      overdue\n      onTimeRate\n      averageWorkingDays\n      online\n      onlineShare\n      inHall\n      inHallShare\n      agentAssisted\n      agentAssistedShare\n      fullyOnline\n      fullyOnlineShare\n      inPersonVisits\n      visitsPerCase\n      overPromisedVisits\n      overPromisedVisitsShare\n      materialsReplaced\n      casesWithCertificates\n      tripsSaved\n    }\n    satisfaction(from: $from, to: $to) {\n      evaluations\n      satisfactionRate\n      badReviews\n      rectified\n      overdueRectifications\n      byLevel {\n        level\n        count\n      }\n    }\n    demand(from: $from, to: $to) {\n      received\n      byCategory {\n        category\n        name\n        count\n      }\n    }\n    mostOverdueItems(from: $from, to: $to, first: 5) {\n      overdueCases\n      totalCases\n      item {\n        code\n        name\n      }\n    }\n  }\n}": types.ConsoleRegionDashboardDocument,
    "query ConsoleSupplyFirst($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    supplyPlan(from: $from, to: $to) {\n      unscoredItems\n      items(first: 10) {\n        rank\n        item {\n          code\n          name\n        }\n        score\n        cases\n        parts {\n          factor\n          value\n          basis\n          contribution\n        }\n      }\n    }\n  }\n}": types.ConsoleSupplyFirstDocument,
    "query ConsoleVerifyChain {\n  verifyAccessLog {\n    ok\n    entries\n    headSeq\n    headHash\n    seconds\n    firstBad {\n      seq\n      problem\n      detail\n    }\n  }\n}": types.ConsoleVerifyChainDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleAccessLog($subjectId: String, $callerSubject: String, $department: String, $withheld: Boolean, $from: String, $to: String, $first: Int, $after: String) {\n  accessLog(\n    subjectId: $subjectId\n    callerSubject: $callerSubject\n    department: $department\n    withheld: $withheld\n    from: $from\n    to: $to\n    first: $first\n    after: $after\n  ) {\n    nodes {\n      seq\n      at\n      department\n      instance\n      caller {\n        role\n        subject\n        department\n      }\n      purpose\n      subjectKind\n      subjectId\n      fields\n      categories\n      withheld\n      withheldBy\n      withheldUntil\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleAccessLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleCase($id: ID!) {\n  case(id: $id) {\n    id\n    status\n    channel\n    submittedOn\n    dueDate\n    overdue\n    inPersonVisits\n    item {\n      name\n    }\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleCaseDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription ConsoleCaseProgress($id: ID) {\n  caseProgress(id: $id) {\n    id\n    status\n    events {\n      time\n      status\n      channel\n      note\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleCaseProgressDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleCaseTrend($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    caseFigures(from: $from, to: $to) {\n      total\n      overdue\n      onlineShare\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleCaseTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDemandTrend($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    demandTrend(from: $from, to: $to, interval: MONTH) {\n      start\n      end\n      received\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleDemandTrendDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDigitalDivide($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    digitalDivide(from: $from, to: $to) {\n      byAgeBand {\n        ...ConsoleBreakdown\n      }\n      byResidence {\n        ...ConsoleBreakdown\n      }\n      byEconomicRegion {\n        ...ConsoleBreakdown\n      }\n    }\n  }\n}\n\nfragment ConsoleBreakdown on DivideBreakdown {\n  groups {\n    group\n    suppressed\n    applicants\n    cases\n    onlineShare\n    fullyOnlineShare\n    agentAssistedShare\n    visitsPerCase\n  }\n  gaps {\n    measure\n    highest\n    lowest\n    difference\n  }\n}"): typeof import('./graphql.js').ConsoleDigitalDivideDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDivision($code: DivisionCode!) {\n  region(code: $code) {\n    code\n    name\n    level\n    fullName\n    ancestors {\n      code\n      name\n    }\n    children {\n      code\n      name\n      level\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleDivisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleMe {\n  me {\n    role\n    subject\n    scopes\n    agency {\n      name\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleMyCases($first: Int, $after: String) {\n  cases(first: $first, after: $after) {\n    totalCount\n    nodes {\n      id\n      status\n      submittedOn\n      dueDate\n      overdue\n      item {\n        name\n      }\n      department {\n        name\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleMyCasesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleMyDataAccesses($first: Int, $after: String) {\n  myDataAccesses(first: $first, after: $after) {\n    nodes {\n      at\n      department\n      instance\n      purpose\n      purposeText\n      callerRole\n      callerDepartment\n      categories\n      fields\n      withheld\n      withheldUntil\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleMyDataAccessesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleProvinces($from: Date!, $to: Date!) {\n  regions(level: PROVINCE, first: 40) {\n    nodes {\n      code\n      name\n      caseFigures(from: $from, to: $to) {\n        total\n        onlineShare\n        onTimeRate\n      }\n      satisfaction(from: $from, to: $to) {\n        satisfactionRate\n      }\n      demand(from: $from, to: $to) {\n        received\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleProvincesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleRegionDashboard($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    fullName\n    caseFigures(from: $from, to: $to) {\n      total\n      overdue\n      onTimeRate\n      averageWorkingDays\n      online\n      onlineShare\n      inHall\n      inHallShare\n      agentAssisted\n      agentAssistedShare\n      fullyOnline\n      fullyOnlineShare\n      inPersonVisits\n      visitsPerCase\n      overPromisedVisits\n      overPromisedVisitsShare\n      materialsReplaced\n      casesWithCertificates\n      tripsSaved\n    }\n    satisfaction(from: $from, to: $to) {\n      evaluations\n      satisfactionRate\n      badReviews\n      rectified\n      overdueRectifications\n      byLevel {\n        level\n        count\n      }\n    }\n    demand(from: $from, to: $to) {\n      received\n      byCategory {\n        category\n        name\n        count\n      }\n    }\n    mostOverdueItems(from: $from, to: $to, first: 5) {\n      overdueCases\n      totalCases\n      item {\n        code\n        name\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleRegionDashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleSupplyFirst($code: DivisionCode!, $from: Date!, $to: Date!) {\n  region(code: $code) {\n    code\n    supplyPlan(from: $from, to: $to) {\n      unscoredItems\n      items(first: 10) {\n        rank\n        item {\n          code\n          name\n        }\n        score\n        cases\n        parts {\n          factor\n          value\n          basis\n          contribution\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleSupplyFirstDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleVerifyChain {\n  verifyAccessLog {\n    ok\n    entries\n    headSeq\n    headHash\n    seconds\n    firstBad {\n      seq\n      problem\n      detail\n    }\n  }\n}"): typeof import('./graphql.js').ConsoleVerifyChainDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
