import { evolveArrangementTimeline } from '../arrangements/timeline';
import { evolveCertificationBodyTimeline } from '../certification-bodies/timeline';
import { evaluateRecognition, type RecognitionInput } from '../recognition-rule/evaluate-recognition';
import type { RegistryEvent } from '../registry-event';
import type { CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import type { RecognitionPair, RecognitionWorld } from './recognition-world';

/** A decision the accreditation body is weighing, as the event it would record. */
export type ImpactEvent = Extract<
  RegistryEvent,
  { type: 'AccreditationSuspended' | 'AccreditationScopeReduced' | 'MRAPartyWithdrawn' | 'MRASuspended' | 'MRATerminated' | 'MRAScopeAmended' }
>;

export type Impact = {
  /** The (certificate, country) answers that are yes on `asOf` today and would be no. */
  lost: (RecognitionPair & { schemeCode: string; cbId: string })[];
};

/**
 * What if: the answers on the decision's effective date that would turn from yes to no, were it recorded.
 * Nothing is recorded: the decision is folded into a copy of the one timeline it changes, and the pairs the
 * derivation would re-ask are asked with and without it.
 */
export function impactOf(world: RecognitionWorld, event: ImpactEvent, asOf: CalendarDate): Impact {
  const lost: Impact['lost'] = [];
  const isArrangementEvent = event.type.startsWith('MRA');
  const subjectId = 'id' in event.data ? event.data.id : event.data.cbId;
  let override: (input: RecognitionInput) => RecognitionInput;
  let pairs: RecognitionPair[];
  if (isArrangementEvent) {
    const current = world.arrangement(subjectId);
    if (current === null) return { lost };
    const changed = evolveArrangementTimeline(current, event, hypothetical(current.stream, current.revision, event.type));
    override = (input) => ({ ...input, arrangements: input.arrangements.map((a) => (a.id === subjectId ? changed : a)) });
    pairs = world.pairsIn({ kind: 'ARRANGEMENT', id: subjectId });
  } else {
    const current = world.body(subjectId);
    if (current === null) return { lost };
    const changed = evolveCertificationBodyTimeline(current, event, hypothetical(current.stream, current.revision, event.type));
    override = (input) => ({
      ...input,
      issuingBody: input.issuingBody?.cbId === subjectId ? changed : input.issuingBody,
      hostBodies: input.hostBodies.map((body) => (body.cbId === subjectId ? changed : body)),
    });
    pairs = world.pairsIn({ kind: 'CERTIFICATION_BODY', cbId: subjectId, firstRecord: false });
  }
  for (const pair of pairs) {
    const input = world.recognitionInput(pair);
    if (!evaluateRecognition(input, pair.country, asOf).recognized) continue;
    if (evaluateRecognition(override(input), pair.country, asOf).recognized) continue;
    const certificate = input.certificate;
    if (certificate) lost.push({ ...pair, schemeCode: certificate.schemeCode, cbId: certificate.cbId });
  }
  return { lost };
}

function hypothetical(stream: string, revision: number, type: string): EventRef {
  return { stream, revision: revision + 1, position: '0', type };
}
