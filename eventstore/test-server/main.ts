import { Command, InvalidArgumentError } from 'commander';
import { startTestServer } from './start-test-server';

// Standalone entry: `npm run build && node dist/eventstore/test-server/main.js --port 2113`.
// A test double for CI and local development, never a store for production.
async function main(): Promise<void> {
  const options = new Command('eventstore-test-server')
    .description('In-memory server speaking the EventStoreDB gRPC protocol, for tests only')
    .option('--port <port>', 'port to listen on (0 picks a free one)', parsePort, 2113)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--no-batch-append', 'do not advertise BatchAppend (the client then uses one Append call per append)')
    .option('--max-append-size <bytes>', 'per-append byte limit', parsePort, 1024 * 1024)
    .option('--log-file <path>', 'keep the log in this file across restarts (JSON lines, fsynced per write)')
    .parse()
    .opts<{ port: number; host: string; batchAppend: boolean; maxAppendSize: number; logFile?: string }>();
  const server = await startTestServer(options);
  const where = options.logFile === undefined ? 'in memory' : `log in ${options.logFile}`;
  process.stdout.write(`EventStoreDB protocol TEST server (${where}, not for production) listening: ${server.connectionString}\n`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parsePort(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a non-negative integer');
  return parsed;
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
