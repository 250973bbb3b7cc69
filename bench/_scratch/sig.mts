import { writeSync } from 'node:fs';
import { ApolloServer } from '@apollo/server';
const flag = process.env.SOTS === 'false' ? false : undefined;
const server = new ApolloServer({ typeDefs: 'type Query { a: Int }', resolvers: {}, stopOnTerminationSignals: flag });
await server.start();
let stopping = false;
const stop = async () => {
  if (stopping) return; stopping = true;
  writeSync(2, String('runMain stop: awaiting server.stop()') + '\n');
  await server.stop();
  writeSync(2, String('runMain stop: done') + '\n');
  process.exit(0);
};
process.on('SIGTERM', stop);
process.send?.({ type: 'ready', url: 'x' });
