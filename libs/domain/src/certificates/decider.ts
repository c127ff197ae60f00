import { assessAccreditation } from '../certification-bodies/standing';
import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import { requireNumberOpenTo } from '../number-prefixes/number-prefix';
import type { Actor } from '../shared/actor';
import type { CalendarDate } from '../shared/calendar-date';
import { requireDate, requireEndAfterStart, requireNotBackdated, requireText, suspendedUntil } from '../shared/checks';
import { unreachable, type Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type {
  CancelCertificate,
  CertificateCommand,
  CorrectCertificate,
  IssueCertificate,
  ReinstateCertificate,
  RenewCertificate,
  SuspendCertificate,
  WithdrawCertificate,
} from './commands';
import { CORRECTABLE_FIELDS, type CertificateEvent } from './events';

/** What the write side needs to know about an issued certificate. */
export type Certificate = {
  number: string;
  cbId: string;
  schemeCode: string;
  holderName: string;
  validUntil: CalendarDate;
  lastEffectiveOn: CalendarDate;
};

export type CertificateState =
  | { status: 'Unissued' }
  | { status: 'Active'; certificate: Certificate }
  | { status: 'Suspended'; certificate: Certificate }
  | { status: 'Withdrawn'; certificate: Certificate }
  | { status: 'Cancelled'; certificate: Certificate };

type Issued = Exclude<CertificateState, { status: 'Unissued' }>;

const initialState = (): CertificateState => ({ status: 'Unissued' });

function evolve(state: CertificateState, event: CertificateEvent): CertificateState {
  if (event.type === 'CertificateIssued') {
    const { number, cbId, schemeCode, holderName, issuedOn, validUntil } = event.data;
    return { status: 'Active', certificate: { number, cbId, schemeCode, holderName, validUntil, lastEffectiveOn: issuedOn } };
  }
  if (state.status === 'Unissued') return state;
  if (event.type === 'CertificateCorrected') {
    return { ...state, certificate: { ...state.certificate, [event.data.field]: event.data.to } };
  }
  const certificate = { ...state.certificate, lastEffectiveOn: event.data.effectiveOn };
  switch (event.type) {
    case 'CertificateRenewed':
      return { status: state.status, certificate: { ...certificate, validUntil: event.data.validUntil } };
    case 'CertificateSuspended':
      return { status: 'Suspended', certificate };
    case 'CertificateReinstated':
      return { status: 'Active', certificate };
    case 'CertificateWithdrawn':
      return { status: 'Withdrawn', certificate };
    case 'CertificateCancelled':
      return { status: 'Cancelled', certificate };
    default:
      return unreachable(event);
  }
}

/** An issued certificate the actor may act on: a CB acts only on its own certificates. */
function owned(state: CertificateState, number: string, actor: Actor): Issued {
  if (state.status === 'Unissued') {
    throw new RuleViolation('CERTIFICATE_NOT_FOUND', `certificate ${number} does not exist`, 'number');
  }
  // These commands name the certificate by number and have no cbId of their own: the number is at fault.
  assertOwnCertificate(state.certificate.cbId, actor, 'number');
  return state;
}

function assertOwnCertificate(cbId: string, actor: Actor, field: 'cbId' | 'number'): void {
  if (actor.role === 'CERTIFICATION_BODY' && actor.cbId !== cbId) {
    throw new RuleViolation('NOT_OWN_CERTIFICATE', `certification body ${actor.cbId} may act only on its own certificates`, field);
  }
}

/** Cancelled is final; withdrawn allows nothing but a cancellation. */
function notFinal(issued: Issued): void {
  const { number } = issued.certificate;
  if (issued.status === 'Cancelled') {
    throw new RuleViolation('CERTIFICATE_CANCELLED', `certificate ${number} was cancelled; cancellation is final`, 'number');
  }
  if (issued.status === 'Withdrawn') {
    throw new RuleViolation('CERTIFICATE_WITHDRAWN', `certificate ${number} was withdrawn`, 'number');
  }
}

function effectiveOn(value: CalendarDate, certificate: Certificate): CalendarDate {
  const date = requireDate(value, 'effectiveOn');
  requireNotBackdated(date, certificate.lastEffectiveOn, 'effectiveOn');
  return date;
}

/** The issuing CB must be accredited for the scheme on the date a certificate is issued or renewed. */
function requireAccreditedFor(
  body: CertificationBodyTimeline | null,
  cbId: string,
  schemeCode: string,
  on: CalendarDate,
): void {
  if (body === null || body.cbId !== cbId) {
    throw new RuleViolation('CB_NOT_FOUND', `certification body ${cbId} is not on record`, 'cbId');
  }
  const { failures } = assessAccreditation(body, schemeCode, on);
  if (failures.length > 0) {
    const [first] = failures;
    const field = first.code === 'SCHEME_NOT_IN_ACCREDITATION_SCOPE' ? 'schemeCode' : 'cbId';
    const message = `on ${on}: ${failures.map((failure) => failure.message).join('; ')}`;
    throw new RuleViolation(first.code, message, field);
  }
}

function issue(command: IssueCertificate, state: CertificateState): CertificateEvent {
  const { data, actor, facts } = command;
  const number = requireText(data.number, 'number');
  if (state.status !== 'Unissued') {
    throw new RuleViolation('CERTIFICATE_NUMBER_TAKEN', `certificate number ${number} is already taken`, 'number');
  }
  const cbId = requireText(data.cbId, 'cbId');
  assertOwnCertificate(cbId, actor, 'cbId');
  requireNumberOpenTo(number, cbId, facts.numberPrefixClaims);
  const schemeCode = requireText(data.schemeCode, 'schemeCode');
  const holderName = requireText(data.holderName, 'holderName');
  const issuedOn = requireDate(data.issuedOn, 'issuedOn');
  const validUntil = requireDate(data.validUntil, 'validUntil');
  requireEndAfterStart(issuedOn, validUntil, 'validUntil');
  requireAccreditedFor(facts.issuingBody, cbId, schemeCode, issuedOn);
  return { type: 'CertificateIssued', data: { number, cbId, schemeCode, holderName, issuedOn, validUntil } };
}

function renew(command: RenewCertificate, state: CertificateState): CertificateEvent {
  const { data, actor, facts } = command;
  const issued = owned(state, data.number, actor);
  notFinal(issued);
  const { certificate } = issued;
  if (issued.status === 'Suspended') {
    throw new RuleViolation('CERTIFICATE_SUSPENDED', `certificate ${certificate.number} is suspended; reinstate it first`, 'number');
  }
  const from = effectiveOn(data.effectiveOn, certificate);
  const validUntil = requireDate(data.validUntil, 'validUntil');
  requireEndAfterStart(from, validUntil, 'validUntil');
  if (validUntil <= certificate.validUntil) {
    throw new RuleViolation('RENEWAL_DOES_NOT_EXTEND', `a renewal must extend validity beyond ${certificate.validUntil}`, 'validUntil');
  }
  requireAccreditedFor(facts.issuingBody, certificate.cbId, certificate.schemeCode, from);
  return { type: 'CertificateRenewed', data: { number: certificate.number, effectiveOn: from, validUntil } };
}

function suspend(command: SuspendCertificate, state: CertificateState): CertificateEvent {
  const { data, actor } = command;
  const issued = owned(state, data.number, actor);
  notFinal(issued);
  const { certificate } = issued;
  if (issued.status === 'Suspended') {
    throw new RuleViolation('CERTIFICATE_ALREADY_SUSPENDED', `certificate ${certificate.number} is already suspended`, 'number');
  }
  const from = effectiveOn(data.effectiveOn, certificate);
  if (from > certificate.validUntil) {
    throw new RuleViolation('CERTIFICATE_EXPIRED', `certificate ${certificate.number} expired after ${certificate.validUntil}`, 'effectiveOn');
  }
  const reason = requireText(data.reason, 'reason');
  const until = suspendedUntil(from, data.until);
  return { type: 'CertificateSuspended', data: { number: certificate.number, effectiveOn: from, reason, ...until } };
}

function reinstate(command: ReinstateCertificate, state: CertificateState): CertificateEvent {
  const { data, actor } = command;
  const issued = owned(state, data.number, actor);
  notFinal(issued);
  const { certificate } = issued;
  if (issued.status !== 'Suspended') {
    throw new RuleViolation('CERTIFICATE_NOT_SUSPENDED', `only a suspended certificate can be reinstated`, 'number');
  }
  const from = effectiveOn(data.effectiveOn, certificate);
  const reason = requireText(data.reason, 'reason');
  return { type: 'CertificateReinstated', data: { number: certificate.number, effectiveOn: from, reason } };
}

function withdraw(command: WithdrawCertificate, state: CertificateState): CertificateEvent {
  const { data, actor } = command;
  const issued = owned(state, data.number, actor);
  notFinal(issued);
  const { certificate } = issued;
  const from = effectiveOn(data.effectiveOn, certificate);
  const reason = requireText(data.reason, 'reason');
  return { type: 'CertificateWithdrawn', data: { number: certificate.number, effectiveOn: from, reason } };
}

function cancel(command: CancelCertificate, state: CertificateState): CertificateEvent {
  const { data, actor } = command;
  const issued = owned(state, data.number, actor);
  const { certificate } = issued;
  if (issued.status === 'Cancelled') {
    throw new RuleViolation('CERTIFICATE_CANCELLED', `certificate ${certificate.number} was cancelled; cancellation is final`, 'number');
  }
  const from = effectiveOn(data.effectiveOn, certificate);
  const reason = requireText(data.reason, 'reason');
  return { type: 'CertificateCancelled', data: { number: certificate.number, effectiveOn: from, reason } };
}

function correct(command: CorrectCertificate, state: CertificateState): CertificateEvent {
  const { data, actor } = command;
  const issued = owned(state, data.number, actor);
  const { certificate } = issued;
  if (issued.status === 'Cancelled') {
    throw new RuleViolation('CERTIFICATE_CANCELLED', `certificate ${certificate.number} was cancelled; cancellation is final`, 'number');
  }
  if (data.field === 'number') {
    throw new RuleViolation('RENUMBERING_NOT_A_CORRECTION', `a certificate is not renumbered: cancel ${certificate.number} and issue the right number`, 'field');
  }
  const field = CORRECTABLE_FIELDS.find((name) => name === data.field);
  if (field === undefined) {
    throw new RuleViolation('FIELD_NOT_CORRECTABLE', `only ${CORRECTABLE_FIELDS.join(', ')} can be corrected, not ${JSON.stringify(data.field)}`, 'field');
  }
  const to = requireText(data.value, 'value');
  const from = certificate[field];
  if (to === from) {
    throw new RuleViolation('CORRECTION_CHANGES_NOTHING', `${field} of ${certificate.number} already reads so`, 'value');
  }
  const reason = requireText(data.reason, 'reason');
  return { type: 'CertificateCorrected', data: { number: certificate.number, field, from, to, reason } };
}

function decide(command: CertificateCommand, state: CertificateState): CertificateEvent[] {
  switch (command.type) {
    case 'IssueCertificate':
      return [issue(command, state)];
    case 'CorrectCertificate':
      return [correct(command, state)];
    case 'RenewCertificate':
      return [renew(command, state)];
    case 'SuspendCertificate':
      return [suspend(command, state)];
    case 'ReinstateCertificate':
      return [reinstate(command, state)];
    case 'WithdrawCertificate':
      return [withdraw(command, state)];
    case 'CancelCertificate':
      return [cancel(command, state)];
    default:
      return unreachable(command);
  }
}

export const certificateDecider: Decider<CertificateState, CertificateCommand, CertificateEvent> = {
  initialState,
  evolve,
  decide,
};
