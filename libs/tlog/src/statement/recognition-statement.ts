/**
 * The signed recognition statement: a W3C Verifiable Credential 2.0 secured with JOSE (VC-JOSE-COSE: the
 * credential is the JWS payload, header `typ: vc+jwt`, `cty: vc`, EdDSA over Ed25519 with the key that signs the
 * registry's checkpoints). It carries the answer, the leaves it rests on with their inclusion proofs, and the
 * signed checkpoint those proofs lead to — so anyone can check it offline with the published key.
 */

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const STATEMENT_TYPE = 'RecognitionStatement';
export const STATEMENT_JOSE_TYPE = 'vc+jwt';

/** What the public `certificate` query shows without a key, less the holder's name: a statement names no one. */
export interface StatementCertificate {
  schemeCode: string;
  certificationBodyId: string;
  issuedOn: string;
}

export interface RecognitionClaims {
  type: 'CertificateRecognition';
  certificateNumber: string;
  country: string;
  asOf: string;
  /** The instant the answer is as known at; null: everything recorded when the statement was made. */
  knownAt: string | null;
  /** Null when no such certificate was on record. */
  certificate: StatementCertificate | null;
  recognized: boolean;
  basis: 'HOME' | 'ARRANGEMENT' | 'DECISION' | null;
  arrangement: string | null;
  validUntil: string | null;
  /** Every failed condition's code (the sentences stay out: they are for the API's readers). */
  reasonCodes: string[];
  /** The answer is computed from the first treeSize leaves of the log. */
  knownThrough: { leafIndex: number; treeSize: number; recordedAt: string } | null;
}

/** One record the answer rests on, proved to be in the tree the checkpoint signs. */
export interface InclusionEvidence {
  type: ['TransparencyLogInclusion'];
  eventType: string;
  leafIndex: number;
  /** The size of the checkpoint's tree. */
  treeSize: number;
  /** SHA-256(0x00 || canonical event bytes), base64: the bytes themselves stay in the log (they name the holder). */
  leafHash: string;
  /** RFC 9162 §2.1.3 audit path, base64 hashes, leaf side first. */
  auditPath: string[];
}

export interface RecognitionStatement {
  '@context': [typeof VC_CONTEXT];
  type: ['VerifiableCredential', typeof STATEMENT_TYPE];
  id: string;
  issuer: { id: string; name: string };
  validFrom: string;
  credentialSubject: RecognitionClaims;
  evidence: InclusionEvidence[];
  /** The C2SP signed note of the checkpoint every inclusion proof leads to. */
  checkpoint: string;
}

/** The issuer id: the checkpoint origin as a URL (an origin is a host and path by convention). */
export function issuerOf(origin: string): { id: string; name: string } {
  return { id: /^[a-z][a-z0-9+.-]*:/i.test(origin) ? origin : `https://${origin}`, name: origin };
}
