/** What the crash writer appends and what it tells its parent; shared by the writer process and the test. */
export const SHARED_STREAM = 'crash-shared';
export const PROBE_TYPE = 'CrashProbe';

/** Every event of one append carries the append's id, its index in it and the append's size, so that a reader
 * can tell a whole append from a torn one. */
export interface ProbeData {
  appendId: string;
  index: number;
  count: number;
  pad: string;
}

export type CrashWriterLine =
  | { kind: 'opened'; pid: number }
  | { kind: 'acknowledged'; stream: string; ids: string[]; nextRevision: string; position: string }
  | { kind: 'done' };
