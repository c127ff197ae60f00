import { Inject } from '@nestjs/common';
import { CLOCK, type Clock } from '../clock';
import { Args, Query, Resolver } from '@nestjs/graphql';
import type { CalendarDate } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { asOfOrToday, countryArgument, identifierArgument } from '../read/query-arguments';
import { KNOWN_AT } from '../read/record-time/known-at.argument';
import { RecognitionStatements } from './recognition-statements';

/** The recognition answer signed: public, as the answer itself is. */
@Resolver()
export class RecognitionStatementResolver {
  constructor(
    private readonly statements: RecognitionStatements,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => String, {
    complexity: FIELD_WEIGHTS.recognitionStatement,
    description:
      'The recognition answer (as known at knownAt, default now) signed by the registry: a W3C Verifiable Credential 2.0 as a compact JWS ' +
      '(typ vc+jwt, EdDSA, the key at /.well-known/registry-keys), with its evidence proved included in the signed checkpoint it carries. ' +
      'Check it offline with `npm run verify-statement`.',
  })
  async recognitionStatement(
    @Args('certificateNumber') certificateNumber: string,
    @Args('country') country: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
    @Args('knownAt', KNOWN_AT) knownAt?: string | null,
  ): Promise<string> {
    const number = identifierArgument('certificateNumber', certificateNumber);
    const target = countryArgument('country', country);
    return this.statements.issue(number, target, asOfOrToday(asOf, this.clock), knownAt);
  }
}
