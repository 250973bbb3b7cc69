/**
 * The department schema check (`npm run schema:check`, scripts/schema-check.ts):
 * compose the departments' schemas, diff the new API schema against the committed
 * one with @graphql-inspector/core, and validate every committed client operation
 * against the new API. A breaking change fails the check unless it is acknowledged
 * (schema/acknowledged-changes.json); a broken client operation always fails it:
 * fix the operation in the same change.
 */
import {
  buildSchema,
  Kind,
  NoUnusedFragmentsRule,
  parse,
  Source,
  specifiedRules,
  validate,
  type DefinitionNode,
  type GraphQLError,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CriticalityLevel, diff, DiffRule, type Change } from '@graphql-inspector/core';
import { compose, departmentSources, type SubgraphSource } from './compose.js';
import { DEPARTMENTS } from '../../platform/departments.js';
import { diffDeclarations, diffDepartmentDeclarations } from './declarations.js';
import { checkJurisdiction, formatJurisdiction, type JurisdictionCheck, type JurisdictionSource } from './jurisdiction.js';

/** One entry of schema/acknowledged-changes.json. */
export interface Acknowledgement {
  /** the change's message (as the check prints it) or its path ("Type.field", "Type.field.argument") */
  change: string;
  /** why clients are not hurt, or how they were told (a notice, a migration window, a ticket) */
  reason: string;
  /** who decided */
  by: string;
}

export interface OperationFile {
  /** the path shown in errors, e.g. tests/operations/RegionServices.graphql */
  file: string;
  source: string;
}

export interface CheckInput {
  /** the committed client-facing API schema (schema/api.graphql) */
  committedApiSdl: string;
  /**
   * The committed supergraph (schema/supergraph.graphql) of the same revision: its @access and
   * @personal declarations are diffed with the new one's. Without it they are not compared.
   */
  committedSupergraphSdl?: string | null;
  /**
   * Each department's schema (subgraphs/<name>/schema.graphql) at the same revision, by name:
   * each department enforces its own declarations, diffed with the new ones. Optional.
   */
  committedDepartmentSdls?: Readonly<Record<string, string>> | null;
  /**
   * The department schemas to compose, as compose() takes them; by default the
   * working tree (departmentSources() read from disk). Tests pass a `read` that
   * alters one department's SDL in memory.
   */
  newSources?: { sources?: SubgraphSource[]; read?: (file: string) => string };
  operations: OperationFile[];
  acknowledged: readonly Acknowledgement[];
  /** which departments are partitioned, and their unpartitioned root fields; by default their manifests */
  partitions?: readonly Pick<JurisdictionSource, 'name' | 'partitioned' | 'unpartitioned'>[];
}

export type Criticality = 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';

export interface SchemaChange {
  criticality: Criticality;
  /** graphql-inspector's change type, e.g. FIELD_REMOVED */
  type: string;
  message: string;
  /** "Type.field" or "Type.field.argument"; null for schema-level changes */
  path: string | null;
  /** graphql-inspector's explanation of the criticality, when it gives one */
  reason: string | null;
  /** the acknowledgement that covers it (breaking changes only) */
  acknowledgement: Acknowledgement | null;
  /**
   * Set for a change of an @access or @personal declaration: it is acknowledged by its message
   * or as "<declaration> <path>" ("@access Person.phone"), never by the bare path.
   */
  declaration?: '@access' | '@personal';
}

export interface BrokenOperation {
  file: string;
  /** one line per error: "file:line:column message" */
  errors: string[];
}

export interface CheckResult {
  /** false on a composition error, an unacknowledged breaking change or a broken operation */
  ok: boolean;
  compositionErrors: string[];
  /** the new client-facing API schema, when composition succeeded */
  newApiSdl: string | null;
  breaking: SchemaChange[];
  dangerous: SchemaChange[];
  safe: SchemaChange[];
  /** breaking changes no acknowledgement covers: each fails the check */
  unacknowledged: SchemaChange[];
  brokenOperations: BrokenOperation[];
  /** operations validated, broken or not */
  operationsChecked: number;
  /** acknowledgements that match no change of this diff: remove them once the change is committed */
  unusedAcknowledgements: Acknowledgement[];
  /** whether the @access and @personal declarations were compared (a committed supergraph was given) */
  declarationsChecked: boolean;
  /** the @jurisdiction rule of partitioned departments (jurisdiction.ts); a problem fails the check */
  jurisdiction: JurisdictionCheck | null;
}

/**
 * Removing a field or enum value that was deprecated in the committed schema is
 * DANGEROUS, not BREAKING: deprecation was the notice (clients still using it
 * are caught by the operations check).
 */
const RULES = [DiffRule.suppressRemovalOfDeprecatedField];

export async function checkSchemas(input: CheckInput): Promise<CheckResult> {
  const result: CheckResult = {
    ok: false,
    compositionErrors: [],
    newApiSdl: null,
    breaking: [],
    dangerous: [],
    safe: [],
    unacknowledged: [],
    brokenOperations: [],
    operationsChecked: 0,
    unusedAcknowledgements: [],
    declarationsChecked: false,
    jurisdiction: null,
  };
  const composition = compose(input.newSources?.sources, input.newSources?.read);
  if (!composition.ok) {
    result.compositionErrors = composition.errors;
    return result;
  }
  result.newApiSdl = composition.api;
  result.jurisdiction = checkJurisdiction(jurisdictionSources(input));
  const newSchema = buildSchema(composition.api);

  let committed: GraphQLSchema;
  try {
    committed = buildSchema(input.committedApiSdl);
  } catch (error) {
    result.compositionErrors = [`the committed API schema does not build: ${(error as Error).message}`];
    return result;
  }

  const changes = (await diff(committed, newSchema, RULES)).map(schemaChange);
  if (input.committedSupergraphSdl) {
    try {
      const declared = diffDeclarations(input.committedSupergraphSdl, composition.supergraph);
      if (input.committedDepartmentSdls) declared.push(...diffDepartmentDeclarations(input.committedDepartmentSdls, newDepartmentSdls(input), declared));
      changes.push(...declared.map((c) => ({ ...c, acknowledgement: null })));
    } catch (error) {
      result.compositionErrors = [`the committed supergraph cannot be read: ${(error as Error).message}`];
      return result;
    }
    result.declarationsChecked = true;
  }
  const used = new Set<Acknowledgement>();
  for (const entry of changes) {
    if (entry.criticality === 'BREAKING') {
      entry.acknowledgement = input.acknowledged.find((a) => acknowledges(a, entry)) ?? null;
      if (entry.acknowledgement) used.add(entry.acknowledgement);
      else result.unacknowledged.push(entry);
      result.breaking.push(entry);
    } else if (entry.criticality === 'DANGEROUS') {
      result.dangerous.push(entry);
    } else {
      result.safe.push(entry);
    }
  }
  result.unusedAcknowledgements = input.acknowledged.filter((a) => !used.has(a));
  result.brokenOperations = validateOperations(newSchema, input.operations);
  result.operationsChecked = input.operations.length;
  result.ok = result.unacknowledged.length === 0 && result.brokenOperations.length === 0 && result.jurisdiction.problems.length === 0;
  return result;
}

/** The new department schemas by name, read as compose() reads them. */
function newDepartmentSdls(input: CheckInput): Record<string, string> {
  const sources = input.newSources?.sources ?? departmentSources();
  const read = input.newSources?.read ?? ((file: string) => readFileSync(join(repoRoot, file), 'utf8'));
  return Object.fromEntries(sources.map((s) => [s.name, read(s.files[0]!)]));
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Each new department schema with the shared types (as composed), with its manifest's partitioning. */
function jurisdictionSources(input: CheckInput): JurisdictionSource[] {
  const sources = input.newSources?.sources ?? departmentSources();
  const read = input.newSources?.read ?? ((file: string) => readFileSync(join(repoRoot, file), 'utf8'));
  const partitions = input.partitions ?? DEPARTMENTS;
  return sources.map((s) => {
    const manifest = partitions.find((p) => p.name === s.name);
    return { name: s.name, sdl: s.files.map(read).join('\n'), partitioned: manifest?.partitioned ?? false, unpartitioned: manifest?.unpartitioned ?? [] };
  });
}

/**
 * An acknowledgement covers a change when it names the change's message or its path exactly;
 * a declaration change's path only with its directive ("@access Person.phone"), so that
 * acknowledging an API change at a coordinate never lets a loosened rule through with it.
 */
export function acknowledges(ack: Acknowledgement, change: Pick<SchemaChange, 'message' | 'path' | 'declaration'>): boolean {
  const named = ack.change.trim();
  if (named === change.message) return true;
  if (change.path === null) return false;
  return change.declaration ? named === `${change.declaration} ${change.path}` : named === change.path;
}

function schemaChange(change: Change): SchemaChange {
  const level = change.criticality.level;
  const criticality: Criticality = level === CriticalityLevel.Breaking ? 'BREAKING' : level === CriticalityLevel.Dangerous ? 'DANGEROUS' : 'NON_BREAKING';
  return {
    criticality,
    type: String(change.type),
    message: change.message,
    path: change.path ?? null,
    reason: change.criticality.reason ?? null,
    acknowledgement: null,
  };
}

/**
 * Every client operation under a repository root: tests/operations/*.graphql, and every
 * *.graphql under operations/ and clients/ (the console and the typed clients), at any depth.
 */
export function operationFiles(root: string): OperationFile[] {
  const files = globSync(['tests/operations/*.graphql', 'operations/**/*.graphql', 'clients/**/*.graphql'], {
    cwd: root,
    exclude: ['**/node_modules/**', '**/.*/**'],
  }).sort();
  return files.map((file) => ({ file, source: readFileSync(join(root, file), 'utf8') }));
}

/**
 * Validates each operation file against the schema with graphql's validate().
 * A fragment a file uses but does not define is taken from the other files, as
 * client tooling (codegen) joins them.
 */
export function validateOperations(schema: GraphQLSchema, operations: readonly OperationFile[]): BrokenOperation[] {
  const documents: { file: string; document: DocumentNode | null; errors: string[] }[] = operations.map(({ file, source }) => {
    try {
      return { file, document: parse(new Source(source, file)), errors: [] };
    } catch (error) {
      return { file, document: null, errors: [describeError(error as GraphQLError, file)] };
    }
  });
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const { document } of documents) {
    for (const def of document?.definitions ?? [])
      if (def.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(def.name.value)) fragments.set(def.name.value, def);
  }
  const broken: BrokenOperation[] = [];
  for (const { file, document, errors } of documents) {
    if (document) {
      const full = withFragmentsFromOtherFiles(document, fragments);
      // a file of fragments only is a library for the other files: its fragments are used there
      const library = !document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION);
      const rules = library ? specifiedRules.filter((r) => r !== NoUnusedFragmentsRule) : specifiedRules;
      for (const error of validate(schema, full, rules)) errors.push(describeError(error, file));
    }
    if (errors.length) broken.push({ file, errors });
  }
  return broken;
}

function withFragmentsFromOtherFiles(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const local = new Set(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : [])));
  const added: DefinitionNode[] = [];
  const pending = spreadsOf(document.definitions);
  const seen = new Set<string>();
  while (pending.length) {
    const name = pending.pop()!;
    if (local.has(name) || seen.has(name)) continue;
    seen.add(name);
    const fragment = fragments.get(name);
    if (!fragment) continue; // validate() reports the unknown fragment
    added.push(fragment);
    pending.push(...spreadsOf([fragment]));
  }
  return added.length ? { ...document, definitions: [...document.definitions, ...added] } : document;
}

function spreadsOf(definitions: readonly DefinitionNode[]): string[] {
  const names: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    const record = node as { kind?: string; name?: { value: string }; loc?: unknown };
    if (record.kind === Kind.FRAGMENT_SPREAD && record.name) names.push(record.name.value);
    for (const [key, value] of Object.entries(record)) if (key !== 'loc') walk(value);
  };
  walk(definitions);
  return names;
}

function describeError(error: GraphQLError, file: string): string {
  const node = error.nodes?.[0];
  // an error in a fragment taken from another file points at that file
  const where = node?.loc?.source.name ?? error.source?.name ?? file;
  const location = error.locations?.[0];
  return `${where}${location ? `:${location.line}:${location.column}` : ''} ${error.message}`;
}

/**
 * Safe changes in few lines: an added type stands for its fields, values and
 * descriptions, an added field for its arguments; description-only changes are
 * counted, not listed.
 */
function summariseSafe(changes: readonly SchemaChange[]): string[] {
  const addedTypes = new Set(changes.filter((c) => c.type === 'TYPE_ADDED' && c.path).map((c) => c.path!));
  const addedFields = new Set(changes.filter((c) => c.type === 'FIELD_ADDED' && c.path).map((c) => c.path!));
  const lines: string[] = [];
  let inAddedTypes = 0;
  let descriptions = 0;
  for (const c of changes) {
    const [type, field] = (c.path ?? '').split('.');
    if (c.type === 'TYPE_ADDED') lines.push(c.message);
    else if (c.path && (addedTypes.has(type!) || (c.path !== `${type}.${field}` && addedFields.has(`${type}.${field}`)))) inAddedTypes++;
    else if (c.type === 'FIELD_ADDED') lines.push(c.message);
    else if (/DESCRIPTION/.test(c.type)) descriptions++;
    else lines.push(c.message);
  }
  if (inAddedTypes) lines.push(`${inAddedTypes} field(s), argument(s), value(s) and description(s) of the added types and fields`);
  if (descriptions) lines.push(`${descriptions} description(s) added, changed or removed`);
  return lines;
}

/** Reads schema/acknowledged-changes.json: an array of { change, reason, by }, each non-empty. Throws with what is wrong. */
export function parseAcknowledgements(text: string, file = 'schema/acknowledged-changes.json'): Acknowledgement[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!Array.isArray(data)) throw new Error(`${file} must be an array of { "change", "reason", "by" }`);
  return data.map((entry: unknown, i) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const missing = (['change', 'reason', 'by'] as const).filter((k) => typeof e[k] !== 'string' || (e[k] as string).trim() === '');
    if (missing.length) throw new Error(`${file}[${i}] needs a non-empty ${missing.join(', ')}`);
    return { change: e.change as string, reason: e.reason as string, by: e.by as string };
  });
}

/** The check as a person reads it; `ok` decides the exit code. */
export function formatCheck(result: CheckResult): string {
  const lines: string[] = [];
  if (result.compositionErrors.length) {
    lines.push('Composition failed:', ...result.compositionErrors.map((e) => `  - ${e}`));
    return lines.join('\n');
  }
  const where = (c: SchemaChange) => (c.path ? ` [${c.declaration ? `${c.declaration} ` : ''}${c.path}]` : '');
  const item = (c: SchemaChange) => `  - ${c.message}${where(c)}${c.reason ? `\n      ${c.reason}` : ''}`;
  if (result.unacknowledged.length) lines.push(`Breaking changes (${result.unacknowledged.length}), not acknowledged:`, ...result.unacknowledged.map(item));
  const acknowledged = result.breaking.filter((c) => c.acknowledgement);
  if (acknowledged.length) {
    lines.push(
      `Breaking changes acknowledged (${acknowledged.length}):`,
      ...acknowledged.map((c) => `  - ${c.message}${where(c)}\n      acknowledged by ${c.acknowledgement!.by}: ${c.acknowledgement!.reason}`),
    );
  }
  if (result.dangerous.length) lines.push(`Dangerous changes (${result.dangerous.length}): clients may behave differently`, ...result.dangerous.map(item));
  if (result.safe.length) lines.push(`Safe changes (${result.safe.length}):`, ...summariseSafe(result.safe).map((line) => `  - ${line}`));
  if (!result.breaking.length && !result.dangerous.length && !result.safe.length) {
    lines.push(result.declarationsChecked ? 'No change to the API schema or its access and personal-data declarations.' : 'No change to the API schema.');
  }
  if (!result.declarationsChecked)
    lines.push('Access and personal-data declarations (@access, @personal) were NOT compared: no committed supergraph at the base.');
  if (result.jurisdiction) lines.push(...formatJurisdiction(result.jurisdiction));
  if (result.brokenOperations.length) {
    lines.push(`Client operations broken by the new schema (${result.brokenOperations.length}):`);
    for (const op of result.brokenOperations) lines.push(`  ${op.file}`, ...op.errors.map((e) => `    - ${e}`));
  } else {
    lines.push(`All ${result.operationsChecked} client operation file(s) are valid against the new schema.`);
  }
  if (result.unusedAcknowledgements.length) {
    lines.push(
      'Acknowledgements that match no change (remove them once the change is committed):',
      ...result.unusedAcknowledgements.map((a) => `  - ${a.change}`),
    );
  }
  if (result.unacknowledged.length) {
    lines.push(
      '',
      'Breaking changes break clients. Prefer an additive change (a new field, a new optional argument) and deprecate the old one. ' +
        'If the break is intended, acknowledge each change in schema/acknowledged-changes.json: { "change": "<message or path above>", "reason": "...", "by": "..." }; ' +
        'a loosened @access or @personal is acknowledged as "@access <path>" or "@personal <path>".',
    );
  }
  return lines.join('\n');
}
