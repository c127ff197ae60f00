import {
  arrangementScopeStatementAt,
  arrangementStatusAt,
  arrangementStatusChangeAt,
  everParties,
  isPartyAt,
  partyStatementAt,
} from '../arrangements/standing';
import type { ArrangementTimeline } from '../arrangements/timeline';
import type { CertificateTimeline } from '../certificates/timeline';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { RecognitionDecision } from '../recognitions/timeline';
import type { Assessment } from '../shared/assessment';
import type { CalendarDate } from '../shared/calendar-date';
import type { EventRef } from '../shared/event-ref';
import type { RecognitionBasis } from './answer';
import type { Reason } from './reason-codes';

export type CrossBorderAssessment = Assessment & {
  basis: Exclude<RecognitionBasis, 'HOME'> | null;
  arrangement: ArrangementTimeline | null;
};

type Verdict = {
  arrangement: ArrangementTimeline;
  failures: Reason[];
  evidence: EventRef[];
  basis: CrossBorderAssessment['basis'];
  /** How close the arrangement comes to recognizing: AUTOMATIC 4, granted 3, only a grant missing 2,
   * applicable but scheme not covered 1, not applicable 0. */
  rank: number;
};

/**
 * Condition 4 of the recognition rule: an MRA in force on `asOf` with the issuing CB and a CB of the
 * target country as parties in force, covering the scheme; under ON_APPLICATION, a grant under that MRA in
 * force. Of several arrangements the one that comes closest is reported. A revocation in force for the
 * pair refuses recognition under any arrangement.
 */
export function assessCrossBorder(
  certificate: CertificateTimeline,
  arrangements: readonly ArrangementTimeline[],
  hostBodies: readonly CertificationBodyTimeline[],
  decision: RecognitionDecision | null,
  country: string,
  asOf: CalendarDate,
): CrossBorderAssessment {
  const revoked = decision?.decision === 'REVOKED' ? decision : null;
  const verdicts = arrangements
    .filter((arrangement) => everParties(arrangement).includes(certificate.cbId))
    .map((arrangement) => judge(arrangement, certificate, hostBodies, decision, country, asOf));
  const best = verdicts.sort(closestFirst)[0] ?? null;
  const failures: Reason[] = best
    ? [...best.failures]
    : [{ code: 'NO_ARRANGEMENT', message: `no arrangement has ${certificate.cbId} and a certification body of ${country} as parties` }];
  const evidence = best ? [...best.evidence] : [];
  if (revoked) {
    evidence.push(revoked.ref);
    failures.push({
      code: 'RECOGNITION_REVOKED',
      message: `${country} revoked recognition of certificate ${certificate.number} from ${revoked.decidedOn}`,
    });
  }
  return { failures, evidence, basis: revoked ? null : (best?.basis ?? null), arrangement: best?.arrangement ?? null };
}

function closestFirst(a: Verdict, b: Verdict): number {
  return b.rank - a.rank || a.failures.length - b.failures.length || a.arrangement.id.localeCompare(b.arrangement.id);
}

function judge(
  arrangement: ArrangementTimeline,
  certificate: CertificateTimeline,
  hostBodies: readonly CertificationBodyTimeline[],
  decision: RecognitionDecision | null,
  country: string,
  asOf: CalendarDate,
): Verdict {
  const { id } = arrangement;
  const issuer = certificate.cbId;
  const evidence: EventRef[] = [arrangement.signed];
  const failures: Reason[] = [];

  const status = arrangementStatusAt(arrangement, asOf);
  const change = arrangementStatusChangeAt(arrangement, asOf);
  if (change) evidence.push(change.ref);
  const issuerStatement = partyStatementAt(arrangement, issuer, asOf);
  if (issuerStatement) evidence.push(issuerStatement.ref);
  const issuerIsParty = isPartyAt(arrangement, issuer, asOf);
  const hosts = hostBodies.filter((body) => body.country === country && everParties(arrangement).includes(body.cbId));
  const hostParties = hosts.filter((body) => isPartyAt(arrangement, body.cbId, asOf));
  for (const host of hostParties.length > 0 ? hostParties : hosts) {
    evidence.push(host.accredited);
    const statement = partyStatementAt(arrangement, host.cbId, asOf);
    if (statement) evidence.push(statement.ref);
  }

  const notApplicable: string[] = [];
  if (status !== 'IN_FORCE') notApplicable.push(`arrangement ${id} is ${status} on ${asOf}`);
  if (!issuerIsParty) notApplicable.push(`${issuer} is not a party to ${id} on ${asOf}`);
  if (hostParties.length === 0) notApplicable.push(`no certification body of ${country} is a party to ${id} on ${asOf}`);
  const applicable = notApplicable.length === 0;
  if (!applicable) failures.push({ code: 'NO_ARRANGEMENT', message: notApplicable.join('; ') });

  let covered = false;
  const scope = arrangementScopeStatementAt(arrangement, asOf);
  if (scope) {
    evidence.push(scope.ref);
    covered = scope.schemes.includes(certificate.schemeCode);
    if (!covered) {
      failures.push({ code: 'SCHEME_NOT_COVERED', message: `arrangement ${id} does not cover scheme ${certificate.schemeCode} on ${asOf}` });
    }
  }

  let granted = true;
  if (arrangement.mode === 'ON_APPLICATION') {
    granted = decision?.decision === 'GRANTED' && decision.arrangementId === id;
    if (decision) evidence.push(decision.ref);
    if (!granted && decision?.decision !== 'REVOKED') {
      failures.push({
        code: 'RECOGNITION_NOT_GRANTED',
        message: `arrangement ${id} recognizes on application and ${country} has granted no recognition of certificate ${certificate.number} under it by ${asOf}`,
      });
    }
  }

  const recognizes = applicable && covered && granted;
  const automatic = arrangement.mode === 'AUTOMATIC';
  return {
    arrangement,
    failures,
    evidence,
    basis: recognizes ? (automatic ? 'ARRANGEMENT' : 'DECISION') : null,
    rank: recognizes ? (automatic ? 4 : 3) : applicable && covered ? 2 : applicable ? 1 : 0,
  };
}
