import type { MikroORM } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';

/** Counts the SQL statements a department sends: the figure batching tests and the bench report. */
export interface SqlCounter {
  readonly count: number;
  reset(): void;
}

export function countSql(orm: MikroORM): SqlCounter {
  let count = 0;
  const knex = (orm.em.getConnection() as unknown as { getKnex(): Knex }).getKnex();
  knex.on('query', (query: { sql?: string }) => {
    // the outbox delivery loop runs in the background, not per request: leave it out
    if (query.sql && /^(select|update)\b[^;]*access_outbox/i.test(query.sql)) return;
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
