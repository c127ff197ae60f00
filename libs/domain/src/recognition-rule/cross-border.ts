import {
  arrangementScopeStatementAt,
  arrangementStatusAt,
  arrangementStatusChangeAt,
  everParties,
  isPartyAt,
  partyStatementAt,
  type ArrangementStatus,
} from '../arrangements/standing';
import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { RecognitionDecision } from '../recognition-decisions/timeline';
import type { Assessment } from '../shared/assessment';
import type { CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import type { RecognitionBasis } from './answer';
import type { Reason } from './reason-codes';

export type CrossBorderAssessment = Assessment & {
  basis: Exclude<RecognitionBasis, 'HOME'> | null;
  arrangement: ArrangementTimeline | null;
};

/**
 * How close one arrangement comes to recognizing the certificate in the country, closest first. When no
 * arrangement recognizes, the closest one explains why: one that covers the scheme but is suspended (or not
 * in force, or has lost a party) is the arrangement that would have applied, so it outranks one that applies
 * but does not cover the scheme.
 */
export const ARRANGEMENT_STANDINGS = [
  'RECOGNIZES_AUTOMATICALLY',
  'RECOGNIZES_BY_DECISION',
  'AWAITS_DECISION',
  'COVERS_BUT_DOES_NOT_APPLY',
  'APPLIES_BUT_DOES_NOT_COVER',
  'NEITHER_APPLIES_NOR_COVERS',
] as const;

export type ArrangementStanding = (typeof ARRANGEMENT_STANDINGS)[number];

/** What the records say about one arrangement for this certificate, country and date; no judgement yet. */
export type ArrangementFindings = {
  arrangement: ArrangementTimeline;
  /** arrangementApplies (condition 4a): the arrangement is in force. */
  status: ArrangementStatus;
  /** arrangementApplies (4b): the issuing CB, and at least one CB of the country, are parties on the date. */
  issuerIsParty: boolean;
  hostIsParty: boolean;
  /** arrangementApplies (4c): it covers the scheme; null before the arrangement is in force, when no scope is in effect yet. */
  coversScheme: boolean | null;
  /** recognitionGranted (condition 5): AUTOMATIC needs no grant; ON_APPLICATION needs one under this arrangement in force on the date
   * (a revocation in force is notRevoked, condition 6, reported once whatever the arrangement). */
  grant: 'NOT_NEEDED' | 'GRANTED' | 'NOT_GRANTED' | 'REVOKED';
  /** The records the findings rest on. */
  evidence: EventRef[];
};

type Verdict = {
  findings: ArrangementFindings;
  standing: ArrangementStanding;
  failures: Reason[];
  basis: CrossBorderAssessment['basis'];
};

/**
 * Conditions 4 to 6 of the recognition rule (ARCHITECTURE.md): arrangementApplies, an arrangement in force on
 * `asOf` with the issuing CB and a CB of the target country as parties, covering the scheme (4);
 * recognitionGranted, under ON_APPLICATION a grant under that arrangement in force (5); notRevoked, no
 * revocation for the pair in force (6). The candidates are the
 * arrangements that ever joined the issuing CB with a CB of the country; the closest one is reported.
 */
export function assessCrossBorder(
  certificate: CertificateTimeline,
  arrangements: readonly ArrangementTimeline[],
  hostBodies: readonly CertificationBodyTimeline[],
  decision: RecognitionDecision | null,
  country: string,
  asOf: CalendarDate,
): CrossBorderAssessment {
  const hosts = hostBodies.filter((body) => body.country === country);
  const best =
    arrangements
      .filter((arrangement) => joinsIssuerWithCountry(arrangement, certificate.cbId, hosts))
      .map((arrangement) => gatherFindings(arrangement, certificate, hosts, decision, asOf))
      .map((findings) => judge(findings, certificate, country, asOf))
      .sort(closestFirst)[0] ?? null;
  const failures: Reason[] = best
    ? [...best.failures]
    : [{ code: 'NO_ARRANGEMENT', message: `no arrangement has ${certificate.cbId} and a certification body of ${country} as parties` }];
  const evidence = best ? [...best.findings.evidence] : [];
  // notRevoked (condition 6): a revocation refuses recognition under any arrangement.
  const revoked = decision?.decision === 'REVOKED' ? decision : null;
  if (revoked) {
    evidence.push(revoked.ref);
    failures.push({
      code: 'RECOGNITION_REVOKED',
      message: `${country} revoked recognition of certificate ${certificate.number} from ${revoked.decidedOn}`,
    });
  }
  return { failures, evidence, basis: revoked ? null : (best?.basis ?? null), arrangement: best?.findings.arrangement ?? null };
}

function joinsIssuerWithCountry(arrangement: ArrangementTimeline, issuer: string, hosts: readonly CertificationBodyTimeline[]): boolean {
  const parties = everParties(arrangement);
  return parties.includes(issuer) && hosts.some((host) => parties.includes(host.cbId));
}

function closestFirst(a: Verdict, b: Verdict): number {
  const byStanding = ARRANGEMENT_STANDINGS.indexOf(a.standing) - ARRANGEMENT_STANDINGS.indexOf(b.standing);
  return byStanding || a.failures.length - b.failures.length || a.findings.arrangement.id.localeCompare(b.findings.arrangement.id);
}

/** Reads the records of one arrangement: its status, the parties, the scope and the grant on `asOf`. */
export function gatherFindings(
  arrangement: ArrangementTimeline,
  certificate: CertificateTimeline,
  hosts: readonly CertificationBodyTimeline[],
  decision: RecognitionDecision | null,
  asOf: CalendarDate,
): ArrangementFindings {
  const evidence: EventRef[] = [arrangement.signed];
  const change = arrangementStatusChangeAt(arrangement, asOf);
  if (change) evidence.push(change.ref);
  const issuerStatement = partyStatementAt(arrangement, certificate.cbId, asOf);
  if (issuerStatement) evidence.push(issuerStatement.ref);
  const everHosts = hosts.filter((body) => everParties(arrangement).includes(body.cbId));
  const hostParties = everHosts.filter((body) => isPartyAt(arrangement, body.cbId, asOf));
  for (const host of hostParties.length > 0 ? hostParties : everHosts) {
    evidence.push(host.accredited);
    const statement = partyStatementAt(arrangement, host.cbId, asOf);
    if (statement) evidence.push(statement.ref);
  }
  const scope = arrangementScopeStatementAt(arrangement, asOf);
  if (scope) evidence.push(scope.ref);
  const onApplication = arrangement.mode === 'ON_APPLICATION';
  if (onApplication && decision) evidence.push(decision.ref);
  return {
    arrangement,
    status: arrangementStatusAt(arrangement, asOf),
    issuerIsParty: isPartyAt(arrangement, certificate.cbId, asOf),
    hostIsParty: hostParties.length > 0,
    coversScheme: scope ? scope.schemes.includes(certificate.schemeCode) : null,
    grant: !onApplication
      ? 'NOT_NEEDED'
      : decision?.decision === 'REVOKED'
        ? 'REVOKED'
        : decision?.decision === 'GRANTED' && decision.arrangementId === arrangement.id && (decision.validUntil === null || asOf <= decision.validUntil)
          ? 'GRANTED'
          : 'NOT_GRANTED',
    evidence,
  };
}

/** Judges one arrangement's findings: the reasons it does not recognize, and how close it comes. */
export function judge(findings: ArrangementFindings, certificate: CertificateTimeline, country: string, asOf: CalendarDate): Verdict {
  const { arrangement, status, issuerIsParty, hostIsParty, coversScheme, grant } = findings;
  const { id } = arrangement;
  const failures: Reason[] = [];

  if (status === 'SUSPENDED') {
    const scheme = coversScheme ? `, which covers scheme ${certificate.schemeCode},` : '';
    failures.push({ code: 'ARRANGEMENT_SUSPENDED', message: `arrangement ${id}${scheme} is suspended on ${asOf}` });
  }
  const notApplicable: string[] = [];
  if (status !== 'IN_FORCE' && status !== 'SUSPENDED') notApplicable.push(`arrangement ${id} is ${status} on ${asOf}`);
  if (!issuerIsParty) notApplicable.push(`${certificate.cbId} is not a party to ${id} on ${asOf}`);
  if (!hostIsParty) notApplicable.push(`no certification body of ${country} is a party to ${id} on ${asOf}`);
  if (notApplicable.length > 0) failures.push({ code: 'NO_ARRANGEMENT', message: notApplicable.join('; ') });
  const applies = status === 'IN_FORCE' && notApplicable.length === 0;

  if (coversScheme === false) {
    failures.push({ code: 'SCHEME_NOT_COVERED', message: `arrangement ${id} does not cover scheme ${certificate.schemeCode} on ${asOf}` });
  }
  const covers = coversScheme === true;

  if (grant === 'NOT_GRANTED') {
    failures.push({
      code: 'RECOGNITION_NOT_GRANTED',
      message: `arrangement ${id} recognizes on application and ${country} has granted no recognition of certificate ${certificate.number} under it by ${asOf}`,
    });
  }

  const standing = standingOf(applies, covers, grant);
  const basis = standing === 'RECOGNIZES_AUTOMATICALLY' ? 'ARRANGEMENT' : standing === 'RECOGNIZES_BY_DECISION' ? 'DECISION' : null;
  return { findings, standing, failures, basis };
}

function standingOf(applies: boolean, covers: boolean, grant: ArrangementFindings['grant']): ArrangementStanding {
  if (applies && covers && grant === 'NOT_NEEDED') return 'RECOGNIZES_AUTOMATICALLY';
  if (applies && covers && grant === 'GRANTED') return 'RECOGNIZES_BY_DECISION';
  if (applies && covers) return 'AWAITS_DECISION';
  if (covers) return 'COVERS_BUT_DOES_NOT_APPLY';
  if (applies) return 'APPLIES_BUT_DOES_NOT_COVER';
  return 'NEITHER_APPLIES_NOR_COVERS';
}
