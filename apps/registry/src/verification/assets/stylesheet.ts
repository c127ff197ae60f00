/**
 * The pages' only stylesheet, served from /assets/verify.css (a CSP without inline styles). Colours meet WCAG AA
 * contrast on their backgrounds; Thai text uses the Noto Sans Thai font shipped by an npm package, every other
 * script the reader's own system font.
 */
export const STYLESHEET = `
@font-face { font-family: "Noto Sans Thai"; src: url("/assets/fonts/noto-sans-thai.ttf") format("truetype"); unicode-range: U+0E00-0E7F; font-weight: 400; font-display: swap; }
@font-face { font-family: "Noto Sans Thai"; src: url("/assets/fonts/noto-sans-thai-bold.ttf") format("truetype"); unicode-range: U+0E00-0E7F; font-weight: 700; font-display: swap; }
:root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f8a; --yes-ink: #0b5d1e; --yes-bg: #e7f4ea; --no-ink: #8a1c1c; --no-bg: #fdeceb; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans Thai", system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
body { margin: 0; }
a { color: var(--accent); }
a:focus, button:focus, input:focus, select:focus, textarea:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; }
.skip:focus { left: 1rem; }
header, main, footer { max-width: 46rem; margin: 0 auto; padding: 1rem; }
header { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; justify-content: space-between; border-bottom: 1px solid var(--line); }
header .site { font-weight: 700; font-size: 1.1rem; text-decoration: none; color: var(--ink); }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem .9rem; margin: 0; padding: 0; }
nav a[aria-current] { font-weight: 700; color: var(--ink); text-decoration: none; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.verdict { padding: 1rem 1.25rem; border-left: .5rem solid; border-radius: .25rem; }
.verdict.yes { color: var(--yes-ink); background: var(--yes-bg); border-color: var(--yes-ink); }
.verdict.no { color: var(--no-ink); background: var(--no-bg); border-color: var(--no-ink); }
.verdict h1 { margin: 0; }
dl.facts { display: grid; grid-template-columns: minmax(8rem, 16rem) 1fr; gap: .35rem 1rem; margin: 0; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; gap: 0; } dl.facts dd { margin-bottom: .6rem; } }
dl.facts dt { font-weight: 700; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ol.reasons li { margin-bottom: .75rem; }
.change { color: var(--muted); }
.errors-inline { color: var(--no-ink); }
.muted { color: var(--muted); }
.proof { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; border-top: 1px solid var(--line); margin-top: 1.5rem; padding-top: 1rem; }
.proof > div:last-child { flex: 1 1 16rem; }
.proof h2 { margin-top: 0; }
.qr svg { width: 10rem; height: 10rem; display: block; }
.url { overflow-wrap: anywhere; }
form .field { margin-bottom: 1rem; }
label { display: block; font-weight: 700; }
.hint { display: block; color: var(--muted); font-size: .95rem; }
input, select, textarea { font: inherit; padding: .5rem; border: 2px solid var(--muted); border-radius: .25rem; width: 100%; max-width: 28rem; background: #fff; color: var(--ink); }
textarea { max-width: 100%; min-height: 8rem; font-family: ui-monospace, monospace; }
fieldset { border: 1px solid var(--line); margin: 0 0 1rem; }
fieldset label { display: inline; font-weight: 400; }
fieldset input { width: auto; }
button { font: inherit; font-weight: 700; padding: .6rem 1.4rem; border: 0; border-radius: .25rem; color: #fff; background: var(--accent); cursor: pointer; }
.errors { border: 2px solid var(--no-ink); color: var(--no-ink); padding: .5rem 1rem; border-radius: .25rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .35rem .5rem; }
td.yes { color: var(--yes-ink); font-weight: 700; }
td.no { color: var(--no-ink); font-weight: 700; }
main:has(.bulk-done) .bulk-running { display: none; }
details { margin-bottom: 1rem; }
summary { cursor: pointer; color: var(--accent); margin-bottom: .5rem; }
.tampered { border: 3px solid var(--no-ink); background: var(--no-bg); color: var(--no-ink); padding: .5rem 1rem; margin: 1rem 0; border-radius: .25rem; }
.comparability { border: 1px dashed var(--muted); border-radius: .25rem; padding: 0 1rem .5rem; margin-top: 1.5rem; }
.comparability .notice { color: var(--muted); }
ul.checks { list-style: none; padding: 0; }
ul.checks li { margin-bottom: .6rem; padding-left: .75rem; border-left: .3rem solid var(--yes-ink); }
ul.checks li.failed { border-color: var(--no-ink); }
ul.checks li.failed strong { color: var(--no-ink); }
.detail { overflow-wrap: anywhere; font-size: .9rem; }
footer { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--line); }
.print-only { display: none; }
@media print {
  @page { size: A4; margin: 15mm; }
  header nav, .skip, .no-print, footer { display: none !important; }
  .print-only { display: block; }
  header, main { max-width: none; padding: 0; }
  a { color: var(--ink); text-decoration: none; }
  .verdict { border-width: 2px; border-style: solid; }
}
`;
