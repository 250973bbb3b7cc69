/**
 * The few DDL statements our migrations write, for SQLite and PostgreSQL: tables, columns, keys and
 * indexes. MikroORM 7 dropped knex, whose schema builder the migrations were written with; this
 * builds, with the same calls, the very SQL knex built, so a fresh database gets the schema that
 * databases migrated before have (names of indexes and constraints included).
 */
export type Dialect = 'sqlite' | 'postgresql';

interface Column {
  name: string;
  type: { sqlite: string; postgresql: string };
  nullable?: boolean;
  defaultValue?: string | number;
}

type Statement =
  | { kind: 'index' | 'unique'; columns: string[]; name?: string }
  | { kind: 'dropIndex'; columns: string[]; name?: string }
  | { kind: 'foreign'; column: string; table?: string; references?: string };

/** A column being defined: knex's chainable modifiers. */
export class ColumnBuilder {
  constructor(
    private readonly table: TableBuilder,
    private readonly column: Column,
  ) {}
  nullable(): this {
    this.column.nullable = true;
    return this;
  }
  notNullable(): this {
    this.column.nullable = false;
    return this;
  }
  defaultTo(value: string | number): this {
    this.column.defaultValue = value;
    return this;
  }
  primary(): this {
    this.table.primary([this.column.name]);
    return this;
  }
  unique(): this {
    this.table.unique([this.column.name]);
    return this;
  }
  /** `references('code').inTable('department')` */
  references(column: string): { inTable(table: string): ColumnBuilder } {
    const foreign: Statement = { kind: 'foreign', column: this.column.name, references: column };
    this.table.statements.push(foreign);
    return {
      inTable: (table: string) => {
        foreign.table = table;
        return this;
      },
    };
  }
}

export class TableBuilder {
  readonly columns: Column[] = [];
  readonly statements: Statement[] = [];
  primaryKey?: string[];

  private add(name: string, sqlite: string, postgresql = sqlite): ColumnBuilder {
    const column: Column = { name, type: { sqlite, postgresql } };
    this.columns.push(column);
    return new ColumnBuilder(this, column);
  }
  string(name: string, length = 255): ColumnBuilder {
    return this.add(name, `varchar(${length})`);
  }
  text(name: string): ColumnBuilder {
    return this.add(name, 'text');
  }
  integer(name: string): ColumnBuilder {
    return this.add(name, 'integer');
  }
  bigInteger(name: string): ColumnBuilder {
    return this.add(name, 'bigint');
  }
  double(name: string): ColumnBuilder {
    return this.add(name, 'float', 'double precision');
  }
  boolean(name: string): ColumnBuilder {
    return this.add(name, 'boolean');
  }
  json(name: string): ColumnBuilder {
    return this.add(name, 'json');
  }
  primary(columns: string[]): void {
    this.primaryKey = columns;
  }
  index(columns: string[], name?: string): void {
    this.statements.push({ kind: 'index', columns, name });
  }
  unique(columns: string[], name?: string): void {
    this.statements.push({ kind: 'unique', columns, name });
  }
  dropIndex(columns: string[], name?: string): void {
    this.statements.push({ kind: 'dropIndex', columns, name });
  }
  /** `foreign('evaluation_id').references('evaluation.id')` */
  foreign(column: string): { references(tableDotColumn: string): void } {
    return {
      references: (tableDotColumn: string) => {
        const [table, references] = tableDotColumn.split('.');
        this.statements.push({ kind: 'foreign', column, table, references });
      },
    };
  }
}

type Change = { kind: 'create' | 'alter' | 'drop'; table: string; builder: TableBuilder };

export class SchemaBuilder {
  private readonly changes: Change[] = [];

  createTable(table: string, build: (t: TableBuilder) => void): this {
    return this.change('create', table, build);
  }
  alterTable(table: string, build: (t: TableBuilder) => void): this {
    return this.change('alter', table, build);
  }
  /** Drops a table if it is there (a table a later migration replaced). */
  dropTable(table: string): this {
    this.changes.push({ kind: 'drop', table, builder: new TableBuilder() });
    return this;
  }
  private change(kind: Change['kind'], table: string, build: (t: TableBuilder) => void): this {
    const builder = new TableBuilder();
    build(builder);
    this.changes.push({ kind, table, builder });
    return this;
  }

  /** The statements, in order, for one database. */
  toSQL(dialect: Dialect): string[] {
    return this.changes.flatMap((change) => tableSQL(dialect, change));
  }
}

function tableSQL(dialect: Dialect, { kind, table, builder }: Change): string[] {
  const q = (name: string) => (dialect === 'sqlite' ? `\`${name}\`` : `"${name}"`);
  const list = (names: string[]) => names.map(q).join(', ');
  const column = (c: Column) =>
    `${q(c.name)} ${c.type[dialect]}${c.nullable === undefined ? '' : c.nullable ? ' null' : ' not null'}` +
    (c.defaultValue === undefined ? '' : ` default '${String(c.defaultValue).replaceAll("'", "''")}'`);
  const sql: string[] = [];
  if (kind === 'drop') return [`drop table if exists ${q(table)}`];
  if (kind === 'create') {
    const parts = builder.columns.map(column);
    // SQLite cannot add a foreign key to an existing table: it goes into the CREATE TABLE
    if (dialect === 'sqlite') {
      for (const s of builder.statements) {
        if (s.kind === 'foreign') parts.push(`foreign key(${q(s.column)}) references ${q(s.table!)}(${q(s.references!)})`);
      }
    }
    if (builder.primaryKey) {
      const key = `primary key (${list(builder.primaryKey)})`;
      parts.push(dialect === 'sqlite' ? key : `constraint ${q(`${table}_pkey`)} ${key}`);
    }
    sql.push(`create table ${q(table)} (${parts.join(', ')})`);
  } else if (builder.columns.length > 0) {
    const adds = builder.columns.map((c) => `add column ${column(c)}`);
    if (dialect === 'sqlite') sql.push(...adds.map((add) => `alter table ${q(table)} ${add}`));
    else sql.push(`alter table ${q(table)} ${adds.join(', ')}`);
  }
  for (const s of builder.statements) {
    if (s.kind === 'foreign') {
      if (dialect === 'postgresql') {
        sql.push(
          `alter table ${q(table)} add constraint ${q(`${table}_${s.column}_foreign`)} foreign key (${q(s.column)}) references ${q(s.table!)} (${q(s.references!)})`,
        );
      }
      continue;
    }
    const name = s.name ?? `${table}_${s.columns.join('_')}_${s.kind === 'unique' ? 'unique' : 'index'}`;
    if (s.kind === 'index') sql.push(`create index ${q(name)} on ${q(table)} (${list(s.columns)})`);
    else if (s.kind === 'dropIndex') sql.push(`drop index ${q(name)}`);
    else if (dialect === 'sqlite') sql.push(`create unique index ${q(name)} on ${q(table)} (${list(s.columns)})`);
    else sql.push(`alter table ${q(table)} add constraint ${q(name)} unique (${list(s.columns)})`);
  }
  return sql;
}
