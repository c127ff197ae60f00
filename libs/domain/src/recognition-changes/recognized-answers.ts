/**
 * The pairs recognized today and the arrangement each is recognized under (null: at home, or by decision), kept
 * compact: one short string per certificate — a line per country, `<country>\t<arrangement id or empty>` — under
 * the certificate number the world already holds, instead of a map entry and a key string per pair. At a
 * million certificates recognized in two or three countries each, that is hundreds of MiB less. (Countries are
 * ISO codes and arrangement ids identifiers: neither holds a tab or a line break.)
 */
export class RecognizedAnswers {
  private readonly byCertificate = new Map<string, string>();

  /** The arrangement the pair is recognized under; undefined when it is not recognized. */
  get(certificateNumber: string, country: string): string | null | undefined {
    const lines = this.byCertificate.get(certificateNumber);
    if (lines === undefined) return undefined;
    for (const line of lines.split('\n')) {
      const tab = line.indexOf('\t');
      if (line.slice(0, tab) === country) return tab === line.length - 1 ? null : line.slice(tab + 1);
    }
    return undefined;
  }

  has(certificateNumber: string, country: string): boolean {
    return this.get(certificateNumber, country) !== undefined;
  }

  set(certificateNumber: string, country: string, arrangementId: string | null): void {
    const lines = this.others(certificateNumber, country);
    lines.push(`${country}\t${arrangementId ?? ''}`);
    this.byCertificate.set(certificateNumber, lines.join('\n'));
  }

  delete(certificateNumber: string, country: string): void {
    const lines = this.others(certificateNumber, country);
    if (lines.length === 0) this.byCertificate.delete(certificateNumber);
    else this.byCertificate.set(certificateNumber, lines.join('\n'));
  }

  private others(certificateNumber: string, country: string): string[] {
    const lines = this.byCertificate.get(certificateNumber);
    return lines === undefined ? [] : lines.split('\n').filter((line) => !line.startsWith(`${country}\t`));
  }
}
