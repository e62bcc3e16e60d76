import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { BriefModel, Fact } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';
import { PageFrame } from './PageFrame.js';

const KIND_LABEL = { money: 'Money', percent: 'Share', year: 'Year' } as const;

/** One row per sentence: a sentence stating three figures is printed once, not three times. */
function groupBySentence(facts: readonly Fact[]): Fact[][] {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) {
    const key = `${fact.docId}:${fact.sentence}`;
    groups.set(key, [...(groups.get(key) ?? []), fact]);
  }
  return [...groups.values()];
}

export function FactsPage({
  model,
  template,
  styles,
}: {
  model: BriefModel;
  template: Template;
  styles: Styles;
}) {
  return (
    <Page size={template.page.size} style={styles.page} wrap>
      <PageFrame model={model} styles={styles} />
      <Text style={styles.h2} {...bookmark('Key figures')} id="facts">
        Key figures
      </Text>
      {model.facts.length === 0 ? (
        <Text style={styles.empty}>
          No figures were stated in the passages relevant to this brief.
        </Text>
      ) : (
        <>
          <View style={styles.tableHead} fixed>
            <Text style={[styles.th, styles.colFigure]}>FIGURE</Text>
            <Text style={[styles.th, styles.colKind]}>KIND</Text>
            <Text style={[styles.th, styles.colSentence]}>AS REPORTED</Text>
            <Text style={[styles.th, styles.colSource]}>SOURCE</Text>
          </View>
          {groupBySentence(model.facts).map((group) => (
            <View key={group[0]?.id} style={styles.tableRow} wrap={false}>
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
              <Text style={[styles.td, styles.colSentence]}>{group[0]?.sentence}</Text>
              <Link
                src={`#source-${group[0]?.citation ?? 0}`}
                style={[styles.td, styles.colSource, styles.citation]}
              >
                [{group[0]?.citation}]
              </Link>
            </View>
          ))}
        </>
      )}
    </Page>
  );
}
