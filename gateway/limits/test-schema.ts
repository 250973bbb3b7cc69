/** A small schema for the limits tests: lists, a connection with a default page size, an interface. */
export const TEST_SDL = /* GraphQL */ `
  interface Node {
    id: ID!
  }
  type User implements Node {
    id: ID!
    name: String!
    secret: String
    tags: [String!]!
    friends(first: Int): [User!]!
    orders(first: Int = 10, after: String): OrderConnection!
  }
  type Order implements Node {
    id: ID!
    total: Int!
    items(limit: Int): [Item!]!
  }
  type Item {
    sku: String!
  }
  type OrderConnection {
    nodes: [Order!]!
    pageInfo: PageInfo!
  }
  type PageInfo {
    hasNextPage: Boolean!
  }
  union Thing = User | Order
  "A bulk read paged by rows, returning no list of objects (like the audit log's export)."
  type Export {
    lines: String!
    count: Int!
  }
  type Query {
    me: User
    users(first: Int, last: Int): [User!]!
    node(id: ID!): Node
    things(first: Int): [Thing!]!
    export(first: Int = 1000): Export!
  }
`;
