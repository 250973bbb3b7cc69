import { fork } from 'node:child_process';
const child = fork('/work/main/bench/_scratch/gwdebug.mts', [], { execArgv: ['--import', 'tsx'], env: { ...process.env, GATEWAY_PORT: '0', GOVGRAPH_KEYS_DIR: '/tmp/bs/keys', METADATA_SERVER_DETECTION: 'none', NODE_DEBUG: '' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
child.on('message', (m) => { console.log('msg', m); const t = Date.now(); child.kill('SIGTERM'); child.on('exit', (c, s) => console.log('exit', c, s, Date.now() - t)); setTimeout(() => { console.log('still alive'); child.kill('SIGKILL'); }, 8000); });
