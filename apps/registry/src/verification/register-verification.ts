import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { chargeLookups } from '../limits';
import { answerPath } from './answer-link';
import { answerPdf } from './answer-pdf';
import { fontBytes } from './assets/font-files';
import { STYLESHEET } from './assets/stylesheet';
import { MAX_BULK_ROWS, readBulkRows } from './bulk/bulk-rows';
import { bulkOutcomes, CSV_HEADER, csvRow, htmlRow } from './bulk/bulk-stream';
import { csvLine } from './bulk/bulk-csv';
import type { Html } from './html';
import { withPageHeaders } from './page-headers';
import { pageContext, type PageContext } from './page-context';
import { answerPage, headline, type AnswerView } from './pages/answer.page';
import { bulkFormPage, bulkResultsHead, bulkResultsTail } from './pages/bulk.page';
import { checkPage } from './pages/check-form.page';
import { layout } from './pages/layout';
import { badKeyPage, rateLimitedPage, unavailablePage } from './pages/refusal.page';
import { unknownPage } from './pages/unknown.page';
import { qrCodeSvg } from './qr-code';
import { readableCountry } from './readable';
import { checkParams, formValues, single, type VerifyParams } from './verify-params';
import { runVerificationQuery, verificationLookups, type VerificationData } from './verification-query';

type Query = Record<string, unknown>;

function sendPage(reply: FastifyReply, status: number, context: PageContext, title: string, main: Html): FastifyReply {
  return withPageHeaders(reply).code(status).type('text/html; charset=utf-8').send(layout(context, title, main).markup);
}

/** The page charges what its lookups cost; null when the caller may go on, else the refusal already sent. */
async function charge(request: FastifyRequest, reply: FastifyReply, context: PageContext, lookups: number): Promise<FastifyReply | null> {
  const charged = await chargeLookups(request, lookups);
  if (charged.allowed) return null;
  void reply.header('retry-after', charged.retryAfterSeconds);
  return sendPage(reply, 429, context, context.t('refused.rateTitle'), rateLimitedPage(context, lookups, charged.retryAfterSeconds));
}

type Answer = { kind: 'answer'; view: AnswerView } | { kind: 'unknown' } | { kind: 'refused'; reply: FastifyReply } | { kind: 'unavailable' };

async function answerFor(request: FastifyRequest, reply: FastifyReply, context: PageContext, params: VerifyParams): Promise<Answer> {
  const refused = await charge(request, reply, context, verificationLookups(params, context.today));
  if (refused !== null) return { kind: 'refused', reply: refused };
  const result = await runVerificationQuery(request, params, context.today);
  if ('errors' in result) {
    const codes = result.errors.map((error) => String(error.extensions?.code ?? error.message));
    // The API may charge and refuse the page's lookups itself, and refuses a request carrying a bad key.
    const limited = result.errors.find((error) => error.extensions?.code === 'RATE_LIMITED');
    if (limited !== undefined) {
      const seconds = Number(limited.extensions?.retryAfterSeconds ?? 60);
      void reply.header('retry-after', seconds);
      return { kind: 'refused', reply: sendPage(reply, 429, context, context.t('refused.rateTitle'), rateLimitedPage(context, verificationLookups(params, context.today), seconds)) };
    }
    if (codes.includes('UNAUTHENTICATED')) return { kind: 'refused', reply: sendPage(reply, 401, context, context.t('refused.keyTitle'), badKeyPage(context)) };
    request.log.warn({ errors: codes }, 'verification page could not answer');
    return { kind: 'unavailable' };
  }
  const data: VerificationData = result.data;
  if (data.certificate === null) return { kind: 'unknown' };
  const url = `${context.origin}${answerPath(params.number, params.country, params.asOf)}`;
  return {
    kind: 'answer',
    view: {
      recognition: data.recognition,
      certificate: data.certificate,
      recognizedToday: (data.today ?? data.certificate).recognizedIn
        .filter((country) => country !== params.country)
        .sort((a, b) => readableCountry(context, a).localeCompare(readableCountry(context, b), context.language)),
      askedAsOf: params.asOf,
      qrSvg: await qrCodeSvg(url),
    },
  };
}

/**
 * The verification pages, served by the registry itself on its port: the check form (`/`), the shareable answer
 * (`/verify/<number>?country=…[&asOf=…]`) with its PDF, and the bulk check (`/verify/bulk`). Every answer is
 * read through the public GraphQL API in-process, so pages and integrations share the resolvers.
 */
export async function registerVerificationPages(fastify: FastifyInstance, bodyLimitBytes: number): Promise<void> {
  fastify.get('/assets/verify.css', (_request, reply) => {
    void reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET);
  });
  for (const [file, font] of [['noto-sans-thai.ttf', 'thai'], ['noto-sans-thai-bold.ttf', 'thaiBold']] as const) {
    fastify.get(`/assets/fonts/${file}`, (_request, reply) => {
      void reply.type('font/ttf').header('cache-control', 'public, max-age=86400').send(fontBytes(font));
    });
  }

  fastify.get('/', (request, reply) => {
    const context = pageContext(request);
    const values = formValues((request.query as Query).number, request.query as Query);
    return sendPage(reply, 200, context, context.t('check.title'), checkPage(context, values));
  });

  // The form's GET target: a valid check is redirected to its shareable link, a wrong one shown again with what to fix.
  fastify.get('/verify', (request, reply) => {
    const context = pageContext(request);
    const query = request.query as Query;
    const values = formValues(query.number, query);
    const checked = checkParams(context, values);
    if ('errors' in checked) return sendPage(reply, 400, context, context.t('check.title'), checkPage(context, values, checked.errors));
    const { number, country, asOf } = checked.params;
    const link = answerPath(number, country, asOf);
    return reply.redirect(context.query.has('lang') ? `${link}&lang=${context.language}` : link, 303);
  });

  /** An answer page or its PDF: the same checks, lookups and refusals, then `render` for a certificate on record. */
  const answerRoute =
    (render: (request: FastifyRequest, reply: FastifyReply, context: PageContext, view: AnswerView, params: VerifyParams) => Promise<FastifyReply> | FastifyReply) =>
    async (request: FastifyRequest<{ Params: { number: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
      const context = pageContext(request);
      const values = formValues(request.params.number, request.query as Query);
      const checked = checkParams(context, values);
      if ('errors' in checked) return sendPage(reply, 400, context, context.t('check.title'), checkPage(context, values, checked.errors));
      const answer = await answerFor(request, reply, context, checked.params);
      switch (answer.kind) {
        case 'refused':
          return answer.reply;
        case 'unavailable':
          return sendPage(reply, 503, context, context.t('refused.unavailableTitle'), unavailablePage(context));
        case 'unknown':
          return sendPage(reply, 404, context, context.t('unknown.title'), unknownPage(context, checked.params.number, checked.params.country));
        case 'answer':
          return render(request, reply, context, answer.view, checked.params);
      }
    };

  fastify.get<{ Params: { number: string } }>(
    '/verify/:number',
    answerRoute((_request, reply, context, view) => sendPage(reply, 200, context, headline(context, view.recognition), answerPage(context, view))),
  );

  fastify.get<{ Params: { number: string } }>(
    '/verify/:number/pdf',
    answerRoute(async (_request, reply, context, view, params) => {
      const pdf = await answerPdf(context, view);
      const name = `recognition-${params.number}-${params.country}.pdf`.replace(/[^A-Za-z0-9._-]/g, '_');
      return withPageHeaders(reply).type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(pdf);
    }),
  );

  fastify.get('/verify/bulk', (request, reply) => {
    const context = pageContext(request);
    return sendPage(reply, 200, context, context.t('bulk.title'), bulkFormPage(context));
  });

  // Form uploads and text/csv bodies are parsed in this scope only: /graphql keeps refusing them. The body arrives
  // through the registry's body-size meter like any other; undici's FormData parser (Node's own fetch) reads it.
  await fastify.register(async (scope) => {
    scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: bodyLimitBytes }, async (request: FastifyRequest, body: Buffer) => {
      try {
        return { form: await new Response(body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData() };
      } catch {
        return { form: null };
      }
    });
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: bodyLimitBytes }, (_request, body, done) => done(null, body));
    scope.post('/verify/bulk', async (request, reply) => bulkCheck(request, reply));
  });
}

type BulkBody = string | { form: FormData | null } | undefined;

/** The CSV text and the answer format, from a form (a file or pasted lines) or a text/csv body. */
async function bulkForm(request: FastifyRequest): Promise<{ text: string; format: string }> {
  const body = request.body as BulkBody;
  const asked = single((request.query as Query).format);
  if (typeof body === 'string') return { text: body, format: asked };
  const form = body?.form ?? null;
  if (form === null) return { text: '', format: asked };
  const file = form.get('file');
  const fileText = file instanceof Blob ? await file.text() : '';
  const paste = form.get('paste');
  const format = form.get('format');
  return {
    text: fileText.trim() !== '' ? fileText : typeof paste === 'string' ? paste : '',
    format: typeof format === 'string' ? format : asked,
  };
}

async function bulkCheck(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const context = pageContext(request);
  const { t } = context;
  const { text, format } = await bulkForm(request);
  const input = readBulkRows(text);
  if ('refused' in input) {
    const message = t(`bulk.errors.${input.refused}`, { count: input.count, max: MAX_BULK_ROWS, detail: input.detail });
    return sendPage(reply, input.refused === 'tooMany' ? 413 : 400, context, t('bulk.title'), bulkFormPage(context, message, text.slice(0, 4096)));
  }
  const { rows } = input;
  const outcomes = bulkOutcomes(request, rows);
  if (format === 'csv') {
    async function* csv(): AsyncGenerator<string> {
      yield `\ufeff${csvLine(CSV_HEADER)}`;
      for await (const outcome of outcomes) yield csvRow(context, outcome);
    }
    return withPageHeaders(reply)
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="recognition-check.csv"')
      .send(Readable.from(csv()));
  }
  const [top, bottom] = layout(context, t('bulk.results'), bulkResultsHead(context, rows.length)).markup.split('</main>');
  async function* page(): AsyncGenerator<string> {
    yield `${top}<tbody>\n`;
    let recognized = 0;
    for await (const outcome of outcomes) {
      if (outcome.kind === 'answer' && outcome.answer.recognized) recognized += 1;
      yield htmlRow(context, outcome).markup;
    }
    yield `</tbody>\n${bulkResultsTail(context, rows.length, recognized).markup}\n</main>${bottom}`;
  }
  return withPageHeaders(reply).type('text/html; charset=utf-8').send(Readable.from(page()));
}
