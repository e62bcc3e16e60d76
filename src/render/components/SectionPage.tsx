import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { BriefModel, Excerpt, Section } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { TemplateTexts } from '../templateTexts.js';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';
import { PageFrame } from './PageFrame.js';

interface Props {
  model: BriefModel;
  template: Template;
  texts: TemplateTexts;
  styles: Styles;
}

/**
 * Sections flow one after another, but every SECTIONS_PER_PAGE sections start a new <Page>:
 * one flowing <Page> for a whole long brief makes layout quadratic in its length
 * (RENDERING-NOTES), while short chunks keep it linear.
 */
const SECTIONS_PER_PAGE = 6;

export function SectionPages({ model, template, texts, styles }: Props) {
  const chunks: Section[][] = [];
  for (let i = 0; i < model.sections.length; i += SECTIONS_PER_PAGE) {
    chunks.push(model.sections.slice(i, i + SECTIONS_PER_PAGE));
  }
  return chunks.map((chunk, c) => (
    <Page key={c} size={template.page.size} style={styles.page} wrap>
      <PageFrame model={model} styles={styles} />
      {chunk.map((section, i) => (
        <SectionBlock
          key={section.themeId}
          model={model}
          section={section}
          number={c * SECTIONS_PER_PAGE + i + 1}
          template={template}
          texts={texts}
          styles={styles}
        />
      ))}
    </Page>
  ));
}

function SectionBlock({
  model,
  section,
  number,
  texts,
  styles,
}: Props & { section: Section; number: number }) {
  const intro = texts.sectionIntro[section.themeId] ?? '';
  return (
    <View style={number > 1 ? { marginTop: 18 } : {}}>
      {/* A heading is never left alone at the foot of a page: it needs room for its intro and an excerpt. */}
      <View
        minPresenceAhead={120}
        {...bookmark(`${number}. ${section.label}`)}
        id={`section-${section.themeId}`}
      >
        <Text style={styles.sectionKicker}>THEME {number}</Text>
        <Text style={styles.sectionTitle}>{section.label}</Text>
        {section.description ? (
          <Text style={styles.sectionDescription}>{section.description}</Text>
        ) : null}
        <Text style={styles.sectionIntro}>{intro}</Text>
      </View>
      {section.excerpts.map((excerpt) => (
        <ExcerptBlock key={excerpt.id} excerpt={excerpt} model={model} styles={styles} />
      ))}
    </View>
  );
}

function ExcerptBlock({
  excerpt,
  model,
  styles,
}: {
  excerpt: Excerpt;
  model: BriefModel;
  styles: Styles;
}) {
  const source = model.sources.find((s) => s.citation === excerpt.citation);
  return (
    // An excerpt is at most a few sentences, so it always fits on a page: keep it whole.
    <View style={styles.excerpt} wrap={false}>
      <Text style={styles.excerptText}>
        {`“${excerpt.text}” `}
        <Link src={`#source-${excerpt.citation}`} style={styles.citation}>
          [{excerpt.citation}]
        </Link>
      </Text>
      <Text style={styles.excerptSource}>{source ? source.title : excerpt.file}</Text>
    </View>
  );
}
