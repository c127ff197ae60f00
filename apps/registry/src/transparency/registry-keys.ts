import type { TransparencyLog } from '@registry/tlog';

export interface RegistryKeysBody {
  keys: Array<{ kty: 'OKP'; crv: 'Ed25519'; alg: 'EdDSA'; use: 'sig'; kid: string; x: string; validFrom: string; validUntil?: string }>;
  noteVerifierKey: string;
}

/** Every key that ever signed checkpoints (rotation keeps the old ones, closed by validUntil), as JWKs. */
export function registryKeys(log: TransparencyLog): RegistryKeysBody {
  return {
    keys: log.checkpoints.signingKeys().map((key) => ({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
      use: 'sig',
      kid: key.keyId,
      x: key.publicKey.toString('base64url'),
      validFrom: key.validFrom,
      ...(key.validUntil === null ? {} : { validUntil: key.validUntil }),
    })),
    noteVerifierKey: log.signer.verifierKey,
  };
}
