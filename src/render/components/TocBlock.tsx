import { Link, Text, View } from '@react-pdf/renderer';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';

export interface TocEntry {
  /** The id of the element the entry links to. */
  id: string;
  title: string;
  level: 1 | 2;
}

/**
 * Table of contents: every entry links to its section. Page numbers are read when the page is
 * paginated a second time (see renderPdf), from what the headings recorded in the first round;
 * the number has a column of its own, so its width never changes how a title wraps.
 */
export function TocBlock({
  styles,
  entries,
  pages,
}: BlockProps & { entries: TocEntry[]; pages: Readonly<Record<string, number>> }) {
  return (
    <>
      <Heading title="Contents" id="toc" styles={styles} first />
      <View style={styles.toc}>
        {entries.map((entry) => (
          <Link key={entry.id} src={`#${entry.id}`} style={styles.tocLink}>
            <View style={entry.level === 1 ? styles.tocRow : [styles.tocRow, styles.tocRowNested]}>
              <Text style={entry.level === 1 ? styles.tocTitle : styles.tocTitleNested}>
                {entry.title}
              </Text>
              <Text style={styles.tocPage} render={() => String(pages[entry.id] ?? '')} />
            </View>
          </Link>
        ))}
      </View>
    </>
  );
}
