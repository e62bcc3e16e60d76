import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/corpus/index.js';

/**
 * Furniture that real pages carry and the cleaner used to keep (issue 10), each in a small page
 * written for this test: the shape is what matters, never a site's wording.
 */
const body = [
  'The harbour authority said on Monday that grain shipments through the eastern port rose sharply in the first half of the year.',
  'Officials expect the new terminal to double the port’s capacity by the end of next year, according to the regional ministry.',
];
const page = (...lines: string[]) =>
  ['Grain shipments through eastern port rise sharply', ...lines].join('\n\n');
const cleaned = (...lines: string[]) => cleanDocument(page(...lines));
const keptText = (...lines: string[]) => cleaned(...lines).kept.map((l) => l.text).join('\n');
const reasonOf = (line: string, ...lines: string[]) =>
  cleaned(...lines).removed.find((r) => r.text === line)?.reason;

describe('furniture of real pages, removed by its shape with its reason', () => {
  it('removes a photo caption with a positional note or a closing credit, also when printed twice', () => {
    const caption =
      'The harbour master (left) walks with the regional governor along the new quay on Friday, ahead of the opening of the terminal in the eastern port.';
    const credited =
      'Cranes unload grain at the eastern port on March 3, 2026. (Anna Berg/Pool/Agency via Picture Desk)';
    const lines = [caption, caption, credited, ...body];
    expect(keptText(...lines)).not.toContain('harbour master (left)');
    expect(keptText(...lines)).not.toContain('Anna Berg');
    expect(reasonOf(credited, ...lines)).toBe('caption');
    expect(keptText(...lines)).toContain(body[0]);
  });
  it('removes read-time, AI-audio and translation notices', () => {
    const lines = ['3 min read', 'This audio is created with AI assistance', ...body, 'This article was machine-translated and may contain errors.'];
    expect(reasonOf('3 min read', ...lines)).toBe('read-time');
    expect(reasonOf('This audio is created with AI assistance', ...lines)).toBe('notice');
    expect(keptText(...lines)).not.toContain('machine-translated');
  });
  it('removes "Read also" links and subscription or paywall appeals inside the body', () => {
    const link = 'Read alsoPort workers strike over pay in the west';
    const appeal = 'To get stories like this in your inbox every morning, subscribe to our free daily bulletin.';
    const paywall = 'IMPORTANT: The full content of this page is available to premium users only.';
    const lines = [paywall, body[0] ?? '', link, appeal, body[1] ?? ''];
    expect(reasonOf(link, ...lines)).toBe('related-link');
    expect(reasonOf(appeal, ...lines)).toBe('appeal');
    expect(reasonOf(paywall, ...lines)).toBe('appeal');
    expect(keptText(...lines)).toContain(body[1]);
  });
  it('removes publish and edit timestamp lines and bylines with "|" or "and"', () => {
    const lines = [
      'Published : Nov 21, 2026 - 11:33 Updated : Nov 21, 2026 - 11:40',
      'by Jane Roe and The Harbour Desk November 21, 2026 5:54 PM',
      'Written: 2026-11-21 14:12:34',
      ...body,
    ];
    const reasons = cleaned(...lines).removed.map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(['date-line', 'byline']));
    expect(keptText(...lines)).not.toMatch(/Published|Written|Jane Roe/);
  });
  it('removes hash and template garbage, and a site name repeated after a dash', () => {
    const lines = [
      '0a1b2c3d4e5f60718293a4b5c6d7e8f9 - Grain shipments through eastern port rise',
      '{adslot}',
      body[0] ?? '',
      '[ad_1]',
      'New quay opens - Harbour Weekly',
      'Cranes at work - Harbour Weekly',
      body[1] ?? '',
    ];
    expect(keptText(...lines)).not.toMatch(/0a1b2c3d|adslot|ad_1|Harbour Weekly/);
    expect(reasonOf('{adslot}', ...lines)).toBe('garbage');
  });
  it('removes "Source:" lines, numbered notes and an agency credit closing the last paragraph', () => {
    const lines = [
      body[0] ?? '',
      `${body[1] ?? ''} — Agency`,
      'Source: Harbour Wire',
      '1 Journal of Ports (2025) 11, 98–106. doi:10.0000/jp.2025.1',
      '2 A. Author, Department of Shipping, Example University.',
    ];
    const result = cleaned(...lines);
    const text = result.kept.map((l) => l.text).join('\n');
    expect(text).toContain(body[1]);
    expect(text).not.toMatch(/— Agency|Source: Harbour|Journal of Ports|Example University/);
    expect(result.removed.map((r) => r.reason)).toEqual(
      expect.arrayContaining(['credit', 'footnote']),
    );
  });
  it('removes a cookie notice of any length and another story’s teaser before the closing lists', () => {
    const lines = [
      body[0] ?? '',
      body[1] ?? '',
      'The port plans a second terminal on the northern shore of the bay as demand grows',
      'The regional ministry said the plan would be put to tender next spring.',
      'Most popular',
      'Editors’ picks',
      'This website uses cookies and other technology to improve the quality of its service; continued use of the website is taken as consent to the use of such technology and to our privacy policy. For details see our policy page.',
    ];
    const text = keptText(...lines);
    expect(text).not.toMatch(/second terminal|put to tender|cookies/);
    expect(text).toContain(body[1]);
  });
  it('keeps a list of sentences inside the body, without its bullets', () => {
    const lines = [
      body[0] ?? '',
      '• The eastern port handled 1.2 million tonnes of grain, an increase of 40%.',
      '• The western port handled 0.8 million tonnes, about the same as last year.',
      body[1] ?? '',
    ];
    expect(keptText(...lines)).toContain('The eastern port handled 1.2 million tonnes of grain, an increase of 40%.');
  });
  it('reads a page with no headline line as all body, titled by its opening words', () => {
    const result = cleanDocument(body.join('\n'));
    expect(result.kept.map((l) => l.text)).toEqual(body);
    expect(result.title).toBe('The harbour authority said on Monday that grain shipments through the eastern…');
  });
  it('takes neither a date line nor a bullet above the body for the headline', () => {
    const result = cleanDocument(['- Harbour Weekly', 'Monday, November 23, 2026', ...body].join('\n'));
    expect(result.title).toMatch(/^The harbour authority said/);
    expect(result.kept.map((l) => l.text)).toEqual(body);
  });
});
