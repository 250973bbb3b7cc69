import { fork } from 'node:child_process';
const entry = process.argv[2]!;
const child = fork(entry, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, GATEWAY_PORT: '0', GOVGRAPH_KEYS_DIR: '/tmp/bs/keys', METADATA_SERVER_DETECTION: 'none' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
child.on('message', (m) => { console.log('msg', m); setTimeout(() => { const t = Date.now(); child.kill('SIGTERM'); child.on('exit', (c, s) => { console.log('exit', c, s, Date.now() - t); process.exit(0); }); setTimeout(() => { console.log('still alive'); child.kill('SIGKILL'); }, 8000); }, 3000); });
