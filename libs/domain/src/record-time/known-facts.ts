import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { RecognitionInput } from '../recognition-rule/evaluate-recognition';
import type { RecognizedInInput } from '../recognition-rule/recognized-countries';
import type { RecognitionDecisionTimeline } from '../recognition-decisions/timeline';
import type { SchemeTimeline } from '../schemes/timeline';
import { comparePositions, type EventRef } from '../shared/event-ref';

/**
 * Which recorded events an answer may take into account: those of a prefix of the log. Timelines keep every
 * fact with its EventRef and only ever append facts (in stream order, which is log order), so a timeline with
 * the facts of later events dropped is exactly the timeline folded from the prefix alone — no replay needed.
 */
export type Known = (ref: EventRef) => boolean;

/** Everything recorded at or before the log position (a decimal string); nothing at all when null. */
export function recordedThrough(position: string | null): Known {
  if (position === null) return () => false;
  return (ref) => comparePositions(ref.position, position) <= 0;
}

/** Everything recorded strictly before the log position. */
export function recordedBefore(position: string): Known {
  return (ref) => comparePositions(ref.position, position) < 0;
}

export function knownCertificate(timeline: CertificateTimeline | null, known: Known): CertificateTimeline | null {
  if (timeline === null || !known(timeline.issued)) return null;
  const validity = timeline.validity.filter((statement) => known(statement.ref));
  const statusChanges = timeline.statusChanges.filter((change) => known(change.ref));
  const cancellation = timeline.cancellation && known(timeline.cancellation.ref) ? timeline.cancellation : null;
  // What was printed then: a correction recorded later is undone by the value it replaced.
  const corrections = timeline.corrections ?? [];
  const knownCorrections = corrections.filter((correction) => known(correction.ref));
  const firstUnknown = corrections.find((correction) => !known(correction.ref));
  const printed = firstUnknown === undefined ? {} : { [firstUnknown.field]: firstUnknown.from };
  return {
    ...timeline,
    ...printed,
    revision: lastRevision(timeline.issued, validity, statusChanges, cancellation && [cancellation], knownCorrections),
    validity,
    statusChanges,
    cancellation,
    ...(timeline.corrections === undefined ? {} : { corrections: knownCorrections }),
  };
}

export function knownCertificationBody(timeline: CertificationBodyTimeline | null, known: Known): CertificationBodyTimeline | null {
  if (timeline === null || !known(timeline.accredited)) return null;
  const validity = timeline.validity.filter((statement) => known(statement.ref));
  const statusChanges = timeline.statusChanges.filter((change) => known(change.ref));
  const scope = timeline.scope.filter((statement) => known(statement.ref));
  return { ...timeline, revision: lastRevision(timeline.accredited, validity, statusChanges, scope), validity, statusChanges, scope };
}

export function knownArrangement(timeline: ArrangementTimeline | null, known: Known): ArrangementTimeline | null {
  if (timeline === null || !known(timeline.signed)) return null;
  const parties = timeline.parties.filter((statement) => known(statement.ref));
  const scope = timeline.scope.filter((statement) => known(statement.ref));
  const statusChanges = timeline.statusChanges.filter((change) => known(change.ref));
  return { ...timeline, revision: lastRevision(timeline.signed, parties, scope, statusChanges), parties, scope, statusChanges };
}

export function knownDecisions(timeline: RecognitionDecisionTimeline | null, known: Known): RecognitionDecisionTimeline | null {
  if (timeline === null) return null;
  const decisions = timeline.decisions.filter((decision) => known(decision.ref));
  const applications = (timeline.applications ?? [])
    .filter((application) => known(application.ref))
    .map((application) => (application.decided === null || known(application.decided.ref) ? application : { ...application, decided: null }));
  if (decisions.length === 0 && applications.length === 0) return null;
  const refs = [...decisions, ...applications].map((fact) => fact.ref.revision);
  return { ...timeline, revision: Math.max(...refs), decisions, applications };
}

export function knownScheme(timeline: SchemeTimeline | null, known: Known): SchemeTimeline | null {
  return timeline !== null && known(timeline.registered) ? timeline : null;
}

/** Drops the timelines and facts not yet recorded, in a list of timelines. */
export function knownAll<Timeline>(timelines: readonly Timeline[], known: Known, one: (timeline: Timeline, known: Known) => Timeline | null): Timeline[] {
  return timelines.map((timeline) => one(timeline, known)).filter((timeline): timeline is Timeline => timeline !== null);
}

/** The recognition rule's input as the registry knew it. */
export function knownRecognitionInput(input: RecognitionInput, known: Known): RecognitionInput {
  return {
    certificateNumber: input.certificateNumber,
    certificate: knownCertificate(input.certificate, known),
    issuingBody: knownCertificationBody(input.issuingBody, known),
    arrangements: knownAll(input.arrangements, known, knownArrangement),
    hostBodies: knownAll(input.hostBodies, known, knownCertificationBody),
    decision: knownDecisions(input.decision, known),
  };
}

/** `recognizedIn`'s input as the registry knew it; null when the certificate itself was not yet on record. */
export function knownRecognizedInInput(input: RecognizedInInput, known: Known): RecognizedInInput | null {
  const certificate = knownCertificate(input.certificate, known);
  if (certificate === null) return null;
  return {
    certificate,
    issuingBody: knownCertificationBody(input.issuingBody, known),
    arrangements: knownAll(input.arrangements, known, knownArrangement),
    bodies: knownAll(input.bodies, known, knownCertificationBody),
    decisions: knownAll(input.decisions, known, (timeline, isKnown) => knownDecisions(timeline, isKnown)),
  };
}

/** Every EventRef a timeline's facts came from. */
export function factRefs(input: RecognitionInput): EventRef[] {
  const refs: EventRef[] = [];
  const { certificate, issuingBody, decision } = input;
  if (certificate) {
    refs.push(certificate.issued, ...certificate.validity.map(byRef), ...certificate.statusChanges.map(byRef));
    if (certificate.cancellation) refs.push(certificate.cancellation.ref);
  }
  for (const body of [...(issuingBody ? [issuingBody] : []), ...input.hostBodies]) {
    refs.push(body.accredited, ...body.validity.map(byRef), ...body.statusChanges.map(byRef), ...body.scope.map(byRef));
  }
  for (const arrangement of input.arrangements) {
    refs.push(arrangement.signed, ...arrangement.parties.map(byRef), ...arrangement.scope.map(byRef), ...arrangement.statusChanges.map(byRef));
  }
  if (decision) refs.push(...decision.decisions.map(byRef));
  return refs;
}

const byRef = (fact: { ref: EventRef }): EventRef => fact.ref;

function lastRevision(first: EventRef, ...lists: (readonly { ref: EventRef }[] | null)[]): number {
  let revision = first.revision;
  for (const list of lists) for (const fact of list ?? []) revision = Math.max(revision, fact.ref.revision);
  return revision;
}

/**
 * The latest record about a certificate itself — its own stream and the recognition decisions taken on it, not
 * the bodies and arrangements around it: "when the registry last recorded anything about this certificate".
 */
export function lastCertificateRecord(certificate: CertificateTimeline, decisions: readonly RecognitionDecisionTimeline[]): EventRef {
  const refs = [
    certificate.issued,
    ...certificate.validity.map(byRef),
    ...certificate.statusChanges.map(byRef),
    ...(certificate.cancellation ? [certificate.cancellation.ref] : []),
    ...decisions.flatMap((timeline) => timeline.decisions.map(byRef)),
  ];
  return refs.reduce((latest, ref) => (comparePositions(ref.position, latest.position) > 0 ? ref : latest));
}
