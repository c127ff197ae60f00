import { writeFileSync } from 'node:fs';
import { RegistryDataset } from '../dataset/registry-dataset';
import { appendWorkload } from '../support/append-workload';
import { emmettAppends, loadEmmett } from './emmett-sqlite-appends';

/**
 * Row 1's emmett run in a process of its own: sqlite3 reports some failures as 'error' events that end the
 * process, and a failed run must not take the bench with it. Builds the same workload from the same seed,
 * appends, and writes the result (or the failure) as JSON to the file named by RESULT_FILE.
 */
const env = (name: string): string => {
  const value = process.env[name];
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

const resultFile = env('RESULT_FILE');
const fail = (error: unknown): void => {
  writeFileSync(resultFile, JSON.stringify({ failed: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }));
  process.exit(1);
};
process.on('uncaughtException', fail);

async function main(): Promise<void> {
  const emmett = loadEmmett();
  if (typeof emmett === 'string') throw new Error(emmett);
  const dataset = new RegistryDataset({ certificates: Number(env('CERTIFICATES')), seed: Number(env('SEED')) });
  const workload = appendWorkload(dataset, env('TAG'), Number(env('WRITERS')), Number(env('PER_WRITER')));
  const result = await emmettAppends(emmett, env('DATA_DIR'), workload);
  writeFileSync(resultFile, JSON.stringify(result));
}

main().catch(fail);
