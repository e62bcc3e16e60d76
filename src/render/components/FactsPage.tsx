import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { BriefModel, Fact } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';
import { PageFrame } from './PageFrame.js';

const KIND_LABEL = {
  money: 'Money',
  percent: 'Share',
  quantity: 'Quantity',
  date: 'Date',
  year: 'Year',
} as const;

/** One row per sentence: a sentence stating three figures is printed once, not three times. */
function groupBySentence(facts: readonly Fact[]): Fact[][] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = `${fact.docId}:${fact.sentence}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups.values()];
}

const firstYear = (group: Fact[]) => Number(group.find((f) => f.kind === 'year')?.value ?? 0);

/**
 * Figures (money, shares) first; sentences that only carry years follow as dated references,
 * in date order, so the table of figures is not drowned in dates.
 */
export function FactsPage({
  model,
  template,
  styles,
}: {
  model: BriefModel;
  template: Template;
  styles: Styles;
}) {
  const groups = groupBySentence(model.facts);
  const figures = groups.filter((g) => g.some((f) => f.kind !== 'year'));
  const dated = groups
    .filter((g) => g.every((f) => f.kind === 'year'))
    .sort((a, b) => firstYear(a) - firstYear(b));
  return (
    <Page size={template.page.size} style={styles.page} wrap>
      <PageFrame model={model} styles={styles} />
      <Text style={styles.h2} {...bookmark('Key figures')} id="facts">
        Key figures
      </Text>
      {figures.length === 0 ? (
        <Text style={styles.empty}>
          No figures were stated in the passages relevant to this brief.
        </Text>
      ) : (
        <FactTable groups={figures} heading="FIGURE" styles={styles} />
      )}
      {dated.length > 0 ? (
        <>
          <Text style={[styles.h2, styles.h2Following]} minPresenceAhead={60}>
            Dated references
          </Text>
          <FactTable groups={dated} heading="YEAR" styles={styles} />
        </>
      ) : null}
    </Page>
  );
}

function FactTable({
  groups,
  heading,
  styles,
}: {
  groups: Fact[][];
  heading: string;
  styles: Styles;
}) {
  return (
    <>
      <View style={styles.tableHead} minPresenceAhead={40}>
        <Text style={[styles.th, styles.colFigure]}>{heading}</Text>
        <Text style={[styles.th, styles.colKind]}>KIND</Text>
        <Text style={[styles.th, styles.colSentence]}>AS REPORTED</Text>
        <Text style={[styles.th, styles.colSource]}>SOURCE</Text>
      </View>
      {groups.map((group) => (
        <FactRow key={group[0]?.id} group={group} styles={styles} />
      ))}
    </>
  );
}

function FactRow({ group, styles }: { group: Fact[]; styles: Styles }) {
  const first = group[0];
  if (!first) return null;
  return (
    <View style={styles.tableRow} wrap={false}>
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
