import { Link, Text, View } from '@react-pdf/renderer';
import type { Source } from '../../model/index.js';
import type { Styles } from '../styles.js';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';

/** The sources appendix, on a page of its own: every citation in the brief links here. */
export function SourcesBlock({ model, styles, template }: BlockProps) {
  return (
    <>
      <Heading
        title="Sources"
        id="sources"
        styles={styles}

        breakBefore={template.limits.sources_on_new_page}
      />
      {model.sources.map((source) => (
        <SourceEntry key={source.citation} source={source} styles={styles} />
      ))}
    </>
  );
}

function SourceEntry({ source, styles }: { source: Source; styles: Styles }) {
  // A source's address is a link a reader can click; only web addresses become links.
  const web = source.url !== undefined && /^https?:\/\//i.test(source.url) ? source.url : undefined;
  const meta = [source.publisher, source.published, web ? undefined : (source.url ?? source.file)]
    .filter(Boolean)
    .join(' · ');
  return (
    <View
      id={`source-${source.citation}`}
      {...rowProps(
        styles.sourceEntry,
        source.title,
        meta,
        ...source.alsoReportedBy.map((o) => o.title),
      )}
    >
      <Text style={styles.sourceNumber}>[{source.citation}]</Text>
      <View style={styles.sourceBody}>
        <Text style={styles.sourceTitle}>{source.title}</Text>
        {meta ? <Text style={styles.sourceMeta}>{meta}</Text> : null}
        {web ? (
          <Link src={web} style={styles.sourceMeta}>
            {web}
          </Link>
        ) : null}
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
