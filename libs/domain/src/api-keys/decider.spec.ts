import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { PS, accredited } from '../testing/events';
import type { CreateApiKey } from './commands';
import { apiKeyAggregate } from './declaration';
import type { ApiKeyEvent } from './events';

// The declared aggregate's decider: the sender's role is checked before the rules, as the registry runs it.
const given = deciderSpecification(apiKeyAggregate.decider);
const log = new EventLog();
log.record(accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14'));
const thBody = log.body('TH-CB');

function create(data: Partial<CreateApiKey['data']> = {}, body = thBody, actor = accreditationBody): CreateApiKey {
  return {
    type: 'CreateApiKey',
    data: { keyId: 'k-th', role: 'CERTIFICATION_BODY', cbId: 'TH-CB', label: 'TPI registry clerk', keyHash: 'sha256:abc', ...data },
    actor,
    facts: { body },
  };
}
const created: ApiKeyEvent = {
  type: 'ApiKeyCreated',
  data: { keyId: 'k-th', role: 'CERTIFICATION_BODY', cbId: 'TH-CB', country: null, label: 'TPI registry clerk', keyHash: 'sha256:abc' },
};
const revoke = { type: 'RevokeApiKey' as const, data: { keyId: 'k-th' }, actor: accreditationBody };

describe('API keys', () => {
  it('records a CB key bound to an existing CB, keeping only the hash', () => {
    given([]).when(create()).then([created]);
  });

  it('records an auditor key bound to no CB', () => {
    given([])
      .when(create({ keyId: 'k-audit', role: 'AUDITOR', cbId: null, label: 'external auditor' }, null))
      .then([{ type: 'ApiKeyCreated', data: { keyId: 'k-audit', role: 'AUDITOR', cbId: null, country: null, label: 'external auditor', keyHash: 'sha256:abc' } }]);
  });

  it('binds a CERTIFICATION_BODY key to a CB, and only that role', () => {
    given([]).when(create({ cbId: undefined }, null)).thenRejects('CB_ID_REQUIRED_FOR_ROLE', { field: 'cbId' });
    given([]).when(create({ role: 'AUDITOR' })).thenRejects('CB_ID_NOT_ALLOWED_FOR_ROLE', { field: 'cbId' });
  });

  it('binds a SKILLS_FOCAL_POINT key to an ASEAN member state, and only that role', () => {
    given([])
      .when(create({ keyId: 'k-kh', role: 'SKILLS_FOCAL_POINT', cbId: null, country: 'kh', label: 'Cambodia skills focal point' }, null))
      .then([
        {
          type: 'ApiKeyCreated',
          data: { keyId: 'k-kh', role: 'SKILLS_FOCAL_POINT', cbId: null, country: 'KH', label: 'Cambodia skills focal point', keyHash: 'sha256:abc' },
        },
      ]);
    given([]).when(create({ role: 'SKILLS_FOCAL_POINT', cbId: null }, null)).thenRejects('COUNTRY_REQUIRED_FOR_ROLE', { field: 'country' });
    given([]).when(create({ role: 'SKILLS_FOCAL_POINT', cbId: null, country: 'JP' }, null)).thenRejects('NOT_ASEAN_MEMBER_STATE', { field: 'country' });
    given([]).when(create({ role: 'AUDITOR', cbId: null, country: 'TH' }, null)).thenRejects('COUNTRY_NOT_ALLOWED_FOR_ROLE', { field: 'country' });
  });

  it('refuses a key for a CB that is not on record', () => {
    given([]).when(create({ cbId: 'XX-CB' })).thenRejects('CB_NOT_FOUND', { kind: 'NOT_FOUND' });
  });

  it('refuses an unknown role', () => {
    given([]).when(create({ role: 'ADMIN' as unknown as 'AUDITOR' })).thenRejects('INVALID_ROLE', { field: 'role' });
  });

  it('refuses a key id already taken', () => {
    given([created]).when(create()).thenRejects('API_KEY_ID_TAKEN', { kind: 'CONFLICT' });
  });

  it('is for the accreditation body only', () => {
    given([]).when(create({}, thBody, certificationBody('TH-CB'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });

  it('revokes a key once', () => {
    given([created]).when(revoke).then([{ type: 'ApiKeyRevoked', data: { keyId: 'k-th' } }]);
    given([created, { type: 'ApiKeyRevoked', data: { keyId: 'k-th' } }]).when(revoke).thenRejects('API_KEY_ALREADY_REVOKED', { kind: 'CONFLICT' });
  });

  it('refuses to revoke a key that does not exist', () => {
    given([]).when(revoke).thenRejects('API_KEY_NOT_FOUND', { kind: 'NOT_FOUND' });
  });
});
