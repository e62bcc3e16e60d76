import { Text, View } from '@react-pdf/renderer';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';

interface Props {
  title: string;
  id: string;
  styles: Styles;
  /** Start a new page (the sources appendix). */
  breakBefore?: boolean;
  /** First on its page: no space above. */
  first?: boolean;
}

/**
 * A block heading with an outline entry and a link target. It is never left alone at the foot
 * of a page (minPresenceAhead), and may start a new page.
 */
export function Heading({ title, id, styles, breakBefore = false, first = false }: Props) {
  return (
    <View {...bookmark(title)} id={id} minPresenceAhead={80} break={breakBefore} wrap={false}>
      <Text style={first || breakBefore ? styles.h2 : [styles.h2, styles.h2Following]}>
        {title}
      </Text>
    </View>
  );
}
