import type { Json } from '../shared/json';

/**
 * CertificateIssued v1 named the holder `holder`; v2 calls it `holderName`, as the public contract does.
 * Everything else is carried over untouched.
 */
export function certificateIssuedV1ToV2(data: Json): Json {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const { holder, ...rest } = data;
  return 'holderName' in rest ? rest : { ...rest, holderName: holder ?? null };
}
