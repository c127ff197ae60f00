import { Args, Query, Resolver } from '@nestjs/graphql';
import { impactOf, type Actor, type ImpactEvent } from '@registry/domain';
import { Authorizer, CallerActor } from '../../auth';
import { badUserInput } from '../../errors';
import { RegistryValidationPipe } from '../../graphql/validation.pipe';
import { NotificationsHost } from '../notifications.host';
import { ImpactInput, ImpactObject, type ImpactCountObject } from './impact.objects';

const CERTIFICATES_SHOWN = 1_000;

@Resolver(() => ImpactObject)
export class ImpactResolver {
  constructor(
    private readonly notifications: NotificationsHost,
    private readonly authorizer: Authorizer,
  ) {}

  @Query(() => ImpactObject, {
    complexity: 50,
    description: 'What if: the answers a decision would turn from yes to no on its effective date, nothing recorded. ACCREDITATION_BODY and AUDITOR keys; a CERTIFICATION_BODY key gets counts about its own certificates.',
  })
  impact(@Args('of', RegistryValidationPipe) of: ImpactInput, @CallerActor() caller: Actor | null): ImpactObject {
    const actor = this.authorizer.requireRole(caller, ['ACCREDITATION_BODY', 'AUDITOR', 'CERTIFICATION_BODY'], 'impact');
    const event = eventOf(of);
    const { lost } = impactOf(this.notifications.world(), event, event.data.effectiveOn);
    const visible = actor.role === 'CERTIFICATION_BODY' ? lost.filter((pair) => pair.cbId === actor.cbId) : lost;
    return {
      total: visible.length,
      byCountry: counts(visible.map((pair) => pair.country)),
      byScheme: counts(visible.map((pair) => pair.schemeCode)),
      certificates: actor.role === 'CERTIFICATION_BODY' ? null : visible.slice(0, CERTIFICATES_SHOWN).map(({ certificateNumber, country }) => ({ certificateNumber, country })),
    };
  }
}

function eventOf(of: ImpactInput): ImpactEvent {
  const given = Object.entries(of).filter(([, value]) => value != null);
  if (given.length !== 1) throw badUserInput([{ path: 'of', message: 'give exactly one decision' }]);
  const reason = 'what if';
  if (of.suspendAccreditation) return { type: 'AccreditationSuspended', data: { ...of.suspendAccreditation, reason } };
  if (of.reduceAccreditationScope) return { type: 'AccreditationScopeReduced', data: of.reduceAccreditationScope };
  if (of.withdrawArrangementParty) {
    const { arrangementId, cbId, effectiveOn } = of.withdrawArrangementParty;
    return { type: 'MRAPartyWithdrawn', data: { id: arrangementId, cbId, effectiveOn } };
  }
  if (of.suspendArrangement) return { type: 'MRASuspended', data: { id: of.suspendArrangement.arrangementId, effectiveOn: of.suspendArrangement.effectiveOn, reason } };
  if (of.terminateArrangement) return { type: 'MRATerminated', data: { id: of.terminateArrangement.arrangementId, effectiveOn: of.terminateArrangement.effectiveOn, reason } };
  const amend = of.amendArrangementScope!;
  return { type: 'MRAScopeAmended', data: { id: amend.arrangementId, schemes: amend.schemes, effectiveOn: amend.effectiveOn } };
}

function counts(keys: string[]): ImpactCountObject[] {
  const byKey = new Map<string, number>();
  for (const key of keys) byKey.set(key, (byKey.get(key) ?? 0) + 1);
  return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => ({ key, count }));
}
