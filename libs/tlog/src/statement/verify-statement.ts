import { createPublicKey, type KeyObject } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, importJWK, type JWK } from 'jose';
import { verifyInclusion } from '../merkle';
import { ED25519, noteKeyId, openNote, parseCheckpoint, parseNote, rawPublicKey } from '../note';
import { STATEMENT_JOSE_TYPE, STATEMENT_TYPE, VC_CONTEXT, type InclusionEvidence, type RecognitionStatement } from './recognition-statement';

/** The keys a verifier trusts: the body of the registry's `/.well-known/registry-keys`. */
export interface TrustedKeys {
  keys: JWK[];
}

export interface StatementCheck {
  check: string;
  ok: boolean;
  detail: string;
}

export interface StatementVerification {
  ok: boolean;
  checks: StatementCheck[];
  statement: RecognitionStatement | null;
}

/**
 * Checks a recognition statement offline, every check reported by name: the JWS signature under a trusted
 * key, the credential's shape, the checkpoint's note signature by the same key, that the checkpoint covers the
 * answer, and each evidence leaf's inclusion proof against the checkpoint's root. Without trusted keys the key
 * the statement names in its header (`jwk`) is used, and the report says so: it proves integrity, not origin.
 */
export async function verifyRecognitionStatement(jwt: string, trusted?: TrustedKeys): Promise<StatementVerification> {
  const checks: StatementCheck[] = [];
  const record = (check: string, ok: boolean, detail: string): boolean => {
    checks.push({ check, ok, detail });
    return ok;
  };
  const done = (statement: RecognitionStatement | null): StatementVerification => ({ ok: checks.every((c) => c.ok), checks, statement });

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt.trim());
  } catch (error) {
    record('format', false, `not a compact JWS: ${(error as Error).message}`);
    return done(null);
  }
  record('header', header.alg === 'EdDSA' && header.typ === STATEMENT_JOSE_TYPE, `alg ${header.alg}, typ ${header.typ}, kid ${header.kid}`);

  const key = await keyFor(header, trusted);
  if (typeof key === 'string') {
    record('signature', false, key);
  } else {
    try {
      await compactVerify(jwt.trim(), key.key, { algorithms: ['EdDSA'] });
      record('signature', true, `EdDSA signature verifies under key ${header.kid} (${key.source})`);
    } catch (error) {
      record('signature', false, `the JWS signature does not verify under key ${header.kid}: ${(error as Error).message}`);
    }
  }

  const statement = payloadOf(jwt.trim());
  if (statement === null || !isStatement(statement)) {
    record('credential', false, 'the payload is not a recognition statement (VC 2.0 with credentialSubject, evidence and checkpoint)');
    return done(null);
  }
  record('credential', true, `${statement.type.join(', ')} issued by ${statement.issuer.id}`);

  let root: Buffer | null = null;
  let size = 0;
  try {
    const note = parseNote(statement.checkpoint);
    const body = parseCheckpoint(note.text);
    size = body.size;
    if (typeof key === 'string') {
      record('checkpoint signature', false, 'no key to check it with');
    } else {
      const publicKey = rawPublicKey(key.key);
      const opened = openNote(statement.checkpoint, { name: body.origin, type: ED25519, keyId: noteKeyId(body.origin, ED25519, publicKey), publicKey });
      if (record('checkpoint signature', opened.ok, opened.ok ? `checkpoint of ${body.size} leaves signed by ${body.origin}` : opened.reason)) root = body.rootHash;
    }
  } catch (error) {
    record('checkpoint signature', false, `the checkpoint is not a signed note: ${(error as Error).message}`);
  }

  const through: unknown = statement.credentialSubject.knownThrough;
  if (through === null) record('checkpoint covers the answer', true, 'the answer rests on no record');
  else if (typeof through !== 'object' || through === undefined || !Number.isSafeInteger((through as { treeSize: unknown }).treeSize)) {
    record('checkpoint covers the answer', false, 'the statement does not say which records the answer rests on (knownThrough)');
  } else {
    const { treeSize } = through as { treeSize: number };
    record('checkpoint covers the answer', treeSize <= size, `the answer rests on ${treeSize} leaves; the checkpoint signs ${size}`);
  }
  for (const evidence of statement.evidence) {
    const name = `inclusion of leaf ${evidence.leafIndex} (${evidence.eventType})`;
    if (root === null) {
      record(name, false, 'no verified checkpoint root to prove it against');
      continue;
    }
    const proved =
      evidence.treeSize === size
        ? verifyInclusion(evidence.leafIndex, evidence.treeSize, Buffer.from(evidence.leafHash, 'base64'), evidence.auditPath.map((hash) => Buffer.from(hash, 'base64')), root)
        : { ok: false as const, reason: `proved against ${evidence.treeSize} leaves, not the checkpoint's ${size}` };
    record(name, proved.ok, proved.ok ? `in the tree of ${size} leaves` : proved.reason);
  }
  return done(statement);
}

async function keyFor(
  header: ReturnType<typeof decodeProtectedHeader>,
  trusted: TrustedKeys | undefined,
): Promise<{ key: KeyObject; source: string } | string> {
  try {
    if (trusted !== undefined) {
      const jwk = trusted.keys.find((candidate) => candidate.kid === header.kid);
      if (jwk === undefined) return `key ${header.kid} is not among the trusted registry keys`;
      return { key: toKeyObject(await importJWK({ ...jwk, alg: 'EdDSA' }, 'EdDSA')), source: 'a trusted registry key' };
    }
    if (header.jwk === undefined) return 'the statement carries no key and no trusted keys were given';
    return { key: toKeyObject(await importJWK({ ...header.jwk, alg: 'EdDSA' }, 'EdDSA')), source: 'the key the statement carries: compare its kid with the registry\'s published keys' };
  } catch (error) {
    return `the key is not an Ed25519 JWK: ${(error as Error).message}`;
  }
}

function toKeyObject(key: unknown): KeyObject {
  if (typeof key === 'object' && key !== null && 'asymmetricKeyType' in key) return key as KeyObject;
  return createPublicKey({ key: key as never, format: 'jwk' });
}

function payloadOf(jwt: string): RecognitionStatement | null {
  try {
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as RecognitionStatement;
  } catch {
    return null;
  }
}

function isStatement(value: RecognitionStatement): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(value['@context']) &&
    value['@context'][0] === VC_CONTEXT &&
    Array.isArray(value.type) &&
    value.type.includes(STATEMENT_TYPE) &&
    typeof value.issuer === 'object' &&
    value.issuer !== null &&
    typeof value.issuer.id === 'string' &&
    typeof value.credentialSubject === 'object' &&
    value.credentialSubject !== null &&
    Array.isArray(value.evidence) &&
    value.evidence.every(isEvidence) &&
    typeof value.checkpoint === 'string'
  );
}

/** Whoever wrote the file chose its shape: an evidence entry is checked before a proof is computed from it. */
function isEvidence(value: InclusionEvidence): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Number.isSafeInteger(value.leafIndex) &&
    value.leafIndex >= 0 &&
    Number.isSafeInteger(value.treeSize) &&
    typeof value.eventType === 'string' &&
    typeof value.leafHash === 'string' &&
    Array.isArray(value.auditPath) &&
    value.auditPath.every((hash) => typeof hash === 'string')
  );
}
