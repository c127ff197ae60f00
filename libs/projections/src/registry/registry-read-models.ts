import {
  certificateStream,
  certificationBodyStream,
  arrangementStream,
  apiKeyStream,
  everParties,
  normalizeCountry,
  recognitionStream,
  schemeStream,
  type ApiKeyTimeline,
  type ArrangementTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type RecognitionDecisionTimeline,
  type RecognitionInput,
  type RecognizedInInput,
  type SchemeTimeline,
} from '@registry/domain';
import type { Projector } from '../projector';
import type { DocumentTable } from '../sqlite/document-table';
import { apiKeysProjection } from './api-keys.projection';
import { arrangementsProjection, PARTY_KEY, SCHEME_KEY } from './arrangements.projection';
import { certificatesProjection } from './certificates.projection';
import { certificationBodiesProjection, COUNTRY_KEY } from './certification-bodies.projection';
import { CERTIFICATE_KEY, recognitionDecisionsProjection } from './recognition-decisions.projection';
import { schemesProjection } from './schemes.projection';

/** The most documents a listing returns. */
export const MAX_LIST_SIZE = 1_000;

/** What the recognition rule reads is never truncated in practice: no CB is party to this many MRAs. */
const RULE_INPUT_LIMIT = 10_000;

function parse<Doc>(json: string | undefined): Doc | null {
  return json === undefined ? null : (JSON.parse(json) as Doc);
}

function parseAll<Doc>(docs: string[]): Doc[] {
  return docs.map((json) => JSON.parse(json) as Doc);
}

function bounded(limit: number | undefined): number {
  return Math.max(0, Math.min(limit ?? MAX_LIST_SIZE, MAX_LIST_SIZE));
}

/**
 * The registry's queries over the projected documents. It gathers the timelines a question needs; the
 * answers themselves (recognition, statuses on a date) are computed by the domain's rules. Reads are
 * synchronous, so one query never sees a batch half-applied.
 */
export class RegistryReadModels {
  private readonly schemeDocs: DocumentTable;
  private readonly bodyDocs: DocumentTable;
  private readonly certificateDocs: DocumentTable;
  private readonly arrangementDocs: DocumentTable;
  private readonly decisionDocs: DocumentTable;
  private readonly apiKeyDocs: DocumentTable;

  constructor(projector: Projector) {
    this.schemeDocs = projector.table(schemesProjection.name);
    this.bodyDocs = projector.table(certificationBodiesProjection.name);
    this.certificateDocs = projector.table(certificatesProjection.name);
    this.arrangementDocs = projector.table(arrangementsProjection.name);
    this.decisionDocs = projector.table(recognitionDecisionsProjection.name);
    this.apiKeyDocs = projector.table(apiKeysProjection.name);
  }

  certificate(number: string): CertificateTimeline | null {
    return parse(this.certificateDocs.get(certificateStream(number)));
  }

  certificationBody(id: string): CertificationBodyTimeline | null {
    return parse(this.bodyDocs.get(certificationBodyStream(id)));
  }

  /** CBs in id order, of one country when given. */
  certificationBodies(country?: string, limit?: number): CertificationBodyTimeline[] {
    const docs =
      country === undefined
        ? this.bodyDocs.list(bounded(limit))
        : this.bodyDocs.findByKey(COUNTRY_KEY, normalizeCountry(country), bounded(limit));
    return parseAll(docs);
  }

  scheme(code: string): SchemeTimeline | null {
    return parse(this.schemeDocs.get(schemeStream(code)));
  }

  schemes(limit?: number): SchemeTimeline[] {
    return parseAll(this.schemeDocs.list(bounded(limit)));
  }

  arrangement(id: string): ArrangementTimeline | null {
    return parse(this.arrangementDocs.get(arrangementStream(id)));
  }

  arrangements(limit?: number): ArrangementTimeline[] {
    return parseAll(this.arrangementDocs.list(bounded(limit)));
  }

  /** Arrangements any of these CBs is, or was, a party to. */
  arrangementsWithParty(cbIds: readonly string[], limit?: number): ArrangementTimeline[] {
    return parseAll(this.arrangementDocs.findByAnyKey(PARTY_KEY, cbIds, limit ?? RULE_INPUT_LIMIT));
  }

  /** Arrangements that cover, or covered, the scheme. */
  arrangementsCovering(schemeCode: string, limit?: number): ArrangementTimeline[] {
    return parseAll(this.arrangementDocs.findByKey(SCHEME_KEY, schemeCode, bounded(limit)));
  }

  decision(certificateNumber: string, country: string): RecognitionDecisionTimeline | null {
    return parse(this.decisionDocs.get(recognitionStream(certificateNumber, country)));
  }

  /** Every host country's decisions on one certificate. */
  decisionsOn(certificateNumber: string): RecognitionDecisionTimeline[] {
    return parseAll(this.decisionDocs.findByKey(CERTIFICATE_KEY, certificateNumber, RULE_INPUT_LIMIT));
  }

  apiKey(keyId: string): ApiKeyTimeline | null {
    return parse(this.apiKeyDocs.get(apiKeyStream(keyId)));
  }

  /** Keys ever created, revoked ones included. */
  apiKeyCount(): number {
    return this.apiKeyDocs.count();
  }

  /** Everything the recognition rule reads for one certificate in one country. */
  recognitionInput(certificateNumber: string, country: string): RecognitionInput {
    const certificate = this.certificate(certificateNumber);
    if (certificate === null) {
      return { certificateNumber, certificate: null, issuingBody: null, arrangements: [], hostBodies: [], decision: null };
    }
    const target = normalizeCountry(country);
    return {
      certificateNumber,
      certificate,
      issuingBody: this.certificationBody(certificate.cbId),
      arrangements: this.arrangementsWithParty([certificate.cbId]),
      hostBodies: parseAll(this.bodyDocs.findByKey(COUNTRY_KEY, target, RULE_INPUT_LIMIT)),
      decision: this.decision(certificateNumber, target),
    };
  }

  /** The certificate's neighbourhood: what `recognizedIn` evaluates the rule over, country by country. */
  recognizedInInput(certificate: CertificateTimeline): RecognizedInInput {
    const arrangements = this.arrangementsWithParty([certificate.cbId]);
    const partners = [...new Set(arrangements.flatMap(everParties))].sort();
    const bodies = partners
      .map((cbId) => this.certificationBody(cbId))
      .filter((body): body is CertificationBodyTimeline => body !== null);
    return {
      certificate,
      issuingBody: this.certificationBody(certificate.cbId),
      arrangements,
      bodies,
      decisions: this.decisionsOn(certificate.number),
    };
  }
}
