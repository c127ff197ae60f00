/** `met`/`MISSED` against the target; `informational` rows have none; `not judged` when the target is
 * stated for a size other than the one run. */
export type Verdict = 'met' | 'MISSED' | 'informational' | 'not judged';

export type Figures = Record<string, number | string | null>;

/** The run a row was kept from, when `--merge` carried it over from the previous report. */
export interface EarlierRun {
  command: string;
  date: string;
  code: string;
  loadAverage: { start: number; end: number };
}

export interface MeasuredRow {
  kind: 'measured';
  number: number;
  measuredIn?: EarlierRun;
  what: string;
  ours: string;
  baseline: string;
  ratio: string;
  target: string;
  verdict: Verdict;
  /** What a reader must know to trust the figure: method, caveats. */
  notes: string[];
  /** Raw numbers for the JSON file. */
  figures: Figures;
}

export interface UnmeasuredRow {
  kind: 'not-measured';
  number: number;
  measuredIn?: EarlierRun;
  what: string;
  target: string;
  why: string;
  figures: Figures;
}

export type BenchRow = MeasuredRow | UnmeasuredRow;

export function notMeasured(number: number, what: string, target: string, why: string, figures: Figures = {}): UnmeasuredRow {
  return { kind: 'not-measured', number, what, target, why, figures };
}

/** A row of the table whose measurement the bench does not have yet: it says so, plainly. */
export function notBuiltYet(number: number, what: string, target: string): UnmeasuredRow {
  return notMeasured(number, what, target, 'not built yet');
}

/** Runs a row, turning a failure into a "not measured" row with the reason rather than ending the run. */
export async function guarded(number: number, what: string, target: string, measure: () => Promise<BenchRow>): Promise<BenchRow> {
  try {
    return await measure();
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return notMeasured(number, what, target, why);
  }
}
