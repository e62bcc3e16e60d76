import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/store/index.js';
import { useTempDirs } from '../helpers/tempDirs.js';

const tempDir = useTempDirs();

/** One long paragraph of legal boilerplate that two different notices both quote in full. */
const BOILERPLATE =
  'The measures are taken under the standing order of the ministry, which allows the authority to act against any firm that trades in goods, services or technology with the listed country, to freeze the assets of firms that support its shipping, mining, fishing and textile industries, and to close the correspondent accounts of any foreign bank that knowingly handles payments for such trade or for the persons named in the annex to the order.';

describe('copies and pages that merely share a paragraph', () => {
  it('does not cluster two notices that quote the same boilerplate paragraph', async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, 'notice-a.txt'),
      `Two shipping firms added to the list\n\nThe authority has added two shipping firms based in the south to its list for moving cargo for the listed country.\n\n${BOILERPLATE}\n\nBoth firms may appeal within thirty days.`,
    );
    await writeFile(
      join(dir, 'notice-b.txt'),
      `Port agency and its director listed\n\nA port service agency in the north and its director general were listed for serving vessels of the listed country after the ban.\n\n${BOILERPLATE}\n\nThe agency said it would contest the decision.`,
    );
    const corpus = await loadCorpus(dir);
    expect(corpus.documents.every((d) => d.duplicate.canonical && d.duplicate.others.length === 0)).toBe(true);
  });
  it('still clusters a paywalled teaser with the story it repeats', async () => {
    const dir = await tempDir();
    const lead =
      'The harbour authority said on Monday that grain shipments through the eastern port rose by a third in the first half of the year, as the new terminal took its first ships.';
    const rest =
      'Officials expect the terminal to double the port’s capacity by the end of next year, and the regional ministry said most of the grain was bound for buyers across the sea.';
    await writeFile(join(dir, 'story.txt'), `Grain shipments through eastern port rise\n\nEASTPORT (Harbour Wire) - ${lead}\n\n${rest}`);
    await writeFile(
      join(dir, 'teaser.txt'),
      `Grain shipments through eastern port rise\n\nBy Jane Roe\n\nEASTPORT (Harbour Wire) - ${lead}\n\nThe rest of this article is for subscribers only.`,
    );
    const corpus = await loadCorpus(dir);
    const teaser = corpus.documents.find((d) => d.file === 'teaser.txt');
    expect(teaser?.duplicate).toMatchObject({ canonical: false, clusterId: 'story' });
  });
});
