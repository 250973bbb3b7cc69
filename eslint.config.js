// ESLint flat config (README: "Linting and formatting"). Layout is Prettier's (.prettierrc.json):
// no rule here is about layout, only about bugs and the project's rules for code.
import js from '@eslint/js';
import graphql from '@graphql-eslint/eslint-plugin';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, printSchema } from 'graphql';

const departments = readdirSync(new URL('./subgraphs/', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const SHARED = 'platform/schema/shared.graphql';
// as schema:check finds them: the tests' typed operations, and any console or client's
const OPERATIONS = ['tests/operations/*.graphql', 'operations/**/*.graphql', 'clients/**/*.graphql'];
// each front end's operations are a project of their own: several front ends register the same operation
const clients = existsSync(new URL('./clients/', import.meta.url))
  ? readdirSync(new URL('./clients/', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];
const BENCH_QUERIES = 'bench/queries/*.graphql';
/**
 * A department's schema as the kit builds it (platform/department.ts: its SDL plus the shared one, then
 * buildSubgraphSchema), printed as plain SDL. Why not the files themselves: @graphql-eslint 4.4.1 hands
 * buildSubgraphSchema `{ typeDefs }` where @apollo/subgraph 2.15 wants the document, and fails to load it.
 */
const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const subgraphSdl = (department) => printSchema(buildSubgraphSchema(parse(`${read(`./subgraphs/${department}/schema.graphql`)}\n${read(`./${SHARED}`)}`)));
// graphql-config projects: each department's SDL against its own subgraph schema; shared.graphql against
// the first department's (it has no @link of its own); the client operations against the client API
const graphQLConfig = {
  projects: {
    ...Object.fromEntries(departments.map((d) => [d, { schema: subgraphSdl(d), include: `subgraphs/${d}/schema.graphql` }])),
    shared: { schema: subgraphSdl(departments[0]), include: SHARED },
    ...Object.fromEntries(
      clients.map((c) => [`client-${c}`, { schema: 'schema/api.graphql', documents: `clients/${c}/**/*.graphql`, include: `clients/${c}/**/*.graphql` }]),
    ),
    operations: { schema: 'schema/api.graphql', documents: OPERATIONS.slice(0, 2), include: OPERATIONS.slice(0, 2) },
    // the bench's own copies of some test operations (same names, its own selections)
    bench: { schema: 'schema/api.graphql', documents: BENCH_QUERIES, include: BENCH_QUERIES },
  },
};

export default defineConfig(
  {
    // generated (codegen, composition) or local output: never edited by hand
    ignores: [
      'subgraphs/*/generated/**',
      'tests/generated/**',
      'clients/*/generated/**',
      'schema/*.graphql',
      'bench/_scratch/**',
      'bench/data-*/**',
      'bench/results/**',
      'data/**',
      '.scratch/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // tsc (verbatimModuleSyntax) already refuses a type imported as a value; this keeps the fix one style
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-import-type-side-effects': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `any` stays where it is deliberate: generic positions unknown cannot fill (EntitySchema<any, any>,
      // Kysely<any> over tables without a typed database) and GraphQL response data in tests; tsc is strict
      '@typescript-eslint/no-explicit-any': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // services log through platform/log.ts (structured, one line per event); scripts and the bench print
      'no-console': 'error',
      'no-throw-literal': 'off',
      'prefer-promise-reject-errors': 'off',
    },
  },
  // Rules that need the type checker (tsconfig.json): about three times the time of all the others together
  // (README, "Linting and formatting"). LINT_TYPES=off skips them for a quick run while editing; npm test runs them.
  process.env.LINT_TYPES === 'off'
    ? {}
    : {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
        rules: {
          // a promise nobody awaits loses its error and its ordering (a transaction, an outbox write)
          '@typescript-eslint/no-floating-promises': 'error',
          '@typescript-eslint/no-misused-promises': 'error',
          '@typescript-eslint/await-thenable': 'error',
          // `return promise` inside try skips the catch and the finally's ordering
          '@typescript-eslint/return-await': ['error', 'in-try-catch'],
          '@typescript-eslint/only-throw-error': 'error',
          '@typescript-eslint/prefer-promise-reject-errors': 'error',
          // "[object Object]" in a message a person must act on
          '@typescript-eslint/no-base-to-string': 'error',
          '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
          '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
        },
      },
  {
    files: ['scripts/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // the console's browser code (its own tsconfig: DOM types, Preact's JSX)
    files: ['clients/console/**/*.tsx', 'clients/console/lib/**'],
    languageOptions: { globals: globals.browser },
  },
  {
    // a test may report a measured figure (console.info); debugging leftovers (console.log) stay out
    files: ['**/*.test.ts'],
    rules: { 'no-console': ['error', { allow: ['info'] }] },
  },
  {
    files: ['**/*.graphql'],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphql },
  },
  {
    files: ['subgraphs/*/schema.graphql', SHARED],
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      // short descriptions are "inline", long ones """block""": both read well
      '@graphql-eslint/description-style': 'off',
      // a subgraph's types are reached from other departments (entities) and directives annotate: every
      // type looks unreachable from one department's Query
      '@graphql-eslint/no-unreachable-types': 'off',
      // entities are keyed by their national codes (@key(fields: "code")), and pages, figures and counts are values
      '@graphql-eslint/strict-id-in-types': 'off',
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          DirectiveDefinition: true,
          // the root types say nothing their fields do not; a connection is "a page of" its nodes
          ignoredSelectors: ['[type=ObjectTypeDefinition][name.value=/^(Query|Mutation)$/]', '[type=ObjectTypeDefinition][name.value=/Connection$/]'],
        },
      ],
    },
  },
  {
    files: [...OPERATIONS, BENCH_QUERIES],
    rules: {
      ...graphql.configs['flat/operations-recommended'].rules,
      // asks for `id` wherever a type has one, for a client's normalized cache; these operations are test and
      // bench fixtures whose answers are compared whole, and there is no such cache here
      '@graphql-eslint/require-selections': 'off',
    },
  },
);
