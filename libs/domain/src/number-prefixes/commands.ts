import type { CertificationBodyTimeline } from '../certification-bodies/timeline';
import type { Actor } from '../shared/actor';

/** Loads numberprefix-<PREFIX>. Facts: cb-<cbId> folded into its timeline (null when the stream is empty). */
export type DeclareCertificateNumberPrefix = {
  type: 'DeclareCertificateNumberPrefix';
  data: { prefix: string; cbId: string };
  actor: Actor;
  facts: { body: CertificationBodyTimeline | null };
};

export type NumberPrefixCommand = DeclareCertificateNumberPrefix;
