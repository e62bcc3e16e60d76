/**
 * Props that add a PDF outline entry. React-PDF renders `bookmark` on any element, but its
 * type declarations only list it on <Page>, hence this one typed escape hatch.
 */
export function bookmark(title: string): Record<string, unknown> {
  return { bookmark: { title, fit: true, expanded: false } };
}
