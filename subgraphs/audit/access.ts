import type { Role } from '../../platform/context.js';
import { ForbiddenError } from '../../platform/errors.js';
import type { Context } from './context.js';

/**
 * Root fields are not wrapped by the kit's field enforcement (it guards the
 * types they return), so each root field checks its roles itself before any
 * work: a refused caller must not even start a million-entry verification.
 */
export function requireRole(context: Context, field: string, roles: readonly Role[]): void {
  if (!roles.includes(context.caller.role)) {
    throw new ForbiddenError(
      `${field} is only for the ${roles.map((r) => r.toLowerCase()).join(' and ')} role${roles.length > 1 ? 's' : ''}, not ${context.caller.role.toLowerCase()}`,
    );
  }
}
