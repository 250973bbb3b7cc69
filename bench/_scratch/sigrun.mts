import { fork } from 'node:child_process';
const child = fork('/work/main/bench/_scratch/' + (process.env.F ?? 'sig.mts') + '', [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
child.on('message', () => { setTimeout(() => { const t = Date.now(); child.kill('SIGTERM'); child.on('exit', (c, s) => { console.log('exit', c, s, Date.now() - t, 'ms'); process.exit(0); }); setTimeout(() => { console.log('still alive after 5 s'); child.kill('SIGKILL'); }, 15000); }, 1000); });
