import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { evaluateRecognition, knownRecognitionInput, recognitionCorrections, type CalendarDate } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { ApplicationError, badUserInput } from '../errors';
import { chargeLookups } from '../limits';
import { ArrangementObject, toArrangementObject } from './arrangement.object';
import { CertificationBodyObject, toCertificationBodyObject } from './certification-body.object';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { RecognitionCheckInput } from './recognition-check.input';
import { RecognitionObject, toRecognitionObject } from './recognition.object';
import { KNOWN_AT } from './record-time/known-at.argument';
import { CorrectionObject } from './record-time/known-through.object';
import { RecordTime, type AnswerCut } from './record-time/record-time';
import { SchemeObject, toSchemeObject } from './scheme.object';

/** An HTTP request to /graphql (`req`), or a verification page asking on its reader's behalf (`pageRequest`: anonymous to
 * the auth guard, since pages never read API keys, but charged to the page's caller all the same). */
type LookupContext = { req?: FastifyRequest; pageRequest?: FastifyRequest };

/** A bulk check's bound: the size of the verification page's CSV upload. */
export const MAX_RECOGNITION_CHECKS = 1_000;

/** The public verification: open to callers without a key. The rule itself is the domain's. */
@Resolver(() => RecognitionObject)
export class RecognitionResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly recordTime: RecordTime,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => RecognitionObject, { complexity: FIELD_WEIGHTS.recognition,
    description: 'Is the certificate recognized in the country on asOf (default: today, UTC), and why? As the registry knew it at knownAt (default: now).',
  })
  async recognition(
    @Args('certificateNumber') certificateNumber: string,
    @Args('country') country: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<RecognitionObject> {
    const cut = await this.recordTime.cut(knownAt);
    return this.answer(identifierArgument('certificateNumber', certificateNumber), countryArgument('country', country), asOfOrToday(asOf, this.clock), cut);
  }

  @Query(() => [RecognitionObject], {
    description: `\`recognition\` for each check, in order: at most ${MAX_RECOGNITION_CHECKS}, each counted as one lookup by the rate limit.`,
    // Each row is a lookup; the selection is the same for every row.
    complexity: ({ args, childComplexity }) => (Array.isArray(args.checks) ? args.checks.length : 0) + childComplexity,
  })
  async recognitions(
    @Args('checks', { type: () => [RecognitionCheckInput] }) checks: RecognitionCheckInput[],
    @Context() context: LookupContext,
  ): Promise<RecognitionObject[]> {
    if (checks.length > MAX_RECOGNITION_CHECKS) {
      throw badUserInput([{ path: 'checks', message: `must hold at most ${MAX_RECOGNITION_CHECKS} checks (got ${checks.length})` }]);
    }
    const valid = checks.map((check, index) => ({
      number: identifierArgument(`checks.${index}.certificateNumber`, check.certificateNumber),
      country: countryArgument(`checks.${index}.country`, check.country),
      asOf: asOfOrToday(check.asOf, this.clock),
    }));
    const request = context.req ?? context.pageRequest;
    if (request !== undefined) {
      const charge = await chargeLookups(request, valid.length);
      if (!charge.allowed) {
        throw new ApplicationError('RATE_LIMITED', `${valid.length} lookups are more than this caller has left; retry in ${charge.retryAfterSeconds} s`, {
          limit: charge.limit,
          retryAfterSeconds: charge.retryAfterSeconds,
        });
      }
    }
    const cut = await this.recordTime.cut(null);
    return valid.map(({ number, country, asOf }) => this.answer(number, country, asOf, cut));
  }

  @ResolveField(() => CertificationBodyObject, { nullable: true, description: 'The issuing certification body, on asOf; null for an unknown certificate.' })
  certificationBody(@Parent() recognition: RecognitionObject): CertificationBodyObject | null {
    if (recognition.certificate === null) return null;
    const body = this.host.readModels.certificationBody(recognition.certificate.cbId);
    return body === null ? null : toCertificationBodyObject(body, recognition.asOf);
  }

  @ResolveField(() => SchemeObject, { nullable: true, description: "The certificate's scheme; null for an unknown certificate." })
  scheme(@Parent() recognition: RecognitionObject): SchemeObject | null {
    if (recognition.certificate === null) return null;
    const scheme = this.host.readModels.scheme(recognition.certificate.schemeCode);
    return scheme === null ? null : toSchemeObject(scheme);
  }

  @ResolveField(() => ArrangementObject, { nullable: true, description: 'The arrangement recognized under (basis ARRANGEMENT or DECISION), on asOf.' })
  arrangement(@Parent() recognition: RecognitionObject): ArrangementObject | null {
    if (recognition.arrangementId === null) return null;
    const arrangement = this.host.readModels.arrangement(recognition.arrangementId);
    return arrangement === null ? null : toArrangementObject(arrangement, recognition.asOf);
  }

  @ResolveField(() => [CorrectionObject], {
    description: 'What was recorded after asOf (on a later day, UTC) and moved this answer for asOf, oldest first: why it differs from one given earlier.',
  })
  corrections(@Parent() recognition: RecognitionObject): CorrectionObject[] {
    const { input, country, asOf } = recognition;
    // Nothing can have been recorded on a later day than today yet.
    if (input === undefined || asOf >= asOfOrToday(null, this.clock)) return [];
    return recognitionCorrections(input, country, asOf, (ref) => this.recordTime.recordedAt(ref)).map(({ ref, recordedAt }) => ({
      recordedAt,
      leafIndex: this.recordTime.leafIndex(ref),
      type: ref.type,
    }));
  }

  private answer(number: string, country: string, asOf: CalendarDate, cut: AnswerCut): RecognitionObject {
    const input = knownRecognitionInput(this.host.readModels.recognitionInput(number, country), cut.known);
    const certificate = input.certificate && { cbId: input.certificate.cbId, schemeCode: input.certificate.schemeCode };
    return { ...toRecognitionObject(evaluateRecognition(input, country, asOf), certificate), ...cut.fields, input };
  }
}
