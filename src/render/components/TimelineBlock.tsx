import { Link, Text, View } from '@react-pdf/renderer';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';

/** Dated events, oldest first, drawn along a vertical rule with a dot per event. */
export function TimelineBlock({ model, styles }: BlockProps) {
  if (model.timeline.length === 0) return null;
  return (
    <>
      <Heading title="Timeline" id="timeline" styles={styles} />
      {model.timeline.map((event) => (
        <View key={event.id} {...rowProps(styles.timelineRow, event.text)}>
          <Text style={styles.timelineDate}>{event.date}</Text>
          <View style={styles.timelineRail}>
            <View style={styles.timelineDot} />
          </View>
          <Text style={styles.timelineText}>
            {`${event.text} `}
            <Link src={`#source-${event.citation}`} style={styles.citation}>
              [{event.citation}]
            </Link>
          </Text>
        </View>
      ))}
    </>
  );
}
