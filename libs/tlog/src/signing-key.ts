import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatVerifierKey, noteKeyId, rawPublicKey, ED25519 } from './note';

export const SIGNING_KEY_FILE = 'registry-signing-key.pem';

/** The registry's checkpoint signer: an Ed25519 key and the name its signature lines carry. */
export interface LogSigner {
  name: string;
  privateKey: KeyObject;
  publicKey: Buffer;
  /** 8 hex digits: the C2SP key id, also the JWK `kid`. */
  keyId: string;
  /** `<name>+<key id>+<base64(0x01 || key)>` */
  verifierKey: string;
}

/**
 * Loads the signing key from `file` (REGISTRY_SIGNING_KEY_FILE), or from the data directory, where it is
 * generated at first start (PKCS#8 PEM, mode 0600). Throws a plain error when a named file is unusable.
 */
export function loadSigningKey(name: string, dataDir: string, file?: string): LogSigner {
  const path = file ?? join(dataDir, SIGNING_KEY_FILE);
  if (!existsSync(path)) {
    if (file !== undefined) throw new Error(`REGISTRY_SIGNING_KEY_FILE names ${file}, which does not exist`);
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(readFileSync(path));
  } catch {
    throw new Error(`the signing key ${path} is not a PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`the signing key ${path} is not an Ed25519 key`);
  const publicKey = rawPublicKey(privateKey);
  return {
    name,
    privateKey,
    publicKey,
    keyId: noteKeyId(name, ED25519, publicKey).toString('hex'),
    verifierKey: formatVerifierKey(name, publicKey),
  };
}
