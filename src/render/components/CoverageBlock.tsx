import { Text, View } from '@react-pdf/renderer';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';

/**
 * A bar chart of coverage: for each theme, how many passages the brief quotes, split by source
 * (one shade per source, in citation order), so a reader sees at a glance what rests on one source.
 */
export function CoverageBlock({ model, styles, template }: BlockProps) {
  const rows = model.sections.map((section) => {
    const bySource = new Map<number, number>();
    for (const e of section.excerpts) bySource.set(e.citation, (bySource.get(e.citation) ?? 0) + 1);
    for (const k of model.keyPoints.filter((p) => p.themeIds.includes(section.themeId))) {
      bySource.set(k.citation, (bySource.get(k.citation) ?? 0) + 1);
    }
    return { label: section.label, parts: [...bySource].sort((a, b) => a[0] - b[0]) };
  });
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((n, [, c]) => n + c, 0)));
  const shade = (citation: number) =>
    SHADES[(citation - 1) % SHADES.length] ?? template.colors.accent;
  return (
    <>
      <Heading title="Coverage by theme and source" id="coverage" styles={styles} />
      {rows.map((row) => (
        <View key={row.label} {...rowProps(styles.chartRow, row.label)}>
          <Text style={styles.chartLabel}>{row.label}</Text>
          <View style={styles.chartBar}>
            {row.parts.map(([citation, count]) => (
              <View
                key={citation}
                style={{
                  width: `${(100 * count) / max}%`,
                  backgroundColor: shade(citation),
                  height: 10,
                  justifyContent: 'center',
                }}
              >
                <Text style={styles.chartSegment}>[{citation}]</Text>
              </View>
            ))}
          </View>
          <Text style={styles.chartCount}>{row.parts.reduce((n, [, c]) => n + c, 0)}</Text>
        </View>
      ))}
    </>
  );
}

const SHADES = [
  '#1f3a5f',
  '#3f6e9e',
  '#6b9bc3',
  '#9cc3df',
  '#c98b2e',
  '#e0b15f',
  '#6b8f47',
  '#9dbb7a',
  '#7d5a8c',
  '#b08fbd',
];
