import { isRole, type Role } from '../shared/actor';
import { requireCountry, requireText } from '../shared/checks';
import { requireMemberState } from '../skills/asean';
import { unreachable, type Decider } from '../shared/decider';
import { RuleViolation } from '../shared/rule-violation';
import type { ApiKeyCommand, CreateApiKey, RevokeApiKey } from './commands';
import type { ApiKeyEvent } from './events';

export type ApiKeyState =
  | { status: 'Unknown' }
  | { status: 'Active'; keyId: string; role: Role; cbId: string | null }
  | { status: 'Revoked'; keyId: string };

const initialState = (): ApiKeyState => ({ status: 'Unknown' });

function evolve(state: ApiKeyState, event: ApiKeyEvent): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyCreated': {
      const { keyId, role, cbId } = event.data;
      return { status: 'Active', keyId, role, cbId };
    }
    case 'ApiKeyRevoked':
      return { status: 'Revoked', keyId: event.data.keyId };
    default:
      return unreachable(event);
  }
}

function create(command: CreateApiKey, state: ApiKeyState): ApiKeyEvent {
  const { data, facts } = command;
  const keyId = requireText(data.keyId, 'keyId');
  if (state.status !== 'Unknown') {
    throw new RuleViolation('API_KEY_ID_TAKEN', `API key ${keyId} already exists`, 'keyId');
  }
  if (!isRole(data.role)) {
    throw new RuleViolation('INVALID_ROLE', `role must be ACCREDITATION_BODY, CERTIFICATION_BODY, AUDITOR, SKILLS_FOCAL_POINT or EMPLOYER`, 'role');
  }
  const label = requireText(data.label, 'label');
  const keyHash = requireText(data.keyHash, 'keyHash');
  const cbId = data.cbId == null || data.cbId.trim() === '' ? null : data.cbId;
  if (data.role === 'CERTIFICATION_BODY') {
    if (cbId === null) {
      throw new RuleViolation('CB_ID_REQUIRED_FOR_ROLE', 'a CERTIFICATION_BODY key must be bound to a certification body', 'cbId');
    }
    if (facts.body === null || facts.body.cbId !== cbId) {
      throw new RuleViolation('CB_NOT_FOUND', `certification body ${cbId} is not on record`, 'cbId');
    }
  } else if (cbId !== null) {
    throw new RuleViolation('CB_ID_NOT_ALLOWED_FOR_ROLE', `a ${data.role} key is not bound to a certification body`, 'cbId');
  }
  return { type: 'ApiKeyCreated', data: { keyId, role: data.role, cbId, country: boundCountry(data.role, data.country), label, keyHash } };
}

/** A skills focal point acts for one ASEAN member state; no other key is bound to a country. */
function boundCountry(role: Role, value: string | null | undefined): string | null {
  const given = value == null || value.trim() === '' ? null : value;
  if (role === 'SKILLS_FOCAL_POINT') {
    if (given === null) throw new RuleViolation('COUNTRY_REQUIRED_FOR_ROLE', 'a SKILLS_FOCAL_POINT key must be bound to a country', 'country');
    return requireMemberState(given, 'country');
  }
  if (given !== null) {
    requireCountry(given, 'country');
    throw new RuleViolation('COUNTRY_NOT_ALLOWED_FOR_ROLE', `a ${role} key is not bound to a country`, 'country');
  }
  return null;
}

function revoke(command: RevokeApiKey, state: ApiKeyState): ApiKeyEvent {
  const keyId = requireText(command.data.keyId, 'keyId');
  switch (state.status) {
    case 'Unknown':
      throw new RuleViolation('API_KEY_NOT_FOUND', `API key ${keyId} does not exist`, 'keyId');
    case 'Revoked':
      throw new RuleViolation('API_KEY_ALREADY_REVOKED', `API key ${keyId} is already revoked`, 'keyId');
    case 'Active':
      return { type: 'ApiKeyRevoked', data: { keyId: state.keyId } };
    default:
      return unreachable(state);
  }
}

function decide(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'CreateApiKey':
      return [create(command, state)];
    case 'RevokeApiKey':
      return [revoke(command, state)];
    default:
      return unreachable(command);
  }
}

export const apiKeyDecider: Decider<ApiKeyState, ApiKeyCommand, ApiKeyEvent> = { initialState, evolve, decide };
