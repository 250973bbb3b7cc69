// Child processes of the bench: forking with tsx, the ready handshake, and what /proc says about them.
import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  url: string;
  /** the last lines the child wrote on stderr, for failure messages */
  stderr(): string;
  /** asks over IPC and waits for the answer of the same type */
  ask<T>(message: { type: string }, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export interface ForkOptions {
  name: string;
  /** path relative to the repository root */
  entry: string;
  /** command-line arguments of the entry (platform/partition/main.ts router <department>) */
  args?: string[];
  env: NodeJS.ProcessEnv;
  execArgv?: string[];
  /** how long it may take to say it is ready (seeding a big dataset takes minutes) */
  readyTimeoutMs?: number;
}

const children = new Set<Child>();
let exitHook = false;

/** Forks a TypeScript entry with tsx and waits for its {type:'ready', url} message. */
export function forkChild(options: ForkOptions): Promise<Child> {
  if (!exitHook) {
    exitHook = true;
    // never leave departments running behind a crashed or interrupted bench
    process.once('exit', () => {
      for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
    });
  }
  const child = fork(`${ROOT}/${options.entry}`, options.args ?? [], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, GOVGRAPH_LOG: 'silent', METADATA_SERVER_DETECTION: 'none', ...options.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  let nextId = 1;
  const handle: Child = {
    name: options.name,
    process: child,
    pid: child.pid ?? -1,
    url: '',
    stderr: () => tail.trim(),
    ask<T>(message: { type: string }, timeoutMs = 10_000) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`${options.name} did not answer ${message.type} within ${timeoutMs} ms`));
        }, timeoutMs);
        const onMessage = (m: { type?: string; id?: number }) => {
          if (m.type !== message.type || (m.id !== undefined && m.id !== id)) return;
          clearTimeout(timer);
          child.off('message', onMessage);
          resolve(m as T);
        };
        child.on('message', onMessage);
        child.send({ ...message, id });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // Closing the IPC channel is how runMain (platform/main.ts) is told to stop. SIGTERM is not:
        // ApolloServer's own SIGTERM handler and runMain's race, and the child never exits.
        const term = setTimeout(() => child.kill('SIGTERM'), 5_000);
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(term);
          clearTimeout(kill);
          children.delete(handle);
          resolve();
        });
        if (child.connected) child.disconnect();
        else child.kill('SIGTERM');
      }),
  };
  children.add(handle);
  return new Promise<Child>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} was not ready within ${options.readyTimeoutMs ?? 120_000} ms\n${tail.trim()}`));
    }, options.readyTimeoutMs ?? 120_000);
    child.on('message', (m: { type?: string; url?: string }) => {
      if (m.type === 'ready' && m.url) {
        clearTimeout(timer);
        handle.url = m.url;
        resolve(handle);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      children.delete(handle);
      reject(new Error(`${options.name} stopped (${signal ?? `exit code ${code}`})${tail.trim() ? `:\n${tail.trim()}` : ''}`));
    });
  });
}

/** Stops every child this process started (in parallel; each by its own pid). */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => c.stop()));
}

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux the bench runs on

/** CPU time (user + system) a process has used so far, in ms; null if /proc cannot tell. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may contain spaces) start after the last ')'
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** Resident set size now and its peak since start or the last resetPeak, in MiB. */
export function memoryMiB(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return null;
  }
}

/**
 * A process and all its descendants (a gateway with GATEWAY_WORKERS > 1 is a primary and its
 * workers), from /proc/<pid>/task/<tid>/children; just [pid] when /proc cannot tell.
 */
export function processTree(pid: number): number[] {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${out[i]}/task`)) {
        const children = readFileSync(`/proc/${out[i]}/task/${task}/children`, 'utf8').trim();
        if (children) out.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // the process is gone, or this is not Linux: count what we have
    }
  }
  return out;
}

/** Resets the peak RSS (VmHWM) of a process of ours; false if the kernel refuses. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
