import { Document, Page, type DocumentProps } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { BriefModel } from '../model/index.js';
import type { BlockProps } from './components/BlockProps.js';
import { CoverPage } from './components/CoverPage.js';
import { FactsBlock } from './components/FactsBlock.js';
import { KeyPointsBlock } from './components/KeyPointsBlock.js';
import { PageFrame } from './components/PageFrame.js';
import { PeopleBlock } from './components/PeopleBlock.js';
import { sectionChunks } from './components/SectionsBlock.js';
import { SourcesBlock } from './components/SourcesBlock.js';
import { TimelineBlock } from './components/TimelineBlock.js';
import type { Template } from './loadTemplate.js';
import { fontFamilies } from './fonts.js';
import { createStyles } from './styles.js';
import type { Block } from './templateFile.js';
import type { TemplateTexts } from './templateTexts.js';

interface Props {
  model: BriefModel;
  template: Template;
  texts: TemplateTexts;
}

/**
 * Each block's flowing content, as chunks: content of a chunk flows on from what came before;
 * every further chunk starts a new <Page> element (see SectionsBlock). The cover is its own page.
 */
function blockChunks(block: Exclude<Block, 'cover'>, props: BlockProps): ReactElement[][] {
  switch (block) {
    case 'key-points':
      return [[<KeyPointsBlock key="key-points" {...props} />]];
    case 'sections':
      return sectionChunks(props);
    case 'facts':
      return [[<FactsBlock key="facts" {...props} />]];
    case 'timeline':
      return [[<TimelineBlock key="timeline" {...props} />]];
    case 'people':
      return [[<PeopleBlock key="people" {...props} />]];
    case 'sources':
      return [[<SourcesBlock key="sources" {...props} />]];
  }
}

/** The whole PDF: the template's blocks, in the template's order. */
export function BriefDocument({ model, template, texts }: Props): ReactElement<DocumentProps> {
  const props: BlockProps = {
    model,
    template,
    texts,
    styles: createStyles(template, fontFamilies(model)),
  };
  const pages: ReactElement[] = [];
  let flow: ReactElement[] = [];
  const closePage = () => {
    if (flow.length === 0) return;
    pages.push(
      <Page key={`page-${pages.length}`} size={template.page.size} style={props.styles.page} wrap>
        <PageFrame model={model} styles={props.styles} />
        {flow}
      </Page>,
    );
    flow = [];
  };
  for (const block of template.blocks) {
    if (block === 'cover') {
      closePage();
      pages.push(<CoverPage key="cover" {...props} />);
      continue;
    }
    blockChunks(block, props).forEach((chunk, i) => {
      if (i > 0) closePage();
      flow.push(...chunk);
    });
  }
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
      {pages}
    </Document>
  );
}
