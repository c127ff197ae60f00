import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { CalendarDayField, IdentifierField, IdentifierListField } from '../../write/mutation/input-fields';

@InputType('ImpactAccreditationInput')
export class ImpactAccreditationInput {
  @IdentifierField()
  cbId!: string;

  @CalendarDayField()
  effectiveOn!: string;
}

@InputType('ImpactAccreditationScopeInput')
export class ImpactAccreditationScopeInput extends ImpactAccreditationInput {
  @IdentifierListField({ description: 'The schemes taken out of the scope' })
  schemes!: string[];
}

@InputType('ImpactArrangementInput')
export class ImpactArrangementInput {
  @IdentifierField()
  arrangementId!: string;

  @CalendarDayField()
  effectiveOn!: string;
}

@InputType('ImpactPartyInput')
export class ImpactPartyInput extends ImpactArrangementInput {
  @IdentifierField()
  cbId!: string;
}

@InputType('ImpactArrangementScopeInput')
export class ImpactArrangementScopeInput extends ImpactArrangementInput {
  @IdentifierListField({ description: 'The schemes the arrangement would cover from effectiveOn' })
  schemes!: string[];
}

function Nested(type: () => new () => object): PropertyDecorator {
  return (target, key) => {
    Field(type, { nullable: true })(target, key);
    IsOptional()(target, key);
    ValidateNested()(target, key);
    Type(type)(target, key);
  };
}

@InputType('ImpactInput', { description: 'Exactly one decision to weigh.' })
export class ImpactInput {
  @Nested(() => ImpactAccreditationInput)
  suspendAccreditation?: ImpactAccreditationInput | null;

  @Nested(() => ImpactAccreditationScopeInput)
  reduceAccreditationScope?: ImpactAccreditationScopeInput | null;

  @Nested(() => ImpactPartyInput)
  withdrawArrangementParty?: ImpactPartyInput | null;

  @Nested(() => ImpactArrangementInput)
  suspendArrangement?: ImpactArrangementInput | null;

  @Nested(() => ImpactArrangementInput)
  terminateArrangement?: ImpactArrangementInput | null;

  @Nested(() => ImpactArrangementScopeInput)
  amendArrangementScope?: ImpactArrangementScopeInput | null;
}

@ObjectType('ImpactCount')
export class ImpactCountObject {
  @Field()
  key!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ImpactedCertificate')
export class ImpactedCertificateObject {
  @Field()
  certificateNumber!: string;

  @Field()
  country!: string;
}

@ObjectType('Impact', { description: 'What a decision would cost, before it is taken: the answers on its effective date that would turn from yes to no. Nothing is recorded.' })
export class ImpactObject {
  @Field(() => Int, { description: '(certificate, country) answers lost' })
  total!: number;

  @Field(() => [ImpactCountObject], { description: 'By country (the key is the country)' })
  byCountry!: ImpactCountObject[];

  @Field(() => [ImpactCountObject], { description: 'By scheme (the key is the scheme code)' })
  byScheme!: ImpactCountObject[];

  @Field(() => [ImpactedCertificateObject], { nullable: true, description: 'The first 1,000; ACCREDITATION_BODY and AUDITOR keys only (null for a CB, which sees counts about its own certificates).' })
  certificates!: ImpactedCertificateObject[] | null;
}
