import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/sql';
import type { Kysely } from 'kysely';

/**
 * Kysely over em's connection, inside em's transaction if it has one: for the SQL an entity
 * query cannot say (grouped figures, window functions, unions). Kysely binds every value.
 * Untyped tables: the entities describe them, and each query names its columns.
 */
export function kysely(em: EntityManager): Kysely<any> {
  return (em as SqlEntityManager).getKysely() as unknown as Kysely<any>;
}
