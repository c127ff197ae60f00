import { verifyRecognitionStatement, type TransparencyLog } from '@registry/tlog';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import type { Clock } from '../clock';
import { chargeLookups, refuseOnPagesWith, type Refusal } from '../limits';
import { registryKeys } from '../transparency/registry-keys';
import { answerPath } from './answer-link';
import { answerPdf } from './answer-pdf';
import { fontBytes } from './assets/font-files';
import { STYLESHEET } from './assets/stylesheet';
import { MAX_BULK_ROWS, readBulkRows } from './bulk/bulk-rows';
import { bulkOutcomes, CSV_HEADER, csvRow, htmlRow, ReasonNotes } from './bulk/bulk-stream';
import { csvLine } from './bulk/bulk-csv';
import type { Html } from './html';
import { sendCompressed, withPageHeaders } from './page-headers';
import { pageContext, type PageContext, type PageSite } from './page-context';
import { answerPage, headline, type AnswerView } from './pages/answer.page';
import { bulkFormPage, bulkResultsHead, bulkResultsTail } from './pages/bulk.page';
import { checkPage } from './pages/check-form.page';
import { layout } from './pages/layout';
import { badKeyPage, globalRateLimitedPage, notFoundPage, rateLimitedPage, tooLargePage, unavailablePage } from './pages/refusal.page';
import { statementFormPage, statementResultPage } from './pages/statement.page';
import { unknownPage } from './pages/unknown.page';
import { qrCodeSvg } from './qr-code';
import { readableCountry } from './readable';
import { checkParams, formValues, single, type VerifyParams } from './verify-params';
import { runVerificationQuery, verificationLookups, type VerificationData } from './verification-query';

type Query = Record<string, unknown>;

/** What the pages need of the registry serving them. */
export interface VerificationSettings {
  bodyLimitBytes: number;
  /** REGISTRY_PUBLIC_URL: the origin of every absolute link (QR code, printout, PDF). */
  publicUrl: string | undefined;
  /** The signed log: its keys check statements, its state flags a tampered log on every page. */
  log: TransparencyLog;
  /** The app's clock (the API's "today"). */
  clock: Clock;
}

/** The paths people open in a browser: their refusals are pages too. */
export function isPagePath(url: string): boolean {
  const path = url.split('?', 1)[0];
  return path === '/' || path === '/verify' || path.startsWith('/verify/');
}

function sendPage(request: FastifyRequest, reply: FastifyReply, status: number, context: PageContext, title: string, main: Html): FastifyReply {
  return sendCompressed(request, withPageHeaders(reply).code(status).type('text/html; charset=utf-8'), layout(context, title, main).markup);
}

/** The page charges what its lookups cost; null when the caller may go on, else the refusal already sent. */
async function charge(request: FastifyRequest, reply: FastifyReply, context: PageContext, lookups: number): Promise<FastifyReply | null> {
  const charged = await chargeLookups(request, lookups);
  if (charged.allowed) return null;
  void reply.header('retry-after', charged.retryAfterSeconds);
  return sendPage(request, reply, 429, context, context.t('refused.rateTitle'), rateLimitedPage(context, lookups, charged.retryAfterSeconds));
}

type Answer = { kind: 'answer'; view: AnswerView } | { kind: 'unknown' } | { kind: 'refused'; reply: FastifyReply } | { kind: 'unavailable' };

/** A GraphQL answer's errors as a page's refusal; null when none of them is the caller's to hear about. */
function refusedByApi(request: FastifyRequest, reply: FastifyReply, context: PageContext, errors: readonly { extensions?: Record<string, unknown> }[], lookups: number): FastifyReply | null {
  const limited = errors.find((error) => error.extensions?.code === 'RATE_LIMITED');
  if (limited !== undefined) {
    const seconds = Number(limited.extensions?.retryAfterSeconds ?? 60);
    void reply.header('retry-after', seconds);
    return sendPage(request, reply, 429, context, context.t('refused.rateTitle'), rateLimitedPage(context, lookups, seconds));
  }
  if (errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) return sendPage(request, reply, 401, context, context.t('refused.keyTitle'), badKeyPage(context));
  return null;
}

async function answerFor(request: FastifyRequest, reply: FastifyReply, context: PageContext, params: VerifyParams): Promise<Answer> {
  const lookups = verificationLookups(params, context.today);
  const refused = await charge(request, reply, context, lookups);
  if (refused !== null) return { kind: 'refused', reply: refused };
  const result = await runVerificationQuery(request, params, context.today);
  if ('errors' in result) {
    // The API may charge and refuse the page's lookups itself, and refuses a request carrying a bad key.
    const byApi = refusedByApi(request, reply, context, result.errors, lookups);
    if (byApi !== null) return { kind: 'refused', reply: byApi };
    request.log.warn({ errors: result.errors.map((error) => String(error.extensions?.code ?? error.message)) }, 'verification page could not answer');
    return { kind: 'unavailable' };
  }
  const data: VerificationData = result.data;
  if (data.certificate === null) return { kind: 'unknown' };
  return {
    kind: 'answer',
    view: {
      recognition: data.recognition,
      certificate: data.certificate,
      recognizedToday: (data.today ?? data.certificate).recognizedIn
        .filter((country) => country !== params.country)
        .sort((a, b) => readableCountry(context, a).localeCompare(readableCountry(context, b), context.language)),
      asked: params,
      qrSvg: await qrCodeSvg(`${context.origin}${answerPath(params)}`),
    },
  };
}

/** A form upload's text: the file when one was chosen, else the pasted text. */
async function uploadedText(form: FormData | null): Promise<string> {
  if (form === null) return '';
  const file = form.get('file');
  const fileText = file instanceof Blob ? await file.text() : '';
  const paste = form.get('paste');
  return fileText.trim() !== '' ? fileText : typeof paste === 'string' ? paste : '';
}

type UploadBody = string | { form: FormData | null } | undefined;

/**
 * The verification pages, served by the registry itself on its port: the check form (`/`), the shareable answer
 * (`/verify/<number>?country=…[&asOf=…][&knownAt=…]`) with its PDF and its signed statement, the bulk check
 * (`/verify/bulk`) and the statement check (`/verify/statement`). Every answer is read through the public GraphQL
 * API in-process, so pages and integrations share the resolvers.
 */
export async function registerVerificationPages(fastify: FastifyInstance, settings: VerificationSettings): Promise<void> {
  const site: PageSite = { publicUrl: settings.publicUrl, tampered: () => settings.log.tampered, now: () => settings.clock.now() };
  const contextOf = (request: FastifyRequest): PageContext => pageContext(request, site);

  // The limits refuse before any route runs; on the pages' paths a person gets a page in their language.
  refuseOnPagesWith(fastify.server, (request, reply, refusal: Refusal) => {
    if (!isPagePath(request.url)) return null;
    const context = contextOf(request);
    const { t } = context;
    switch (refusal.status) {
      case 429:
        return sendPage(request, reply, 429, context, t('refused.rateTitle'), globalRateLimitedPage(context, Number(refusal.details.retryAfterSeconds ?? 60)));
      case 413:
        return sendPage(request, reply, 413, context, t('refused.tooLargeTitle'), tooLargePage(context, Number(refusal.details.limitBytes ?? settings.bodyLimitBytes)));
      case 503:
        return sendPage(request, reply, 503, context, t('refused.unavailableTitle'), unavailablePage(context));
      default:
        return null;
    }
  });

  fastify.get('/assets/verify.css', (_request, reply) => {
    void reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(STYLESHEET);
  });
  for (const [file, font] of [['noto-sans-thai.ttf', 'thai'], ['noto-sans-thai-bold.ttf', 'thaiBold']] as const) {
    fastify.get(`/assets/fonts/${file}`, (_request, reply) => {
      void reply.type('font/ttf').header('cache-control', 'public, max-age=86400').send(fontBytes(font));
    });
  }

  fastify.get('/', (request, reply) => {
    const context = contextOf(request);
    const values = formValues((request.query as Query).number, request.query as Query);
    return sendPage(request, reply, 200, context, context.t('check.title'), checkPage(context, values));
  });

  // Everything under /verify in one scope: its own not-found page (a path the router cannot match, such as a number
  // past the router's 100-character limit, gets the pages' 404, not the API's), and the form parsers for uploads.
  await fastify.register(
    async (scope) => {
      scope.setNotFoundHandler((request, reply) => {
        const context = contextOf(request);
        return sendPage(request, reply, 404, context, context.t('refused.notFoundTitle'), notFoundPage(context));
      });

      // Form uploads and text/csv bodies are parsed in this scope only: /graphql keeps refusing them. The body arrives
      // through the registry's body-size meter like any other; undici's FormData parser (Node's own fetch) reads it.
      scope.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: settings.bodyLimitBytes }, async (request: FastifyRequest, body: Buffer) => {
        try {
          return { form: await new Response(body, { headers: { 'content-type': String(request.headers['content-type']) } }).formData() };
        } catch {
          return { form: null };
        }
      });
      scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: settings.bodyLimitBytes }, (_request, body, done) => done(null, body));

      // The form's GET target: a valid check is redirected to its shareable link, a wrong one shown again with what to fix.
      scope.get('/', (request, reply) => {
        const context = contextOf(request);
        const query = request.query as Query;
        const values = formValues(query.number, query);
        const checked = checkParams(context, values);
        if ('errors' in checked) return sendPage(request, reply, 400, context, context.t('check.title'), checkPage(context, values, checked.errors));
        const link = answerPath(checked.params);
        return reply.redirect(context.query.has('lang') ? `${link}&lang=${context.language}` : link, 303);
      });

      scope.get('/bulk', (request, reply) => {
        const context = contextOf(request);
        return sendPage(request, reply, 200, context, context.t('bulk.title'), bulkFormPage(context));
      });
      scope.post('/bulk', async (request, reply) => bulkCheck(request, reply, contextOf(request)));

      scope.get('/statement', (request, reply) => {
        const context = contextOf(request);
        return sendPage(request, reply, 200, context, context.t('statement.title'), statementFormPage(context));
      });
      // The statement is checked here by the same verifier as `npm run verify-statement`, against the keys this
      // registry publishes: so the check also says the registry made it, not only that it is unchanged.
      scope.post('/statement', async (request, reply) => {
        const context = contextOf(request);
        const body = request.body as UploadBody;
        const text = (typeof body === 'string' ? body : await uploadedText(body?.form ?? null)).trim();
        if (text === '') return sendPage(request, reply, 400, context, context.t('statement.title'), statementFormPage(context, context.t('statement.empty')));
        const result = await verifyRecognitionStatement(text, registryKeys(settings.log));
        return sendPage(request, reply, 200, context, context.t(result.ok ? 'statement.verifies' : 'statement.fails'), statementResultPage(context, result));
      });

      /** An answer page, its PDF or its statement: the same checks, lookups and refusals, then `render` for a certificate on record. */
      const answerRoute =
        (render: (request: FastifyRequest, reply: FastifyReply, context: PageContext, view: AnswerView) => Promise<FastifyReply> | FastifyReply) =>
        async (request: FastifyRequest<{ Params: { number: string } }>, reply: FastifyReply): Promise<FastifyReply> => {
          const context = contextOf(request);
          const values = formValues(request.params.number, request.query as Query);
          const checked = checkParams(context, values);
          if ('errors' in checked) return sendPage(request, reply, 400, context, context.t('check.title'), checkPage(context, values, checked.errors));
          const answer = await answerFor(request, reply, context, checked.params);
          switch (answer.kind) {
            case 'refused':
              return answer.reply;
            case 'unavailable':
              return sendPage(request, reply, 503, context, context.t('refused.unavailableTitle'), unavailablePage(context));
            case 'unknown':
              return sendPage(request, reply, 404, context, context.t('unknown.title'), unknownPage(context, checked.params.number, checked.params.country));
            case 'answer':
              return render(request, reply, context, answer.view);
          }
        };

      scope.get<{ Params: { number: string } }>(
        '/:number',
        answerRoute((request, reply, context, view) => sendPage(request, reply, 200, context, headline(context, view.recognition), answerPage(context, view))),
      );

      scope.get<{ Params: { number: string } }>(
        '/:number/pdf',
        answerRoute(async (_request, reply, context, view) => {
          const pdf = await answerPdf(context, view);
          return withPageHeaders(reply).type('application/pdf').header('content-disposition', `attachment; filename="${fileName(view, 'pdf')}"`).send(pdf);
        }),
      );

      // The signed statement of the same answer: one lookup more than the answer's (already charged), made by the
      // API's own recognitionStatement. `charge` counts the request's own unit as the first of those it is given.
      scope.get<{ Params: { number: string } }>(
        '/:number/statement',
        answerRoute(async (request, reply, context, view) => {
          const refused = await charge(request, reply, context, 2);
          if (refused !== null) return refused;
          const { number, country, asOf, knownAt } = view.asked;
          const result = await request.server.graphql<{ recognitionStatement: string }>(
            'query Statement($number: String!, $country: String!, $asOf: Date, $knownAt: String) { recognitionStatement(certificateNumber: $number, country: $country, asOf: $asOf, knownAt: $knownAt) }',
            { pageRequest: request },
            { number, country, asOf: asOf ?? view.recognition.asOf, knownAt },
          );
          const errors = (result.errors ?? []).map((error) => error.toJSON());
          if (errors.length > 0 || !result.data) {
            const byApi = refusedByApi(request, reply, context, errors, 1);
            if (byApi !== null) return byApi;
            return sendPage(request, reply, 503, context, context.t('refused.unavailableTitle'), unavailablePage(context));
          }
          return withPageHeaders(reply)
            .type('application/vc+jwt')
            .header('content-disposition', `attachment; filename="${fileName(view, 'jwt')}"`)
            .send(result.data.recognitionStatement);
        }),
      );
    },
    { prefix: '/verify' },
  );
}

function fileName(view: AnswerView, extension: string): string {
  return `recognition-${view.asked.number}-${view.asked.country}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** The CSV text and the answer format, from a form (a file or pasted lines) or a text/csv body. */
async function bulkForm(request: FastifyRequest): Promise<{ text: string; format: string }> {
  const body = request.body as UploadBody;
  const asked = single((request.query as Query).format);
  if (typeof body === 'string') return { text: body, format: asked };
  const form = body?.form ?? null;
  const format = form?.get('format');
  return { text: await uploadedText(form), format: typeof format === 'string' ? format : asked };
}

async function bulkCheck(request: FastifyRequest, reply: FastifyReply, context: PageContext): Promise<FastifyReply> {
  const { t } = context;
  const { text, format } = await bulkForm(request);
  const input = readBulkRows(text);
  if ('refused' in input) {
    const message = t(`bulk.errors.${input.refused}`, { count: input.count, max: MAX_BULK_ROWS, detail: input.detail });
    return sendPage(request, reply, input.refused === 'tooMany' ? 413 : 400, context, t('bulk.title'), bulkFormPage(context, message, text.slice(0, 4096)));
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
  const notes = new ReasonNotes(context);
  // Rows go out a hundred at a time (as they are checked), each batch one compressed flush.
  async function* page(): AsyncGenerator<string> {
    yield `${top}<tbody>\n`;
    let recognized = 0;
    let batch = '';
    let count = 0;
    for await (const outcome of outcomes) {
      if (outcome.kind === 'answer' && outcome.answer.recognized) recognized += 1;
      batch += htmlRow(context, outcome, notes).markup;
      count += 1;
      if (count % 100 === 0) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</tbody>\n${bulkResultsTail(context, rows.length, recognized, notes).markup}\n</main>${bottom}`;
  }
  return sendCompressed(request, withPageHeaders(reply).type('text/html; charset=utf-8'), Readable.from(page()));
}
