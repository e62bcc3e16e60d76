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
 * Sections flow one after another, but once a <Page> element holds about this many excerpts
 * (some ten physical pages) the next section starts a new one: one flowing <Page> for a whole
 * long brief makes layout quadratic in its length (RENDERING-NOTES), short chunks keep it linear.
 */
const EXCERPTS_PER_PAGE_ELEMENT = 40;

/** About half a page of quoted text: short enough to move whole to the next page. */
const UNBREAKABLE_MAX_CHARS = 1500;

export function SectionPages({ model, template, texts, styles }: Props) {
  const chunks: Section[][] = [[]];
  let size = 0;
  for (const section of model.sections) {
    if (size > 0 && size + section.excerpts.length > EXCERPTS_PER_PAGE_ELEMENT) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push(section);
    size += section.excerpts.length + 1;
  }
  const numbers = new Map(model.sections.map((section, i) => [section.themeId, i + 1]));
  return chunks.map((chunk, c) => (
    <Page key={c} size={template.page.size} style={styles.page} wrap>
      <PageFrame model={model} styles={styles} />
      {chunk.map((section) => (
        <SectionBlock
          key={section.themeId}
          model={model}
          section={section}
          number={numbers.get(section.themeId) ?? 0}
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
  // Header and excerpts are siblings on the page: React-PDF applies minPresenceAhead among
  // siblings, so a heading is never left alone at the foot of a page.
  return (
    <>
      <View
        style={number > 1 ? styles.sectionHeaderFollowing : styles.sectionHeader}
        wrap={false}
        minPresenceAhead={90}
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
    </>
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
    // Keep an excerpt whole on one page when it surely fits; a block taller than a page that
    // cannot wrap overprints the footer and loses text (RENDERING-NOTES bug 4).
    <View style={styles.excerpt} wrap={excerpt.text.length > UNBREAKABLE_MAX_CHARS}>
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
