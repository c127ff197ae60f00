import {
  advanceLogClock,
  ARRANGEMENT_STREAM_PREFIX,
  CERTIFICATE_STREAM_PREFIX,
  CERTIFICATION_BODY_STREAM_PREFIX,
  RECOGNITION_STREAM_PREFIX,
  certificateStream,
  certificationBodyStream,
  everParties,
  evaluateRecognition,
  evolveArrangementTimeline,
  evolveCertificateTimeline,
  evolveCertificationBodyTimeline,
  evolveRecognitionDecisionTimeline,
  isRegistryEventType,
  knownRecognitionInput,
  normalizeCountry,
  recognitionStream,
  recordedAtOf,
  recordedThrough,
  toRegistryEvent,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type EventRef,
  type RecognitionDecisionTimeline,
  type RegistryEvent,
} from '@registry/domain';
import { hashLeaf, parseCheckpoint, parseNote, openNote, parseVerifierKey, rootOf } from '@registry/tlog';

/** One line of an export: the event's canonical bytes (RFC 8785 JSON) and its leaf index. */
export interface ExportLine {
  leafIndex: number;
  canonical: string;
}

/** A question to the recognition rule, as the API takes it. */
export interface Question {
  certificateNumber: string;
  country: string;
  asOf: string;
  knownAt: string | null;
}

/** The replay's answer, in the terms the API and a statement use. */
export interface ReplayedAnswer extends Question {
  recognized: boolean;
  basis: string | null;
  arrangementId: string | null;
  validUntil: string | null;
  reasonCodes: string[];
  /** The leaf indexes of the evidence, in log order. */
  evidence: number[];
  knownThrough: { leafIndex: number; treeSize: number; recordedAt: string } | null;
}

/** Reads an export: each line `{"leafIndex":n,"canonical":"<canonical JSON>"}`, or the canonical JSON itself. */
export function parseExport(text: string): ExportLine[] {
  const lines: ExportLine[] = [];
  for (const [number, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let parsed: { leafIndex?: unknown; canonical?: unknown };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      throw new Error(`line ${number + 1} of the export is not JSON`);
    }
    const canonical = typeof parsed.canonical === 'string' ? parsed.canonical : line;
    const leafIndex = typeof parsed.leafIndex === 'number' ? parsed.leafIndex : lines.length;
    if (leafIndex !== lines.length) throw new Error(`line ${number + 1} holds leaf ${leafIndex}, expected leaf ${lines.length}: the export has a gap or is out of order`);
    lines.push({ leafIndex, canonical });
  }
  return lines;
}

/**
 * The export held to a signed checkpoint: the root of its first `size` leaves must be the checkpoint's, and
 * the note's signature must verify when a verifier key is given. Returns the checkpoint's size.
 */
export function checkExportAgainstCheckpoint(lines: readonly ExportLine[], checkpointNote: string, verifierKey?: string): number {
  const text = verifierKey === undefined ? parseNote(checkpointNote).text : openedText(checkpointNote, verifierKey);
  const { size, rootHash } = parseCheckpoint(text);
  if (lines.length < size) throw new Error(`the export holds ${lines.length} leaves, the checkpoint signs ${size}`);
  const root = rootOf(lines.slice(0, size).map((line) => hashLeaf(Buffer.from(line.canonical, 'utf8'))));
  if (!root.equals(rootHash)) throw new Error(`the root of the export's first ${size} leaves is not the checkpoint's: the export is not the log that was signed`);
  return size;
}

function openedText(note: string, verifierKey: string): string {
  const opened = openNote(note, parseVerifierKey(verifierKey));
  if (!opened.ok) throw new Error(`the checkpoint does not verify: ${opened.reason}`);
  return opened.text;
}

type CanonicalEvent = { stream: string; revision: number; type: string; data: unknown; metadata: { [key: string]: unknown } };

/**
 * The log replayed in memory through the domain's own folds — the same timelines the read side keeps, built
 * from the export alone — and the domain's recognition rule asked of them. No read model, no server. Positions
 * are the leaf indexes, so "recorded through leaf n" cuts the timelines as the registry's knownAt does.
 */
export class ExportReplay {
  private readonly certificates = new Map<string, CertificateTimeline>();
  private readonly bodies = new Map<string, CertificationBodyTimeline>();
  private readonly arrangements = new Map<string, ArrangementTimeline>();
  private readonly decisions = new Map<string, RecognitionDecisionTimeline>();
  /** The log's clock at each leaf. */
  private readonly clock: string[] = [];

  private lastClock: string | null = null;

  /** `certificates`: fold only these certificates (and their decisions), to bound memory on a huge log; the
   * certification bodies and arrangements are always folded whole. */
  constructor(lines: Iterable<ExportLine> = [], private readonly options: { certificates?: ReadonlySet<string> } = {}) {
    for (const line of lines) this.add(line);
  }

  /** Folds the next leaf of the log in. */
  add(line: ExportLine): void {
    if (line.leafIndex !== this.clock.length) throw new Error(`leaf ${line.leafIndex} follows leaf ${this.clock.length - 1}: the export has a gap or is out of order`);
    const event = JSON.parse(line.canonical) as CanonicalEvent;
    this.lastClock = advanceLogClock(this.lastClock, recordedAtOf(event.metadata ?? {}));
    this.clock.push(this.lastClock);
    if (!isRegistryEventType(event.type)) return;
    const { certificates } = this.options;
    const about = certificateOf(event.stream);
    if (certificates !== undefined && about !== null && !certificates.has(about)) return;
    const schemaVersion = typeof event.metadata?.schemaVersion === 'number' ? event.metadata.schemaVersion : undefined;
    const domainEvent = toRegistryEvent(event.type, schemaVersion, event.data);
    const ref: EventRef = { stream: event.stream, revision: event.revision, position: String(line.leafIndex), type: event.type };
    this.fold(domainEvent, ref);
  }

  get size(): number {
    return this.clock.length;
  }

  /** Every certificate number in the export. */
  certificateNumbers(): string[] {
    return [...this.certificates.values()].map((timeline) => timeline.number).sort();
  }

  /** Every country with a certification body in the export. */
  countries(): string[] {
    return [...new Set([...this.bodies.values()].map((body) => normalizeCountry(body.country)))].sort();
  }

  /** The log's clock at the last leaf. */
  lastRecordedAt(): string | null {
    return this.clock.length === 0 ? null : this.clock[this.clock.length - 1];
  }

  answer(question: Question): ReplayedAnswer {
    const country = normalizeCountry(question.country);
    const last = question.knownAt === null ? this.size - 1 : this.lastLeafRecordedBy(new Date(question.knownAt).toISOString());
    const known = recordedThrough(last < 0 ? null : String(last));
    const certificate = this.certificates.get(certificateStream(question.certificateNumber)) ?? null;
    const input = knownRecognitionInput(
      {
        certificateNumber: question.certificateNumber,
        certificate,
        issuingBody: certificate && (this.bodies.get(certificationBodyStream(certificate.cbId)) ?? null),
        arrangements: certificate ? [...this.arrangements.values()].filter((arrangement) => everParties(arrangement).includes(certificate.cbId)) : [],
        hostBodies: [...this.bodies.values()].filter((body) => normalizeCountry(body.country) === country),
        decision: this.decisions.get(recognitionStream(question.certificateNumber, country)) ?? null,
      },
      known,
    );
    const answer = evaluateRecognition(input, country, question.asOf);
    return {
      certificateNumber: answer.certificateNumber,
      country: answer.country,
      asOf: answer.asOf,
      knownAt: question.knownAt,
      recognized: answer.recognized,
      basis: answer.basis,
      arrangementId: answer.arrangementId,
      validUntil: answer.validUntil,
      reasonCodes: answer.reasons.map((reason) => reason.code),
      evidence: answer.evidence.map((ref) => Number(ref.position)),
      knownThrough: last < 0 ? null : { leafIndex: last, treeSize: last + 1, recordedAt: this.clock[last] },
    };
  }

  private lastLeafRecordedBy(instant: string): number {
    let low = 0;
    let high = this.clock.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if (this.clock[middle] <= instant) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }

  private fold(event: RegistryEvent, ref: EventRef): void {
    const into = <T>(map: Map<string, T>, evolve: (timeline: T | null, event: RegistryEvent, ref: EventRef) => T | null): void => {
      const next = evolve(map.get(ref.stream) ?? null, event, ref);
      if (next !== null) map.set(ref.stream, next);
    };
    if (ref.stream.startsWith(CERTIFICATE_STREAM_PREFIX)) into(this.certificates, evolveCertificateTimeline);
    else if (ref.stream.startsWith(CERTIFICATION_BODY_STREAM_PREFIX)) into(this.bodies, evolveCertificationBodyTimeline);
    else if (ref.stream.startsWith(ARRANGEMENT_STREAM_PREFIX)) into(this.arrangements, evolveArrangementTimeline);
    else if (ref.stream.startsWith(RECOGNITION_STREAM_PREFIX)) into(this.decisions, evolveRecognitionDecisionTimeline);
  }
}

/** The certificate number a certificate or decision stream is about. */
function certificateOf(stream: string): string | null {
  if (stream.startsWith(CERTIFICATE_STREAM_PREFIX)) return stream.slice(CERTIFICATE_STREAM_PREFIX.length);
  if (stream.startsWith(RECOGNITION_STREAM_PREFIX)) return stream.slice(RECOGNITION_STREAM_PREFIX.length, stream.lastIndexOf('-'));
  return null;
}

/** `TH-PS-2024-0001 MY 2025-03-15 [knownAt]`, or the same comma-separated (a CSV line). */
export function parseQuestion(text: string): Question {
  const parts = text.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length < 3 || parts.length > 4) throw new Error(`a question is "<certificate number> <country> <asOf> [knownAt]", not ${JSON.stringify(text)}`);
  const [certificateNumber, country, asOf, knownAt] = parts;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf ${JSON.stringify(asOf)} is not a date YYYY-MM-DD`);
  if (knownAt !== undefined && Number.isNaN(new Date(knownAt).getTime())) throw new Error(`knownAt ${JSON.stringify(knownAt)} is not an ISO 8601 instant`);
  return { certificateNumber, country, asOf, knownAt: knownAt ?? null };
}
