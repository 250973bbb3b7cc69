/**
 * Renders the schema inventory (inventory.ts) as the committed files
 * schema/inventory.json and schema/inventory.md (`npm run schema:report`).
 * Pure, so a test can compare the committed files with a fresh rendering of the
 * committed schema/supergraph.graphql:
 *
 *   const { json, markdown } = renderReport(readFileSync(SUPERGRAPH_FILE, 'utf8'));
 *   expect(readFileSync(INVENTORY_JSON_FILE, 'utf8')).toBe(json);
 *   expect(readFileSync(INVENTORY_MD_FILE, 'utf8')).toBe(markdown);
 */
import { fileURLToPath } from 'node:url';
import {
  buildInventory,
  lintPersonalData,
  SENSITIVE_CATEGORIES,
  type AccessRule,
  type Inventory,
  type InventoryField,
  type InventoryType,
} from './inventory.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const INVENTORY_JSON_FILE = `${root}schema/inventory.json`;
export const INVENTORY_MD_FILE = `${root}schema/inventory.md`;

export interface Report {
  /** schema/inventory.json: 2-space JSON, keys in a fixed order, trailing newline */
  json: string;
  /** schema/inventory.md */
  markdown: string;
  /** personal-looking fields without @personal (and unknown categories), one line each */
  problems: string[];
  inventory: Inventory;
}

export function renderReport(supergraphSdl: string): Report {
  const inventory = buildInventory(supergraphSdl);
  return {
    json: `${JSON.stringify(inventory, null, 2)}\n`,
    markdown: renderMarkdown(inventory),
    problems: lintPersonalData(inventory).map((p) => p.message),
    inventory,
  };
}

export function renderMarkdown(inventory: Inventory): string {
  const { summary } = inventory;
  const kinds = Object.entries(summary.typesByKind)
    .map(([kind, n]) => `${n} ${KIND_WORDS[kind] ?? kind.toLowerCase()}`)
    .join(', ');
  const out: string[] = [
    '# Schema inventory',
    '',
    `Generated from \`${inventory.source}\` by \`npm run schema:report\`; do not edit. The same data, for tools: \`schema/inventory.json\`.`,
    '',
    `**${summary.types} types** (${kinds}), **${summary.fields} fields** and ${summary.inputFields} input fields, in ${summary.departments} departments. ` +
      `**${summary.personalFields} fields hold personal data**, ${summary.sensitiveFields} of them sensitive (PIPL art. 28: ${SENSITIVE_CATEGORIES.join(', ')}).`,
    '',
    'Access is the field-level rule declared with `@access` and `@personal` (`platform/schema/shared.graphql`), which the gateway checks before planning and every ' +
      'department checks again. Departments add the record-level rule: a citizen or enterprise reaches only records about themselves. Identity numbers, phones and ' +
      'addresses are shown masked (GB/T 35273 §7.2) unless the caller may see the full value.',
    '',
    'In the tables, "own records" means a citizen or enterprise reads it only on records about themselves; "OFFICER: purpose + D:read" means an officer ' +
      'needs a stated purpose (the x-purpose header) and the duty scope of department D, and D:unmask for the full value. ' +
      'The full rule in words is in the JSON (`access.words`).',
    '',
    'A field resolved by several departments (entity keys, shareable types) is listed under each of them.',
    '',
  ];

  for (const { name, title } of inventory.departments) {
    out.push(`## ${name}: ${title}`, '');
    const rows: string[] = [];
    const others: Record<string, string[]> = {};
    for (const type of inventory.types) {
      if (!type.owners.includes(name)) continue;
      if (type.fields) {
        for (const field of type.fields) if (field.owners.includes(name)) rows.push(row(type, field, name));
      } else {
        (others[type.kind] ??= []).push(type.name);
      }
    }
    if (rows.length) {
      out.push('| type | field | personal category | sensitive | access |', '|---|---|---|---|---|', ...rows, '');
    }
    const also = Object.entries(others).map(([kind, names]) => `${KIND_WORDS[kind] ?? kind.toLowerCase()}: ${names.join(', ')}`);
    if (also.length) out.push(`Also declares ${also.join('; ')}.`, '');
  }

  out.push(...renderJurisdiction(inventory));

  out.push(
    '## Register of processing activities (PIPL art. 56)',
    '',
    'Per department: the personal data it processes (the fields it resolves, by category), for which purposes, and who receives it. ' +
      'Every read of personal data is recorded in the audit log with the caller, the subject, the fields and the stated purpose.',
    '',
  );
  for (const activity of inventory.register) {
    out.push(`### ${activity.department}: ${activity.title}`, '');
    const categories = Object.entries(activity.categories);
    if (!categories.length) {
      out.push('- Personal data: none.', '');
      continue;
    }
    out.push('- Personal data, by category:');
    for (const [category, fields] of categories) {
      const sensitive = (SENSITIVE_CATEGORIES as readonly string[]).includes(category) ? ' (sensitive, PIPL art. 28)' : '';
      out.push(`  - ${category}${sensitive}: ${fields.map(code).join(', ')}`);
    }
    out.push(
      `- Sensitive categories: ${activity.sensitiveCategories.length ? activity.sensitiveCategories.join(', ') : 'none'}.`,
      `- Purposes: ${activity.purposes}`,
      `- Recipients: ${activity.recipients.words}.`,
    );
    if (activity.attachedTo.length) {
      const attached = activity.attachedTo.map((a) => `${code(a.entity)} (owned by ${a.owners.join(', ')}): ${a.fields.map(code).join(', ')}`);
      out.push(`- On other departments' entities: ${attached.join('; ')}.`);
    } else {
      out.push("- On other departments' entities: none.");
    }
    out.push('');
  }
  out.push(
    '### Legal bases an officer may state as purpose',
    '',
    'An officer states `x-purpose: case:<case id>` (a case their agency handles) or `basis:<code>`, one of these; anything else is refused in production.',
    '',
    '| purpose | in words | law | retention |',
    '|---|---|---|---|',
    ...inventory.legalBases.map((b) => `| ${code(`basis:${b.code}`)} | ${b.title} | ${b.law} | ${b.retention} |`),
    '',
  );
  return `${out.join('\n').trimEnd()}\n`;
}

/** The section on what routes records between the provinces' instances of the partitioned departments. */
function renderJurisdiction(inventory: Inventory): string[] {
  const { partitioned, carriers } = inventory.jurisdiction;
  if (!partitioned.length && !carriers.length) return [];
  return [
    '## Jurisdiction: what routes records between provinces',
    '',
    `Partitioned departments, served by one instance per province plus a national one: ${partitioned.length ? partitioned.join(', ') : 'none'}. ` +
      'The fields, arguments and input fields below are marked `@jurisdiction`: their value (a division code, or an id that begins with its ' +
      "province's two digits) says which instance holds the record or serves the request, so records cross between provinces only through them. " +
      'A root query field with none of them answers from every instance (`npm run schema:check` lists those).',
    '',
    '| coordinate | kind | type | routes between the instances of |',
    '|---|---|---|---|',
    ...carriers.map((c) => `| ${[code(c.coordinate), c.kind, code(c.type), c.departments.join(', ')].map(cell).join(' | ')} |`),
    '',
    '### How answers from every instance combine',
    '',
    'An answer of national scope comes from every instance of a partitioned department; the router combines them by these `@combine` rules ' +
      'into what one instance holding every record would answer (rates from their parts, never averaged).',
    '',
    '| field | combined |',
    '|---|---|',
    ...inventory.jurisdiction.combined.map((c) => `| ${[code(c.coordinate), c.rule].map(cell).join(' | ')} |`),
    '',
  ];
}

const KIND_WORDS: Record<string, string> = {
  OBJECT: 'object types',
  INTERFACE: 'interfaces',
  UNION: 'unions',
  ENUM: 'enums',
  INPUT_OBJECT: 'input types',
  SCALAR: 'scalars',
};

function row(type: InventoryType, field: InventoryField, department: string): string {
  const args = field.arguments.length ? `(${field.arguments.map((a) => a.name).join(', ')})` : '';
  const cells = [
    type.kind === 'INPUT_OBJECT' ? `${type.name} (input)` : type.name,
    code(`${field.name}${args}: ${field.type}`),
    field.personal?.category ?? '',
    field.personal?.sensitive ? 'yes' : '',
    field.access ? shortAccess(field.access, department) : 'input',
  ];
  return `| ${cells.map(cell).join(' | ')} |`;
}

/**
 * The access rule in a table cell, as `department` applies it when it answers (its own
 * duty scopes); the JSON has it in full words (`access.words`).
 */
export function shortAccess(access: AccessRule, department: string): string {
  if (access.public) return 'public';
  const parts: string[] = [];
  const subjects = access.roles.filter((r) => r === 'CITIZEN' || r === 'ENTERPRISE');
  if (access.ownRecordsOnly && subjects.length) parts.push(`${subjects.join(', ')}: own records`);
  if (access.officer) {
    const scope = (scopes: string[], kind: string) => (scopes.includes(`${department}:${kind}`) ? `${department}:${kind}` : scopes.join(' or '));
    const unmask = access.officer.unmaskScopes.length ? ` (full value: ${scope(access.officer.unmaskScopes, 'unmask')})` : '';
    parts.push(`OFFICER: purpose + ${scope(access.officer.readScopes, 'read')}${unmask}`);
  }
  const others = access.roles.filter(
    (r) => (access.ownRecordsOnly ? r !== 'CITIZEN' && r !== 'ENTERPRISE' : true) && (access.officer ? r !== 'OFFICER' : true),
  );
  if (others.length) parts.push(parts.length ? others.join(', ') : `only ${others.join(', ')}`);
  return parts.join('; ') || 'nobody';
}

function code(text: string): string {
  return `\`${text}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
