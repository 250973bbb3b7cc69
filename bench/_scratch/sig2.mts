process.on('SIGTERM', () => { console.error('got SIGTERM'); process.exit(0); });
process.send?.({ type: 'ready' });
setInterval(() => {}, 1000);
