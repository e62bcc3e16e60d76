import { Text, View } from '@react-pdf/renderer';
import type { BriefModel } from '../../model/index.js';
import { MARKING_COLOURS, type Styles } from '../styles.js';

export function Marking({ marking, styles }: { marking: string | undefined; styles: Styles }) {
  if (marking === undefined) return null;
  return (
    <Text style={[styles.marking, { color: MARKING_COLOURS[marking] ?? '#FFFFFF' }]}>
      {marking}
    </Text>
  );
}

interface Props {
  model: BriefModel;
  styles: Styles;
  /** The cover carries the title in large type already: footer only. */
  coverOnly?: boolean;
}

/** Running header and footer, repeated on every physical page of a <Page>. */
export function PageFrame({ model, styles, coverOnly = false }: Props) {
  return (
    <>
      {coverOnly ? null : (
        <View style={styles.header} fixed>
          <Text style={styles.headerText}>{model.brief.title}</Text>
          <Marking marking={model.brief.marking} styles={styles} />
        </View>
      )}
      <View style={styles.footer} fixed>
        <Text style={styles.footerText}>As of {model.brief.asOf}</Text>
        <Marking marking={model.brief.marking} styles={styles} />
        <Text
          style={styles.footerText}
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
        />
      </View>
    </>
  );
}
