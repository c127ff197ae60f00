import { sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyFromRaw, rawPublicKey } from './ed25519-keys';
import { checkKeyName, COSIGNATURE_V1, noteKeyId, type NoteSignature, type VerifierKey } from './signed-note';

/** c2sp.org/tlog-cosignature, Ed25519: what a witness signs — a header, the time, then the checkpoint text. */
export function cosignedMessage(checkpointText: string, timestamp: number): Buffer {
  return Buffer.from(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`, 'utf8');
}

/** A witness's signature line over a checkpoint: base64(key id || u64 timestamp || Ed25519 signature). */
export function cosignatureLine(checkpointText: string, name: string, privateKey: KeyObject, timestamp: number): string {
  checkKeyName(name);
  const keyId = noteKeyId(name, COSIGNATURE_V1, rawPublicKey(privateKey));
  const time = Buffer.alloc(8);
  time.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, cosignedMessage(checkpointText, timestamp), privateKey);
  return `\u2014 ${name} ${Buffer.concat([keyId, time, signature]).toString('base64')}`;
}

/** Checks a cosignature by a known witness key (type 0x04) over a checkpoint's text; its time when it holds. */
export function verifyCosignature(
  checkpointText: string,
  cosignature: NoteSignature,
  witness: VerifierKey,
): { ok: true; timestamp: number } | { ok: false; reason: string } {
  if (witness.type !== COSIGNATURE_V1) return { ok: false, reason: 'not a cosignature (0x04) key' };
  if (cosignature.name !== witness.name || !cosignature.keyId.equals(witness.keyId)) return { ok: false, reason: 'signed by another key' };
  if (cosignature.signature.length !== 8 + 64) return { ok: false, reason: 'a cosignature is a timestamp and an Ed25519 signature' };
  const time = cosignature.signature.readBigUInt64BE(0);
  if (time >= 2n ** 63n) return { ok: false, reason: 'the timestamp is out of range' };
  const timestamp = Number(time);
  const ok = verify(null, cosignedMessage(checkpointText, timestamp), publicKeyFromRaw(witness.publicKey), cosignature.signature.subarray(8));
  return ok ? { ok: true, timestamp } : { ok: false, reason: 'the cosignature does not verify' };
}
