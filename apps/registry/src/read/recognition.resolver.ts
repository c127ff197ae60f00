import { CLOCK, type Clock } from '../write/command-pipeline/clock';
import { Args, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { evaluateRecognition, type CalendarDate } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { RecognitionObject, toRecognitionObject } from './recognition.object';

/** The public verification: open to callers without a key. The rule itself is the domain's. */
@Resolver(() => RecognitionObject)
export class RecognitionResolver {
  constructor(
    private readonly host: ReadSideHost,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Query(() => RecognitionObject, { complexity: FIELD_WEIGHTS.recognition, description: 'Is the certificate recognized in the country on asOf (default: today, UTC), and why?' })
  recognition(
    @Args('certificateNumber') certificateNumber: string,
    @Args('country') country: string,
    @Args('asOf', { type: () => DateScalar, nullable: true }) asOf?: CalendarDate | null,
  ): RecognitionObject {
    const number = identifierArgument('certificateNumber', certificateNumber);
    const target = countryArgument('country', country);
    const input = this.host.readModels.recognitionInput(number, target);
    return toRecognitionObject(evaluateRecognition(input, target, asOfOrToday(asOf, this.clock)));
  }
}
