import { cosignatureLine, formatCheckpoint, formatVerifierKey, generateEd25519, openNote, parseCheckpoint, parseNote, parseVerifierKey, privateKeyFromSeed, rawPublicKey, signNote, verifyCosignature, COSIGNATURE_V1 } from '.';

// The example of Go's golang.org/x/mod/sumdb/note (the reference implementation of c2sp.org/signed-note):
// its private and verifier keys and the signed note they give, as data.
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const PETER_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_NOTE = `${PETER_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;
// The opening example of c2sp.org/signed-note: a text holding a blank line of its own.
const QUASIMODO_NOTE =
  'Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n' +
  '\u2014 quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n';

describe('signed notes (c2sp.org/signed-note)', () => {
  it('verifies the published PeterNeumann note with its verifier key', () => {
    expect(openNote(PETER_NOTE, parseVerifierKey(PETER_VKEY))).toEqual({ ok: true, text: PETER_TEXT });
  });

  it('signs the published text to the very same note from the published private key (Ed25519 is deterministic)', () => {
    const seed = Buffer.from(PETER_SKEY.split('+').slice(4).join('+'), 'base64').subarray(1);
    const key = privateKeyFromSeed(seed);
    expect(formatVerifierKey('PeterNeumann', rawPublicKey(key))).toBe(PETER_VKEY);
    expect(signNote(PETER_TEXT, 'PeterNeumann', key)).toBe(PETER_NOTE);
  });

  it('refuses the note with one bit of text or signature changed, and a note by nobody it knows', () => {
    const verifier = parseVerifierKey(PETER_VKEY);
    expect(openNote(PETER_NOTE.replace('cryptography', 'cryptographY'), verifier).ok).toBe(false);
    expect(openNote(PETER_NOTE.replace('x08go', 'x08gp'), verifier).ok).toBe(false);
    expect(openNote(QUASIMODO_NOTE, verifier)).toEqual({ ok: false, reason: 'no signature by PeterNeumann' });
  });

  it('splits the C2SP example at its last blank line, keeping the blank line inside the text', () => {
    const note = parseNote(QUASIMODO_NOTE);
    expect(note.text).toBe('Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n');
    expect(note.signatures.map((sig) => sig.name)).toEqual(['quasimodo.example/salvatore']);
  });

  it('refuses verifier keys whose id does not match, and malformed ones', () => {
    expect(() => parseVerifierKey(PETER_VKEY.replace('c74f20a3', 'c74f20a4'))).toThrow('key id');
    expect(() => parseVerifierKey('PeterNeumann+c74f20a3')).toThrow();
    expect(() => parseVerifierKey('Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow();
  });
});

describe('checkpoints and cosignatures (c2sp.org/tlog-checkpoint, tlog-cosignature)', () => {
  const text = formatCheckpoint({ origin: 'example.com/behind-the-sofa', size: 20852163, rootHash: Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64') });

  it('writes and reads the C2SP example checkpoint text', () => {
    expect(text).toBe('example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n');
    expect(parseCheckpoint(text).size).toBe(20852163);
  });

  it('a witness cosignature verifies with its 0x04 key, and not over another checkpoint', () => {
    const { privateKey } = generateEd25519();
    const witness = parseVerifierKey(formatVerifierKey('witness.example.com/w1', rawPublicKey(privateKey), COSIGNATURE_V1));
    const line = cosignatureLine(text, 'witness.example.com/w1', privateKey, 1679315147);
    const [signature] = parseNote(`${text}\n${line}\n`).signatures;
    expect(verifyCosignature(text, signature, witness)).toEqual({ ok: true, timestamp: 1679315147 });
    expect(verifyCosignature(text.replace('20852163', '20852164'), signature, witness).ok).toBe(false);
  });
});
