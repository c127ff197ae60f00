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
  type WatchTimeline,
} from '@registry/domain';
import { keyedCount, keyedPage, type Keyed } from '../keyset';
import type { Projector } from '../projector';
import { ReadCache } from '../read-cache';
import type { DocumentTable } from '../sqlite/document-table';
import { apiKeysProjection } from './api-keys.projection';
import { arrangementsProjection, PARTY_KEY, SCHEME_KEY } from './arrangements.projection';
import { certificatesProjection, ISSUER_KEY } from './certificates.projection';
import { certificationBodiesProjection, COUNTRY_KEY } from './certification-bodies.projection';
import { APPLIED_IN_KEY, CERTIFICATE_KEY, PENDING_IN_KEY, recognitionDecisionsProjection } from './recognition-decisions.projection';
import { schemesProjection } from './schemes.projection';
import { OWNER_KEY, watchesProjection } from './watches.projection';

/** The most documents a listing returns. */
export const MAX_LIST_SIZE = 1_000;

/** What the recognition rule reads is never truncated in practice: no CB is party to this many MRAs. */
const RULE_INPUT_LIMIT = 10_000;

function parse<Doc>(json: string | undefined): Doc | null {
  return json === undefined ? null : (JSON.parse(json) as Doc);
}

function parseAll<Doc>(docs: string[]): readonly Doc[] {
  return docs.map((json) => JSON.parse(json) as Doc);
}

function bounded(limit: number | undefined): number {
  return Math.max(0, Math.min(limit ?? MAX_LIST_SIZE, MAX_LIST_SIZE));
}

/**
 * The registry's queries over the projected documents. It gathers the timelines a question needs; the
 * answers themselves (recognition, statuses on a date) are computed by the domain's rules. Reads are
 * synchronous, so one query never sees a batch half-applied. Certification bodies, arrangements and schemes
 * are few and read by every recognition query: they come from a cache that every change to them empties.
 * Returned documents may be shared and must not be mutated.
 */
export class RegistryReadModels {
  private readonly schemeDocs: DocumentTable;
  private readonly bodyDocs: DocumentTable;
  private readonly certificateDocs: DocumentTable;
  private readonly arrangementDocs: DocumentTable;
  private readonly decisionDocs: DocumentTable;
  private readonly apiKeyDocs: DocumentTable;
  private readonly watchDocs: DocumentTable;
  private readonly cache: ReadCache;

  constructor(projector: Projector) {
    this.cache = new ReadCache((collection) => projector.generation(collection));
    this.schemeDocs = projector.table(schemesProjection.name);
    this.bodyDocs = projector.table(certificationBodiesProjection.name);
    this.certificateDocs = projector.table(certificatesProjection.name);
    this.arrangementDocs = projector.table(arrangementsProjection.name);
    this.decisionDocs = projector.table(recognitionDecisionsProjection.name);
    this.apiKeyDocs = projector.table(apiKeysProjection.name);
    this.watchDocs = projector.table(watchesProjection.name);
  }

  /** The watches of one owner (`watchOwnerKey`), deleted ones included. */
  watchesOf(ownerKey: string): readonly WatchTimeline[] {
    return parseAll(this.watchDocs.findByKey(OWNER_KEY, ownerKey, MAX_LIST_SIZE));
  }

  certificate(number: string): CertificateTimeline | null {
    return parse(this.certificateDocs.get(certificateStream(number)));
  }

  /** A CB's certificates in number order, at most `limit`. */
  certificatesOf(cbId: string, limit: number): readonly CertificateTimeline[] {
    return parseAll(this.certificateDocs.findByKey(ISSUER_KEY, cbId, limit));
  }

  certificationBody(id: string): CertificationBodyTimeline | null {
    return this.cached(this.bodyDocs, `id:${id}`, () => parse(this.bodyDocs.get(certificationBodyStream(id))));
  }

  /** CBs in id order, of one country when given. */
  certificationBodies(country?: string, limit?: number): readonly CertificationBodyTimeline[] {
    const max = bounded(limit);
    if (country === undefined) return this.cached(this.bodyDocs, `all:${max}`, () => parseAll(this.bodyDocs.list(max)));
    const target = normalizeCountry(country);
    return this.cached(this.bodyDocs, `country:${max}:${target}`, () => parseAll(this.bodyDocs.findByKey(COUNTRY_KEY, target, max)));
  }

  scheme(code: string): SchemeTimeline | null {
    return this.cached(this.schemeDocs, `id:${code}`, () => parse(this.schemeDocs.get(schemeStream(code))));
  }

  schemes(limit?: number): readonly SchemeTimeline[] {
    const max = bounded(limit);
    return this.cached(this.schemeDocs, `all:${max}`, () => parseAll(this.schemeDocs.list(max)));
  }

  arrangement(id: string): ArrangementTimeline | null {
    return this.cached(this.arrangementDocs, `id:${id}`, () => parse(this.arrangementDocs.get(arrangementStream(id))));
  }

  arrangements(limit?: number): readonly ArrangementTimeline[] {
    const max = bounded(limit);
    return this.cached(this.arrangementDocs, `all:${max}`, () => parseAll(this.arrangementDocs.list(max)));
  }

  /** Arrangements any of these CBs is, or was, a party to. */
  arrangementsWithParty(cbIds: readonly string[], limit?: number): readonly ArrangementTimeline[] {
    const max = limit ?? RULE_INPUT_LIMIT;
    const key = `party:${max}:${JSON.stringify(cbIds)}`;
    return this.cached(this.arrangementDocs, key, () => parseAll(this.arrangementDocs.findByAnyKey(PARTY_KEY, cbIds, max)));
  }

  /** Arrangements that cover, or covered, the scheme. */
  arrangementsCovering(schemeCode: string, limit?: number): readonly ArrangementTimeline[] {
    const max = bounded(limit);
    return this.cached(this.arrangementDocs, `scheme:${max}:${schemeCode}`, () =>
      parseAll(this.arrangementDocs.findByKey(SCHEME_KEY, schemeCode, max)),
    );
  }

  decision(certificateNumber: string, country: string): RecognitionDecisionTimeline | null {
    return parse(this.decisionDocs.get(recognitionStream(certificateNumber, country)));
  }

  /** Every host country's decisions on one certificate. */
  decisionsOn(certificateNumber: string): readonly RecognitionDecisionTimeline[] {
    return parseAll(this.decisionDocs.findByKey(CERTIFICATE_KEY, certificateNumber, RULE_INPUT_LIMIT));
  }

  /** The pairs with an application for recognition in the country (pending ones only, when asked), at most `limit`. */
  applicationsIn(country: string, pendingOnly: boolean, limit: number): readonly RecognitionDecisionTimeline[] {
    return parseAll(this.decisionDocs.findByKey(pendingOnly ? PENDING_IN_KEY : APPLIED_IN_KEY, normalizeCountry(country), limit));
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
      hostBodies: this.cached(this.bodyDocs, `hosts:${target}`, () => parseAll(this.bodyDocs.findByKey(COUNTRY_KEY, target, RULE_INPUT_LIMIT))),
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

  // Keyset pages (the connections): `afterId` is the id of the last document of the previous page, null for the first.
  // Read straight from SQLite, past the cache: a page costs its own rows, whatever the size of the list.

  certificationBodiesPage(country: string | undefined, afterId: string | null, limit: number): Keyed<CertificationBodyTimeline>[] {
    return keyedPage(this.bodyDocs, country === undefined ? null : [COUNTRY_KEY, normalizeCountry(country)], afterId, limit);
  }

  certificationBodyCount(country: string | undefined): number {
    return keyedCount(this.bodyDocs, country === undefined ? null : [COUNTRY_KEY, normalizeCountry(country)]);
  }

  schemesPage(afterId: string | null, limit: number): Keyed<SchemeTimeline>[] {
    return keyedPage(this.schemeDocs, null, afterId, limit);
  }

  schemeCount(): number {
    return keyedCount(this.schemeDocs, null);
  }

  /** Arrangements, or those that cover or covered the scheme. */
  arrangementsPage(schemeCode: string | undefined, afterId: string | null, limit: number): Keyed<ArrangementTimeline>[] {
    return keyedPage(this.arrangementDocs, schemeCode === undefined ? null : [SCHEME_KEY, schemeCode], afterId, limit);
  }

  arrangementCount(schemeCode: string | undefined): number {
    return keyedCount(this.arrangementDocs, schemeCode === undefined ? null : [SCHEME_KEY, schemeCode]);
  }

  /** A CB's certificates in number order. */
  certificatesOfPage(cbId: string, afterId: string | null, limit: number): Keyed<CertificateTimeline>[] {
    return keyedPage(this.certificateDocs, [ISSUER_KEY, cbId], afterId, limit);
  }

  certificateCountOf(cbId: string): number {
    return keyedCount(this.certificateDocs, [ISSUER_KEY, cbId]);
  }

  /** The watches of one owner (`watchOwnerKey`), deleted ones included. */
  watchesOfPage(ownerKey: string, afterId: string | null, limit: number): Keyed<WatchTimeline>[] {
    return keyedPage(this.watchDocs, [OWNER_KEY, ownerKey], afterId, limit);
  }

  watchCountOf(ownerKey: string): number {
    return keyedCount(this.watchDocs, [OWNER_KEY, ownerKey]);
  }

  private cached<T>(table: DocumentTable, key: string, load: () => T): T {
    return this.cache.get(table.name, key, load);
  }
}
