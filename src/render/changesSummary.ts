import type { BriefModel } from '../model/index.js';

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The words under "What changed" when a template gives none (and in the HTML edition): what
 * the brief is compared with and how much changed, or that there is nothing to compare.
 */
export function changesSummary(model: Pick<BriefModel, 'changes'>): string {
  const { previous, newStories, continuingStories, changedFigures } = model.changes;
  if (previous === undefined)
    return 'This is the first brief of its kind: there is no earlier brief to compare it with.';
  const date = longDate.format(new Date(`${previous.asOf}T00:00:00Z`));
  return (
    `Compared with the brief of ${date}: ${count(newStories.length, 'new story', 'new stories')}, ` +
    `${count(continuingStories.length, 'continuing story', 'continuing stories')} and ` +
    `${count(changedFigures.length, 'figure', 'figures')} that changed.`
  );
}
