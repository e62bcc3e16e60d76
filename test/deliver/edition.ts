import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Edition } from '../../src/deliver/index.js';
import type { BriefModel } from '../../src/model/index.js';

/** A small built brief: a model and a PDF file (bytes that only need to arrive intact). */
export async function sampleEdition(dir: string): Promise<Edition> {
  const ref = { docId: 'd1', file: 'a1.txt', start: 0, end: 10, citation: 1 };
  const model: BriefModel = {
    schemaVersion: '1.1',
    generator: 'briefgen 0.1.0',
    brief: {
      id: 'weekly',
      title: 'Weekly overview',
      audience: 'analyst',
      asOf: '2026-11-23',
      marking: 'TLP:RED',
      window: 'all documents',
      themes: [{ id: 'diplomacy', label: 'Diplomacy' }],
    },
    corpus: { documents: 1, quotable: 1, duplicates: 0, skippedFiles: 0 },
    keyPoints: [{ ...ref, id: 'k1', text: 'Talks resumed.', themeIds: ['diplomacy'] }],
    sections: [{ themeId: 'diplomacy', label: 'Diplomacy', description: 'Talks', excerpts: [] }],
    facts: [],
    entities: [],
    timeline: [],
    changes: { newStories: [], continuingStories: [], changedFigures: [] },
    sources: [],
  };
  const pdf = join(dir, 'weekly-2026-11-23.pdf');
  await writeFile(pdf, Buffer.from('%PDF-1.7\n\x00\xff binary bytes\n%%EOF\n', 'latin1'));
  return { model, pdf, shownPdf: 'out/weekly/weekly-2026-11-23.pdf' };
}
