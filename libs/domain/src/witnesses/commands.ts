import type { Actor } from '../shared/actor';

/** Loads: witness-<name>. No facts. The verifier key was checked at the edge (its name and key id agree). */
export type RegisterWitness = {
  type: 'RegisterWitness';
  data: {
    /** The witness's key name, as in its cosignature lines. */
    name: string;
    /** `<name>+<key id>+<base64(0x04 || Ed25519 public key)>` (c2sp.org/tlog-cosignature). */
    verifierKey: string;
  };
  actor: Actor;
};

export type WitnessCommand = RegisterWitness;
