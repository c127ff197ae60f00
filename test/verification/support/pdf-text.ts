import { PDFParse } from 'pdf-parse';

/** The text of a PDF, NFKC-normalised (PDF text extraction splits Thai SARA AM into its two parts) and with its page count. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const parser = new PDFParse({ data: bytes });
  try {
    const result = await parser.getText();
    return { pages: result.total, text: result.text.normalize('NFKC').replace(/\s+/g, ' ') };
  } finally {
    await parser.destroy();
  }
}
