/**
 * One JSON line per event on stderr: what an operator greps by request id.
 * Kept dependency-free on purpose; swap for pino when log shipping arrives.
 */
export type LogFields = Record<string, unknown>;

function write(level: string, msg: string, fields: LogFields): void {
  if (process.env.GOVGRAPH_LOG === 'silent' && level !== 'error') return;
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`);
}

export const log = {
  info: (msg: string, fields: LogFields = {}) => write('info', msg, fields),
  warn: (msg: string, fields: LogFields = {}) => write('warn', msg, fields),
  error: (msg: string, fields: LogFields = {}) => write('error', msg, fields),
};
