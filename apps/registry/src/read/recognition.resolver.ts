import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { calendarDateOf, evaluateRecognition, knownRecognitionInput, recognitionCorrections, type CalendarDate } from '@registry/domain';
import { DateScalar } from '../graphql/date.scalar';
import { FIELD_WEIGHTS } from '../graphql/query-limits';
import { asOfOrToday, countryArgument, identifierArgument } from './query-arguments';
import { ReadSideHost } from './read-side.host';
import { RecognitionObject, toRecognitionObject } from './recognition.object';
import { KNOWN_AT } from './record-time/known-at.argument';
import { CorrectionObject } from './record-time/known-through.object';
import { RecordTime } from './record-time/record-time';

/** The public verification: open to callers without a key. The rule itself is the domain's. */
@Resolver(() => RecognitionObject)
export class RecognitionResolver {
  constructor(
    private readonly host: ReadSideHost,
    private readonly recordTime: RecordTime,
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
    const number = identifierArgument('certificateNumber', certificateNumber);
    const target = countryArgument('country', country);
    const cut = await this.recordTime.cut(knownAt);
    const input = knownRecognitionInput(this.host.readModels.recognitionInput(number, target), cut.known);
    return { ...toRecognitionObject(evaluateRecognition(input, target, asOfOrToday(asOf))), ...cut.fields, input };
  }

  @ResolveField(() => [CorrectionObject], {
    description: 'What was recorded after asOf (on a later day, UTC) and moved this answer for asOf, oldest first: why it differs from one given earlier.',
  })
  corrections(@Parent() recognition: RecognitionObject): CorrectionObject[] {
    const { input, country, asOf } = recognition;
    // Nothing can have been recorded on a later day than today yet.
    if (input === undefined || asOf >= calendarDateOf(new Date())) return [];
    return recognitionCorrections(input, country, asOf, (ref) => this.recordTime.recordedAt(ref)).map(({ ref, recordedAt }) => ({
      recordedAt,
      leafIndex: this.recordTime.leafIndex(ref),
      type: ref.type,
    }));
  }
}
