import type { ArrangementTimeline } from '../arrangements/timeline';
import { applicationPendingAt, type RecognitionDecisionTimeline } from '../recognition-decisions/timeline';
import type { Assessment } from '../shared/assessment';
import { addDays, type CalendarDate } from '../shared/calendar-date';

/**
 * Part of recognitionGranted (condition 5): when no grant answers, an application filed by `asOf` and not decided
 * by then is said (`APPLICATION_PENDING`), and flagged `DECISION_OVERDUE` once `asOf` is past the decision period
 * its arrangement sets (the last day to decide is `appliedOn` plus the period).
 */
export function assessPendingApplication(
  decisions: RecognitionDecisionTimeline,
  arrangements: readonly ArrangementTimeline[],
  country: string,
  asOf: CalendarDate,
): Assessment {
  const pending = applicationPendingAt(decisions, asOf);
  if (pending === null) return { failures: [], evidence: [] };
  const failures: Assessment['failures'] = [
    {
      code: 'APPLICATION_PENDING',
      message: `application ${pending.applicationId} of ${pending.appliedOn} under ${pending.arrangementId} awaits the decision of ${country}`,
    },
  ];
  const dueBy = decisionDueBy(pending.appliedOn, arrangements.find((arrangement) => arrangement.id === pending.arrangementId) ?? null);
  if (dueBy !== null && asOf > dueBy) {
    failures.push({ code: 'DECISION_OVERDUE', message: `the decision on application ${pending.applicationId} was due by ${dueBy}` });
  }
  return { failures, evidence: [pending.ref] };
}

/** The last day to decide an application filed on `appliedOn`, when its arrangement sets a decision period. */
export function decisionDueBy(appliedOn: CalendarDate, arrangement: ArrangementTimeline | null): CalendarDate | null {
  const days = arrangement?.decisionPeriodDays ?? null;
  return days === null ? null : addDays(appliedOn, days);
}
