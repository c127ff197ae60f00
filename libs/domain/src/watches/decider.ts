import { requireCountry, requireText } from '../shared/checks';
import { requireMemberState } from '../skills/asean';
import type { Decider } from '../shared/decider';
import { unreachable } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type { Actor } from '../shared/actor';
import type { CreateWatch, WatchCommand } from './commands';
import type { WatchEvent, WatchOwner, WatchTarget } from './events';
import { requireWebhookUrl } from './webhook-url';

export type WatchState =
  | { status: 'None' }
  | { status: 'Active'; watchId: string; owner: WatchOwner; secretVersion: number }
  | { status: 'Deleted'; watchId: string; owner: WatchOwner };

/** At most this many (certificate, country) questions in one watch. */
export const WATCH_CERTIFICATES_MAX = 50;

const initialState = (): WatchState => ({ status: 'None' });

function evolve(state: WatchState, event: WatchEvent): WatchState {
  switch (event.type) {
    case 'WatchCreated':
      return { status: 'Active', watchId: event.data.watchId, owner: event.data.owner, secretVersion: event.data.secretVersion };
    case 'WatchSecretRotated':
      return state.status === 'Active' ? { ...state, secretVersion: event.data.secretVersion } : state;
    case 'WatchDeleted':
      return state.status === 'Active' ? { status: 'Deleted', watchId: state.watchId, owner: state.owner } : state;
    default:
      return unreachable(event);
  }
}

function decide(command: WatchCommand, state: WatchState): WatchEvent[] {
  const watchId = requireText(command.data.watchId, 'watchId');
  switch (command.type) {
    case 'CreateWatch': {
      if (state.status !== 'None') throw new RuleViolation('WATCH_ID_TAKEN', `watch ${watchId} already exists`, 'watchId');
      const owner = ownerOf(command.actor);
      const target = permittedTarget(command, owner, command.actor);
      return [{ type: 'WatchCreated', data: { watchId, owner, target, url: requireWebhookUrl(command.data.url), secretVersion: 1 } }];
    }
    case 'RotateWatchSecret': {
      const watch = ownWatch(state, command.actor, watchId);
      return [{ type: 'WatchSecretRotated', data: { watchId, secretVersion: watch.secretVersion + 1 } }];
    }
    case 'DeleteWatch':
      ownWatch(state, command.actor, watchId);
      return [{ type: 'WatchDeleted', data: { watchId } }];
    default:
      return unreachable(command);
  }
}

function ownerOf(actor: Actor): WatchOwner {
  switch (actor.role) {
    case 'CERTIFICATION_BODY':
      if (!actor.cbId) throw new RuleViolation('ACTOR_NOT_BOUND_TO_CB', 'this CERTIFICATION_BODY key is bound to no certification body');
      return { role: 'CERTIFICATION_BODY', keyId: actor.keyId, cbId: actor.cbId };
    case 'EMPLOYER':
    case 'SKILLS_FOCAL_POINT':
    case 'ACCREDITATION_BODY':
      return { role: actor.role, keyId: actor.keyId, cbId: null };
    case 'AUDITOR':
      // Refused by the declaration before the decider runs; kept so the owner's role is always a watcher's.
      throw new RuleViolation('ROLE_NOT_PERMITTED', 'an AUDITOR key may not create a watch');
    default:
      return unreachable(actor.role);
  }
}

/**
 * A watch shows no more than its owner may look up: an employer names exact (certificate, country) questions;
 * a CB may also follow its own certificates, all of them or those under one arrangement. The action plans'
 * monitoring is public, so an employer or the accreditation body may watch any plan or the region's; a skills
 * focal point, whose key speaks for one country, its own plan or the region's. A CB's watches stay about its
 * certificates, and a focal point's or the accreditation body's about action plans.
 */
function permittedTarget(command: CreateWatch, owner: WatchOwner, actor: Actor): WatchTarget {
  const { target } = command.data;
  const certificateWatcher = owner.role === 'EMPLOYER' || owner.role === 'CERTIFICATION_BODY';
  if (target.kind !== 'ACTION_PLAN' && !certificateWatcher) {
    const field = { CERTIFICATES: 'certificates', CERTIFICATION_BODY: 'cbId', ARRANGEMENT: 'arrangementId' }[target.kind];
    throw new RuleViolation('WATCH_TARGET_NOT_PERMITTED', `a ${owner.role} key watches action plans, not certificates`, field);
  }
  switch (target.kind) {
    case 'ACTION_PLAN': {
      if (owner.role === 'CERTIFICATION_BODY') throw new RuleViolation('WATCH_TARGET_NOT_PERMITTED', "a certification body's watches follow its certificates", 'actionPlan');
      const country = target.country == null ? null : requireMemberState(target.country, 'actionPlan.country');
      if (owner.role === 'SKILLS_FOCAL_POINT' && country !== null && country !== actor.country) {
        throw new RuleViolation('WATCH_TARGET_NOT_PERMITTED', `the skills focal point of ${actor.country ?? '?'} watches its own action plan or the region's`, 'actionPlan.country');
      }
      return { kind: 'ACTION_PLAN', country };
    }
    case 'CERTIFICATES': {
      if (target.certificates.length === 0) throw new RuleViolation('FIELD_REQUIRED', 'a watch of certificates names at least one', 'certificates');
      if (target.certificates.length > WATCH_CERTIFICATES_MAX) {
        throw new RuleViolation('WATCH_TOO_LARGE', `a watch names at most ${WATCH_CERTIFICATES_MAX} (certificate, country) questions`, 'certificates');
      }
      const certificates = target.certificates.map(({ certificateNumber, country }) => ({
        certificateNumber: requireText(certificateNumber, 'certificates'),
        country: requireCountry(country, 'certificates'),
      }));
      return { kind: 'CERTIFICATES', certificates };
    }
    case 'CERTIFICATION_BODY':
      if (owner.cbId === null || owner.cbId !== target.cbId) {
        throw new RuleViolation('WATCH_TARGET_NOT_PERMITTED', 'only a certification body may watch all its own certificates', 'cbId');
      }
      return target;
    case 'ARRANGEMENT':
      if (owner.cbId === null) throw new RuleViolation('WATCH_TARGET_NOT_PERMITTED', "an employer watches exact certificates, not an arrangement's", 'arrangementId');
      return { kind: 'ARRANGEMENT', arrangementId: requireText(target.arrangementId, 'arrangementId') };
    default:
      return unreachable(target);
  }
}

function ownWatch(state: WatchState, actor: Actor, watchId: string): Extract<WatchState, { status: 'Active' }> {
  if (state.status !== 'Active') throw new RuleViolation('WATCH_NOT_FOUND', `no watch ${watchId}`, 'watchId');
  const owns = state.owner.role === 'CERTIFICATION_BODY' ? actor.cbId === state.owner.cbId : actor.keyId === state.owner.keyId;
  if (!owns || actor.role !== state.owner.role) throw new RuleViolation('NOT_OWN_WATCH', `watch ${watchId} is not yours`, 'watchId');
  return state;
}

export const watchDecider: Decider<WatchState, WatchCommand, WatchEvent> = { initialState, evolve, decide };
