import { Page, Text, View } from '@react-pdf/renderer';
import type { BriefModel } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { TemplateTexts } from '../templateTexts.js';
import type { Styles } from '../styles.js';
import { Marking, pageLayout } from './PageFrame.js';
import { wrapWhenLong } from './keepTogether.js';

interface Props {
  model: BriefModel;
  template: Template;
  texts: TemplateTexts;
  styles: Styles;
}

export function CoverPage({ model, template, texts, styles }: Props) {
  const { brief } = model;
  const rows: [string, string][] = [
    ['As of', brief.asOf],
    ['Themes', brief.themes.map((t) => t.label).join(', ')],
    ['Window', brief.window],
    ['Sources', describeSources(model)],
    ...languageRow(model),
    ...(brief.marking ? ([['Distribution', brief.marking]] as [string, string][]) : []),
  ];
  return (
    <Page
      size={template.page.size}
      style={styles.coverPage}
      layout={pageLayout({ model, styles, footer: texts.footer, coverOnly: true })}
    >
      <View style={styles.coverTop}>
        <Text style={styles.kicker}>BRIEFING</Text>
        <Marking marking={brief.marking} styles={styles} />
      </View>
      <View style={styles.coverRule} />
      <Text style={styles.title}>{brief.title}</Text>
      {brief.subtitle ? <Text style={styles.subtitle}>{brief.subtitle}</Text> : null}
      <View style={styles.coverMeta}>
        {rows.map(([label, value]) => (
          <View key={label} style={styles.metaRow}>
            <Text style={styles.metaLabel}>{label}</Text>
            <Text style={styles.metaValue}>{value}</Text>
          </View>
        ))}
      </View>
      <Text style={styles.coverText}>{texts.cover}</Text>
      <View style={styles.disclaimer}>
        <Text style={styles.disclaimerText}>{texts.disclaimer}</Text>
      </View>
    </Page>
  );
}

function describeSources(model: BriefModel): string {
  const { quotable, duplicates, outOfScope } = model.corpus;
  const copies = duplicates === 1 ? '1 duplicate copy' : `${duplicates} duplicate copies`;
  const setAside = [
    duplicates > 0 ? `${copies} set aside` : '',
    outOfScope ? `${outOfScope} outside the brief's scope` : '',
  ].filter(Boolean);
  return `${model.sources.length} cited of ${quotable} ${quotable === 1 ? 'article' : 'articles'}${setAside.length > 0 ? ` (${setAside.join('; ')})` : ''}`;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const languageName = (code: string) => languageNames.of(code) ?? code;

/**
 * "12 English, 3 Russian, 2 Korean": the articles the brief drew on, by language, when any is
 * not in English or the brief quotes only some languages.
 */
function languageRow(model: BriefModel): [string, string][] {
  const counts = Object.entries(model.corpus.languages ?? {});
  const only = model.brief.languages;
  if (!only && counts.every(([language]) => language === 'en' || language === 'und')) return [];
  const drawn = counts.map(([language, n]) => `${n} ${languageName(language)}`).join(', ');
  const quoting = only ? `quoting only ${only.map(languageName).join(', ')}` : '';
  return [['Languages', [drawn, quoting].filter(Boolean).join('; ')]];
}

/** The disclaimer of a template with no cover: after the last block, as its closing words. */
export function ClosingDisclaimer({ text, styles }: { text: string; styles: Styles }) {
  return (
    <View style={styles.closingDisclaimer} wrap={wrapWhenLong(text)}>
      <Text style={styles.disclaimerText}>{text}</Text>
    </View>
  );
}
