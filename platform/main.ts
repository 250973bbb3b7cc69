import { departmentConfig } from './config.js';
import { startDepartment, type Department } from './department.js';
import { PortTakenError } from './http.js';
import { log } from './log.js';

/**
 * Runs a long-lived service as a process: starts it, reports its URL to a
 * parent process (npm start) when there is one, stops cleanly on SIGINT/SIGTERM,
 * and turns start-up failures into one readable line instead of a stack trace.
 */
export async function runMain(name: string, start: () => Promise<{ url: string; close(): Promise<void> }>): Promise<void> {
  let service: { url: string; close(): Promise<void> };
  try {
    service = await start();
  } catch (error) {
    const message = error instanceof PortTakenError ? error.message : `${name} could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
  log.info('listening', { service: name, url: service.url });
  process.send?.({ type: 'ready', name, url: service.url });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await service.close().catch(() => undefined);
    process.exit(0);
  };
  // stop() never rejects (close errors are dropped): nothing to hand an unhandled rejection
  const onSignal = () => void stop();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // the parent's IPC channel closing means npm start is gone: do not linger
  process.on('disconnect', onSignal);
}

/** The whole `index.ts` of a department: serve it on its configured port. */
export async function runDepartment<L>(department: Department<L>): Promise<void> {
  await runMain(department.name, () => {
    // inside runMain: a wrong variable is one clear line, not a stack trace
    const { port, host } = departmentConfig(department.name);
    return startDepartment(department, { port, host });
  });
}
