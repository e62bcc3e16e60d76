/**
 * A BriefModel as one plain HTML page with the same text as the analyst PDF (cover, contents,
 * key points, sections, figures, timeline, people, sources), for the bench's comparison with a
 * browser printing it. Plain on purpose: what is compared is the cost of laying out the text.
 */
import type { BriefModel } from '../src/model/index.js';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const cite = (n: number) => ` <a href="#source-${n}">[${n}]</a>`;

function sectionsHtml(model: BriefModel): string {
  return model.sections
    .map(
      (s, i) =>
        `<h2 id="section-${escape(s.themeId)}">${i + 1}. ${escape(s.label)}</h2>` +
        `<p class="muted"><i>${escape(s.description)}</i></p>` +
        s.excerpts
          .map(
            (e) =>
              `<blockquote>“${escape(e.text)}”${cite(e.citation)}` +
              `<br><small>${escape(model.sources.find((x) => x.citation === e.citation)?.title ?? e.file)}</small></blockquote>`,
          )
          .join(''),
    )
    .join('');
}

function tablesHtml(model: BriefModel): string {
  const facts = model.facts
    .map(
      (f) =>
        `<tr><td><b>${escape(f.value)}</b></td><td>${f.kind}</td><td>${escape(f.sentence)}</td><td>${cite(f.citation)}</td></tr>`,
    )
    .join('');
  const timeline = model.timeline
    .map((t) => `<tr><td>${escape(t.date)}</td><td>${escape(t.text)}${cite(t.citation)}</td></tr>`)
    .join('');
  const people = model.entities
    .filter((e) => e.kind !== 'place')
    .map(
      (e) =>
        `<tr><td><b>${escape(e.name)}</b></td><td>${escape(e.role ?? e.kind)}</td><td>${e.mentions}</td><td>${e.citations.map((c) => `[${c}]`).join(' ')}</td></tr>`,
    )
    .join('');
  return (
    `<h2 id="facts">Key figures</h2><table>${facts}</table>` +
    `<h2 id="timeline">Timeline</h2><table>${timeline}</table>` +
    `<h2 id="people">People and organisations</h2><table>${people}</table>`
  );
}

export function briefHtml(model: BriefModel): string {
  const { brief } = model;
  const toc = model.sections
    .map(
      (s, i) => `<li><a href="#section-${escape(s.themeId)}">${i + 1}. ${escape(s.label)}</a></li>`,
    )
    .join('');
  const keyPoints = model.keyPoints
    .map((k) => `<li>“${escape(k.text)}”${cite(k.citation)}</li>`)
    .join('');
  const sources = model.sources
    .map(
      (s) =>
        `<p id="source-${s.citation}">[${s.citation}] ${escape(s.title)}<br><small>${escape([s.publisher, s.published, s.url ?? s.file].filter(Boolean).join(' · '))}</small></p>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(brief.title)}</title>
<style>
@page { size: A4; margin: 56pt; }
body { font-family: 'Noto Serif', serif; font-size: 10.5pt; line-height: 1.5; color: #1a1a1a; }
h1, h2 { font-family: 'Noto Sans', sans-serif; color: #1f3a5f; }
blockquote { background: #f4f6f9; border-left: 3pt solid #1f3a5f; padding: 8pt 12pt; margin: 0 0 12pt; }
table { border-collapse: collapse; font-size: 8.5pt; } td { border-bottom: 0.5pt solid #c9d2dc; padding: 4pt; }
.muted, small { color: #5f6b7a; } .cover, .break { page-break-after: always; }
</style></head><body>
<div class="cover"><h1>${escape(brief.title)}</h1><p>${escape(brief.subtitle ?? '')}</p>
<p>As of ${brief.asOf} · ${escape(brief.window)} · ${escape(brief.marking ?? '')}</p></div>
<div class="break"><h2>Contents</h2><ul style="list-style: none">${toc}</ul></div>
<h2 id="key-points">Key points</h2><ol>${keyPoints}</ol>
${sectionsHtml(model)}${tablesHtml(model)}
<h2 id="sources" style="page-break-before: always">Sources</h2>${sources}
</body></html>
`;
}
