import type { CertificateTimeline } from '../../certificates/timeline';
import type { CertificationBodyTimeline } from '../../certification-bodies/timeline';
import type { SchemeTimeline } from '../../schemes/timeline';
import type { CalendarDate } from '../../shared/calendar-date';
import { normalizeCountry } from '../../shared/countries';
import { orderedEvidence, type EventRef } from '../../shared/event-ref';
import { aqrfLevelOf, endorsedReferencingAt, nqfLevelsAt, referencingStatusAt, type NationalFrameworkTimeline } from '../frameworks/timeline';
import { occupationKey, priorityStandingAt, type PriorityOccupationTimeline } from '../priority-occupations/timeline';
import type { NationalQualificationTimeline } from '../qualifications/timeline';
import { linkAt, type SchemeLinkTimeline } from '../scheme-links/timeline';
import {
  COMPARABILITY_NOTICE,
  LEVEL_REASON_CODES,
  type ComparabilityAnswer,
  type ComparabilityReason,
  type ComparabilityReasonCode,
} from './answer';

/** What the comparability answer reads. Timelines that do not belong are ignored rather than trusted. */
export type ComparabilityInput = {
  /** Asked about a national qualification… */
  qualificationId: string | null;
  /** …or about a certificate, through its scheme's link. */
  certificateNumber: string | null;
  certificate: CertificateTimeline | null;
  issuingBody: CertificationBodyTimeline | null;
  scheme: SchemeTimeline | null;
  schemeLink: SchemeLinkTimeline | null;
  /** The qualification asked about, or every qualification the certificate's scheme was ever linked to. */
  qualifications: readonly NationalQualificationTimeline[];
  /** The home and host countries' frameworks (others are ignored). */
  frameworks: readonly NationalFrameworkTimeline[];
  /** Priority occupations of the home and host countries (others are ignored). */
  priorities: readonly PriorityOccupationTimeline[];
};

/** Where the answer starts: the home country, the home level (or an AQRF level directly) and the occupation. */
type Subject = { homeCountry: string; homeNqfLevel: number | null; aqrfLevel: number | null; occupation: string | null; evidence: EventRef[] };

type Found = { subject: Subject } | { reason: ComparabilityReason; evidence: EventRef[] };

function reason(code: ComparabilityReasonCode, message: string): ComparabilityReason {
  return { code, message };
}

function subjectOf(input: ComparabilityInput, asOf: CalendarDate): Found {
  const byId = (id: string): NationalQualificationTimeline | null => input.qualifications.find((q) => q.id === id) ?? null;
  if (input.qualificationId !== null) {
    const qualification = byId(input.qualificationId);
    if (qualification === null) {
      return { reason: reason('QUALIFICATION_NOT_FOUND', `no national qualification ${input.qualificationId} is on record`), evidence: [] };
    }
    const { country, nqfLevel, occupation, registered } = qualification;
    return { subject: { homeCountry: country, homeNqfLevel: nqfLevel, aqrfLevel: null, occupation, evidence: [registered] } };
  }
  const certificate = input.certificate?.number === input.certificateNumber ? input.certificate : null;
  if (certificate === null) {
    return { reason: reason('CERTIFICATE_NOT_FOUND', `no certificate ${input.certificateNumber ?? ''} is on record`), evidence: [] };
  }
  const link = input.schemeLink?.schemeCode === certificate.schemeCode ? linkAt(input.schemeLink, asOf) : null;
  const qualification = link?.qualificationId ? byId(link.qualificationId) : null;
  if (link === null || (link.qualificationId !== null && qualification === null)) {
    return {
      reason: reason('SCHEME_NOT_LINKED', `scheme ${certificate.schemeCode} is linked to no national qualification or AQRF level on ${asOf}`),
      evidence: [certificate.issued],
    };
  }
  const evidence = [certificate.issued, link.ref];
  if (qualification !== null) {
    const { country, nqfLevel, occupation, registered } = qualification;
    return { subject: { homeCountry: country, homeNqfLevel: nqfLevel, aqrfLevel: null, occupation, evidence: [...evidence, registered] } };
  }
  const issuingBody = input.issuingBody?.cbId === certificate.cbId ? input.issuingBody : null;
  const scheme = input.scheme?.code === certificate.schemeCode ? input.scheme : null;
  return {
    subject: {
      homeCountry: issuingBody?.country ?? '',
      homeNqfLevel: null,
      aqrfLevel: link.aqrfLevel,
      occupation: scheme?.occupation ?? null,
      evidence: scheme ? [...evidence, scheme.registered] : evidence,
    },
  };
}

function frameworkOf(input: ComparabilityInput, country: string): NationalFrameworkTimeline | null {
  return input.frameworks.find((framework) => framework.country === country) ?? null;
}

/** Why there is no endorsed referencing on asOf, with the records that show where it stands. */
function notEndorsed(code: ComparabilityReasonCode, framework: NationalFrameworkTimeline | null, country: string, asOf: CalendarDate) {
  if (framework === null) return { reason: reason(code, `${country} has no national framework on record`), evidence: [] };
  const status = referencingStatusAt(framework, asOf);
  if (status === null) {
    return { reason: reason(code, `${country}'s framework is not referenced to the AQRF on ${asOf}`), evidence: [framework.registered] };
  }
  const version = framework.versions.find((entry) => entry.version === status.version);
  const steps = (version?.steps ?? []).filter((step) => step.on <= asOf).map((step) => step.ref);
  return {
    reason: reason(code, `${country}'s referencing to the AQRF (version ${status.version}) is ${status.status} since ${status.since}, not endorsed, on ${asOf}`),
    evidence: steps,
  };
}

function priorityIn(input: ComparabilityInput, country: string, occupation: string | null, asOf: CalendarDate, code: ComparabilityReasonCode) {
  if (occupation === null) return { reason: reason(code, `no occupation is recorded to compare with ${country}'s priorities`), evidence: [] };
  const candidates = input.priorities.filter((p) => p.country === country && occupationKey(p.occupation) === occupationKey(occupation));
  const standings = candidates.map((priority) => priorityStandingAt(priority, asOf));
  const validated = standings.find((standing) => standing.status === 'VALIDATED');
  if (validated) return { reason: null, evidence: validated.evidence };
  if (standings.length === 0) return { reason: reason(code, `${occupation} is not a priority occupation proposed by ${country} on ${asOf}`), evidence: [] };
  const standing = standings[0];
  const detail =
    standing.status === 'AWAITING_VALIDATION'
      ? `awaits validation by ${standing.missingPartners.join(' and ')}`
      : standing.status === 'NOT_VALIDATED'
        ? 'was not validated by every social partner'
        : 'is not yet proposed';
  return { reason: reason(code, `${occupation} as a priority occupation of ${country} ${detail} on ${asOf}`), evidence: standing.evidence };
}

/**
 * Comparability, not recognition: through the two countries' endorsed referencing to the AQRF (ENDORSED on or
 * before asOf), the host framework's levels at the qualification's AQRF level; and whether its occupation is a
 * validated priority occupation in both countries. Every unmet condition is a reason with its records.
 */
export function evaluateComparability(input: ComparabilityInput, country: string, asOf: CalendarDate): ComparabilityAnswer {
  const host = normalizeCountry(country);
  const blank = {
    kind: 'COMPARABILITY' as const,
    notice: COMPARABILITY_NOTICE,
    qualificationId: input.qualificationId,
    certificateNumber: input.qualificationId === null ? input.certificateNumber : null,
    country: host,
    asOf,
    homeCountry: null,
    occupation: null,
    homeNqfLevel: null,
    aqrfLevel: null,
    hostNqfLevels: [],
    comparable: false,
    priorityInBoth: false,
  };
  const found = subjectOf(input, asOf);
  if ('reason' in found) return { ...blank, reasons: [found.reason], evidence: orderedEvidence(found.evidence) };

  const { subject } = found;
  const reasons: ComparabilityReason[] = [];
  const evidence: EventRef[] = [...subject.evidence];
  const note = (outcome: { reason: ComparabilityReason | null; evidence: EventRef[] }): void => {
    if (outcome.reason) reasons.push(outcome.reason);
    evidence.push(...outcome.evidence);
  };

  let aqrfLevel = subject.aqrfLevel;
  if (subject.homeNqfLevel !== null) {
    const homeFramework = frameworkOf(input, subject.homeCountry);
    const homeReferencing = homeFramework && endorsedReferencingAt(homeFramework, asOf);
    if (homeReferencing) {
      evidence.push(...homeReferencing.evidence);
      aqrfLevel = aqrfLevelOf(homeReferencing, subject.homeNqfLevel);
      if (aqrfLevel === null) {
        reasons.push(reason('NQF_LEVEL_NOT_REFERENCED', `level ${subject.homeNqfLevel} of ${subject.homeCountry}'s framework is not referenced to the AQRF`));
      }
    } else if (subject.homeCountry !== host) {
      note(notEndorsed('HOME_REFERENCING_NOT_ENDORSED', homeFramework, subject.homeCountry, asOf));
    }
  }

  let hostNqfLevels: number[] = [];
  if (subject.homeCountry === host && subject.homeNqfLevel !== null) {
    hostNqfLevels = [subject.homeNqfLevel];
  } else {
    const hostFramework = frameworkOf(input, host);
    const hostReferencing = hostFramework && endorsedReferencingAt(hostFramework, asOf);
    if (!hostReferencing) {
      note(notEndorsed('HOST_REFERENCING_NOT_ENDORSED', hostFramework, host, asOf));
    } else {
      evidence.push(...hostReferencing.evidence);
      if (aqrfLevel !== null) {
        hostNqfLevels = nqfLevelsAt(hostReferencing, aqrfLevel);
        if (hostNqfLevels.length === 0) {
          reasons.push(reason('NO_HOST_LEVEL_AT_AQRF_LEVEL', `no level of ${host}'s framework is referenced to AQRF level ${aqrfLevel}`));
        }
      }
    }
  }

  note(priorityIn(input, subject.homeCountry, subject.occupation, asOf, 'NOT_PRIORITY_IN_HOME'));
  if (subject.homeCountry !== host) note(priorityIn(input, host, subject.occupation, asOf, 'NOT_PRIORITY_IN_HOST'));

  return {
    ...blank,
    homeCountry: subject.homeCountry,
    occupation: subject.occupation,
    homeNqfLevel: subject.homeNqfLevel,
    aqrfLevel,
    hostNqfLevels,
    comparable: !reasons.some((entry) => LEVEL_REASON_CODES.includes(entry.code)) && hostNqfLevels.length > 0,
    priorityInBoth: !reasons.some((entry) => !LEVEL_REASON_CODES.includes(entry.code)),
    reasons,
    evidence: orderedEvidence(evidence),
  };
}
