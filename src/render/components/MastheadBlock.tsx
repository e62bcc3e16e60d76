import { Image, Text, View } from '@react-pdf/renderer';
import type { BlockProps } from './BlockProps.js';
import { wrapWhenLong } from './keepTogether.js';

/** A compact title block for short briefs: title, subtitle, date, themes and the template's cover words. */
export function MastheadBlock({ model, template, texts, styles }: BlockProps) {
  const { brief } = model;
  return (
    <View style={styles.masthead} wrap={wrapWhenLong(brief.title, brief.subtitle, texts.cover)}>
      <View style={styles.mastheadTop}>
        <Text style={styles.kicker}>BRIEFING · {brief.asOf}</Text>
        {template.logo ? <Image src={template.logo} style={styles.logo} /> : null}
      </View>
      <Text style={styles.mastheadTitle}>{brief.title}</Text>
      {brief.subtitle ? <Text style={styles.subtitle}>{brief.subtitle}</Text> : null}
      {texts.cover ? <Text style={styles.mastheadText}>{texts.cover}</Text> : null}
    </View>
  );
}
