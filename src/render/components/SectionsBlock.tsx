import { directionStyle, languageTag, quote } from './quote.js';
import { Link, Text, View } from '@react-pdf/renderer';
import type { ReactElement } from 'react';
import type { BriefModel, Excerpt, Section } from '../../model/index.js';
import type { Styles } from '../styles.js';
import type { BlockProps } from './BlockProps.js';
import { bookmark } from './bookmark.js';
import { wrapWhenLong } from './keepTogether.js';

/**
 * Once a run of sections holds about this many excerpts (some ten physical pages), the next
 * section starts a new <Page> element: one flowing <Page> for a whole long brief makes layout
 * quadratic in its length (RENDERING-NOTES), short chunks keep it linear.
 */
const EXCERPTS_PER_PAGE_ELEMENT = 40;

/** The theme sections, as chunks of flowing content; each chunk after the first needs a new <Page>. */
export function sectionChunks(props: BlockProps): ReactElement[][] {
  const chunks: ReactElement[][] = [[]];
  let size = 0;
  props.model.sections.forEach((section, i) => {
    if (size > 0 && size + section.excerpts.length > EXCERPTS_PER_PAGE_ELEMENT) {
      chunks.push([]);
      size = 0;
    }
    chunks.at(-1)?.push(...sectionContent(props, section, i + 1));
    size += section.excerpts.length + 1;
  });
  return chunks;
}

/**
 * Header and excerpts are siblings on the page: React-PDF applies minPresenceAhead among
 * siblings, so a heading is never left alone at the foot of a page.
 */
function sectionContent(props: BlockProps, section: Section, number: number): ReactElement[] {
  const { model, texts, styles } = props;
  if (props.template.sections === 'compact') return compactSection(props, section, number);
  const header = (
    <View
      key={`${section.themeId}-header`}
      style={number > 1 ? styles.sectionHeaderFollowing : styles.sectionHeader}
      wrap={wrapWhenLong(section.description, texts.sectionIntro[section.themeId])}
      minPresenceAhead={90}
      {...bookmark(`${number}. ${section.label}`)}
      id={`section-${section.themeId}`}
    >
      <Text style={styles.sectionKicker}>THEME {number}</Text>
      <Text style={styles.sectionTitle}>{section.label}</Text>
      {section.description ? (
        <Text style={styles.sectionDescription}>{section.description}</Text>
      ) : null}
      {texts.sectionIntro[section.themeId] ? (
        <Text style={styles.sectionIntro}>{texts.sectionIntro[section.themeId]}</Text>
      ) : (
        <View style={styles.sectionGap} />
      )}
    </View>
  );
  return [
    header,
    ...section.excerpts.map((excerpt) => (
      <ExcerptBlock key={excerpt.id} excerpt={excerpt} model={model} styles={styles} />
    )),
  ];
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
    <View style={styles.excerpt} wrap={wrapWhenLong(excerpt.text)}>
      <Text style={[styles.excerptText, directionStyle(excerpt.language)]}>
        {`${languageTag(excerpt.language)}${quote(excerpt.text, excerpt.language)} `}
        <Link src={`#source-${excerpt.citation}`} style={styles.citation}>
          [{excerpt.citation}]
        </Link>
      </Text>
      <Text style={styles.excerptSource}>
        {source
          ? `${source.title}${source.published ? ` · ${source.published}` : ''}`
          : excerpt.file}
      </Text>
    </View>
  );
}

/** A title line and plain quotes: for templates that must stay short. */
function compactSection({ styles }: BlockProps, section: Section, number: number): ReactElement[] {
  if (section.excerpts.length === 0) return [];
  return [
    <View
      key={`${section.themeId}-compact`}
      style={styles.compactSection}
      wrap={wrapWhenLong(...section.excerpts.map((e) => e.text))}
      {...bookmark(`${number}. ${section.label}`)}
      id={`section-${section.themeId}`}
    >
      <Text style={styles.compactTitle}>{section.label}</Text>
      {section.excerpts.map((excerpt) => (
        <Text key={excerpt.id} style={[styles.compactQuote, directionStyle(excerpt.language)]}>
          {`${languageTag(excerpt.language)}${quote(excerpt.text, excerpt.language)} `}
          <Link src={`#source-${excerpt.citation}`} style={styles.citation}>
            [{excerpt.citation}]
          </Link>
        </Text>
      ))}
    </View>,
  ];
}
