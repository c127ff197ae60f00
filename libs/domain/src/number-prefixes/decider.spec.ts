import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import { EventLog } from '../testing/event-log';
import { PS, accredited } from '../testing/events';
import type { DeclareCertificateNumberPrefix } from './commands';
import { numberPrefixAggregate } from './declaration';
import type { CertificateNumberPrefixDeclared } from './events';
import { candidatePrefixes } from './number-prefix';

const log = new EventLog();
log.record(accredited('MY-CB', 'MY', [PS], '2024-01-15', '2027-01-14'));
const myBody = log.body('MY-CB');

const declare = (prefix = 'MY', cbId = 'MY-CB', actor = accreditationBody, body = myBody): DeclareCertificateNumberPrefix => ({
  type: 'DeclareCertificateNumberPrefix',
  data: { prefix, cbId },
  actor,
  facts: { body },
});
const declared: CertificateNumberPrefixDeclared = { type: 'CertificateNumberPrefixDeclared', data: { prefix: 'MY', cbId: 'MY-CB' } };

describe('declaring a certificate-number prefix for a CB', () => {
  const given = deciderSpecification(numberPrefixAggregate.decider);

  it('reserves the prefix, upper-cased, to the CB', () => {
    given([]).when(declare('my')).then([declared]);
    given([]).when(declare('MY-PS-2024')).then([{ type: 'CertificateNumberPrefixDeclared', data: { prefix: 'MY-PS-2024', cbId: 'MY-CB' } }]);
  });

  it('refuses a prefix already declared, for this CB or another', () => {
    given([declared]).when(declare('My')).thenRejects('NUMBER_PREFIX_TAKEN', { kind: 'CONFLICT', field: 'prefix' });
  });

  it('refuses a prefix that is not groups of letters and digits joined by "-"', () => {
    for (const prefix of ['', 'MY-', '-MY', 'MY PS', 'MY_PS', 'MY--PS', 'A-B-C-D-E', 'X'.repeat(33)]) {
      given([]).when(declare(prefix)).thenRejects('INVALID_NUMBER_PREFIX', { field: 'prefix' });
    }
  });

  it('refuses a CB that is not on record', () => {
    given([]).when(declare('XX', 'XX-CB', accreditationBody, null)).thenRejects('CB_NOT_FOUND', { kind: 'NOT_FOUND', field: 'cbId' });
  });

  it('is the accreditation body\'s decision, never a CB\'s own', () => {
    given([]).when(declare('MY', 'MY-CB', certificationBody('MY-CB'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});

describe('the prefixes a number could be under', () => {
  it('are the stretches before each separator, upper-cased', () => {
    expect(candidatePrefixes('my-PS-2024-0001')).toEqual(['MY', 'MY-PS', 'MY-PS-2024']);
    expect(candidatePrefixes('MY/PS.0001')).toEqual(['MY']);
    expect(candidatePrefixes('MYPS0001')).toEqual([]);
  });
});
