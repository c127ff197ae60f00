import { parseArgs } from 'node:util';
import { loadConfig } from '../apps/registry/src/config';
import { importingActor } from './import/import-key';
import { describeProblem, readPlan, recordPlan, writeReport } from './import/run-import';
import { MAX_IMPORT_ROWS } from '../apps/registry/src/write/certificate-import/certificate-import';
import { openImportWritePath } from './import/write-path';

const USAGE = 'usage: npm run import -- --cb <cbId> --key <CERTIFICATION_BODY key> [--dry-run] [--report <file>] [--batch <rows, 1-1000>] [--lanes <1-16>] <certificates.csv|.jsonl>';

/**
 * `npm run import`: loads a CB's certificates with their history from CSV or JSON Lines (layout in the README)
 * into the registry's data directory, in this process (stop `npm start` first), on the same bulk write path as the
 * `importCertificates` mutation: batches of whole certificates, each decided row by row and appended in one
 * transaction. Only the write path runs (see import/write-path.ts): the registry's next start brings its read
 * models, tree, signed checkpoint and notifier up to date. Every row is checked before anything is written; `--dry-run` only lists the bad rows. Rows carry
 * command ids derived from their content, so a re-run after an interruption writes only what is missing and
 * counts the rest as skipped.
 */
/** More batches in flight than this only queue behind the store's one writer. */
const MAX_LANES = 16;

/** An option's whole number within [min, max]; undefined when not given, null when it is not one (a usage error:
 * `Number('ten')` would silently make one batch of everything, or no lanes at all). */
function wholeNumber(value: string | undefined, min: number, max: number): number | undefined | null {
  if (value === undefined) return undefined;
  const n = Number(value);
  return /^\d+$/.test(value) && n >= min && n <= max ? n : null;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { cb: { type: 'string' }, key: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, report: { type: 'string' }, batch: { type: 'string' }, lanes: { type: 'string' } },
    allowPositionals: true,
  });
  const [file] = positionals;
  const batchRows = wholeNumber(values.batch, 1, MAX_IMPORT_ROWS);
  const lanes = wholeNumber(values.lanes, 1, MAX_LANES);
  if (!values.cb || !values.key || file === undefined || positionals.length !== 1 || batchRows === null || lanes === null) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const plan = readPlan(file, values.cb);
  const valid = plan.certificates.reduce((sum, rows) => sum + rows.length, 0);
  for (const problem of plan.problems) process.stdout.write(`bad row: ${describeProblem(problem)}\n`);
  if (values['dry-run']) {
    process.stdout.write(`dry run: ${plan.rows} rows read, ${valid} valid, ${plan.problems.length} bad; nothing written\n`);
    return plan.problems.length > 0 ? 1 : 0;
  }
  const writePath = await openImportWritePath(loadConfig(process.env));
  try {
    const actor = await importingActor(writePath.store, writePath.hashing, values.key, plan.certificates.flat().map((row) => row.command));
    const summary = await recordPlan(writePath.recorder, plan, {
      actor,
      progress: process.stderr.isTTY,
      batchRows,
      lanes,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    const report = values.report ?? `${file}.report.csv`;
    const total = summary.written + summary.skipped + summary.refused - summary.bad;
    writeReport(report, summary.outcomes);
    process.stdout.write(
      `imported ${file}: ${summary.written} rows written, ${summary.skipped} skipped (already recorded by an earlier run), ${summary.refused} refused (${summary.bad} bad rows) in ${summary.seconds.toFixed(1)} s (${(total / Math.max(summary.seconds, 0.001)).toFixed(0)} rows/s); report: ${report}\n`,
    );
    return summary.refused > 0 ? 1 : 0;
  } finally {
    await writePath.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`npm run import: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
