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

/** The disclaimer of a template with no cover: after the last block, as its closing words. */
export function ClosingDisclaimer({ text, styles }: { text: string; styles: Styles }) {
  return (
    <View style={styles.closingDisclaimer} wrap={wrapWhenLong(text)}>
      <Text style={styles.disclaimerText}>{text}</Text>
    </View>
  );
}
