import { readFileSync } from 'node:fs';

/** One field of the composed graph as an auditor reads it: who owns it, what personal data it is, who may read it. */
export interface InventoryField {
  coordinate: string;
  owners: string[];
  category: string | null;
  sensitive: boolean;
  /** the access rule in words; null for a field without one (an input's, an interface's) */
  access: string | null;
}

interface InventoryFile {
  types: { fields?: { coordinate: string; owners: string[]; personal: { category: string; sensitive: boolean } | null; access: { words: string } | null }[] }[];
}

const FILE = new URL('../../../schema/inventory.json', import.meta.url);
let fields: InventoryField[] | null = null;

/** schema/inventory.json (npm run generate writes it from the supergraph), reduced to one row per field. */
export function inventoryFields(): InventoryField[] {
  fields ??= (JSON.parse(readFileSync(FILE, 'utf8')) as InventoryFile).types.flatMap((type) =>
    (type.fields ?? []).map((f) => ({
      coordinate: f.coordinate,
      owners: f.owners,
      category: f.personal?.category ?? null,
      sensitive: f.personal?.sensitive ?? false,
      access: f.access?.words ?? null,
    })),
  );
  return fields;
}
