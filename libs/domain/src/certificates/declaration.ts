import { declareAggregate } from '../aggregate';
import { candidatePrefixes } from '../number-prefixes/number-prefix';
import { certificateStream } from '../streams';
import type { CertificateCommand } from './commands';
import { certificateDecider, type CertificateState } from './decider';
import { isCertificateEvent, type CertificateEvent } from './events';

const CB = ['CERTIFICATION_BODY'] as const;

export const certificateAggregate = declareAggregate<CertificateCommand, CertificateState, CertificateEvent>({
  stream: ({ number }) => certificateStream(number),
  decider: certificateDecider,
  isEvent: isCertificateEvent,
  commands: {
    IssueCertificate: {
      roles: CB,
      facts: async ({ data }, source) => {
        const [issuingBody, numberPrefixClaims] = await Promise.all([source.certificationBody(data.cbId), source.numberPrefixClaims(candidatePrefixes(data.number))]);
        return { issuingBody, numberPrefixClaims };
      },
    },
    RenewCertificate: {
      roles: CB,
      facts: async ({ data }, source) => {
        const issued = await source.certificate(data.number);
        return { issuingBody: issued === null ? null : await source.certificationBody(issued.cbId) };
      },
    },
    SuspendCertificate: { roles: CB },
    ReinstateCertificate: { roles: CB },
    WithdrawCertificate: { roles: CB },
    CancelCertificate: { roles: CB },
    CorrectCertificate: { roles: CB },
  },
});
