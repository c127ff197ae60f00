import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { calendarDateOf } from '@registry/domain';
import { compareWithRegistry, sampleQuestions } from './audit/compare-registry';
import { checkExportAgainstCheckpoint, ExportReplay, parseExport, parseQuestion, type Question } from './audit/replay-export';

interface Options {
  export: string;
  checkpoint: string;
  key?: string;
  question: string[];
  questions?: string;
  compare?: string;
  apiKey?: string;
  sample: number;
}

const program = new Command('audit')
  .description(
    "The auditor's replay: holds an export of the log to a signed checkpoint, replays it through the domain's own\n" +
      'recognition rule (no read models, no server) and answers recognition questions from it; --compare asks a live\n' +
      'registry the same questions and reports every difference.',
  )
  .requiredOption('--export <file>', 'the log export (npm run export), one leaf per line')
  .requiredOption('--checkpoint <file>', 'a signed checkpoint (GET /checkpoint): the export must match its root')
  .option('--key <verifier key>', "the registry's note verifier key (noteVerifierKey at /.well-known/registry-keys): checks the checkpoint's signature")
  .option('--question <question>', 'a question "<certificate number> <country> <asOf> [knownAt]" (repeatable)', (value: string, all: string[]) => [...all, value], [])
  .option('--questions <csv>', 'a file of questions, one per line: number,country,asOf[,knownAt] (a header line is skipped)')
  .option('--compare <registry url>', 'ask the live registry the same questions (or a sample) and report differences')
  .option('--api-key <key>', 'with --compare: an API key (e.g. AUDITOR) to ask with, so that many lookups are not rate-limited as keyless ones', process.env.REGISTRY_API_KEY)
  .option('--sample <n>', 'with --compare and no question: how many questions to sample', positiveInteger, 200);

async function main(options: Options): Promise<number> {
  const lines = parseExport(readFileSync(options.export, 'utf8'));
  const size = checkExportAgainstCheckpoint(lines, readFileSync(options.checkpoint, 'utf8'), options.key);
  process.stderr.write(`the export's first ${size} leaves match the checkpoint${options.key ? ' and its signature verifies' : ' (signature not checked: pass --key)'}\n`);
  const replay = new ExportReplay(lines.slice(0, size));
  const questions: Question[] = [...options.question.map(parseQuestion), ...(options.questions ? questionsOf(readFileSync(options.questions, 'utf8')) : [])];

  if (options.compare !== undefined) {
    const today = calendarDateOf(new Date());
    const asked = questions.length > 0 ? questions : sampleQuestions(replay, ['2024-06-01', '2025-06-01', '2026-06-01', today], options.sample);
    const differences = await compareWithRegistry(replay, asked, options.compare, options.apiKey);
    for (const difference of differences) process.stdout.write(`${JSON.stringify(difference)}\n`);
    process.stdout.write(`${asked.length} questions compared with ${options.compare}: ${differences.length} differ\n`);
    return differences.length === 0 ? 0 : 1;
  }
  if (questions.length === 0) throw new Error('ask at least one --question or --questions file (or --compare)');
  for (const question of questions) process.stdout.write(`${JSON.stringify(replay.answer(question))}\n`);
  return 0;
}

function questionsOf(csv: string): Question[] {
  return csv
    .split('\n')
    .map((line) => line.trim())
    .filter((line, index) => line !== '' && !(index === 0 && /certificate/i.test(line)))
    .map(parseQuestion);
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a positive integer');
  return n;
}

program.action(async (options: Options) => {
  process.exitCode = await main(options);
});
program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`audit: ${(error as Error).message}\n`);
  process.exitCode = 2;
});
