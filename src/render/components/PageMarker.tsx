import { Text } from '@react-pdf/renderer';

/** Records which page an element lands on (for the table of contents); prints nothing. */
export function PageMarker({
  id,
  record,
}: {
  id: string;
  record: ((id: string, page: number) => void) | undefined;
}) {
  if (!record) return null;
  return (
    <Text
      style={{ fontSize: 1, height: 0 }}
      render={({ pageNumber }) => {
        record(id, pageNumber);
        return '';
      }}
    />
  );
}
