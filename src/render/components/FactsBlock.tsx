import { Link, Text, View } from '@react-pdf/renderer';
import type { Fact } from '../../model/index.js';
import type { Styles } from '../styles.js';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';

const KIND_LABEL: Record<Fact['kind'], string> = {
  money: 'Money',
  percent: 'Share',
  quantity: 'Quantity',
  date: 'Date',
  year: 'Year',
};

/** One row per sentence: a sentence stating three figures is printed once, not three times. */
function groupBySentence(facts: readonly Fact[]): Fact[][] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = `${fact.docId}:${fact.sentence}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups.values()];
}

/** Key figures: money, shares and quantities with the sentence that states them (years go to the timeline). */
export function FactsBlock({ model, styles }: BlockProps) {
  const figures = groupBySentence(
    model.facts.filter((f) => f.kind !== 'year' && f.kind !== 'date'),
  );
  return (
    <>
      <Heading title="Key figures" id="facts" styles={styles} />
      {figures.length === 0 ? (
        <Text style={styles.empty}>
          No figures were stated in the passages relevant to this brief.
        </Text>
      ) : (
        <>
          <View style={styles.tableHead} minPresenceAhead={40}>
            <Text style={[styles.th, styles.colFigure]}>FIGURE</Text>
            <Text style={[styles.th, styles.colKind]}>KIND</Text>
            <Text style={[styles.th, styles.colSentence]}>AS REPORTED</Text>
            <Text style={[styles.th, styles.colSource]}>SOURCE</Text>
          </View>
          {figures.map((group) => (
            <FactRow key={group[0]?.id} group={group} styles={styles} />
          ))}
        </>
      )}
    </>
  );
}

function FactRow({ group, styles }: { group: Fact[]; styles: Styles }) {
  const first = group[0];
  if (!first) return null;
  return (
    <View {...rowProps(styles.tableRow, first.sentence)}>
      <View style={styles.colFigure}>
        {group.map((fact) => (
          <Text key={fact.id} style={styles.tdStrong}>
            {fact.value}
          </Text>
        ))}
      </View>
      <Text style={[styles.td, styles.colKind]}>
        {[...new Set(group.map((f) => KIND_LABEL[f.kind]))].join(', ')}
      </Text>
      <Text style={[styles.td, styles.colSentence]}>{first.sentence}</Text>
      <Link
        src={`#source-${first.citation}`}
        style={[styles.td, styles.colSource, styles.citation]}
      >
        [{first.citation}]
      </Link>
    </View>
  );
}
