import { Link, Page, Text, View } from '@react-pdf/renderer';
import type { BriefModel } from '../../model/index.js';
import type { Template } from '../loadTemplate.js';
import type { Styles } from '../styles.js';
import { bookmark } from './bookmark.js';
import { PageFrame } from './PageFrame.js';

const KIND_LABEL = { money: 'Money', percent: 'Share', year: 'Year' } as const;

export function FactsPage({ model, template, styles }: { model: BriefModel; template: Template; styles: Styles }) {
  return (
    <Page size={template.page.size} style={styles.page} wrap>
      <PageFrame model={model} styles={styles} />
      <Text style={styles.h2} {...bookmark('Key figures')} id="facts">
        Key figures
      </Text>
      {model.facts.length === 0 ? (
        <Text style={styles.empty}>No figures were stated in the passages relevant to this brief.</Text>
      ) : (
        <>
          <View style={styles.tableHead} fixed>
            <Text style={[styles.th, styles.colFigure]}>FIGURE</Text>
            <Text style={[styles.th, styles.colKind]}>KIND</Text>
            <Text style={[styles.th, styles.colSentence]}>AS REPORTED</Text>
            <Text style={[styles.th, styles.colSource]}>SOURCE</Text>
          </View>
          {model.facts.map((fact) => (
            <View key={fact.id} style={styles.tableRow} wrap={false}>
              <View style={styles.colFigure}>
                <Text style={styles.tdStrong}>{fact.value}</Text>
                {fact.text !== fact.value ? <Text style={styles.td}>{`“${fact.text}”`}</Text> : null}
              </View>
              <Text style={[styles.td, styles.colKind]}>{KIND_LABEL[fact.kind]}</Text>
              <Text style={[styles.td, styles.colSentence]}>{fact.sentence}</Text>
              <Link src={`#source-${fact.citation}`} style={[styles.td, styles.colSource, styles.citation]}>
                [{fact.citation}]
              </Link>
            </View>
          ))}
        </>
      )}
    </Page>
  );
}
