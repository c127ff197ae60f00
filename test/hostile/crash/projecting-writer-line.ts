/** What the projecting writer tells the test on stdout, one JSON object a line. */
export type ProjectingWriterLine =
  | { kind: 'opened' }
  | { kind: 'acknowledged'; id: string; position: string }
  | { kind: 'done' }
  /** Printed by the power-cut VFS as the process dies: what became of the writes not yet synced. */
  | {
      kind: 'cut';
      writes: number;
      unsyncedSectors: number;
      kept: number;
      restored: number;
      torn: number;
      garbage: number;
      shortenedFiles: number;
      unsyncedSectorsByFile: Record<string, number>;
    };
