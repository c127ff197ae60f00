import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';
import { CommandInput } from '../mutation/command-input';

/** `<name>+<8 hex key id>+<base64 of 0x04 and a 32-byte Ed25519 key>`: the name in plain ASCII without spaces or "+". */
export const WITNESS_VERIFIER_KEY = /^[A-Za-z0-9._/:-]{1,100}\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/;

@InputType()
export class RegisterWitnessInput extends CommandInput {
  @Field({
    description:
      'The witness\'s verifier key (c2sp.org/tlog-cosignature, signature type 0x04): "<name>+<key id>+<base64 key>", as `npm run witness -- --init` prints it.',
  })
  @IsString()
  @MaxLength(200)
  @Matches(WITNESS_VERIFIER_KEY, { message: 'verifierKey must be a witness verifier key: <name>+<8 hex digits>+<44 base64 characters>' })
  verifierKey!: string;
}
