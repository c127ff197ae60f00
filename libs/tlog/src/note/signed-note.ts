import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { publicKeyFromRaw, rawPublicKey } from './ed25519-keys';

/** c2sp.org/signed-note signature types used here. */
export const ED25519 = 0x01;
export const COSIGNATURE_V1 = 0x04;

/** What a signature line starts with: an em dash and a space. */
const DASH = '\u2014 ';

/** SHA-256(key name || 0x0A || signature type || public key)[:4], the key id the spec recommends. */
export function noteKeyId(name: string, type: number, publicKey: Uint8Array): Buffer {
  return createHash('sha256').update(name, 'utf8').update(Buffer.from([0x0a, type])).update(publicKey).digest().subarray(0, 4);
}

export interface VerifierKey {
  name: string;
  type: number;
  keyId: Buffer;
  publicKey: Buffer;
}

/** `<name>+<8 hex key id>+<base64(type || public key)>`, the verifier-key string of Go's sumdb/note. */
export function formatVerifierKey(name: string, publicKey: Uint8Array, type = ED25519): string {
  return `${name}+${noteKeyId(name, type, publicKey).toString('hex')}+${Buffer.concat([Buffer.from([type]), publicKey]).toString('base64')}`;
}

/** Parses and checks a verifier key; throws a plain error naming what is wrong. */
export function parseVerifierKey(text: string): VerifierKey {
  // The base64 key may itself hold '+': the name ends at the first one, the key id is the next 8 characters.
  const match = /^([^+]*)\+([^+]*)\+(.*)$/.exec(text.trim());
  if (!match) throw new Error('a verifier key is <name>+<key id>+<base64 key>');
  const [, name, idHex, keyBase64] = match;
  checkKeyName(name);
  const material = Buffer.from(keyBase64, 'base64');
  if (!/^[0-9a-f]{8}$/.test(idHex) || material.length !== 33 || material.toString('base64') !== keyBase64) {
    throw new Error('a verifier key is <name>+<8 hex digits>+<base64 of a type byte and a 32-byte Ed25519 key>');
  }
  const type = material[0];
  if (type !== ED25519 && type !== COSIGNATURE_V1) throw new Error(`signature type ${type} is not supported (Ed25519 0x01, cosignature 0x04)`);
  const publicKey = material.subarray(1);
  const keyId = noteKeyId(name, type, publicKey);
  if (keyId.toString('hex') !== idHex) throw new Error('the key id does not match the name and key');
  return { name, type, keyId, publicKey };
}

export function checkKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name)) throw new Error('a key name is non-empty, without spaces or "+"');
}

export interface NoteSignature {
  name: string;
  keyId: Buffer;
  /** What follows the key id: the signature (and, for cosignatures, the timestamp before it). */
  signature: Buffer;
  line: string;
}

export interface Note {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** Splits a signed note at its last blank line into text and signature lines. Throws on a malformed note. */
export function parseNote(note: string): Note {
  if (note.length > 1_000_000) throw new Error('the note is too long');
  if ([...note].some((char) => char < ' ' && char !== '\n')) throw new Error('the note holds control characters');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('a signed note is text, a blank line, then signature lines');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > 100) throw new Error('the note has too many signatures');
  const signatures = lines.map(parseSignatureLine);
  return { text, signatures };
}

export function parseSignatureLine(line: string): NoteSignature {
  const match = /^\u2014 (\S+) ([A-Za-z0-9+/=]+)$/.exec(line);
  if (!match) throw new Error(`not a signature line: ${JSON.stringify(line.slice(0, 80))}`);
  const raw = Buffer.from(match[2], 'base64');
  if (raw.length < 5 || raw.toString('base64') !== match[2]) throw new Error('a signature is base64 of a key id and the signature');
  return { name: match[1], keyId: raw.subarray(0, 4), signature: raw.subarray(4), line };
}

/** Signs `text` (ending in a newline) with an Ed25519 key under `name`: one signature line, without newline. */
export function signatureLine(text: string, name: string, privateKey: KeyObject): string {
  checkKeyName(name);
  const keyId = noteKeyId(name, ED25519, rawPublicKey(privateKey));
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `${DASH}${name} ${Buffer.concat([keyId, signature]).toString('base64')}`;
}

export function signNote(text: string, name: string, privateKey: KeyObject): string {
  if (!text.endsWith('\n')) throw new Error('the text of a note ends with a newline');
  return `${text}\n${signatureLine(text, name, privateKey)}\n`;
}

/** Opens a note with one trusted Ed25519 verifier key: its text when a signature by that key verifies. As the
 * spec asks, signatures by other keys are ignored, and a signature by the known key that fails rejects it. */
export function openNote(note: string, verifier: VerifierKey): { ok: true; text: string } | { ok: false; reason: string } {
  let parsed: Note;
  try {
    parsed = parseNote(note);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  const ours = parsed.signatures.filter((sig) => sig.name === verifier.name && sig.keyId.equals(verifier.keyId));
  if (verifier.type !== ED25519) return { ok: false, reason: 'not an Ed25519 note key' };
  if (ours.length === 0) return { ok: false, reason: `no signature by ${verifier.name}` };
  const key = publicKeyFromRaw(verifier.publicKey);
  for (const sig of ours) {
    if (sig.signature.length !== 64 || !verify(null, Buffer.from(parsed.text, 'utf8'), key, sig.signature)) {
      return { ok: false, reason: `the signature by ${verifier.name} does not verify` };
    }
  }
  return { ok: true, text: parsed.text };
}
