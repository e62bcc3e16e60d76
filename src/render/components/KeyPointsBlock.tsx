import { directionStyle, languageTag, quote } from './quote.js';
import { Link, Text, View } from '@react-pdf/renderer';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';

/** Bottom line up front: the most important developments, each a cited quotation. */
export function KeyPointsBlock({ model, styles }: BlockProps) {
  if (model.keyPoints.length === 0) return null;
  return (
    <>
      <Heading title="Key points" id="key-points" styles={styles} first />
      {model.keyPoints.map((point, i) => (
        <View key={point.id} {...rowProps(styles.keyPoint, point.text)}>
          <Text style={styles.keyPointNumber}>{i + 1}</Text>
          <Text style={[styles.keyPointText, directionStyle(point.language)]}>
            {`${languageTag(point.language)}${quote(point.text, point.language)} `}
            <Link src={`#source-${point.citation}`} style={styles.citation}>
              [{point.citation}]
            </Link>
          </Text>
        </View>
      ))}
    </>
  );
}
