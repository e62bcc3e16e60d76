import type { BriefModel, Entity, Fact, Section, Source } from '../../model/index.js';
import { changes } from './changesHtml.js';
import { PAGE_STYLE, cite, escapeHtml, longDate, markingBanner, safeHref } from './markup.js';

/**
 * The HTML edition: one self-contained file (no scripts, no external styles or images) with the
 * brief's marking, headings, lists and tables, every citation a link into the sources list and
 * every source's URL clickable. Everything from the corpus is escaped.
 */
export function renderHtml(model: BriefModel): string {
  const { brief } = model;
  return page(brief.title, brief.marking, [
    header(model),
    '<main>',
    keyPoints(model),
    changes(model),
    ...model.sections.map(section),
    facts(model.facts),
    timeline(model),
    entities(model.entities),
    sources(model.sources),
    '</main>',
    `<footer>${markingBanner(brief.marking)}<p class="meta">${escapeHtml(model.generator)}</p></footer>`,
  ]);
}

export function page(title: string, marking: string | undefined, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(marking ? `[${marking}] ${title}` : title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function header(model: BriefModel): string {
  const { brief } = model;
  return [
    '<header>',
    markingBanner(brief.marking),
    `<h1>${escapeHtml(brief.title)}</h1>`,
    brief.subtitle ? `<p class="meta">${escapeHtml(brief.subtitle)}</p>` : '',
    `<p class="meta">As of ${escapeHtml(longDate(brief.asOf))} · ${escapeHtml(brief.window)}</p>`,
    '</header>',
  ].join('\n');
}

function keyPoints(model: BriefModel): string {
  if (model.keyPoints.length === 0) return '';
  const items = model.keyPoints.map(
    (p) => `<li>${quoted(p.text, p.language, 'span')} ${cite(p.citation)}</li>`,
  );
  return `<section aria-labelledby="key-points"><h2 id="key-points">Key points</h2>\n<ul>\n${items.join('\n')}\n</ul></section>`;
}

function section(s: Section): string {
  const id = `theme-${escapeHtml(s.themeId)}`;
  const body =
    s.excerpts.length === 0
      ? '<p>No passage in the window matched this theme.</p>'
      : `<ul>\n${s.excerpts.map((e) => `<li>${quoted(e.text, e.language, 'q')} ${cite(e.citation)}</li>`).join('\n')}\n</ul>`;
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(s.label)}</h2>\n<p class="meta">${escapeHtml(s.description)}</p>\n${body}</section>`;
}

function facts(list: readonly Fact[]): string {
  if (list.length === 0) return '';
  const rows = list.map(
    (f) =>
      `<tr><td>${escapeHtml(f.text)}</td><td>${escapeHtml(f.value)}</td><td>${escapeHtml(f.sentence)}</td><td>${cite(f.citation)}</td></tr>`,
  );
  return `<section aria-labelledby="facts"><h2 id="facts">Facts and figures</h2>\n<table>\n<thead><tr><th scope="col">Figure</th><th scope="col">Value</th><th scope="col">Sentence</th><th scope="col">Source</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table></section>`;
}

function timeline(model: BriefModel): string {
  if (model.timeline.length === 0) return '';
  const items = model.timeline.map(
    (e) =>
      `<li><time datetime="${escapeHtml(e.date)}">${escapeHtml(e.date)}</time>: ${escapeHtml(e.text)} ${cite(e.citation)}</li>`,
  );
  return `<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>\n<ol>\n${items.join('\n')}\n</ol></section>`;
}

function entities(list: readonly Entity[]): string {
  if (list.length === 0) return '';
  const items = list.map((e) => {
    const role = e.role ? `, ${escapeHtml(e.role)}` : '';
    return `<li>${escapeHtml(e.name)}${role} (${e.kind}) ${e.citations.map(cite).join(' ')}</li>`;
  });
  return `<section aria-labelledby="entities"><h2 id="entities">People, organisations and places</h2>\n<ul>\n${items.join('\n')}\n</ul></section>`;
}

function sources(list: readonly Source[]): string {
  if (list.length === 0) return '';
  const items = list.map((s) => {
    const href = safeHref(s.url);
    const title = escapeHtml(s.title);
    const link = href ? `<a href="${escapeHtml(href)}">${title}</a>` : title;
    const about = [s.publisher, s.published].filter((x): x is string => x !== undefined);
    const meta = about.length > 0 ? `, ${escapeHtml(about.join(', '))}` : '';
    const url = href
      ? `<br><a href="${escapeHtml(href)}">${escapeHtml(href)}</a>`
      : s.url
        ? `<br>${escapeHtml(s.url)}`
        : '';
    return `<li id="source-${s.citation}" value="${s.citation}">${link}${meta} <span class="meta">(${escapeHtml(s.file)})</span>${url}</li>`;
  });
  return `<section aria-labelledby="sources"><h2 id="sources">Sources</h2>\n<ol>\n${items.join('\n')}\n</ol></section>`;
}

/**
 * A passage in its own language: marked "[ru]" when not English, and tagged with `lang` (and
 * `dir="auto"`) so a mail client picks the right fonts and lays Arabic out right to left.
 */
function quoted(text: string, language: string | undefined, element: 'q' | 'span'): string {
  const foreign = language !== undefined && language !== 'en' && language !== 'und';
  if (!foreign) return element === 'q' ? `<q>${escapeHtml(text)}</q>` : escapeHtml(text);
  const tag = escapeHtml(language);
  return `[${tag}] <${element} lang="${tag}" dir="auto">${escapeHtml(text)}</${element}>`;
}
