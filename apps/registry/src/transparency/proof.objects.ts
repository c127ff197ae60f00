import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('InclusionProof', { description: 'RFC 9162 §2.1.3: the audit path from a leaf to the root of a tree of treeSize leaves.' })
export class InclusionProofObject {
  @Field(() => Int)
  leafIndex!: number;

  @Field(() => Int)
  treeSize!: number;

  @Field({ description: 'SHA-256(0x00 || canonical event bytes), base64.' })
  leafHash!: string;

  @Field(() => [String], { description: 'Base64 hashes of 32 bytes, in the order RFC 9162 §2.1.3.2 verifies them (leaf side first).' })
  hashes!: string[];
}

@ObjectType('ConsistencyProof', { description: 'RFC 9162 §2.1.4: the tree of fromSize leaves is a prefix of the tree of toSize leaves.' })
export class ConsistencyProofObject {
  @Field(() => Int)
  fromSize!: number;

  @Field(() => Int)
  toSize!: number;

  @Field(() => [String], { description: 'Base64 hashes of 32 bytes, in the order RFC 9162 §2.1.4.2 verifies them.' })
  hashes!: string[];
}

@ObjectType('Checkpoint', { description: 'A checkpoint the registry signed (c2sp.org/tlog-checkpoint in a c2sp.org/signed-note).' })
export class CheckpointObject {
  @Field()
  origin!: string;

  @Field(() => Int)
  treeSize!: number;

  @Field({ description: 'The Merkle tree root over the first treeSize events, base64.' })
  rootHash!: string;

  @Field({ description: 'When the registry signed it, ISO 8601.' })
  signedAt!: string;

  @Field({ description: 'The signed note: checkpoint text, a blank line, the registry signature, then every witness cosignature collected.' })
  note!: string;

  @Field(() => [String], { description: 'The names of the witnesses whose cosignatures of this checkpoint were accepted.' })
  witnesses!: string[];
}
