import { accreditationBody, certificationBody } from '../testing/actors';
import { deciderSpecification } from '../testing/decider-specification';
import type { RegisterWitness } from './commands';
import { witnessAggregate } from './declaration';
import type { WitnessRegistered } from './events';

const KEY = 'witness.th-ftpi.example/w1+1b4ee0b9+BF2MsMvqg8O0zuOWOGoqh0NpsHo9clrKvYbBNv0MT9wZ';

const register = (verifierKey = KEY, actor = accreditationBody): RegisterWitness => ({
  type: 'RegisterWitness',
  data: { name: 'witness.th-ftpi.example/w1', verifierKey },
  actor,
});
const registered: WitnessRegistered = { type: 'WitnessRegistered', data: { name: 'witness.th-ftpi.example/w1', verifierKey: KEY } };

describe('Registering a witness of the log', () => {
  const given = deciderSpecification(witnessAggregate.decider);

  it('records the witness and its key', () => {
    given([]).when(register()).then([registered]);
  });

  it('refuses a second witness of the same name', () => {
    given([registered]).when(register()).thenRejects('WITNESS_NAME_TAKEN', { kind: 'CONFLICT', field: 'verifierKey' });
  });

  it('refuses a key that names another witness', () => {
    given([]).when(register('someone.else/w+1b4ee0b9+BF2MsMvqg8O0zuOWOGoqh0NpsHo9clrKvYbBNv0MT9wZ')).thenRejects('WITNESS_KEY_NAME_MISMATCH', { field: 'verifierKey' });
  });

  it('is sent by the accreditation body only', () => {
    given([]).when(register(KEY, certificationBody('th-ftpi'))).thenRejects('ROLE_NOT_PERMITTED', { kind: 'FORBIDDEN' });
  });
});
