import type { DerivedFact } from '../recognition-changes/derived-facts';
import { isActionPlanFact } from '../skills/action-plans/overdue-facts';
import { arrangementStream } from '../streams';
import type { WatchTimeline } from './timeline';

/**
 * Whether a derived fact goes to a watch. A watch never tells more than its owner may look up: an employer's
 * names exact (certificate, country) questions; a CB's cover its own certificates only, all of them or those
 * whose answer rests on (or was changed by) one arrangement. Expiry notices go to the issuing CB's watches of
 * its CB. An action-plan watch receives the overdue alerts of its country's plan, or of every plan.
 */
export function watchReceives(watch: WatchTimeline, fact: DerivedFact): boolean {
  if (watch.deleted !== null) return false;
  const { target, owner } = watch;
  if (isActionPlanFact(fact)) return target.kind === 'ACTION_PLAN' && (target.country === null || target.country === fact.data.country);
  const ownCertificate = owner.cbId !== null && fact.data.cbId === owner.cbId;
  if (fact.type === 'CertificateExpiring') return target.kind === 'CERTIFICATION_BODY' && ownCertificate;
  switch (target.kind) {
    case 'CERTIFICATES':
      return target.certificates.some((pair) => pair.certificateNumber === fact.data.certificateNumber && pair.country === fact.data.country);
    case 'CERTIFICATION_BODY':
      return ownCertificate;
    case 'ACTION_PLAN':
      return false;
    case 'ARRANGEMENT':
      return ownCertificate && (fact.data.arrangementId === target.arrangementId || fact.data.cause.stream === arrangementStream(target.arrangementId));
    default: {
      const unknown: never = target;
      throw new Error(`unknown watch target ${JSON.stringify(unknown)}`);
    }
  }
}
