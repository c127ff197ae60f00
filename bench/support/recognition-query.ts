import type { RecognitionQuestion } from '../dataset/registry-dataset';

/** The query row 4 sends, every field of the answer included: the shape an integration asks for. */
export const RECOGNITION_QUERY = `query Recognition($certificateNumber: String!, $country: String!, $asOf: Date) {
  recognition(certificateNumber: $certificateNumber, country: $country, asOf: $asOf) {
    certificateNumber
    country
    asOf
    recognized
    basis
    arrangementId
    validUntil
    reasons { code message }
    evidence { stream revision position type }
  }
}`;

export interface RecognitionAnswer {
  certificateNumber: string;
  country: string;
  asOf: string;
  recognized: boolean;
  basis: string | null;
  arrangementId: string | null;
  validUntil: string | null;
  reasons: { code: string; message: string }[];
  evidence: { stream: string; revision: number; position: string; type: string }[];
}

export function recognitionBody(question: RecognitionQuestion): string {
  return JSON.stringify({ query: RECOGNITION_QUERY, variables: question });
}

/** Asks one question; throws with the server's own words when the answer is not a recognition. */
export async function askRecognition(baseUrl: string, question: RecognitionQuestion): Promise<RecognitionAnswer> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: recognitionBody(question),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let body: { data?: { recognition?: RecognitionAnswer | null }; errors?: { message: string }[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`POST /graphql answered ${response.status}: ${text.slice(0, 200)}`);
  }
  const answer = body.data?.recognition;
  if (answer == null) {
    const message = body.errors?.map((error) => error.message).join('; ') ?? text.slice(0, 200);
    throw new Error(`POST /graphql answered ${response.status} without a recognition: ${message}`);
  }
  return answer;
}
