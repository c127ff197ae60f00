import { evolveArrangementTimeline, type ArrangementTimeline } from '../arrangements/timeline';
import { evolveCertificateTimeline, type CertificateTimeline } from '../certificates/timeline';
import { evolveCertificationBodyTimeline, type CertificationBodyTimeline } from '../certification-bodies/timeline';
import { evaluateRecognition, type RecognitionInput } from '../recognition-rule/evaluate-recognition';
import type { RecognitionAnswer } from '../recognition-rule/answer';
import { evolveRecognitionDecisionTimeline, type RecognitionDecisionTimeline } from '../recognition-decisions/timeline';
import { everParties } from '../arrangements/standing';
import type { RegistryEvent } from '../registry-event';
import type { EventRef } from '../shared/event-ref';
import { foldTimeline, type RecordedRegistryEvent } from '../shared/fold-timeline';
import {
  arrangementStream,
  certificateStream,
  certificationBodyStream,
  recognitionStream,
  ARRANGEMENT_STREAM_PREFIX,
  CERTIFICATION_BODY_STREAM_PREFIX,
} from '../streams';
import { streamOf } from './stream-of';

/**
 * An in-memory global log for specs: assigns revisions per stream and strictly increasing (not consecutive)
 * global positions, and folds timelines the way the read side will.
 */
export class EventLog {
  readonly records: RecordedRegistryEvent[] = [];
  /** When each event was recorded, by position: one minute apart from `now`, unless `recordingAt` moves it. */
  readonly recordedAt = new Map<string, string>();
  private readonly revisions = new Map<string, number>();
  private position = 1000;
  private now = Date.parse('2024-01-01T00:00:00.000Z');

  /** Records what follows from this instant on (ISO 8601). */
  recordingAt(instant: string): this {
    this.now = Date.parse(instant);
    return this;
  }

  /** The position of the last event recorded so far. */
  lastPosition(): string {
    return String(this.position);
  }

  record(...events: RegistryEvent[]): EventRef[] {
    return events.map((event) => {
      const stream = streamOf(event);
      const revision = (this.revisions.get(stream) ?? -1) + 1;
      this.revisions.set(stream, revision);
      this.position += 17;
      const ref: EventRef = { stream, revision, position: String(this.position), type: event.type };
      this.records.push({ event, ref });
      this.recordedAt.set(ref.position, new Date(this.now).toISOString());
      this.now += 60_000;
      return ref;
    });
  }

  /** The ref of the nth event recorded of a type on a stream (0 = the first). */
  ref(stream: string, type: RegistryEvent['type'], nth = 0): EventRef {
    const found = this.inStream(stream).filter((record) => record.event.type === type)[nth];
    if (!found) throw new Error(`no ${type} #${nth} on ${stream}`);
    return found.ref;
  }

  inStream(stream: string): RecordedRegistryEvent[] {
    return this.records.filter((record) => record.ref.stream === stream);
  }

  private streams(prefix: string): string[] {
    return [...new Set(this.records.map((record) => record.ref.stream))].filter((stream) => stream.startsWith(prefix));
  }

  certificate(number: string): CertificateTimeline | null {
    return foldTimeline(evolveCertificateTimeline, this.inStream(certificateStream(number)));
  }

  body(cbId: string): CertificationBodyTimeline | null {
    return foldTimeline(evolveCertificationBodyTimeline, this.inStream(certificationBodyStream(cbId)));
  }

  arrangement(id: string): ArrangementTimeline | null {
    return foldTimeline(evolveArrangementTimeline, this.inStream(arrangementStream(id)));
  }

  decision(certificateNumber: string, country: string): RecognitionDecisionTimeline | null {
    return foldTimeline(evolveRecognitionDecisionTimeline, this.inStream(recognitionStream(certificateNumber, country)));
  }

  bodies(): CertificationBodyTimeline[] {
    return this.streams(CERTIFICATION_BODY_STREAM_PREFIX)
      .map((stream) => foldTimeline(evolveCertificationBodyTimeline, this.inStream(stream)))
      .filter((timeline): timeline is CertificationBodyTimeline => timeline !== null);
  }

  arrangements(): ArrangementTimeline[] {
    return this.streams(ARRANGEMENT_STREAM_PREFIX)
      .map((stream) => foldTimeline(evolveArrangementTimeline, this.inStream(stream)))
      .filter((timeline): timeline is ArrangementTimeline => timeline !== null);
  }

  /** What the read side would answer: the recognition rule over this log's timelines. */
  recognition(certificateNumber: string, country: string, asOf: string): RecognitionAnswer {
    return evaluateRecognition(this.recognitionInput(certificateNumber, country), country, asOf);
  }

  /** What the read side gathers for the recognition rule. */
  recognitionInput(certificateNumber: string, country: string): RecognitionInput {
    const certificate = this.certificate(certificateNumber);
    const issuingBody = certificate && this.body(certificate.cbId);
    return {
      certificateNumber,
      certificate,
      issuingBody,
      arrangements: certificate ? this.arrangements().filter((a) => everParties(a).includes(certificate.cbId)) : [],
      hostBodies: this.bodies().filter((body) => body.country === country.toUpperCase()),
      decision: this.decision(certificateNumber, country),
    };
  }
}
