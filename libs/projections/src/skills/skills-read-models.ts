import {
  actionPlanStream,
  certificateStream,
  certificationBodyStream,
  nationalFrameworkStream,
  nationalQualificationStream,
  normalizeCountry,
  occupationKey,
  schemeLinkStream,
  schemeStream,
  type ActionPlanTimeline,
  type CertificateTimeline,
  type CertificationBodyTimeline,
  type ComparabilityInput,
  type NationalFrameworkTimeline,
  type NationalQualificationTimeline,
  type PriorityOccupationTimeline,
  type SchemeLinkTimeline,
  type SchemeTimeline,
} from '@registry/domain';
import { keyedCount, keyedPage, type Keyed, type KeyFilter } from '../keyset';
import type { Projector } from '../projector';
import type { DocumentTable } from '../sqlite/document-table';
import { certificatesProjection } from '../registry/certificates.projection';
import { certificationBodiesProjection } from '../registry/certification-bodies.projection';
import { MAX_LIST_SIZE } from '../registry/registry-read-models';
import { schemesProjection } from '../registry/schemes.projection';
import {
  actionPlansProjection,
  COUNTRY_KEY,
  nationalFrameworksProjection,
  nationalQualificationsProjection,
  OCCUPATION_KEY,
  priorityOccupationsProjection,
  schemeLinksProjection,
} from './skills.projections';

function parse<Doc>(json: string | undefined): Doc | null {
  return json === undefined ? null : (JSON.parse(json) as Doc);
}

function parseAll<Doc>(docs: string[]): Doc[] {
  return docs.map((json) => JSON.parse(json) as Doc);
}

function ofCountry(country: string | undefined): KeyFilter {
  return country === undefined ? null : [COUNTRY_KEY, normalizeCountry(country)];
}

/**
 * The skills context's queries over its projected documents. It gathers timelines; the answers (referencing on a
 * date, tripartite standing, monitoring, comparability) are the domain's. Few documents (ten countries), so no cache.
 */
export class SkillsReadModels {
  private readonly frameworkDocs: DocumentTable;
  private readonly qualificationDocs: DocumentTable;
  private readonly linkDocs: DocumentTable;
  private readonly priorityDocs: DocumentTable;
  private readonly planDocs: DocumentTable;
  private readonly certificateDocs: DocumentTable;
  private readonly bodyDocs: DocumentTable;
  private readonly schemeDocs: DocumentTable;

  constructor(projector: Projector) {
    this.frameworkDocs = projector.table(nationalFrameworksProjection.name);
    this.qualificationDocs = projector.table(nationalQualificationsProjection.name);
    this.linkDocs = projector.table(schemeLinksProjection.name);
    this.priorityDocs = projector.table(priorityOccupationsProjection.name);
    this.planDocs = projector.table(actionPlansProjection.name);
    this.certificateDocs = projector.table(certificatesProjection.name);
    this.bodyDocs = projector.table(certificationBodiesProjection.name);
    this.schemeDocs = projector.table(schemesProjection.name);
  }

  framework(country: string): NationalFrameworkTimeline | null {
    return parse(this.frameworkDocs.get(nationalFrameworkStream(country)));
  }

  frameworks(): NationalFrameworkTimeline[] {
    return parseAll(this.frameworkDocs.list(MAX_LIST_SIZE));
  }

  qualification(id: string): NationalQualificationTimeline | null {
    return parse(this.qualificationDocs.get(nationalQualificationStream(id)));
  }

  qualifications(country?: string): NationalQualificationTimeline[] {
    if (country === undefined) return parseAll(this.qualificationDocs.list(MAX_LIST_SIZE));
    return parseAll(this.qualificationDocs.findByKey(COUNTRY_KEY, normalizeCountry(country), MAX_LIST_SIZE));
  }

  schemeLink(schemeCode: string): SchemeLinkTimeline | null {
    return parse(this.linkDocs.get(schemeLinkStream(schemeCode)));
  }

  priorities(country?: string): PriorityOccupationTimeline[] {
    if (country === undefined) return parseAll(this.priorityDocs.list(MAX_LIST_SIZE));
    return parseAll(this.priorityDocs.findByKey(COUNTRY_KEY, normalizeCountry(country), MAX_LIST_SIZE));
  }

  actionPlan(country: string): ActionPlanTimeline | null {
    return parse(this.planDocs.get(actionPlanStream(country)));
  }

  actionPlans(): ActionPlanTimeline[] {
    return parseAll(this.planDocs.list(MAX_LIST_SIZE));
  }

  // Keyset pages (the connections): `afterId` is the id of the last document of the previous page, null for the first.

  frameworksPage(afterId: string | null, limit: number): Keyed<NationalFrameworkTimeline>[] {
    return keyedPage(this.frameworkDocs, null, afterId, limit);
  }

  frameworkCount(): number {
    return keyedCount(this.frameworkDocs, null);
  }

  qualificationsPage(country: string | undefined, afterId: string | null, limit: number): Keyed<NationalQualificationTimeline>[] {
    return keyedPage(this.qualificationDocs, ofCountry(country), afterId, limit);
  }

  qualificationCount(country: string | undefined): number {
    return keyedCount(this.qualificationDocs, ofCountry(country));
  }

  prioritiesPage(country: string | undefined, afterId: string | null, limit: number): Keyed<PriorityOccupationTimeline>[] {
    return keyedPage(this.priorityDocs, ofCountry(country), afterId, limit);
  }

  priorityCount(country: string | undefined): number {
    return keyedCount(this.priorityDocs, ofCountry(country));
  }

  /** Everything comparability reads for a qualification, or for a certificate through its scheme's links. */
  comparabilityInput(ask: { qualificationId: string } | { certificateNumber: string }, country: string): ComparabilityInput {
    const host = normalizeCountry(country);
    if ('qualificationId' in ask) {
      const qualification = this.qualification(ask.qualificationId);
      return this.around(
        { qualificationId: ask.qualificationId, certificateNumber: null, certificate: null, issuingBody: null, scheme: null, schemeLink: null },
        qualification ? [qualification] : [],
        [qualification?.country],
        host,
        [qualification?.occupation],
      );
    }
    const certificate = parse<CertificateTimeline>(this.certificateDocs.get(certificateStream(ask.certificateNumber)));
    const issuingBody = certificate && parse<CertificationBodyTimeline>(this.bodyDocs.get(certificationBodyStream(certificate.cbId)));
    const scheme = certificate && parse<SchemeTimeline>(this.schemeDocs.get(schemeStream(certificate.schemeCode)));
    const schemeLink = certificate && this.schemeLink(certificate.schemeCode);
    const linked = [...new Set((schemeLink?.links ?? []).flatMap((link) => (link.qualificationId ? [link.qualificationId] : [])))]
      .map((id) => this.qualification(id))
      .filter((qualification): qualification is NationalQualificationTimeline => qualification !== null);
    const homes = [...new Set([issuingBody?.country, ...linked.map((qualification) => qualification.country)])];
    const occupations = [scheme?.occupation, ...linked.map((qualification) => qualification.occupation)];
    const base = { qualificationId: null, certificateNumber: ask.certificateNumber, certificate, issuingBody, scheme, schemeLink };
    return this.around(base, linked, homes, host, occupations);
  }

  /** Completes an input with the frameworks of the home and host countries and their priorities for the occupations. */
  private around(
    base: Omit<ComparabilityInput, 'qualifications' | 'frameworks' | 'priorities'>,
    qualifications: NationalQualificationTimeline[],
    homes: readonly (string | null | undefined)[],
    host: string,
    occupations: readonly (string | null | undefined)[],
  ): ComparabilityInput {
    const countries = [...new Set([...homes.filter((home): home is string => Boolean(home)), host])];
    const frameworks = countries.map((code) => this.framework(code)).filter((framework): framework is NationalFrameworkTimeline => framework !== null);
    const names = [...new Set(occupations.filter((name): name is string => Boolean(name)).map(occupationKey))];
    const keys = countries.flatMap((code) => names.map((name) => `${code}:${name}`));
    const priorities = parseAll<PriorityOccupationTimeline>(this.priorityDocs.findByAnyKey(OCCUPATION_KEY, keys, MAX_LIST_SIZE));
    return { ...base, qualifications, frameworks, priorities };
  }
}
