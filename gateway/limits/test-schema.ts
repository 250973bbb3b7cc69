/** A small schema for the limits tests: lists, a connection with a default page size, an interface. */
export const TEST_SDL = /* GraphQL */ `
  interface Node { id: ID! }
  type User implements Node {
    id: ID!
    name: String!
    secret: String
    tags: [String!]!
    friends(first: Int): [User!]!
    orders(first: Int = 10, after: String): OrderConnection!
  }
  type Order implements Node { id: ID! total: Int! items(limit: Int): [Item!]! }
  type Item { sku: String! }
  type OrderConnection { nodes: [Order!]! pageInfo: PageInfo! }
  type PageInfo { hasNextPage: Boolean! }
  type Query { me: User users(first: Int, last: Int): [User!]! node(id: ID!): Node }
`;
