import { Document, Page, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { BriefModel } from '../model/index.js';
import type { BlockProps } from './components/BlockProps.js';
import { ChangesBlock } from './components/ChangesBlock.js';
import { CoverageBlock } from './components/CoverageBlock.js';
import { ClosingDisclaimer, CoverPage } from './components/CoverPage.js';
import { DigestBlock } from './components/DigestBlock.js';
import { FactsBlock } from './components/FactsBlock.js';
import { KeyPointsBlock } from './components/KeyPointsBlock.js';
import { MastheadBlock } from './components/MastheadBlock.js';
import { pageLayout } from './components/PageFrame.js';
import { PeopleBlock } from './components/PeopleBlock.js';
import { sectionChunks } from './components/SectionsBlock.js';
import { SourcesBlock } from './components/SourcesBlock.js';
import { TimelineBlock } from './components/TimelineBlock.js';
import { TocBlock, type TocEntry } from './components/TocBlock.js';
import { fontFamilies } from './fonts.js';
import type { Template } from './loadTemplate.js';
import { createStyles } from './styles.js';
import type { Block } from './templateFile.js';
import type { TemplateTexts } from './templateTexts.js';

interface Props {
  model: BriefModel;
  template: Template;
  texts: TemplateTexts;
  /** Page of each contents entry, filled in by `recordPage` while the document is paginated. */
  pages?: Readonly<Record<string, number>>;
  recordPage?: (id: string, page: number) => void;
}

/** The entries of the table of contents: the blocks that have headings, and every section. */
export function tocEntries(model: BriefModel, blocks: readonly Block[]): TocEntry[] {
  const titles: Partial<Record<Block, TocEntry>> = {
    'key-points': { id: 'key-points', title: 'Key points', level: 1 },
    changes: { id: 'changes', title: 'What changed', level: 1 },
    facts: { id: 'facts', title: 'Key figures', level: 1 },
    coverage: { id: 'coverage', title: 'Coverage by theme and source', level: 1 },
    timeline: { id: 'timeline', title: 'Timeline', level: 1 },
    people: { id: 'people', title: 'People and organisations', level: 1 },
    sources: { id: 'sources', title: 'Sources', level: 1 },
  };
  return blocks.flatMap((block): TocEntry[] => {
    if (block === 'sections' || block === 'digest') {
      return model.sections.map((s, i) => ({
        id: `section-${s.themeId}`,
        title: `${i + 1}. ${s.label}`,
        level: 2,
      }));
    }
    if (block === 'key-points' && model.keyPoints.length === 0) return [];
    if (block === 'timeline' && model.timeline.length === 0) return [];
    if (block === 'people' && !model.entities.some((e) => e.kind !== 'place')) return [];
    const entry = titles[block];
    return entry ? [entry] : [];
  });
}

/**
 * Each block's flowing content, as chunks: a chunk flows on from what came before; every
 * further chunk starts a new <Page> element (see SectionsBlock).
 */
function blockChunks(
  block: Exclude<Block, 'cover'>,
  props: BlockProps,
  pages: Readonly<Record<string, number>>,
): ReactElement[][] {
  switch (block) {
    case 'masthead':
      return [[<MastheadBlock key="masthead" {...props} />]];
    case 'toc':
      return [
        [
          <TocBlock
            key="toc"
            {...props}
            entries={tocEntries(props.model, props.template.blocks)}
            pages={pages}
          />,
        ],
      ];
    case 'key-points':
      return [[<KeyPointsBlock key="key-points" {...props} />]];
    case 'changes':
      return [[<ChangesBlock key="changes" {...props} />]];
    case 'sections':
      return sectionChunks(props);
    case 'digest':
      return [[<DigestBlock key="digest" {...props} />]];
    case 'facts':
      return [[<FactsBlock key="facts" {...props} />]];
    case 'coverage':
      return [[<CoverageBlock key="coverage" {...props} />]];
    case 'timeline':
      return [[<TimelineBlock key="timeline" {...props} />]];
    case 'people':
      return [[<PeopleBlock key="people" {...props} />]];
    case 'sources':
      return [[<SourcesBlock key="sources" {...props} />]];
  }
}

/** The whole PDF: the template's blocks in the template's order; the cover is a page of its own. */
export function BriefDocument({
  model,
  template,
  texts,
  pages = {},
  recordPage,
}: Props): ReactElement<DocumentProps> {
  const props: BlockProps = {
    model,
    template,
    texts,
    styles: createStyles(template, fontFamilies(model)),
  };
  const elements: ReactElement[] = [];
  const layout = pageLayout({ model, styles: props.styles, footer: texts.footer, recordPage });
  let flow: ReactElement[] = [];
  const closePage = () => {
    if (flow.length === 0) return;
    elements.push(
      <Page
        key={`page-${elements.length}`}
        size={template.page.size}
        style={props.styles.page}
        layout={layout}
        wrap
      >
        {flow}
      </Page>,
    );
    flow = [];
  };
  for (const block of template.blocks) {
    if (block === 'cover') {
      closePage();
      elements.push(<CoverPage key="cover" {...props} />);
      continue;
    }
    blockChunks(block, props, pages).forEach((chunk, i) => {
      if (i > 0) closePage();
      flow.push(...chunk);
    });
  }
  // A disclaimer belongs on the cover; a template without one still owes it to the reader.
  if (!template.blocks.includes('cover') && texts.disclaimer)
    flow.push(<ClosingDisclaimer key="disclaimer" text={texts.disclaimer} styles={props.styles} />);
  closePage();
  // Fixed dates make the same inputs give the same bytes.
  const date = new Date(`${model.brief.asOf}T00:00:00Z`);
  return (
    <Document
      title={model.brief.title}
      subject={model.brief.subtitle ?? `Brief as of ${model.brief.asOf}`}
      keywords={model.brief.themes.map((t) => t.label).join(', ')}
      author="briefgen"
      creator={model.generator}
      producer={model.generator}
      language="en"
      creationDate={date}
      modificationDate={date}
      pageMode="useOutlines"
    >
      {elements}
    </Document>
  );
}
