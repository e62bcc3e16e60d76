import { Page, Text, View } from '@react-pdf/renderer';
import type { BriefModel, Source } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';
import { PageFrame } from './PageFrame.js';

export function SourcesPage({
  model,
  template,
  styles,
}: {
  model: BriefModel;
  template: Template;
  styles: Styles;
}) {
  return (
    <Page size={template.page.size} style={styles.page} wrap>
      <PageFrame model={model} styles={styles} />
      <Text style={styles.h2} {...bookmark('Sources')} id="sources">
        Sources
      </Text>
      {model.sources.map((source) => (
        <SourceEntry key={source.citation} source={source} styles={styles} />
      ))}
    </Page>
  );
}

function SourceEntry({ source, styles }: { source: Source; styles: Styles }) {
  const meta = [source.publisher, source.published, source.url ?? source.file]
    .filter(Boolean)
    .join(' · ');
  return (
    <View style={styles.sourceEntry} id={`source-${source.citation}`} wrap={false}>
      <Text style={styles.sourceNumber}>[{source.citation}]</Text>
      <View style={styles.sourceBody}>
        <Text style={styles.sourceTitle}>{source.title}</Text>
        <Text style={styles.sourceMeta}>{meta}</Text>
        {source.truncated ? (
          <Text style={styles.sourceMeta}>This copy is cut off before its end.</Text>
        ) : null}
        {source.alsoReportedBy.length > 0 ? (
          <Text style={styles.sourceMeta}>
            Also reported by:{' '}
            {source.alsoReportedBy.map((o) => `${o.title} (${o.file})`).join('; ')}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
