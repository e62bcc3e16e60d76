import type { BriefModel, FigureChange, Source, Story } from '../../model/index.js';
import { changesSummary } from '../changesSummary.js';
import { cite, escapeHtml, longDate, safeHref } from './markup.js';

/**
 * "What changed" in the HTML edition: the same words as the PDF's default, the new and
 * continuing stories (linked into the sources list) and the changed figures, whose earlier
 * value names the previous brief's source in full.
 */
export function changes(model: BriefModel): string {
  const { previous, newStories, continuingStories, changedFigures } = model.changes;
  const parts = [
    '<section aria-labelledby="changes"><h2 id="changes">What changed</h2>',
    `<p>${escapeHtml(changesSummary(model))}</p>`,
  ];
  if (previous !== undefined) {
    const then = longDate(previous.asOf);
    const sources = new Map(model.sources.map((s) => [s.citation, s]));
    parts.push(storyList(`New since ${then}`, newStories, sources));
    parts.push(storyList('Continuing', continuingStories, sources));
    if (changedFigures.length > 0) {
      const rows = changedFigures.map((change) => figureRow(change, then));
      parts.push(
        `<h3>Figures that changed</h3>\n<table>\n<thead><tr><th scope="col">Figure</th><th scope="col">In the brief of ${escapeHtml(then)}</th><th scope="col">Now</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
      );
    }
  }
  parts.push('</section>');
  return parts.filter((p) => p !== '').join('\n');
}

function storyList(
  heading: string,
  stories: readonly Story[],
  sources: ReadonlyMap<number, Source>,
): string {
  if (stories.length === 0) return '';
  const items = stories.map((story) => {
    const source = sources.get(story.citation);
    const about = [source?.publisher, source?.published].filter((x) => x !== undefined);
    const meta =
      about.length > 0 ? ` <span class="meta">${escapeHtml(about.join(', '))}</span>` : '';
    return `<li>${escapeHtml(story.title)}${meta} ${cite(story.citation)}</li>`;
  });
  return `<h3>${escapeHtml(heading)}</h3>\n<ul>\n${items.join('\n')}\n</ul>`;
}

function figureRow(change: FigureChange, then: string): string {
  const { before, beforeSource, now } = change;
  const href = safeHref(beforeSource.url);
  const title = escapeHtml(beforeSource.title);
  const earlier = href ? `<a href="${escapeHtml(href)}">${title}</a>` : title;
  const where = href ? '' : `, ${escapeHtml(beforeSource.file)}`;
  const measure = escapeHtml(`${change.kind}, ${change.subject.measure}`);
  return [
    `<tr><td>${measure}</td>`,
    `<td><strong>${escapeHtml(before.value)}</strong><br><q>${escapeHtml(before.sentence)}</q><br><span class="meta">${earlier} (source ${before.citation} of the brief of ${escapeHtml(then)}${where})</span></td>`,
    `<td><strong>${escapeHtml(now.value)}</strong><br><q>${escapeHtml(now.sentence)}</q> ${cite(now.citation)}</td></tr>`,
  ].join('');
}
