import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { evaluateRecognition, type CalendarDate } from '@registry/domain';
import type { FastifyRequest } from 'fastify';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { badUserInput, RegistryError } from '../graphql/registry-error';
import { chargeLookups } from '../limits';
import { ArrangementObject, toArrangementObject } from './arrangement.object';
import { CertificationBodyObject, toCertificationBodyObject } from './certification-body.object';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { RecognitionCheckInput } from './recognition-check.input';
import { RecognitionObject, toRecognitionObject } from './recognition.object';
import { SchemeObject, toSchemeObject } from './scheme.object';

/** An HTTP request to /graphql (`req`), or a verification page asking on its reader's behalf (`pageRequest`: anonymous to
 * the auth guard, since pages never read API keys, but charged to the page's caller all the same). */
type LookupContext = { req?: FastifyRequest; pageRequest?: FastifyRequest };

/** A bulk check's bound: the size of the verification page's CSV upload. */
export const MAX_RECOGNITION_CHECKS = 1_000;

/** The public verification: open to callers without a key. The rule itself is the domain's. */
@Resolver(() => RecognitionObject)
export class RecognitionResolver {
  constructor(private readonly host: ReadSideHost) {}

  @Query(() => RecognitionObject, { complexity: FIELD_WEIGHTS.recognition, description: 'Is the certificate recognized in the country on asOf (default: today, UTC), and why?' })
  recognition(
    @Args('certificateNumber') certificateNumber: string,
    @Args('country') country: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
  ): RecognitionObject {
    return this.answer(identifierArgument('certificateNumber', certificateNumber), countryArgument('country', country), asOfOrToday(asOf));
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
      asOf: asOfOrToday(check.asOf),
    }));
    const request = context.req ?? context.pageRequest;
    if (request !== undefined) {
      const charge = await chargeLookups(request, valid.length);
      if (!charge.allowed) {
        throw new RegistryError('RATE_LIMITED', `${valid.length} lookups are more than this caller has left; retry in ${charge.retryAfterSeconds} s`, {
          limit: charge.limit,
          retryAfterSeconds: charge.retryAfterSeconds,
        });
      }
    }
    return valid.map(({ number, country, asOf }) => this.answer(number, country, asOf));
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

  private answer(number: string, country: string, asOf: CalendarDate): RecognitionObject {
    const input = this.host.readModels.recognitionInput(number, country);
    const certificate = input.certificate && { cbId: input.certificate.cbId, schemeCode: input.certificate.schemeCode };
    return toRecognitionObject(evaluateRecognition(input, country, asOf), certificate);
  }
}
