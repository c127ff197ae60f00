import { certificateStatusAt, certificateValidUntilAt } from '../certificates/standing';
import { evaluateRecognition } from '../recognition-rule/evaluate-recognition';
import type { RegistryEvent } from '../registry-event';
import { addDays, isCalendarDate, type CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import { EXPIRY_NOTICE_DAYS, type ChangeTrigger, type RecognitionFact } from './derived-facts';
import { RecognizedAnswers } from './recognized-answers';
import { decisionKey, RecognitionWorld, type ChangeScope, type RecognitionPair, type WorldRecord } from './recognition-world';

/**
 * The version of what the derivation derives and of the state it persists: a notifier that finds state kept
 * under another version derives again from the start of the log. Raise it with any change to the derivation.
 */
export const DERIVATION_VERSION = 2;

/** A date on which the records of `scope` may change answers with no event recorded that day. */
export type Boundary = { scope: ChangeScope; cause: EventRef; expiryNotice: boolean };

/** A pair's answer as the derivation holds it: recognized (under `arrangementId`, null at home or by decision) or not. */
export type RecognizedPair = RecognitionPair & { recognized: boolean; arrangementId: string | null };

/** What changed in the derivation's state since the last `takeChanges`, for a persisted copy kept by writing only that. */
export type DerivationChanges = {
  calendar: CalendarDate | null;
  timelines: WorldRecord[];
  /** In the order changed; a later entry for the same pair replaces an earlier. */
  pairs: RecognizedPair[];
  /** New boundaries, in the order expected. Those on or before `calendar` are spent and may be forgotten. */
  boundaries: { date: CalendarDate; boundary: Boundary }[];
};

/** A persisted copy of the derivation's state, read back: what `RecognitionChanges.restore` resumes from. */
export type DerivationState = {
  calendar: CalendarDate | null;
  timelines: Iterable<WorldRecord>;
  /** The pairs recognized. */
  recognized: Iterable<RecognitionPair & { arrangementId: string | null }>;
  /** Boundaries in the order expected (spent ones are skipped). */
  boundaries: Iterable<{ date: CalendarDate; boundary: Boundary }>;
};

/**
 * Derives, from the log in order, the facts no single event states: which (certificate, country) answers of
 * the recognition rule turn from yes to no (`RecognitionLapsed`) or from no to yes (`RecognitionRestored`).
 *
 * The answers followed are those for "today", the registry's calendar: an event is judged on the day it was
 * recorded, and between events the calendar moves (`advanceTo`) through every date an event named (an end,
 * a future effective date), so that a certificate expiring or a withdrawal taking effect later produces its
 * facts on that day. Everything depends only on the log and the dates it is advanced to, so deriving again
 * from the start gives the same facts, with the same ids; and so does resuming from a persisted copy of the
 * state (`takeChanges`, `restore`) taken between two events.
 *
 * A certificate's issuance tells no one of a change: before it the certificate was unknown, so no answer about
 * it was held by anyone, and its first answers are those the issuance itself states. Its pairs are judged (the
 * state knows them recognized) but give no fact; later changes, calendar ones included, do.
 */
export class RecognitionChanges {
  readonly world = new RecognitionWorld();
  /** The pairs recognized today, with the arrangement they are recognized under. */
  private readonly recognized = new RecognizedAnswers();
  private readonly boundaries = new Map<CalendarDate, Boundary[]>();
  /** The boundary dates after `today`, ascending. */
  private readonly upcoming: CalendarDate[] = [];
  private calendar: CalendarDate | null = null;
  private changedPairs: RecognizedPair[] = [];
  private addedBoundaries: { date: CalendarDate; boundary: Boundary }[] = [];
  private restoring = false;

  /** A derivation resumed from a persisted copy of its state. */
  static restore(state: DerivationState): RecognitionChanges {
    const changes = new RecognitionChanges();
    changes.restorePart(state);
    return changes;
  }

  /** Folds in a part of a persisted copy of the state (all parts with the same calendar), so that a large state is
   * read back in parts. Only before anything is derived. */
  restorePart(state: DerivationState): void {
    this.restoring = true;
    this.calendar = state.calendar;
    for (const record of state.timelines) this.world.restore(record);
    for (const pair of state.recognized) this.recognized.set(pair.certificateNumber, pair.country, pair.arrangementId);
    for (const { date, boundary } of state.boundaries) this.expect(date, boundary);
    this.restoring = false;
  }

  /** What changed in the state since the last call. */
  takeChanges(): DerivationChanges {
    const changes = { calendar: this.calendar, timelines: this.world.takeChanged(), pairs: this.changedPairs, boundaries: this.addedBoundaries };
    this.changedPairs = [];
    this.addedBoundaries = [];
    return changes;
  }

  /** The date the answers stand on; null before the first event. */
  get today(): CalendarDate | null {
    return this.calendar;
  }

  /** The next date on which answers may change with no event; null when none is known. */
  nextDate(): CalendarDate | null {
    return this.upcoming[0] ?? null;
  }

  /** Folds one recorded event in, judged on the later of its recording date and today. */
  record(event: RegistryEvent, ref: EventRef, recordedOn: CalendarDate): RecognitionFact[] {
    const facts = this.calendar !== null && recordedOn > this.calendar ? this.advanceTo(recordedOn) : [];
    if (this.calendar === null) this.calendar = recordedOn;
    const asOf = this.calendar;
    const issuance = event.type === 'CertificateIssued' && this.world.certificate(event.data.number) === null;
    const scope = this.world.apply(event, ref);
    if (scope === null) return facts;
    const told = issuance ? [] : facts;
    for (const pair of this.world.pairsIn(scope)) this.judge(pair, asOf, ref, 'EVENT', told);
    for (const date of namedDates(event)) {
      for (const boundary of [date, addDays(date, 1)]) this.expect(boundary, { scope, cause: ref, expiryNotice: false });
      if (scope.kind === 'CERTIFICATE') for (const days of EXPIRY_NOTICE_DAYS) this.expect(addDays(date, -days), { scope, cause: ref, expiryNotice: true });
    }
    return facts;
  }

  /** Moves the calendar to `date`, through every boundary on the way (catching up after downtime). */
  advanceTo(date: CalendarDate): RecognitionFact[] {
    const facts: RecognitionFact[] = [];
    if (this.calendar === null || date <= this.calendar) return facts;
    while (this.upcoming.length > 0 && this.upcoming[0] <= date) {
      const boundary = this.upcoming.shift() as CalendarDate;
      this.calendar = boundary;
      this.step(boundary, facts);
    }
    this.calendar = date;
    return facts;
  }

  /** Whether the pair is recognized on `today`, as the facts derived so far say. */
  isRecognized(pair: RecognitionPair): boolean {
    return this.recognized.has(pair.certificateNumber, pair.country);
  }

  private step(date: CalendarDate, facts: RecognitionFact[]): void {
    const due = this.boundaries.get(date) ?? [];
    this.boundaries.delete(date);
    const judged = new Set<string>();
    for (const { scope, cause, expiryNotice } of due) {
      if (expiryNotice) {
        this.noticeExpiry(scope, date, cause, facts);
        continue;
      }
      for (const pair of this.world.pairsIn(scope)) {
        const key = decisionKey(pair.certificateNumber, pair.country);
        if (judged.has(key)) continue;
        judged.add(key);
        this.judge(pair, date, cause, 'CALENDAR', facts);
      }
    }
  }

  private judge(pair: RecognitionPair, asOf: CalendarDate, cause: EventRef, trigger: ChangeTrigger, facts: RecognitionFact[]): void {
    const answer = evaluateRecognition(this.world.recognitionInput(pair), pair.country, asOf);
    const held = this.recognized.get(pair.certificateNumber, pair.country);
    if (answer.recognized === (held !== undefined)) {
      if (answer.recognized && held !== answer.arrangementId) this.remember(pair, answer.arrangementId);
      return;
    }
    const cbId = this.world.certificate(pair.certificateNumber)?.cbId ?? '';
    const id = `${trigger === 'EVENT' ? cause.position : asOf}:${pair.certificateNumber}:${answer.country}`;
    const common = { certificateNumber: pair.certificateNumber, country: answer.country, cbId, asOf, cause, trigger };
    if (answer.recognized) {
      this.remember(pair, answer.arrangementId);
      const { basis, arrangementId, validUntil } = answer;
      facts.push({ id, derived: true, type: 'RecognitionRestored', data: { ...common, basis, arrangementId, validUntil } });
    } else {
      const arrangementId = held ?? null;
      this.forget(pair);
      facts.push({ id, derived: true, type: 'RecognitionLapsed', data: { ...common, arrangementId, reasons: answer.reasons } });
    }
  }

  private remember(pair: RecognitionPair, arrangementId: string | null): void {
    this.recognized.set(pair.certificateNumber, pair.country, arrangementId);
    this.changedPairs.push({ certificateNumber: pair.certificateNumber, country: pair.country, recognized: true, arrangementId });
  }

  private forget(pair: RecognitionPair): void {
    this.recognized.delete(pair.certificateNumber, pair.country);
    this.changedPairs.push({ certificateNumber: pair.certificateNumber, country: pair.country, recognized: false, arrangementId: null });
  }

  private noticeExpiry(scope: ChangeScope, date: CalendarDate, cause: EventRef, facts: RecognitionFact[]): void {
    if (scope.kind !== 'CERTIFICATE') return;
    const certificate = this.world.certificate(scope.number);
    if (certificate === null || certificateStatusAt(certificate, date) !== 'ACTIVE') return;
    const validUntil = certificateValidUntilAt(certificate, date);
    const daysBefore = EXPIRY_NOTICE_DAYS.find((days) => validUntil !== null && addDays(date, days) === validUntil);
    if (validUntil === null || daysBefore === undefined) return;
    const id = `expiring:${certificate.number}:${validUntil}:${daysBefore}`;
    if (facts.some((fact) => fact.id === id)) return;
    facts.push({
      id,
      derived: true,
      type: 'CertificateExpiring',
      data: { certificateNumber: certificate.number, cbId: certificate.cbId, validUntil, daysBefore, asOf: date, cause },
    });
  }

  private expect(date: CalendarDate, boundary: Boundary): void {
    if (this.calendar !== null && date <= this.calendar) return;
    if (!this.restoring) this.addedBoundaries.push({ date, boundary });
    const due = this.boundaries.get(date);
    if (due) {
      due.push(boundary);
      return;
    }
    this.boundaries.set(date, [boundary]);
    this.upcoming.splice(insertionPoint(this.upcoming, date), 0, date);
  }
}

/** Every calendar date an event's data names: effective dates, ends, issue dates. */
function namedDates(event: RegistryEvent): CalendarDate[] {
  return Object.values(event.data as Record<string, unknown>).filter(isCalendarDate);
}

function insertionPoint(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
