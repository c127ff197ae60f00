import { escape } from 'html-escaper';

/** Markup that is already safe to send: built by `html`, never from a raw string. */
export class Html {
  constructor(readonly markup: string) {}

  toString(): string {
    return this.markup;
  }
}

type Value = Html | string | number | null | undefined | false | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  return escape(String(value));
}

/**
 * A tagged template that escapes every interpolated value unless it is already Html. Pages are a dozen small
 * functions of data, so a template engine (with its own language and file loader) would add more than it saves.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let markup = strings[0];
  values.forEach((value, index) => {
    markup += render(value) + strings[index + 1];
  });
  return new Html(markup);
}

/** Markup produced by a library we trust to escape its own output (the QR code's SVG). */
export function trustedMarkup(markup: string): Html {
  return new Html(markup);
}
