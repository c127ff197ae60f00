import { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createEventStore } from '@registry/event-store';
import { CheckpointFile, checkpointsPath } from '@registry/tlog';
import { loadConfig } from '../apps/registry/src/config';
import { exportLog } from './export/export-log';

interface Options {
  out: string;
  checkpoint?: string;
  dataDir?: string;
  progress: boolean;
}

const program = new Command('export')
  .description(
    'Writes the whole event log as NDJSON, one line per event in log order: {"leafIndex":n,"canonical":"<RFC 8785 bytes>"}.\n' +
      'The canonical bytes are what the Merkle tree hashes, so `npm run verify-export` can recompute the signed root\n' +
      'from the file alone. Streams: memory stays flat whatever the size of the log.',
  )
  .requiredOption('--out <file>', 'where to write the NDJSON')
  .option('--checkpoint <file>', 'also write the latest signed checkpoint (with its cosignatures) to this file')
  .option('--data-dir <dir>', 'the data directory (default: REGISTRY_DATA_DIR, else ./data)')
  .option('--no-progress', 'no progress bar');

async function main(options: Options): Promise<void> {
  const config = loadConfig(process.env, options.dataDir === undefined ? {} : { dataDir: options.dataDir });
  const store = await createEventStore({ dataDir: config.dataDir, connectionString: config.eventStoreConnectionString });
  const out = createWriteStream(options.out);
  const bar = options.progress ? new SingleBar({ format: '{bar} {value} events | {rate} events/s', stream: process.stderr }, Presets.shades_classic) : null;
  const started = Date.now();
  try {
    if (options.checkpoint) {
      const checkpoints = CheckpointFile.open(checkpointsPath(config.dataDir));
      const latest = checkpoints.latest();
      const lines = latest ? checkpoints.cosignatures(latest.treeSize).map((cosignature) => `${cosignature.line}\n`) : [];
      checkpoints.close();
      if (latest === null) throw new Error('the registry has signed no checkpoint yet');
      writeFileSync(options.checkpoint, latest.note + lines.join(''));
    }
    bar?.start(0, 0, { rate: 0 });
    const exported = await exportLog(store, out, (leaves) => {
      bar?.setTotal(leaves);
      bar?.update(leaves, { rate: Math.round(leaves / Math.max((Date.now() - started) / 1000, 0.001)) });
    });
    out.end();
    await once(out, 'finish');
    bar?.stop();
    process.stdout.write(`exported ${exported} events to ${options.out}${options.checkpoint ? `, the latest checkpoint to ${options.checkpoint}` : ''}\n`);
  } finally {
    bar?.stop();
    await store.close();
  }
}

main(program.parse().opts<Options>()).catch((error: unknown) => {
  process.stderr.write(`export: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
