import { accreditationStatusAt } from '../certification-bodies/standing';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { CalendarDate } from '../shared/calendar-date';
import {
  requireDate,
  requireNotBackdated,
  requireRegisteredSchemes,
  requireText,
} from '../shared/checks';
import { unreachable, type Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type {
  AdmitArrangementParty,
  AmendArrangementScope,
  ArrangementCommand,
  ReinstateArrangement,
  SignArrangement,
  SuspendArrangement,
  TerminateArrangement,
  WithdrawArrangementParty,
} from './commands';
import { RECOGNITION_MODES, type ArrangementEvent, type RecognitionMode } from './events';

/** What the write side needs to know about a live arrangement. */
export type Arrangement = {
  id: string;
  parties: string[];
  lastEffectiveOn: CalendarDate;
};

export type ArrangementState =
  | { status: 'Unsigned' }
  | { status: 'InForce'; arrangement: Arrangement }
  | { status: 'Suspended'; arrangement: Arrangement }
  | { status: 'Terminated'; id: string };

type Live = Extract<ArrangementState, { arrangement: Arrangement }>;

const initialState = (): ArrangementState => ({ status: 'Unsigned' });

function evolve(state: ArrangementState, event: ArrangementEvent): ArrangementState {
  if (event.type === 'MRASigned') {
    const { id, parties, effectiveFrom } = event.data;
    return { status: 'InForce', arrangement: { id, parties, lastEffectiveOn: effectiveFrom } };
  }
  if (state.status !== 'InForce' && state.status !== 'Suspended') return state;
  const arrangement = { ...state.arrangement, lastEffectiveOn: event.data.effectiveOn };
  switch (event.type) {
    case 'MRAPartyAdmitted':
      return { status: state.status, arrangement: { ...arrangement, parties: [...arrangement.parties, event.data.cbId] } };
    case 'MRAPartyWithdrawn': {
      const parties = arrangement.parties.filter((cbId) => cbId !== event.data.cbId);
      return { status: state.status, arrangement: { ...arrangement, parties } };
    }
    case 'MRAScopeAmended':
      return { status: state.status, arrangement };
    case 'MRASuspended':
      return { status: 'Suspended', arrangement };
    case 'MRAReinstated':
      return { status: 'InForce', arrangement };
    case 'MRATerminated':
      return { status: 'Terminated', id: arrangement.id };
    default:
      return unreachable(event);
  }
}

/** The arrangement a later command acts on; termination is final. */
function live(state: ArrangementState, id: string): Live {
  switch (state.status) {
    case 'Unsigned':
      throw new RuleViolation('ARRANGEMENT_NOT_FOUND', `arrangement ${id} does not exist`, 'id');
    case 'Terminated':
      throw new RuleViolation('ARRANGEMENT_TERMINATED', `arrangement ${id} was terminated; termination is final`, 'id');
    case 'InForce':
    case 'Suspended':
      return state;
    default:
      return unreachable(state);
  }
}

function effectiveOn(value: CalendarDate, arrangement: Arrangement): CalendarDate {
  const date = requireDate(value, 'effectiveOn');
  requireNotBackdated(date, arrangement.lastEffectiveOn, 'effectiveOn');
  return date;
}

/** Why a CB cannot be a party on `on`, or null when it can. */
function notAccredited(body: CertificationBodyTimeline | undefined | null, cbId: string, on: CalendarDate): string | null {
  if (!body) return `${cbId} is not accredited`;
  const status = accreditationStatusAt(body, on);
  return status === 'ACTIVE' ? null : `${cbId} is ${status} on ${on}`;
}

function sign(command: SignArrangement, state: ArrangementState): ArrangementEvent {
  const { data, facts } = command;
  const id = requireText(data.id, 'id');
  if (state.status !== 'Unsigned') {
    throw new RuleViolation('ARRANGEMENT_ID_TAKEN', `arrangement ${id} already exists`, 'id');
  }
  const title = requireText(data.title, 'title');
  const parties = Array.isArray(data.parties) ? data.parties.map((cbId, index) => requireText(cbId, `parties.${index}`)) : [];
  if (new Set(parties).size !== parties.length) {
    throw new RuleViolation('ARRANGEMENT_PARTIES_NOT_DISTINCT', 'each party may be named only once', 'parties');
  }
  if (parties.length < 2) {
    throw new RuleViolation('ARRANGEMENT_NEEDS_TWO_PARTIES', 'an arrangement needs two or more parties', 'parties');
  }
  if (!RECOGNITION_MODES.includes(data.mode)) {
    throw new RuleViolation('INVALID_MODE', `mode must be one of ${RECOGNITION_MODES.join(', ')}`, 'mode');
  }
  const effectiveFrom = requireDate(data.effectiveFrom, 'effectiveFrom');
  const expiresOn = data.expiresOn == null ? null : requireDate(data.expiresOn, 'expiresOn');
  if (expiresOn !== null && expiresOn <= effectiveFrom) {
    throw new RuleViolation('EXPIRES_ON_NOT_AFTER_EFFECTIVE_FROM', `expiresOn ${expiresOn} must be after ${effectiveFrom}`, 'expiresOn');
  }
  const schemes = requireRegisteredSchemes(data.schemes, facts.registeredSchemes, 'schemes');
  const problems = parties
    .map((cbId) => notAccredited(facts.parties.find((body) => body.cbId === cbId), cbId, effectiveFrom))
    .filter((problem): problem is string => problem !== null);
  if (problems.length > 0) {
    throw new RuleViolation('PARTY_NOT_ACCREDITED', `every party must be accredited on ${effectiveFrom}: ${problems.join('; ')}`, 'parties');
  }
  const period = decisionPeriod(data.decisionPeriodDays, data.mode);
  // Written only when set, so that arrangements without a period keep the shape (and bytes) they always had.
  const signed = { id, title, parties, schemes, mode: data.mode, effectiveFrom, expiresOn };
  return { type: 'MRASigned', data: period === null ? signed : { ...signed, decisionPeriodDays: period } };
}

/** Whole days, 1 to 3,650; only an arrangement that recognizes on application has decisions to wait for. */
function decisionPeriod(days: number | null | undefined, mode: RecognitionMode): number | null {
  if (days == null) return null;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new RuleViolation('INVALID_DECISION_PERIOD', `decisionPeriodDays must be a whole number of days from 1 to 3650, got ${days}`, 'decisionPeriodDays');
  }
  if (mode !== 'ON_APPLICATION') {
    throw new RuleViolation('INVALID_DECISION_PERIOD', `only an ON_APPLICATION arrangement has a decision period, not ${mode}`, 'decisionPeriodDays');
  }
  return days;
}

function admit(command: AdmitArrangementParty, state: ArrangementState): ArrangementEvent {
  const { data, facts } = command;
  const { arrangement } = live(state, data.id);
  const cbId = requireText(data.cbId, 'cbId');
  if (arrangement.parties.includes(cbId)) {
    throw new RuleViolation('PARTY_ALREADY_ADMITTED', `${cbId} is already a party to ${arrangement.id}`, 'cbId');
  }
  const from = effectiveOn(data.effectiveOn, arrangement);
  const problem = notAccredited(facts.party?.cbId === cbId ? facts.party : null, cbId, from);
  if (problem !== null) {
    throw new RuleViolation('PARTY_NOT_ACCREDITED', `a party must be accredited when admitted: ${problem}`, 'cbId');
  }
  return { type: 'MRAPartyAdmitted', data: { id: arrangement.id, cbId, effectiveOn: from } };
}

function withdrawParty(command: WithdrawArrangementParty, state: ArrangementState): ArrangementEvent {
  const { data } = command;
  const { arrangement } = live(state, data.id);
  const cbId = requireText(data.cbId, 'cbId');
  if (!arrangement.parties.includes(cbId)) {
    throw new RuleViolation('NOT_A_PARTY', `${cbId} is not a party to ${arrangement.id}`, 'cbId');
  }
  if (arrangement.parties.length <= 2) {
    throw new RuleViolation(
      'ARRANGEMENT_NEEDS_TWO_PARTIES',
      'withdrawing this party would leave fewer than two; terminate the arrangement instead',
      'cbId',
    );
  }
  const from = effectiveOn(data.effectiveOn, arrangement);
  return { type: 'MRAPartyWithdrawn', data: { id: arrangement.id, cbId, effectiveOn: from } };
}

function amendScope(command: AmendArrangementScope, state: ArrangementState): ArrangementEvent {
  const { data, facts } = command;
  const { arrangement } = live(state, data.id);
  const from = effectiveOn(data.effectiveOn, arrangement);
  const schemes = requireRegisteredSchemes(data.schemes, facts.registeredSchemes, 'schemes');
  return { type: 'MRAScopeAmended', data: { id: arrangement.id, schemes, effectiveOn: from } };
}

function suspend(command: SuspendArrangement, state: ArrangementState): ArrangementEvent {
  const { data } = command;
  const current = live(state, data.id);
  const { arrangement } = current;
  if (current.status === 'Suspended') {
    throw new RuleViolation('ARRANGEMENT_ALREADY_SUSPENDED', `arrangement ${arrangement.id} is already suspended`, 'id');
  }
  const from = effectiveOn(data.effectiveOn, arrangement);
  const reason = requireText(data.reason, 'reason');
  return { type: 'MRASuspended', data: { id: arrangement.id, effectiveOn: from, reason } };
}

function reinstate(command: ReinstateArrangement, state: ArrangementState): ArrangementEvent {
  const { data } = command;
  const current = live(state, data.id);
  const { arrangement } = current;
  if (current.status !== 'Suspended') {
    throw new RuleViolation('ARRANGEMENT_NOT_SUSPENDED', 'only a suspended arrangement can be reinstated', 'id');
  }
  const from = effectiveOn(data.effectiveOn, arrangement);
  const reason = requireText(data.reason, 'reason');
  return { type: 'MRAReinstated', data: { id: arrangement.id, effectiveOn: from, reason } };
}

function terminate(command: TerminateArrangement, state: ArrangementState): ArrangementEvent {
  const { data } = command;
  const { arrangement } = live(state, data.id);
  const from = effectiveOn(data.effectiveOn, arrangement);
  const reason = requireText(data.reason, 'reason');
  return { type: 'MRATerminated', data: { id: arrangement.id, effectiveOn: from, reason } };
}

function decide(command: ArrangementCommand, state: ArrangementState): ArrangementEvent[] {
  switch (command.type) {
    case 'SignArrangement':
      return [sign(command, state)];
    case 'AdmitArrangementParty':
      return [admit(command, state)];
    case 'WithdrawArrangementParty':
      return [withdrawParty(command, state)];
    case 'AmendArrangementScope':
      return [amendScope(command, state)];
    case 'SuspendArrangement':
      return [suspend(command, state)];
    case 'ReinstateArrangement':
      return [reinstate(command, state)];
    case 'TerminateArrangement':
      return [terminate(command, state)];
    default:
      return unreachable(command);
  }
}

export const arrangementDecider: Decider<ArrangementState, ArrangementCommand, ArrangementEvent> = {
  initialState,
  evolve,
  decide,
};
