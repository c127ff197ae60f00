import type PDFKitDocument from 'pdfkit';
import { fontBytes } from './assets/font-files';
import type { PageContext } from './page-context';
import { answerUrl, headline, type AnswerView } from './pages/answer.page';
import { qrCodePng } from './qr-code';
import { readableCountry, readableDate } from './readable';

const THAI = /([\u0E00-\u0E7F]+)/;

/** pdfkit (with fontkit) takes a quarter of a second to load: only a PDF download pays for it, not every start. */
let pdfkit: typeof PDFKitDocument | undefined;
async function loadPdfKit(): Promise<typeof PDFKitDocument> {
  pdfkit ??= (await import('pdfkit')).default;
  return pdfkit;
}
const MARGIN = 50;

type Style = { bold?: boolean; size?: number; color?: string; gap?: number };

/** Noto Sans has Latin and Vietnamese but no Thai, Noto Sans Thai only Thai: each run of text gets the font that has it. */
function write(doc: PDFKit.PDFDocument, text: string, style: Style = {}): void {
  const runs = text.split(THAI).filter((run) => run !== '');
  doc.fontSize(style.size ?? 10.5).fillColor(style.color ?? '#1a1a1a');
  runs.forEach((run, index) => {
    const thai = THAI.test(run);
    doc.font(thai ? (style.bold ? 'thaiBold' : 'thai') : style.bold ? 'sansBold' : 'sans');
    doc.text(run, { continued: index < runs.length - 1, width: doc.page.width - 2 * MARGIN - 150 });
  });
  doc.moveDown(style.gap ?? 0.3);
}

/** The answer on one A4 page, with the QR code linking back to the live answer. */
export async function answerPdf(context: PageContext, view: AnswerView): Promise<Buffer> {
  const { t } = context;
  const { recognition, certificate } = view;
  const url = answerUrl(context, view);
  const qr = await qrCodePng(url);
  const PDFDocument = await loadPdfKit();
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: headline(context, recognition), Producer: t('site.name') } });
  doc.registerFont('sans', fontBytes('sans'));
  doc.registerFont('sansBold', fontBytes('sansBold'));
  doc.registerFont('thai', fontBytes('thai'));
  doc.registerFont('thaiBold', fontBytes('thaiBold'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.image(qr, doc.page.width - MARGIN - 130, MARGIN, { width: 130 });
  write(doc, t('site.name'), { size: 10, color: '#4a4a4a', gap: 0.8 });
  if (context.tampered) write(doc, `${t('site.tamperedTitle')} ${t('site.tamperedText')}`, { bold: true, size: 10, color: '#8a1c1c', gap: 0.8 });
  write(doc, headline(context, recognition), { bold: true, size: 17, color: recognition.recognized ? '#0b5d1e' : '#8a1c1c', gap: 0.8 });
  write(doc, t('answer.answerFor', { date: context.language === 'th' ? readableDate(context, recognition.asOf) : `${readableDate(context, recognition.asOf)} (${recognition.asOf})` }), { gap: 1 });

  const country = readableCountry(context, recognition.country);
  const facts: [string, string][] = [
    [t('answer.holder'), certificate.holderName],
    [t('answer.number'), recognition.certificateNumber],
  ];
  if (recognition.scheme) facts.push([t('answer.scheme'), recognition.scheme.title]);
  if (recognition.certificationBody) {
    facts.push([t('answer.issuer'), t('answer.issuerValue', { name: recognition.certificationBody.name, country: readableCountry(context, recognition.certificationBody.country) })]);
  }
  facts.push([t('answer.status', { date: readableDate(context, recognition.asOf) }), t(`status.${certificate.status}`)]);
  facts.push([t('answer.validity'), t('answer.validityValue', { from: readableDate(context, certificate.issuedOn), until: readableDate(context, certificate.validUntil) })]);
  for (const [label, value] of facts) {
    write(doc, label, { bold: true, size: 9.5, color: '#4a4a4a', gap: 0 });
    write(doc, value, { gap: 0.4 });
  }
  doc.moveDown(0.6);

  if (recognition.recognized) {
    write(doc, t('answer.why'), { bold: true, size: 12 });
    const arrangement = recognition.arrangement?.title ?? recognition.arrangement?.id ?? '';
    write(doc, t(`answer.basis.${recognition.basis ?? 'HOME'}`, { country, arrangement }));
    if (recognition.conditions) write(doc, `${t('answer.conditions', { country })}: ${recognition.conditions}`);
    if (recognition.validUntil) write(doc, t('answer.holdsUntil', { date: readableDate(context, recognition.validUntil) }));
  } else {
    write(doc, t('answer.whyNot'), { bold: true, size: 12 });
    recognition.reasons.forEach(({ code }, index) => {
      write(doc, `${index + 1}. ${t(`reason.${code}.text`, { country })}`, { gap: 0 });
      write(doc, `${t('answer.change')} ${t(`reason.${code}.change`, { country })}`, { color: '#4a4a4a', gap: 0.5 });
    });
  }
  doc.moveDown(0.6);
  write(doc, t('answer.elsewhere'), { bold: true, size: 12 });
  write(doc, view.recognizedToday.length > 0 ? view.recognizedToday.map((code) => readableCountry(context, code)).join(', ') : t('answer.elsewhereNone'));
  doc.moveDown(1);
  write(doc, t('answer.qrHint', { url }), { size: 9.5, color: '#4a4a4a' });
  write(doc, t('answer.printedOn', { date: readableDate(context, context.today) }), { size: 9.5, color: '#4a4a4a' });
  doc.end();
  return done;
}
