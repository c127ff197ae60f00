import type { RecordedEvent } from '../../event-store';
import { PROBE_TYPE, type CrashWriterLine, type ProbeData } from './crash-probe';

export type Acknowledgement = Extract<CrashWriterLine, { kind: 'acknowledged' }>;

/**
 * What the log must look like after any number of crashes, as a list of violations (empty when it holds):
 * positions strictly increase; each stream's revisions run 0, 1, 2… in log order; every append is whole —
 * all its events, in order, side by side in the log — or absent; every acknowledged append is there, at the
 * revisions and position its acknowledgement named.
 */
export function crashLogViolations(log: RecordedEvent[], acknowledged: Acknowledgement[]): string[] {
  const violations: string[] = [];
  const nextRevision = new Map<string, bigint>();
  const byId = new Map<string, { event: RecordedEvent; at: number }>();
  log.forEach((event, at) => {
    const previous = log[at - 1];
    if (previous !== undefined && event.position <= previous.position) {
      violations.push(`position ${event.position} follows ${previous.position}`);
    }
    const expected = nextRevision.get(event.stream) ?? 0n;
    if (event.revision !== expected) violations.push(`${event.stream}: revision ${event.revision} where ${expected} was due`);
    nextRevision.set(event.stream, event.revision + 1n);
    if (byId.has(event.id)) violations.push(`event ${event.id} recorded twice`);
    byId.set(event.id, { event, at });
  });
  violations.push(...tornAppends(log));
  for (const ack of acknowledged) {
    const last = BigInt(ack.nextRevision);
    ack.ids.forEach((id, index) => {
      const found = byId.get(id);
      const revision = last - BigInt(ack.ids.length - 1 - index);
      if (found === undefined) violations.push(`acknowledged event ${id} (${ack.stream}@${revision}) is lost`);
      else if (found.event.stream !== ack.stream || found.event.revision !== revision) {
        violations.push(`acknowledged event ${id} moved from ${ack.stream}@${revision} to ${found.event.stream}@${found.event.revision}`);
      }
    });
    const lastEvent = byId.get(ack.ids[ack.ids.length - 1])?.event;
    if (lastEvent !== undefined && lastEvent.position.toString() !== ack.position) {
      violations.push(`acknowledged at position ${ack.position}, found at ${lastEvent.position}`);
    }
  }
  return violations;
}

function tornAppends(log: RecordedEvent[]): string[] {
  const violations: string[] = [];
  for (let at = 0; at < log.length; ) {
    const first = probeOf(log[at]);
    if (first === undefined) {
      violations.push(`unexpected event type ${log[at].type} at ${log[at].position}`);
      at += 1;
      continue;
    }
    for (let index = 0; index < first.count; index += 1) {
      const event = log[at + index];
      const probe = event === undefined ? undefined : probeOf(event);
      if (probe?.appendId !== first.appendId || probe.index !== index || event.stream !== log[at].stream) {
        violations.push(`append ${first.appendId} is torn: event ${index} of ${first.count} is not where it belongs`);
        break;
      }
    }
    at += Math.max(1, first.count);
  }
  return violations;
}

function probeOf(event: RecordedEvent): ProbeData | undefined {
  return event.type === PROBE_TYPE ? (event.data as unknown as ProbeData) : undefined;
}
