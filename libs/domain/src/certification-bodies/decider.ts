import type { CalendarDate } from '../shared/calendar-date';
import {
  requireCountry,
  requireDate,
  requireEndAfterStart,
  requireNotBackdated,
  requireRegisteredSchemes,
  requireSchemeList,
  requireText,
  suspendedUntil,
} from '../shared/checks';
import { unreachable, type Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type {
  AccreditCertificationBody,
  CertificationBodyCommand,
  ExtendAccreditationScope,
  ReduceAccreditationScope,
  RenewAccreditation,
  ReinstateAccreditation,
  SuspendAccreditation,
  WithdrawAccreditation,
} from './commands';
import type { CertificationBodyEvent } from './events';

/** What the write side needs to know about a live accreditation: its latest scope and validity, and the
 * date of its last change (nothing may be dated before it). */
export type Accreditation = {
  cbId: string;
  country: string;
  scope: string[];
  validUntil: CalendarDate;
  lastEffectiveOn: CalendarDate;
};

export type CertificationBodyState =
  | { status: 'Unaccredited' }
  | { status: 'Accredited'; accreditation: Accreditation }
  | { status: 'Suspended'; accreditation: Accreditation }
  | { status: 'Withdrawn'; cbId: string };

const initialState = (): CertificationBodyState => ({ status: 'Unaccredited' });

function evolve(state: CertificationBodyState, event: CertificationBodyEvent): CertificationBodyState {
  if (event.type === 'CertificationBodyAccredited') {
    const { cbId, country, scope, accreditedOn, validUntil } = event.data;
    return { status: 'Accredited', accreditation: { cbId, country, scope, validUntil, lastEffectiveOn: accreditedOn } };
  }
  if (state.status !== 'Accredited' && state.status !== 'Suspended') return state;
  const accreditation = { ...state.accreditation, lastEffectiveOn: event.data.effectiveOn };
  switch (event.type) {
    case 'AccreditationRenewed':
      return { status: state.status, accreditation: { ...accreditation, validUntil: event.data.validUntil } };
    case 'AccreditationScopeExtended':
      return { status: state.status, accreditation: { ...accreditation, scope: [...accreditation.scope, ...event.data.schemes] } };
    case 'AccreditationScopeReduced': {
      const scope = accreditation.scope.filter((code) => !event.data.schemes.includes(code));
      return { status: state.status, accreditation: { ...accreditation, scope } };
    }
    case 'AccreditationSuspended':
      return { status: 'Suspended', accreditation };
    case 'AccreditationReinstated':
      return { status: 'Accredited', accreditation };
    case 'AccreditationWithdrawn':
      return { status: 'Withdrawn', cbId: accreditation.cbId };
    default:
      return unreachable(event);
  }
}

type Live = Extract<CertificationBodyState, { accreditation: Accreditation }>;

/** The accreditation a later command acts on; withdrawal is final. */
function live(state: CertificationBodyState, cbId: string): Live {
  switch (state.status) {
    case 'Unaccredited':
      throw new RuleViolation('CB_NOT_FOUND', `certification body ${cbId} is not accredited`, 'cbId');
    case 'Withdrawn':
      throw new RuleViolation('ACCREDITATION_WITHDRAWN', `the accreditation of ${cbId} was withdrawn; withdrawal is final`, 'cbId');
    case 'Accredited':
    case 'Suspended':
      return state;
    default:
      return unreachable(state);
  }
}

function effectiveOn(value: CalendarDate, accreditation: Accreditation): CalendarDate {
  const date = requireDate(value, 'effectiveOn');
  requireNotBackdated(date, accreditation.lastEffectiveOn, 'effectiveOn');
  return date;
}

function accredit(command: AccreditCertificationBody, state: CertificationBodyState): CertificationBodyEvent {
  const { data, facts } = command;
  const cbId = requireText(data.cbId, 'cbId');
  if (state.status !== 'Unaccredited') {
    throw new RuleViolation('CB_ID_TAKEN', `certification body ${cbId} already exists`, 'cbId');
  }
  const name = requireText(data.name, 'name');
  const country = requireCountry(data.country, 'country');
  const scope = requireRegisteredSchemes(data.scope, facts.registeredSchemes, 'scope');
  const accreditedOn = requireDate(data.accreditedOn, 'accreditedOn');
  const validUntil = requireDate(data.validUntil, 'validUntil');
  requireEndAfterStart(accreditedOn, validUntil, 'validUntil');
  return { type: 'CertificationBodyAccredited', data: { cbId, name, country, scope, accreditedOn, validUntil } };
}

function renew(command: RenewAccreditation, state: CertificationBodyState): CertificationBodyEvent {
  const { data } = command;
  const { accreditation } = live(state, data.cbId);
  const from = effectiveOn(data.effectiveOn, accreditation);
  const validUntil = requireDate(data.validUntil, 'validUntil');
  requireEndAfterStart(from, validUntil, 'validUntil');
  if (validUntil <= accreditation.validUntil) {
    throw new RuleViolation(
      'RENEWAL_DOES_NOT_EXTEND',
      `a renewal must extend validity beyond ${accreditation.validUntil}`,
      'validUntil',
    );
  }
  return { type: 'AccreditationRenewed', data: { cbId: accreditation.cbId, effectiveOn: from, validUntil } };
}

function extendScope(command: ExtendAccreditationScope, state: CertificationBodyState): CertificationBodyEvent {
  const { data, facts } = command;
  const { accreditation } = live(state, data.cbId);
  const from = effectiveOn(data.effectiveOn, accreditation);
  const schemes = requireRegisteredSchemes(data.schemes, facts.registeredSchemes, 'schemes');
  const already = schemes.filter((code) => accreditation.scope.includes(code));
  if (already.length > 0) {
    throw new RuleViolation('SCHEME_ALREADY_IN_SCOPE', `already in scope: ${already.join(', ')}`, 'schemes');
  }
  return { type: 'AccreditationScopeExtended', data: { cbId: accreditation.cbId, schemes, effectiveOn: from } };
}

function reduceScope(command: ReduceAccreditationScope, state: CertificationBodyState): CertificationBodyEvent {
  const { data } = command;
  const { accreditation } = live(state, data.cbId);
  const from = effectiveOn(data.effectiveOn, accreditation);
  const schemes = requireSchemeList(data.schemes, 'schemes');
  const absent = schemes.filter((code) => !accreditation.scope.includes(code));
  if (absent.length > 0) {
    throw new RuleViolation('SCHEME_NOT_IN_SCOPE', `not in scope: ${absent.join(', ')}`, 'schemes');
  }
  if (accreditation.scope.every((code) => schemes.includes(code))) {
    throw new RuleViolation('SCOPE_EMPTY', 'a reduction may not empty the scope; withdraw the accreditation instead', 'schemes');
  }
  return { type: 'AccreditationScopeReduced', data: { cbId: accreditation.cbId, schemes, effectiveOn: from } };
}

function suspend(command: SuspendAccreditation, state: CertificationBodyState): CertificationBodyEvent {
  const { data } = command;
  const current = live(state, data.cbId);
  const { accreditation } = current;
  if (current.status === 'Suspended') {
    throw new RuleViolation('ACCREDITATION_ALREADY_SUSPENDED', `the accreditation of ${accreditation.cbId} is already suspended`);
  }
  const from = effectiveOn(data.effectiveOn, accreditation);
  if (from > accreditation.validUntil) {
    throw new RuleViolation('ACCREDITATION_EXPIRED', `the accreditation expired on ${accreditation.validUntil}`, 'effectiveOn');
  }
  const reason = requireText(data.reason, 'reason');
  const until = suspendedUntil(from, data.until);
  return { type: 'AccreditationSuspended', data: { cbId: accreditation.cbId, effectiveOn: from, reason, ...until } };
}

function reinstate(command: ReinstateAccreditation, state: CertificationBodyState): CertificationBodyEvent {
  const { data } = command;
  const current = live(state, data.cbId);
  const { accreditation } = current;
  if (current.status !== 'Suspended') {
    throw new RuleViolation('ACCREDITATION_NOT_SUSPENDED', `only a suspended accreditation can be reinstated`);
  }
  const from = effectiveOn(data.effectiveOn, accreditation);
  const reason = requireText(data.reason, 'reason');
  return { type: 'AccreditationReinstated', data: { cbId: accreditation.cbId, effectiveOn: from, reason } };
}

function withdraw(command: WithdrawAccreditation, state: CertificationBodyState): CertificationBodyEvent {
  const { data } = command;
  const { accreditation } = live(state, data.cbId);
  const from = effectiveOn(data.effectiveOn, accreditation);
  const reason = requireText(data.reason, 'reason');
  return { type: 'AccreditationWithdrawn', data: { cbId: accreditation.cbId, effectiveOn: from, reason } };
}

function decide(command: CertificationBodyCommand, state: CertificationBodyState): CertificationBodyEvent[] {
  switch (command.type) {
    case 'AccreditCertificationBody':
      return [accredit(command, state)];
    case 'RenewAccreditation':
      return [renew(command, state)];
    case 'ExtendAccreditationScope':
      return [extendScope(command, state)];
    case 'ReduceAccreditationScope':
      return [reduceScope(command, state)];
    case 'SuspendAccreditation':
      return [suspend(command, state)];
    case 'ReinstateAccreditation':
      return [reinstate(command, state)];
    case 'WithdrawAccreditation':
      return [withdraw(command, state)];
    default:
      return unreachable(command);
  }
}

export const certificationBodyDecider: Decider<CertificationBodyState, CertificationBodyCommand, CertificationBodyEvent> = {
  initialState,
  evolve,
  decide,
};
