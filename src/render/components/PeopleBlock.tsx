import { Text, View } from '@react-pdf/renderer';
import type { Entity } from '../../model/index.js';
import type { BlockProps } from './BlockProps.js';
import { Heading } from './Heading.js';
import { rowProps } from './keepTogether.js';

const KIND_TITLE = { person: 'People', organisation: 'Organisations', place: 'Places' } as const;

/** Who and what the brief is about: people with their roles as reported, organisations, places. */
export function PeopleBlock({ model, styles }: BlockProps) {
  const people = model.entities.filter((e) => e.kind !== 'place');
  if (people.length === 0) return null;
  return (
    <>
      <Heading title="People and organisations" id="people" styles={styles} />
      <View style={styles.tableHead} minPresenceAhead={40}>
        <Text style={[styles.th, styles.colName]}>NAME</Text>
        <Text style={[styles.th, styles.colRole]}>ROLE OR DESCRIPTION, AS REPORTED</Text>
        <Text style={[styles.th, styles.colMentions]}>MENTIONS</Text>
        <Text style={[styles.th, styles.colSources]}>SOURCES</Text>
      </View>
      {people.map((entity) => (
        <EntityRow key={entity.id} entity={entity} styles={styles} />
      ))}
    </>
  );
}

function EntityRow({ entity, styles }: { entity: Entity; styles: BlockProps['styles'] }) {
  const also = entity.aliases.length > 0 ? `also ${entity.aliases.join(', ')}` : '';
  const description = [
    entity.role ??
      (entity.acronym
        ? `(${entity.acronym})`
        : KIND_TITLE[entity.kind].replace(/s$/, '').toLowerCase()),
    also,
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <View {...rowProps(styles.tableRow, entity.name, description)}>
      <Text style={[styles.tdStrong, styles.colName]}>{entity.name}</Text>
      <Text style={[styles.td, styles.colRole]}>{description}</Text>
      <Text style={[styles.td, styles.colMentions]}>{entity.mentions}</Text>
      <Text style={[styles.td, styles.colSources]}>
        {entity.citations.map((c) => `[${c}]`).join(' ')}
        {entity.moreCitations ? ` and ${entity.moreCitations} more` : ''}
      </Text>
    </View>
  );
}
