import { Inject, Injectable } from '@nestjs/common';
import { evaluateRecognition, knownRecognitionInput, orderedEvidence, type CalendarDate } from '@registry/domain';
import {
  issuerOf,
  STATEMENT_JOSE_TYPE,
  STATEMENT_TYPE,
  VC_CONTEXT,
  type InclusionEvidence,
  type RecognitionStatement,
  type StoredCheckpoint,
  type TransparencyLog,
} from '@registry/tlog';
import { CompactSign, exportJWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { CLOCK, type Clock } from '../clock';
import { ApplicationError } from '../errors';
import { ReadSideHost } from '../read/read-side.host';
import { RecordTime } from '../read/record-time/record-time';
import { TRANSPARENCY_LOG } from '../transparency/transparency-log.token';

/** How long a statement waits for the checkpoint that covers its answer (the registry signs within a second). */
const CHECKPOINT_WAIT_MS = 3_000;
const CHECKPOINT_POLL_MS = 100;

/**
 * Makes signed recognition statements: the recognition answer as known at `knownAt`, its evidence proved
 * included in a signed checkpoint that covers it, the whole signed as a VC 2.0 `vc+jwt` with the registry's
 * checkpoint key.
 */
@Injectable()
export class RecognitionStatements {
  constructor(
    private readonly host: ReadSideHost,
    private readonly recordTime: RecordTime,
    @Inject(TRANSPARENCY_LOG) private readonly log: TransparencyLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(certificateNumber: string, country: string, asOf: CalendarDate, knownAt: string | null | undefined): Promise<string> {
    if (this.log.tampered) throw new ApplicationError('SERVICE_UNAVAILABLE', 'The registry signs no statement while its log does not match its checkpoints');
    const cut = await this.recordTime.cut(knownAt);
    const input = knownRecognitionInput(this.host.readModels.recognitionInput(certificateNumber, country), cut.known);
    const answer = evaluateRecognition(input, country, asOf);
    const through = cut.fields.knownThrough;
    const checkpoint = await this.checkpointCovering(through?.treeSize ?? 1);
    const evidence = orderedEvidence(answer.evidence).map((ref): InclusionEvidence => {
      const leafIndex = this.log.leafIndexAt(BigInt(ref.position));
      if (leafIndex === null || leafIndex >= checkpoint.treeSize) {
        throw new ApplicationError('SERVICE_UNAVAILABLE', 'The log tree has not caught up with the evidence yet; ask again in a moment');
      }
      const proof = this.log.inclusionProof(leafIndex, checkpoint.treeSize);
      return {
        type: ['TransparencyLogInclusion'],
        eventType: ref.type,
        leafIndex,
        treeSize: checkpoint.treeSize,
        leafHash: proof.leafHash.toString('base64'),
        auditPath: proof.hashes.map((hash) => hash.toString('base64')),
      };
    });
    const certificate = input.certificate;
    const statement: RecognitionStatement = {
      '@context': [VC_CONTEXT],
      type: ['VerifiableCredential', STATEMENT_TYPE],
      id: `urn:uuid:${randomUUID()}`,
      issuer: issuerOf(this.log.signer.name),
      validFrom: this.clock.now().toISOString(),
      credentialSubject: {
        type: 'CertificateRecognition',
        certificateNumber: answer.certificateNumber,
        country: answer.country,
        asOf: answer.asOf,
        knownAt: cut.fields.knownAt,
        certificate: certificate && { schemeCode: certificate.schemeCode, certificationBodyId: certificate.cbId, issuedOn: certificate.issuedOn },
        recognized: answer.recognized,
        basis: answer.basis,
        arrangement: answer.arrangementId,
        validUntil: answer.validUntil,
        reasonCodes: answer.reasons.map((reason) => reason.code),
        knownThrough: through && { leafIndex: through.leafIndex, treeSize: through.treeSize, recordedAt: through.recordedAt },
      },
      evidence,
      checkpoint: checkpoint.note,
    };
    return this.sign(statement);
  }

  private async sign(statement: RecognitionStatement): Promise<string> {
    const { signer } = this.log;
    const { kty, crv, x } = await exportJWK(signer.privateKey);
    return new CompactSign(Buffer.from(JSON.stringify(statement), 'utf8'))
      .setProtectedHeader({ alg: 'EdDSA', typ: STATEMENT_JOSE_TYPE, cty: 'vc', kid: signer.keyId, jwk: { kty, crv, x } })
      .sign(signer.privateKey);
  }

  /** The first signed checkpoint of at least `treeSize` leaves, waiting the moment it takes to be signed. */
  private async checkpointCovering(treeSize: number): Promise<StoredCheckpoint> {
    const deadline = Date.now() + CHECKPOINT_WAIT_MS; // a wait, timed on the machine's clock
    for (;;) {
      const [covering] = this.log.checkpoints.between(treeSize, Number.MAX_SAFE_INTEGER, 1);
      if (covering !== undefined) return covering;
      if (Date.now() > deadline) throw new ApplicationError('SERVICE_UNAVAILABLE', 'No signed checkpoint covers the answer yet; ask again in a moment');
      await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_POLL_MS));
    }
  }
}
