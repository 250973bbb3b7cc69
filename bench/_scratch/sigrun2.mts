import { fork, execSync } from 'node:child_process';
const t0 = Date.now();
const log = (...a: unknown[]) => console.log(((Date.now() - t0) / 1000).toFixed(1), ...a);
const child = fork('/work/main/bench/_scratch/' + (process.env.F ?? 'sig.mts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
log('pid', child.pid);
child.on('exit', (c, s) => { log('exit', c, s); process.exit(0); });
child.on('message', (m) => {
  log('message', m);
  setTimeout(() => {
    log('kill', child.kill('SIGTERM'));
    for (let i = 1; i <= 6; i++) setTimeout(() => log('ps', execSync(`ps -o pid,stat,pcpu -p ${child.pid} || true`).toString().split('\n')[1]), i * 1000);
    setTimeout(() => { log('SIGKILL'); child.kill('SIGKILL'); }, 7000);
  }, 1000);
});
