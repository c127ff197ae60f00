// Jest setup file of every project. Worker threads and child processes started under test do not get jest's
// transform: they load the TypeScript sources and tsconfig's `@registry/*` aliases through ts-node and
// tsconfig-paths, preloaded from NODE_OPTIONS, which a child process inherits with its environment and a worker
// thread reads from the `env` it is given (see writer-client.ts). ts-node rather than tsx: esbuild emits no
// decorator metadata, and Nest's injection and GraphQL types need it when a child runs the whole app.
import { resolve } from 'node:path';

const preloads = ['ts-node/register/transpile-only', 'tsconfig-paths/register'].map((module) => `--require "${require.resolve(module)}"`);
const options = process.env.NODE_OPTIONS ?? '';
if (!options.includes(preloads[0]!)) process.env.NODE_OPTIONS = [options, ...preloads].join(' ').trim();
process.env.TS_NODE_PROJECT = resolve(__dirname, '../../tsconfig.json');
