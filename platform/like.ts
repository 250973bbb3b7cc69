import { raw } from '@mikro-orm/core';

/** The escape character of every LIKE pattern built here, bound with it (SQLite has no default one). */
const ESCAPE = '\\';

/** `text` as a LIKE pattern that matches it literally: %, _ and the escape character escaped. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `${ESCAPE}${c}`);
}

/**
 * A MikroORM condition "`column` contains `text`" (an entry of a `$and`/`$or`
 * list): `column LIKE ? ESCAPE ?` with the pattern and the escape character
 * bound, so a caller's %, _ or \ match themselves on SQLite and PostgreSQL
 * alike. `column` is the table's column name, never caller input.
 */
export function containing(column: string, text: string): Record<string, never[]> {
  return { [raw((alias: string) => `${alias}.${column} like ? escape ?`, [`%${likeLiteral(text)}%`, ESCAPE])]: [] };
}
