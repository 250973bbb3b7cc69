import type { MikroORM } from '@mikro-orm/core';
import type { DatabaseConnection } from 'kysely';

/** Counts the SQL statements a department sends: the figure batching tests and the bench report. */
export interface SqlCounter {
  readonly count: number;
  reset(): void;
}

/**
 * Every statement an ORM's connections run, whoever built it (the ORM, Kysely, raw SQL):
 * `watch` goes into the connection options (onCreateConnection), `register` ties it to the ORM.
 */
export class StatementTap {
  private readonly listeners: ((sql: string) => void)[] = [];
  readonly watch = async (connection: DatabaseConnection): Promise<void> => {
    const execute = connection.executeQuery.bind(connection);
    connection.executeQuery = (query) => {
      for (const listener of this.listeners) listener(query.sql);
      return execute(query);
    };
  };
  listen(listener: (sql: string) => void): void {
    this.listeners.push(listener);
  }
}

const taps = new WeakMap<MikroORM, StatementTap>();

export function registerTap(orm: MikroORM, tap: StatementTap): void {
  taps.set(orm, tap);
}

/** Calls `listener` with the text of every statement the ORM's connections send from now on. */
export function watchSql(orm: MikroORM, listener: (sql: string) => void): void {
  const tap = taps.get(orm);
  if (!tap) throw new Error('watching SQL needs an ORM opened by openDatabase');
  tap.listen(listener);
}

export function countSql(orm: MikroORM): SqlCounter {
  let count = 0;
  watchSql(orm, (sql) => {
    // the outbox delivery loop runs in the background, not per request: leave it out
    if (/^(select|update)\b[^;]*access_outbox/i.test(sql)) return;
    count += 1;
  });
  return {
    get count() {
      return count;
    },
    reset() {
      count = 0;
    },
  };
}
