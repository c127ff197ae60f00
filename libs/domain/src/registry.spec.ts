import { commandStream, decideCommand } from './registry';
import type { RegistryCommand } from './registry-command';
import type { RegistryEvent } from './registry-event';
import type { Json } from './shared/json';
import { accreditationBody, certificationBody } from './testing/actors';
import { PS, accredited, issued, schemeRegistered } from './testing/events';

// Compile-time: every event's data is JSON, so any store can hold it (checked by `tsc --noEmit`).
type Assert<T extends true> = T;
export type EventDataIsJson = Assert<RegistryEvent['data'] extends Json ? true : false>;

describe('the registry of commands', () => {
  const th = certificationBody('TH-CB');

  it.each<[RegistryCommand, string]>([
    [{ type: 'RegisterScheme', data: { code: PS, title: 'PS' }, actor: accreditationBody }, `scheme-${PS}`],
    [{ type: 'SuspendAccreditation', data: { cbId: 'TH-CB', effectiveOn: '2025-01-01', reason: 'r' }, actor: accreditationBody }, 'cb-TH-CB'],
    [{ type: 'WithdrawCertificate', data: { number: 'PS-1', effectiveOn: '2025-01-01', reason: 'r' }, actor: th }, 'certificate-PS-1'],
    [{ type: 'TerminateArrangement', data: { id: 'MRA-1', effectiveOn: '2025-01-01', reason: 'r' }, actor: accreditationBody }, 'arrangement-MRA-1'],
    [
      {
        type: 'RevokeRecognition',
        data: { certificateNumber: 'PS-1', country: 'my', decidedOn: '2025-01-01', reason: 'r' },
        actor: th,
        facts: { certificate: null, issuingBody: null, hostBody: null, arrangement: null },
      },
      'recognition-PS-1-MY',
    ],
    [{ type: 'RevokeApiKey', data: { keyId: 'k1' }, actor: accreditationBody }, 'apikey-k1'],
  ])('decides %#: %j on its own stream', (command, stream) => {
    expect(commandStream(command)).toBe(stream);
  });

  it('folds the stream with the decider the command belongs to', () => {
    const history: RegistryEvent[] = [issued('PS-1', 'TH-CB', PS, '2024-03-01', '2027-02-28')];
    const command: RegistryCommand = { type: 'SuspendCertificate', data: { number: 'PS-1', effectiveOn: '2025-01-01', reason: 'complaint' }, actor: th };
    expect(decideCommand(command, history)).toEqual([
      { type: 'CertificateSuspended', data: { number: 'PS-1', effectiveOn: '2025-01-01', reason: 'complaint' } },
    ]);
    expect(() => decideCommand(command, [])).toThrow(expect.objectContaining({ code: 'CERTIFICATE_NOT_FOUND' }));
  });

  it('ignores events of other aggregates in the history', () => {
    const command: RegistryCommand = { type: 'RegisterScheme', data: { code: PS, title: 'PS' }, actor: accreditationBody };
    expect(decideCommand(command, [accredited('TH-CB', 'TH', [PS], '2024-01-15', '2027-01-14')])).toHaveLength(1);
    expect(() => decideCommand(command, [schemeRegistered(PS)])).toThrow(expect.objectContaining({ code: 'SCHEME_CODE_TAKEN' }));
  });
});
