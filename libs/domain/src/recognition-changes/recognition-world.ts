import { everParties } from '../arrangements/standing';
import { evolveArrangementTimeline, type ArrangementTimeline } from '../arrangements/timeline';
import { isArrangementEvent } from '../arrangements/events';
import { isCertificateEvent } from '../certificates/events';
import { evolveCertificateTimeline, type CertificateTimeline } from '../certificates/timeline';
import { isCertificationBodyEvent } from '../certification-bodies/events';
import { evolveCertificationBodyTimeline, type CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { RecognitionInput } from '../recognition-rule/evaluate-recognition';
import { candidateCountries } from '../recognition-rule/recognized-countries';
import { isRecognitionEvent } from '../recognition-decisions/events';
import { evolveRecognitionDecisionTimeline, type RecognitionDecisionTimeline } from '../recognition-decisions/timeline';
import type { RegistryEvent } from '../registry-event';
import { normalizeCountry } from '../shared/countries';
import { unreachable } from '../shared/decider';
import type { EventRef } from '../shared/event-ref';

/** One timeline the world holds, as the derivation's persisted state keeps it (plain JSON). */
export type WorldRecord =
  | { kind: 'certificate'; timeline: CertificateTimeline }
  | { kind: 'body'; timeline: CertificationBodyTimeline }
  | { kind: 'arrangement'; timeline: ArrangementTimeline }
  | { kind: 'decision'; timeline: RecognitionDecisionTimeline };

/** A (certificate, country) question, the unit whose answer changes. */
export type RecognitionPair = { certificateNumber: string; country: string };

/** Which answers an event (or the date an event names) can touch: the records it belongs to. */
export type ChangeScope =
  | { kind: 'CERTIFICATE'; number: string }
  /** `firstRecord`: the CB's accreditation, which makes its country a host for its MRA partners. */
  | { kind: 'CERTIFICATION_BODY'; cbId: string; firstRecord: boolean }
  | { kind: 'ARRANGEMENT'; id: string }
  | { kind: 'DECISION'; certificateNumber: string; country: string };

/**
 * The timelines the recognition rule reads, folded in memory from the log and indexed so that the answers an
 * event can change are found without scanning every certificate.
 */
export class RecognitionWorld {
  private readonly certificates = new Map<string, CertificateTimeline>();
  private readonly bodies = new Map<string, CertificationBodyTimeline>();
  private readonly arrangements = new Map<string, ArrangementTimeline>();
  private readonly decisions = new Map<string, RecognitionDecisionTimeline>();
  private readonly certificatesByBody = new Map<string, Set<string>>();
  private readonly arrangementsByParty = new Map<string, Set<string>>();
  private readonly bodiesByCountry = new Map<string, Set<string>>();
  /** The timelines changed since `takeChanged`, so that a persisted copy of the world is kept by writing only them. */
  private changed: WorldRecord[] = [];

  /** Folds one event in; returns the records it belongs to, or null for events the rule never reads. */
  apply(event: RegistryEvent, ref: EventRef): ChangeScope | null {
    if (isCertificateEvent(event)) {
      const timeline = evolveCertificateTimeline(this.certificates.get(event.data.number) ?? null, event, ref);
      if (timeline === null) return null;
      this.put({ kind: 'certificate', timeline }, true);
      return { kind: 'CERTIFICATE', number: timeline.number };
    }
    if (isCertificationBodyEvent(event)) {
      const timeline = evolveCertificationBodyTimeline(this.bodies.get(event.data.cbId) ?? null, event, ref);
      if (timeline === null) return null;
      this.put({ kind: 'body', timeline }, true);
      return { kind: 'CERTIFICATION_BODY', cbId: timeline.cbId, firstRecord: event.type === 'CertificationBodyAccredited' };
    }
    if (isArrangementEvent(event)) {
      const timeline = evolveArrangementTimeline(this.arrangements.get(event.data.id) ?? null, event, ref);
      if (timeline === null) return null;
      this.put({ kind: 'arrangement', timeline }, true);
      return { kind: 'ARRANGEMENT', id: timeline.id };
    }
    if (isRecognitionEvent(event)) {
      const key = decisionKey(event.data.certificateNumber, normalizeCountry(event.data.country));
      const timeline = evolveRecognitionDecisionTimeline(this.decisions.get(key) ?? null, event, ref);
      if (timeline === null) return null;
      this.put({ kind: 'decision', timeline }, true);
      return { kind: 'DECISION', certificateNumber: timeline.certificateNumber, country: normalizeCountry(timeline.country) };
    }
    return null;
  }

  /** Puts back a timeline from a persisted copy of the world (indexes rebuilt as `apply` builds them). */
  restore(record: WorldRecord): void {
    this.put(record, false);
  }

  /** The timelines changed since the last call, in the order changed (a later one of the same record replaces an earlier). */
  takeChanged(): WorldRecord[] {
    const changed = this.changed;
    this.changed = [];
    return changed;
  }

  private put(record: WorldRecord, changed: boolean): void {
    let previous: unknown;
    switch (record.kind) {
      case 'certificate': {
        const { timeline } = record;
        previous = this.certificates.get(timeline.number);
        this.certificates.set(timeline.number, timeline);
        indexed(this.certificatesByBody, timeline.cbId).add(timeline.number);
        break;
      }
      case 'body': {
        const { timeline } = record;
        previous = this.bodies.get(timeline.cbId);
        this.bodies.set(timeline.cbId, timeline);
        indexed(this.bodiesByCountry, timeline.country).add(timeline.cbId);
        break;
      }
      case 'arrangement': {
        const { timeline } = record;
        previous = this.arrangements.get(timeline.id);
        this.arrangements.set(timeline.id, timeline);
        for (const party of everParties(timeline)) indexed(this.arrangementsByParty, party).add(timeline.id);
        break;
      }
      case 'decision': {
        const { timeline } = record;
        const key = decisionKey(timeline.certificateNumber, normalizeCountry(timeline.country));
        previous = this.decisions.get(key);
        this.decisions.set(key, timeline);
        break;
      }
      default:
        unreachable(record);
    }
    if (changed && previous !== record.timeline) this.changed.push(record);
  }

  certificate(number: string): CertificateTimeline | null {
    return this.certificates.get(number) ?? null;
  }

  body(cbId: string): CertificationBodyTimeline | null {
    return this.bodies.get(cbId) ?? null;
  }

  certificateNumbers(): IterableIterator<string> {
    return this.certificates.keys();
  }

  certificatesOf(cbId: string): ReadonlySet<string> {
    return this.certificatesByBody.get(cbId) ?? EMPTY;
  }

  arrangement(id: string): ArrangementTimeline | null {
    return this.arrangements.get(id) ?? null;
  }

  /** Every arrangement that has, or had, the CB as a party. */
  arrangementsOf(cbId: string): ArrangementTimeline[] {
    return [...(this.arrangementsByParty.get(cbId) ?? EMPTY)].map((id) => this.arrangements.get(id)).filter((a) => a !== undefined);
  }

  bodiesIn(country: string): CertificationBodyTimeline[] {
    return [...(this.bodiesByCountry.get(country) ?? EMPTY)].map((cbId) => this.bodies.get(cbId)).filter((b) => b !== undefined);
  }

  /** What the recognition rule reads for one pair: the same gathering as the read side's. */
  recognitionInput({ certificateNumber, country }: RecognitionPair): RecognitionInput {
    const certificate = this.certificate(certificateNumber);
    return {
      certificateNumber,
      certificate,
      issuingBody: certificate && this.body(certificate.cbId),
      arrangements: certificate ? this.arrangementsOf(certificate.cbId) : [],
      hostBodies: this.bodiesIn(country),
      decision: this.decisions.get(decisionKey(certificateNumber, country)) ?? null,
    };
  }

  /** The countries where a certificate could ever be recognized: its CB's and its CB's MRA partners'. Elsewhere
   * the answer is no on every date, so it never changes. */
  countriesFor(certificateNumber: string): string[] {
    const certificate = this.certificate(certificateNumber);
    if (certificate === null) return [];
    const arrangements = this.arrangementsOf(certificate.cbId);
    const partners = new Set(arrangements.flatMap(everParties));
    return candidateCountries({
      certificate,
      issuingBody: this.body(certificate.cbId),
      arrangements,
      bodies: [...partners].map((cbId) => this.bodies.get(cbId)).filter((b) => b !== undefined),
      decisions: [],
    });
  }

  /** Every pair whose answer the records of `scope` can change, the world as it stands. */
  pairsIn(scope: ChangeScope): RecognitionPair[] {
    switch (scope.kind) {
      case 'CERTIFICATE':
        return this.pairsOfCertificate(scope.number);
      case 'DECISION':
        return [{ certificateNumber: scope.certificateNumber, country: scope.country }];
      case 'CERTIFICATION_BODY': {
        // As issuer: every certificate it issued, everywhere. As host the rule reads only that the CB exists
        // in its country, so only its first record can join the country to its MRA partners' certificates.
        const pairs = [...this.certificatesOf(scope.cbId)].flatMap((number) => this.pairsOfCertificate(number));
        const host = this.body(scope.cbId);
        if (host === null || !scope.firstRecord) return pairs;
        for (const arrangement of this.arrangementsOf(scope.cbId))
          for (const party of everParties(arrangement))
            for (const number of this.certificatesOf(party)) pairs.push({ certificateNumber: number, country: host.country });
        return pairs;
      }
      case 'ARRANGEMENT': {
        const arrangement = this.arrangement(scope.id);
        if (arrangement === null) return [];
        const parties = everParties(arrangement);
        const countries = new Set(parties.map((cbId) => this.body(cbId)?.country).filter((country) => country !== undefined));
        // At home the rule never reads an arrangement (condition 3), so a party's own country is left out.
        return parties.flatMap((party) => {
          const abroad = [...countries].filter((country) => country !== this.body(party)?.country);
          return [...this.certificatesOf(party)].flatMap((certificateNumber) => abroad.map((country) => ({ certificateNumber, country })));
        });
      }
      default:
        return unreachable(scope);
    }
  }

  private pairsOfCertificate(certificateNumber: string): RecognitionPair[] {
    return this.countriesFor(certificateNumber).map((country) => ({ certificateNumber, country }));
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function indexed(index: Map<string, Set<string>>, key: string): Set<string> {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  return set;
}

export function decisionKey(certificateNumber: string, country: string): string {
  return `${certificateNumber}\u0000${country}`;
}
