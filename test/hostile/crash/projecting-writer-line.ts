/** What the projecting writer tells the test on stdout, one JSON object a line. */
export type ProjectingWriterLine =
  | { kind: 'opened' }
  | { kind: 'acknowledged'; id: string; position: string }
  | { kind: 'done' };
