import { Document } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { DocumentProps } from '@react-pdf/renderer';
import type { BriefModel } from '../model/index.js';
import { CoverPage } from './components/CoverPage.js';
import { FactsPage } from './components/FactsPage.js';
import { SectionPages } from './components/SectionPage.js';
import { SourcesPage } from './components/SourcesPage.js';
import type { Template } from './loadTemplate.js';
import type { TemplateTexts } from './templateTexts.js';
import { createStyles } from './styles.js';
import type { Block } from './templateFile.js';

/** The whole PDF: the template's blocks, in the template's order. */
interface Props {
  model: BriefModel;
  template: Template;
  texts: TemplateTexts;
}

export function BriefDocument({ model, template, texts }: Props): ReactElement<DocumentProps> {
  const styles = createStyles(template);
  // Fixed dates make the same inputs give the same bytes.
  const date = new Date(`${model.brief.asOf}T00:00:00Z`);
  const blocks: Record<Block, ReactElement> = {
    cover: (
      <CoverPage key="cover" model={model} template={template} texts={texts} styles={styles} />
    ),
    sections: (
      <SectionPages
        key="sections"
        model={model}
        template={template}
        texts={texts}
        styles={styles}
      />
    ),
    facts: <FactsPage key="facts" model={model} template={template} styles={styles} />,
    sources: <SourcesPage key="sources" model={model} template={template} styles={styles} />,
  };
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
      {template.blocks.map((block) => blocks[block])}
    </Document>
  );
}
