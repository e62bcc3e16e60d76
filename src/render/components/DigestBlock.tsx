import { directionStyle, languageTag, quote } from './quote.js';
import { Link, Text, View } from '@react-pdf/renderer';
import { Fragment } from 'react';
import type { Excerpt } from '../../model/index.js';
import type { BlockProps } from './BlockProps.js';
import { bookmark } from './bookmark.js';
import { wrapWhenLong } from './keepTogether.js';

/** Once a sentence, always a sentence: a digest line shows the first sentence of an excerpt. */
function firstSentence(text: string): string {
  return /^.+?[.!?]["”’)]*(?=\s|$)/u.exec(text)?.[0] ?? text;
}

/** Excerpts of one source together, in the order their source first appears. */
function bySource(excerpts: readonly Excerpt[]): Excerpt[][] {
  const groups = new Map<number, Excerpt[]>();
  for (const excerpt of excerpts)
    groups.set(excerpt.citation, [...(groups.get(excerpt.citation) ?? []), excerpt]);
  return [...groups.values()];
}

/**
 * A compact list for a wide readership: per theme, each article's headline in bold, then one
 * sentence quoted from each of its excerpts, with its citation.
 */
export function DigestBlock({ model, styles }: BlockProps) {
  return (
    <>
      {model.sections
        .filter((s) => s.excerpts.length > 0)
        .map((section, i) => (
          // Heading and items are siblings on the page, so minPresenceAhead keeps them together.
          <Fragment key={section.themeId}>
            <Text
              style={i === 0 ? styles.digestTheme : [styles.digestTheme, styles.digestSection]}
              {...bookmark(section.label)}
              id={`section-${section.themeId}`}
              minPresenceAhead={60}
            >
              {section.label.toUpperCase()}
            </Text>
            {bySource(section.excerpts).map((group) => {
              const first = group[0] as Excerpt;
              const source = model.sources.find((s) => s.citation === first.citation);
              return (
                <View
                  key={first.id}
                  style={styles.digestItem}
                  wrap={wrapWhenLong(source?.title, ...group.map((e) => firstSentence(e.text)))}
                >
                  <Text style={styles.digestHeadline}>{source?.title ?? first.file}</Text>
                  {group.map((excerpt) => (
                    <Text
                      key={excerpt.id}
                      style={[styles.digestText, directionStyle(excerpt.language)]}
                    >
                      {`${languageTag(excerpt.language)}${quote(firstSentence(excerpt.text), excerpt.language)} `}
                      <Link src={`#source-${excerpt.citation}`} style={styles.citation}>
                        [{excerpt.citation}]
                      </Link>
                    </Text>
                  ))}
                </View>
              );
            })}
          </Fragment>
        ))}
    </>
  );
}
