/** A recorded event as evidence: where it lives in its stream and in the global log. JSON-safe: the
 * position is a decimal string because global positions outgrow 2^53. */
export type EventRef = {
  stream: string;
  revision: number;
  position: string;
  type: string;
};

/** Builds an EventRef from whatever a store returns (bigint revisions and positions included). */
export function toEventRef(recorded: {
  stream: string;
  revision: bigint | number;
  position: bigint | number | string;
  type: string;
}): EventRef {
  return {
    stream: recorded.stream,
    revision: Number(recorded.revision),
    position: String(recorded.position),
    type: recorded.type,
  };
}

/** Global-log order of two positions given as decimal strings (no leading zeros), without bigint. */
export function comparePositions(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Evidence as a set: one entry per recorded event, in global-log order. */
export function orderedEvidence(refs: readonly (EventRef | null | undefined)[]): EventRef[] {
  const unique = new Map<string, EventRef>();
  for (const ref of refs) if (ref) unique.set(`${ref.stream}\u0000${ref.revision}`, ref);
  return [...unique.values()].sort(
    (a, b) => comparePositions(a.position, b.position) || a.stream.localeCompare(b.stream) || a.revision - b.revision,
  );
}
