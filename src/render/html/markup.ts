/** Text from the corpus or the brief goes into HTML only through here: never as markup. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A citation: a link into the sources list. */
export function cite(n: number): string {
  return `<a class="cite" href="#source-${n}" aria-label="source ${n}">[${n}]</a>`;
}

/** Only web addresses become links: a `javascript:` or `data:` URL in a scraped page stays text. */
export function safeHref(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** TLP 2.0 colours: the label's text colour on black, as the standard prescribes. */
const MARKING_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#FFFFFF',
  'TLP:GREEN': '#33FF00',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:RED': '#FF2B2B',
};

export function markingBanner(marking: string | undefined): string {
  if (marking === undefined) return '';
  const colour = MARKING_COLOURS[marking] ?? '#FFFFFF';
  return `<p class="marking" style="margin:0 0 12px;text-align:right"><span aria-label="Distribution marking" style="background:#000;color:${colour};font-weight:bold;padding:2px 8px;font-family:monospace">${escapeHtml(marking)}</span></p>`;
}

export function longDate(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const PAGE_STYLE = `
body{font-family:"Noto Sans",Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:46em;margin:0 auto;padding:16px}
h1{font-size:1.6em;margin:0.2em 0}h3{font-size:0.95em;margin:1em 0 0.3em;color:#555;text-transform:uppercase;letter-spacing:0.04em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
a{color:#0b57d0}.cite{text-decoration:none;font-size:0.85em}
.meta{color:#555;margin:0}q{quotes:"\\201C" "\\201D"}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:4px 6px;text-align:left;vertical-align:top}
li{margin-bottom:0.4em}
`;
