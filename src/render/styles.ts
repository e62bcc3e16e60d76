import { StyleSheet } from '@react-pdf/renderer';
import { SANS, SERIF } from './fonts.js';
import type { Template } from './loadTemplate.js';

/**
 * All styles of a brief. `lineHeight` appears only on leaf text styles, always together with
 * `fontSize`: on a container it silently drops the "Page X of Y" footer (RENDERING-NOTES bug 1),
 * and without a fontSize beside it it is computed against 18 pt (bug 2).
 */
export function createStyles(
  template: Template,
  fonts: { serif: string | string[]; sans: string | string[] } = { serif: SERIF, sans: SANS },
) {
  const c = template.colors;
  const m = template.page.margin;
  const SERIF_FONT = template.fonts.body === 'sans' ? fonts.sans : fonts.serif;
  const SANS_FONT = fonts.sans;
  const base = template.fonts.size;
  return StyleSheet.create({
    page: {
      paddingTop: m + 18,
      paddingBottom: m + 10,
      paddingHorizontal: m,
      color: c.text,
      fontFamily: SERIF_FONT,
    },
    coverPage: {
      paddingTop: m,
      paddingBottom: m,
      paddingHorizontal: m,
      color: c.text,
      fontFamily: SERIF_FONT,
    },

    header: {
      position: 'absolute',
      top: m - 26,
      left: m,
      right: m,
      flexDirection: 'row',
      justifyContent: 'space-between',
      alignItems: 'center',
      borderBottomWidth: 0.5,
      borderBottomColor: c.rule,
      paddingBottom: 4,
    },
    headerText: { fontFamily: SANS_FONT, fontSize: 8, color: c.muted },
    footer: {
      position: 'absolute',
      bottom: m - 30,
      left: m,
      right: m,
      flexDirection: 'row',
      justifyContent: 'space-between',
      alignItems: 'center',
      borderTopWidth: 0.5,
      borderTopColor: c.rule,
      paddingTop: 4,
    },
    footerSide: { width: '35%' },
    footerCentre: { width: '30%', textAlign: 'center' },
    footerRight: { flexDirection: 'row', justifyContent: 'flex-end' },
    footerText: { fontFamily: SANS_FONT, fontSize: 8, color: c.muted },
    marking: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 8,
      backgroundColor: '#000000',
      paddingHorizontal: 4,
      paddingVertical: 1,
    },

    coverTop: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' },
    kicker: { fontFamily: SANS_FONT, fontWeight: 700, fontSize: 9, color: c.accent },
    coverRule: {
      borderBottomWidth: 3,
      borderBottomColor: c.accent,
      marginTop: 120,
      marginBottom: 18,
      width: 64,
    },
    title: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 28,
      lineHeight: 1.2,
      color: c.accent,
    },
    subtitle: {
      fontFamily: SANS_FONT,
      fontSize: 14,
      lineHeight: 1.35,
      color: c.muted,
      marginTop: 10,
    },
    coverMeta: { marginTop: 36, borderTopWidth: 0.5, borderTopColor: c.rule, paddingTop: 12 },
    metaRow: { flexDirection: 'row', marginBottom: 5 },
    metaLabel: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 9,
      lineHeight: 1.4,
      color: c.muted,
      width: 90,
    },
    metaValue: { fontFamily: SANS_FONT, fontSize: 9, lineHeight: 1.4, flex: 1 },
    coverText: { fontSize: 11, lineHeight: 1.5, marginTop: 28 },
    disclaimer: {
      position: 'absolute',
      bottom: m,
      left: m,
      right: m,
      borderTopWidth: 0.5,
      borderTopColor: c.rule,
      paddingTop: 8,
    },
    closingDisclaimer: {
      marginTop: 24,
      borderTopWidth: 0.5,
      borderTopColor: c.rule,
      paddingTop: 8,
    },
    disclaimerText: { fontFamily: SANS_FONT, fontSize: 8, lineHeight: 1.4, color: c.muted },

    sectionHeader: {},
    sectionHeaderFollowing: { marginTop: 18 },
    sectionKicker: { fontFamily: SANS_FONT, fontWeight: 700, fontSize: 8, color: c.muted },
    sectionTitle: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 18,
      lineHeight: 1.25,
      color: c.accent,
      marginTop: 4,
    },
    sectionDescription: {
      fontStyle: 'italic',
      fontSize: 10,
      lineHeight: 1.45,
      color: c.muted,
      marginTop: 4,
    },
    sectionIntro: {
      fontFamily: SANS_FONT,
      fontSize: 9,
      lineHeight: 1.4,
      color: c.muted,
      marginTop: 8,
      marginBottom: 14,
    },

    excerpt: {
      backgroundColor: c.quote_background,
      borderLeftWidth: 3,
      borderLeftColor: c.accent,
      paddingVertical: 8,
      paddingHorizontal: 12,
      marginBottom: 12,
    },
    excerptText: { fontSize: base, lineHeight: 1.5 },
    excerptSource: {
      fontFamily: SANS_FONT,
      fontSize: 8,
      lineHeight: 1.4,
      color: c.muted,
      marginTop: 5,
    },
    citation: { color: c.accent, textDecoration: 'none', fontFamily: SANS_FONT, fontWeight: 700 },
    empty: { fontStyle: 'italic', fontSize: 10, lineHeight: 1.45, color: c.muted },

    h2: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 16,
      lineHeight: 1.25,
      color: c.accent,
      marginBottom: 10,
    },
    h2Following: { marginTop: 22 },
    tableHead: {
      flexDirection: 'row',
      borderBottomWidth: 1,
      borderBottomColor: c.accent,
      paddingBottom: 3,
      marginBottom: 2,
    },
    tableRow: {
      flexDirection: 'row',
      borderBottomWidth: 0.5,
      borderBottomColor: c.rule,
      paddingVertical: 4,
    },
    th: { fontFamily: SANS_FONT, fontWeight: 700, fontSize: 8, lineHeight: 1.3, color: c.muted },
    td: { fontSize: 8.5, lineHeight: 1.4 },
    tdStrong: { fontFamily: SANS_FONT, fontWeight: 700, fontSize: 8.5, lineHeight: 1.4 },
    colFigure: { width: '22%', paddingRight: 6 },
    colKind: { width: '11%', paddingRight: 6 },
    colSentence: { width: '59%', paddingRight: 6 },
    colSource: { width: '8%', textAlign: 'right' },

    keyPoint: { flexDirection: 'row', marginBottom: 8 },
    keyPointNumber: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 11,
      lineHeight: 1.45,
      color: c.accent,
      width: 20,
    },
    keyPointText: { flex: 1, fontSize: base, lineHeight: 1.45 },

    timelineRow: { flexDirection: 'row', minHeight: 26 },
    timelineDate: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 9,
      lineHeight: 1.4,
      color: c.accent,
      width: 62,
      textAlign: 'right',
      paddingRight: 8,
    },
    timelineRail: {
      width: 14,
      borderLeftWidth: 1.5,
      borderLeftColor: c.rule,
      alignItems: 'flex-start',
    },
    timelineDot: {
      width: 7,
      height: 7,
      borderRadius: 3.5,
      backgroundColor: c.accent,
      marginLeft: -4.25,
      marginTop: 3,
    },
    timelineText: { flex: 1, fontSize: 8.5, lineHeight: 1.4, paddingBottom: 8 },

    colName: { width: '24%', paddingRight: 6 },
    colRole: { width: '52%', paddingRight: 6 },
    colMentions: { width: '10%', textAlign: 'right', paddingRight: 8 },
    colSources: { width: '14%' },

    sectionGap: { height: 8 },
    compactSection: { marginBottom: 8 },
    compactTitle: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: base + 0.5,
      lineHeight: 1.3,
      color: c.accent,
      marginBottom: 2,
    },
    compactQuote: { fontSize: base, lineHeight: 1.4 },

    masthead: {
      borderBottomWidth: 2,
      borderBottomColor: c.accent,
      paddingBottom: 10,
      marginBottom: 14,
    },
    mastheadTop: { flexDirection: 'row', justifyContent: 'space-between', alignItems: 'center' },
    mastheadTitle: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 20,
      lineHeight: 1.2,
      color: c.accent,
      marginTop: 6,
    },
    mastheadText: { fontSize: base - 1, lineHeight: 1.45, color: c.muted, marginTop: 6 },
    logo: { height: 24, objectFit: 'contain' },

    toc: { marginBottom: 16 },
    tocLink: { textDecoration: 'none', color: c.text },
    tocRow: {
      flexDirection: 'row',
      justifyContent: 'space-between',
      borderBottomWidth: 0.5,
      borderBottomColor: c.rule,
      paddingVertical: 3,
    },
    tocRowNested: { paddingLeft: 14 },
    tocTitle: { fontFamily: SANS_FONT, fontWeight: 700, fontSize: 10, lineHeight: 1.4 },
    tocTitleNested: { fontFamily: SANS_FONT, fontSize: 9.5, lineHeight: 1.4 },
    // Printed by a render prop, which React-PDF styles a second time: a lineHeight here would be
    // multiplied by the font size twice (a 126 pt line); the title beside it sets the row height.
    tocPage: {
      fontFamily: SANS_FONT,
      fontSize: 9.5,
      color: c.muted,
      width: 30,
      textAlign: 'right',
    },

    digestSection: { marginTop: 10 },
    digestTheme: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 8.5,
      lineHeight: 1.4,
      color: c.accent,
      borderBottomWidth: 1,
      borderBottomColor: c.accent,
      paddingBottom: 2,
      marginBottom: 4,
    },
    digestItem: { marginBottom: 6 },
    digestHeadline: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: base - 0.5,
      lineHeight: 1.35,
    },
    digestText: { fontSize: base - 1, lineHeight: 1.4 },

    chartRow: { flexDirection: 'row', alignItems: 'center', marginBottom: 4 },
    chartLabel: {
      fontFamily: SANS_FONT,
      fontSize: 8,
      lineHeight: 1.3,
      width: '30%',
      paddingRight: 6,
    },
    chartBar: { flexDirection: 'row', width: '62%', backgroundColor: c.quote_background },
    chartSegment: { fontFamily: SANS_FONT, fontSize: 5.5, color: '#ffffff', textAlign: 'center' },
    chartCount: { fontFamily: SANS_FONT, fontSize: 8, width: '8%', textAlign: 'right' },

    sourceEntry: { flexDirection: 'row', marginBottom: 8 },
    sourceNumber: {
      fontFamily: SANS_FONT,
      fontWeight: 700,
      fontSize: 9,
      lineHeight: 1.4,
      color: c.accent,
      width: 28,
    },
    sourceBody: { flex: 1 },
    sourceTitle: { fontSize: 10, lineHeight: 1.4 },
    sourceMeta: { fontFamily: SANS_FONT, fontSize: 8, lineHeight: 1.4, color: c.muted },
  });
}

export type Styles = ReturnType<typeof createStyles>;

/** TLP 2.0 colours (text on black). */
export const MARKING_COLOURS: Record<string, string> = {
  'TLP:CLEAR': '#FFFFFF',
  'TLP:GREEN': '#33FF00',
  'TLP:AMBER': '#FFC000',
  'TLP:AMBER+STRICT': '#FFC000',
  'TLP:RED': '#FF2B2B',
};
