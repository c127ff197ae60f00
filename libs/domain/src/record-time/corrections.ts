import type { RecognitionAnswer } from '../recognition-rule/answer';
import { evaluateRecognition, type RecognitionInput } from '../recognition-rule/evaluate-recognition';
import { calendarDateOf, type CalendarDate } from '../shared/calendar-date';
import { comparePositions, orderedEvidence, type EventRef } from '../shared/event-ref';
import { factRefs, knownRecognitionInput, recordedBefore, recordedThrough } from './known-facts';

/** An event recorded after the date asked about that changed the answer for that date. */
export type Correction = { ref: EventRef; recordedAt: string };

/**
 * What was recorded after the fact and moved the answer for `asOf`: every event of the input recorded on a
 * later day (UTC) than `asOf` whose recording changed the answer — recognized, basis, arrangement, validUntil or
 * the reason codes — from what it was just before. Only events recorded after the certificate itself count:
 * before it was on record the registry had nothing to say about it, so loading history late (a backfill) is
 * not a correction. `recordedAtOf` gives when an event was recorded (the log's clock); an event it does not
 * know is taken as not a correction. The input is the one the answer was given on.
 */
export function recognitionCorrections(
  input: RecognitionInput,
  country: string,
  asOf: CalendarDate,
  recordedAtOf: (ref: EventRef) => string | null,
): Correction[] {
  const corrections: Correction[] = [];
  if (input.certificate === null) return corrections;
  const onRecord = input.certificate.issued.position;
  for (const ref of orderedEvidence(factRefs(input))) {
    if (comparePositions(ref.position, onRecord) <= 0) continue;
    const recordedAt = recordedAtOf(ref);
    if (recordedAt === null || calendarDateOf(new Date(recordedAt)) <= asOf) continue;
    const before = evaluateRecognition(knownRecognitionInput(input, recordedBefore(ref.position)), country, asOf);
    const after = evaluateRecognition(knownRecognitionInput(input, recordedThrough(ref.position)), country, asOf);
    if (!sameAnswer(before, after)) corrections.push({ ref, recordedAt });
  }
  return corrections;
}

/** Two answers say the same thing when all but their evidence agree. */
export function sameAnswer(a: RecognitionAnswer, b: RecognitionAnswer): boolean {
  return (
    a.recognized === b.recognized &&
    a.basis === b.basis &&
    a.arrangementId === b.arrangementId &&
    a.validUntil === b.validUntil &&
    a.reasons.map((reason) => reason.code).join() === b.reasons.map((reason) => reason.code).join()
  );
}
