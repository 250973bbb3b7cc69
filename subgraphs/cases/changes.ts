import { EventEmitter, on } from 'node:events';
import type { EntityManager } from '@mikro-orm/core';
import type { Caller } from '../../platform/context.js';
import { readScope } from '../../platform/security/roles.js';
import type { Case } from './entities.js';

/**
 * The case changes of one department process (one instance of a partitioned department): each
 * committed step is published here, and every caseProgress subscription of this process reads them.
 * In memory, because one process serves one instance's database; replicas of an instance over one
 * PostgreSQL database would need the database's own notifications (LISTEN/NOTIFY) instead.
 */
export class CaseChanges {
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  publish(changed: Case): void {
    this.emitter.emit('change', changed);
  }

  /**
   * The changes from now on that `follows` keeps, until the iterator is returned (the subscriber
   * left). Not an async generator: one waiting for a change could not be returned until the next
   * change came, and would keep its listener until then.
   */
  watch(follows: (changed: Case) => boolean): AsyncIterableIterator<Case> {
    const changes = on(this.emitter, 'change') as AsyncIterableIterator<[Case]>;
    const iterator: AsyncIterableIterator<Case> = {
      async next() {
        for (;;) {
          const step = await changes.next();
          if (step.done) return { done: true, value: undefined };
          if (follows(step.value[0])) return { done: false, value: step.value[0] };
        }
      },
      async return() {
        await changes.return?.();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }
}

// one hub per database: tests and the bench run several deployments of the department in one process
const hubs = new WeakMap<object, CaseChanges>();

export function changesOf(em: EntityManager): CaseChanges {
  const driver = em.getDriver();
  let hub = hubs.get(driver);
  if (!hub) hubs.set(driver, (hub = new CaseChanges()));
  return hub;
}

/**
 * Whether a caller follows a changed case: the one they asked for, or every case that is theirs
 * (applicant, or agent acting for them), or, for an officer reading cases, the ones their agency
 * implements. This only narrows the stream: each event is still resolved through the department's
 * access rules (the mandate an agent acts under, masking) and read again through the gateway.
 */
export function follows(caller: Caller, changed: Case, id: string | null | undefined): boolean {
  if (id && changed.id !== id) return false;
  switch (caller.role) {
    case 'CITIZEN':
      return caller.subject !== null && (changed.applicantId === caller.subject || changed.agentId === caller.subject);
    case 'ENTERPRISE':
      return caller.subject !== null && changed.applicantKind === 'ENTERPRISE' && changed.applicantId === caller.subject;
    case 'OFFICER':
      return caller.scopes.includes(readScope('cases')) && (Boolean(id) || changed.departmentCode === caller.department);
    default:
      return false;
  }
}
