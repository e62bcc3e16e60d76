import { Text, View } from '@react-pdf/renderer';
import { Children, isValidElement, type ReactNode } from 'react';
import type { BriefModel } from '../../model/index.js';
import { MARKING_COLOURS, type Styles } from '../styles.js';

export function Marking({ marking, styles }: { marking: string | undefined; styles: Styles }) {
  if (marking === undefined) return null;
  return (
    <Text style={[styles.marking, { color: MARKING_COLOURS[marking] ?? '#FFFFFF' }]}>
      {marking}
    </Text>
  );
}

interface FrameOptions {
  model: BriefModel;
  styles: Styles;
  /** Left of the footer: the template's footer text, by default the as-of date. */
  footer: string;
  /** The cover carries the title in large type already: footer only. */
  coverOnly?: boolean;
  /** Told the page of every element with an `id` (for the table of contents). */
  recordPage?: ((id: string, page: number) => void) | undefined;
}

/** What React-PDF hands a page layout: the page's content and where it is in the document. */
interface PageLayoutProps {
  children?: ReactNode;
  pageNumber?: number;
  totalPages?: number;
  /** Set only when the layout is drawn around one page's share of the content. */
  subPageNumber?: number;
}

/**
 * Running header and footer as a page `layout`: title and marking (right-aligned) above;
 * footer text, "Page X of Y" and the marking (right-aligned) below. A layout (not `fixed`
 * children with a `render` prop) puts the document on React-PDF's newer pagination, which
 * measures the content once and packs it into pages; with a render prop in the flow, every
 * page re-lays out all the content still to come, which made a 10-page brief cost seconds.
 */
export function pageLayout({ model, styles, footer, coverOnly = false, recordPage }: FrameOptions) {
  const header = coverOnly ? null : (
    <View style={styles.header}>
      <Text style={styles.headerText}>{model.brief.title}</Text>
      <Marking marking={model.brief.marking} styles={styles} />
    </View>
  );
  return function PageFrame(props: PageLayoutProps) {
    const { children, pageNumber = 1, totalPages, subPageNumber } = props;
    // Before pagination the layout is drawn once around all the content, as "page 1".
    if (recordPage && subPageNumber !== undefined) recordIds(children, pageNumber, recordPage);
    return (
      <>
        {header}
        {children}
        <View style={styles.footer}>
          <Text style={[styles.footerText, styles.footerSide]}>{footer}</Text>
          <Text style={[styles.footerText, styles.footerCentre]}>
            {`Page ${pageNumber} of ${totalPages ?? pageNumber}`}
          </Text>
          <View style={[styles.footerSide, styles.footerRight]}>
            <Marking marking={model.brief.marking} styles={styles} />
          </View>
        </View>
      </>
    );
  };
}

/** A laid-out node as React-PDF hands it to a page layout. */
interface LaidOutNode {
  props?: { id?: unknown };
  children?: LaidOutNode[];
}

/**
 * The page an element is on, read from what pagination put on the page: React-PDF hands a
 * layout the page's content as elements carrying the laid-out `node`. Read here, after
 * pagination, a heading pushed to the next page (minPresenceAhead) is counted where it
 * lands. The first page wins for an element split across pages.
 */
function recordIds(
  children: ReactNode,
  pageNumber: number,
  record: (id: string, page: number) => void,
): void {
  const visit = (node: LaidOutNode | undefined) => {
    if (!node) return;
    if (typeof node.props?.id === 'string') record(node.props.id, pageNumber);
    node.children?.forEach(visit);
  };
  Children.forEach(children, (child) => {
    if (isValidElement<{ node?: LaidOutNode }>(child)) visit(child.props.node);
  });
}
