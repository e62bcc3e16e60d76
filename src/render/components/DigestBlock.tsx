import { quote } from './quote.js';
import { Link, Text, View } from '@react-pdf/renderer';
import type { BlockProps } from './BlockProps.js';
import { bookmark } from './bookmark.js';

/** Once a sentence, always a sentence: a digest line shows the first sentence of an excerpt. */
function firstSentence(text: string): string {
  return /^.+?[.!?]["”’)]*(?=\s|$)/u.exec(text)?.[0] ?? text;
}

/**
 * A compact list for a wide readership: per theme, the article's headline in bold, then one
 * sentence quoted from it, with its citation.
 */
export function DigestBlock({ model, styles }: BlockProps) {
  return (
    <>
      {model.sections
        .filter((s) => s.excerpts.length > 0)
        .map((section, i) => (
          <View key={section.themeId} style={i === 0 ? undefined : styles.digestSection}>
            <Text
              style={styles.digestTheme}
              {...bookmark(section.label)}
              id={`section-${section.themeId}`}
              minPresenceAhead={50}
            >
              {section.label.toUpperCase()}
            </Text>
            {section.excerpts.map((excerpt) => {
              const source = model.sources.find((s) => s.citation === excerpt.citation);
              return (
                <View key={excerpt.id} style={styles.digestItem} wrap={false}>
                  <Text style={styles.digestHeadline}>{source?.title ?? excerpt.file}</Text>
                  <Text style={styles.digestText}>
                    {`${quote(firstSentence(excerpt.text))} `}
                    <Link src={`#source-${excerpt.citation}`} style={styles.citation}>
                      [{excerpt.citation}]
                    </Link>
                  </Text>
                </View>
              );
            })}
          </View>
        ))}
    </>
  );
}
