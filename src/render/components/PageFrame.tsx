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
  /** Left of the footer: the template's footer text, by default the as-of date. */
  footer: string;
  /** The cover carries the title in large type already: footer only. */
  coverOnly?: boolean;
}

/**
 * Running header and footer, repeated on every physical page of a <Page>: title and marking
 * (right-aligned) above; footer text, "Page X of Y" and the marking (right-aligned) below.
 */
export function PageFrame({ model, styles, footer, coverOnly = false }: Props) {
  return (
    <>
      {coverOnly ? null : (
        <View style={styles.header} fixed>
          <Text style={styles.headerText}>{model.brief.title}</Text>
          <Marking marking={model.brief.marking} styles={styles} />
        </View>
      )}
      <View style={styles.footer} fixed>
        <Text style={[styles.footerText, styles.footerSide]}>{footer}</Text>
        <Text
          style={[styles.footerText, styles.footerCentre]}
          render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`}
        />
        <View style={[styles.footerSide, styles.footerRight]}>
          <Marking marking={model.brief.marking} styles={styles} />
        </View>
      </View>
    </>
  );
}
