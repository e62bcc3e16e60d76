import { Link, Text, View } from '@react-pdf/renderer';
import type { FigureChange, Source, Story } from '../../model/index.js';
import type { Styles } from '../styles.js';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';
import { quote } from './quote.js';

const KIND_LABEL: Record<FigureChange['kind'], string> = {
  money: 'Money',
  percent: 'Share',
  quantity: 'Quantity',
  date: 'Date',
  year: 'Year',
};

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

const webAddress = (url: string | undefined) =>
  url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;

/**
 * What changed since the previous brief of the same id: the template's words, then the new
 * stories, the continuing ones and the figures whose value changed. A figure's earlier value
 * is cited by the previous brief's source, named in full: it need not be among this brief's.
 */
export function ChangesBlock({ model, styles, texts }: BlockProps) {
  const { previous, newStories, continuingStories, changedFigures } = model.changes;
  const sources = new Map(model.sources.map((s) => [s.citation, s]));
  const then = previous ? longDate.format(new Date(`${previous.asOf}T00:00:00Z`)) : '';
  const label = (text: string) => (
    <Text style={styles.changesLabel} minPresenceAhead={40}>
      {text.toUpperCase()}
    </Text>
  );
  return (
    <>
      <Heading title="What changed" id="changes" styles={styles} />
      {texts.changes ? <Text style={styles.changesIntro}>{texts.changes}</Text> : null}
      {newStories.length > 0 ? label(`New since ${then}`) : null}
      {newStories.map((story) => (
        <StoryRow
          key={story.citation}
          story={story}
          source={sources.get(story.citation)}
          styles={styles}
        />
      ))}
      {continuingStories.length > 0 ? label('Continuing') : null}
      {continuingStories.map((story) => (
        <StoryRow
          key={story.citation}
          story={story}
          source={sources.get(story.citation)}
          styles={styles}
        />
      ))}
      {changedFigures.length > 0 ? label('Figures that changed') : null}
      {changedFigures.map((change) => (
        <FigureRow
          key={`${change.before.id}-${change.now.id}`}
          change={change}
          then={then}
          styles={styles}
        />
      ))}
      <View style={styles.sectionGap} />
    </>
  );
}

function StoryRow({
  story,
  source,
  styles,
}: {
  story: Story;
  source: Source | undefined;
  styles: Styles;
}) {
  const meta = [source?.publisher, source?.published].filter(Boolean).join(' · ');
  return (
    <View {...rowProps(styles.changesStory, story.title, meta)}>
      <Link src={`#source-${story.citation}`} style={[styles.changesNumber, styles.citation]}>
        [{story.citation}]
      </Link>
      <Text style={styles.changesStoryTitle}>
        {story.title}
        {meta ? <Text style={styles.changesMeta}>{`  ${meta}`}</Text> : null}
      </Text>
    </View>
  );
}

function FigureRow({
  change,
  then,
  styles,
}: {
  change: FigureChange;
  then: string;
  styles: Styles;
}) {
  const { before, beforeSource, now } = change;
  const web = webAddress(beforeSource.url);
  const subject = [KIND_LABEL[change.kind], change.subject.measure].join(' · ');
  return (
    <View {...rowProps(styles.changesFigure, before.sentence, now.sentence)}>
      <View style={styles.changesFigureHead}>
        <Text style={styles.changesFigureValues}>{`From ${before.value} to ${now.value}`}</Text>
        <Text style={styles.changesMeta}>{subject}</Text>
      </View>
      <Text style={styles.changesSentence}>
        <Text style={styles.changesWhen}>{`In the brief of ${then}: `}</Text>
        {`${quote(before.sentence)} — `}
        {web ? (
          <Link src={web} style={styles.changesEarlierSource}>
            {beforeSource.title}
          </Link>
        ) : (
          <Text style={styles.changesEarlierSource}>{beforeSource.title}</Text>
        )}
        {` (source ${before.citation} of that brief${web ? '' : `, ${beforeSource.file}`})`}
      </Text>
      <Text style={styles.changesSentence}>
        <Text style={styles.changesWhen}>Now: </Text>
        {`${quote(now.sentence)} `}
        <Link src={`#source-${now.citation}`} style={styles.citation}>
          [{now.citation}]
        </Link>
      </Text>
    </View>
  );
}
