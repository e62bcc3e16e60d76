import { Text } from '@react-pdf/renderer';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';

/**
 * A block heading with an outline entry and a link target. It is never left alone at the foot
 * of a page (minPresenceAhead), and may start a new page (`breakBefore`).
 */
export function Heading({
  title,
  id,
  styles,
  breakBefore = false,
  first = false,
}: {
  title: string;
  id: string;
  styles: Styles;
  breakBefore?: boolean;
  first?: boolean;
}) {
  return (
    <Text
      style={first || breakBefore ? styles.h2 : [styles.h2, styles.h2Following]}
      {...bookmark(title)}
      id={id}
      minPresenceAhead={80}
      break={breakBefore}
    >
      {title}
    </Text>
  );
}
