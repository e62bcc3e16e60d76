import { createRequire } from 'node:module';
import { Font } from '@react-pdf/renderer';

const require = createRequire(import.meta.url);

/** Open fonts installed from npm as TTF (never system fonts), so output is the same everywhere. */
const FAMILIES = {
  serif: {
    family: 'Noto Serif',
    fonts: [
      { file: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf' },
      {
        file: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
        fontStyle: 'italic',
      },
      { file: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf', fontWeight: 700 },
    ],
  },
  korean: {
    family: 'Noto Sans KR',
    fonts: [
      { file: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf' },
      {
        file: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf',
        fontStyle: 'italic',
      },
      { file: '@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf', fontWeight: 700 },
    ],
  },
  japanese: {
    family: 'Noto Sans JP',
    fonts: [
      { file: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf' },
      {
        file: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
        fontStyle: 'italic',
      },
      { file: '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf', fontWeight: 700 },
    ],
  },
  chinese: {
    family: 'Noto Sans SC',
    fonts: [
      { file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf' },
      {
        file: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
        fontStyle: 'italic',
      },
      { file: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf', fontWeight: 700 },
    ],
  },
  arabic: {
    family: 'Noto Sans Arabic',
    fonts: [
      { file: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf' },
      {
        file: '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
        fontStyle: 'italic',
      },
      {
        file: '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
        fontWeight: 700,
      },
    ],
  },
  sans: {
    family: 'Noto Sans',
    fonts: [
      { file: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf' },
      {
        file: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
        fontStyle: 'italic',
      },
      { file: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf', fontWeight: 700 },
    ],
  },
} as const;

export const SERIF = FAMILIES.serif.family;
export const SANS = FAMILIES.sans.family;
/** Hangul fallback (Noto Serif and Sans cover Latin, Greek and Cyrillic but not Hangul). */
export const KOREAN = FAMILIES.korean.family;

/**
 * Fallback fonts for the scripts Noto Serif and Sans lack, each added only when the brief
 * prints that script (loading a CJK font costs ~6 MB of parsing). Han characters are drawn
 * from the Japanese font when the brief prints kana, else from the Chinese one (their glyph
 * shapes differ); Noto Sans KR has Hangul only where neither is loaded. Arabic text is shaped
 * (joined letter forms) by fontkit and ordered right to left by React-PDF's bidi algorithm.
 */
const FALLBACKS: { family: string; script: RegExp }[] = [
  { family: FAMILIES.japanese.family, script: /[\p{Script=Hiragana}\p{Script=Katakana}]/u },
  { family: FAMILIES.chinese.family, script: /\p{Script=Han}/u },
  { family: KOREAN, script: /\p{Script=Hangul}/u },
  { family: FAMILIES.arabic.family, script: /\p{Script=Arabic}/u },
];

/** Font families for a brief: Noto for Latin, Greek and Cyrillic, with the fallbacks it needs. */
export function fontFamilies(model: object): { serif: string | string[]; sans: string | string[] } {
  const text = JSON.stringify(model);
  const needed = FALLBACKS.filter(({ script }) => script.test(text)).map((f) => f.family);
  return needed.length === 0
    ? { serif: SERIF, sans: SANS }
    : { serif: [SERIF, ...needed], sans: [SANS, ...needed] };
}

/** Longest run of characters printed without a break opportunity. */
const MAX_UNBROKEN = 24;

let registered = false;

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  for (const { family, fonts } of Object.values(FAMILIES)) {
    Font.register({
      family,
      fonts: fonts.map((font) => ({ ...font, src: require.resolve(font.file) })),
    });
    for (const source of Font.getRegisteredFonts()[family]?.sources ?? []) {
      const load = source.load.bind(source);
      source.load = async () => {
        await load();
        if (source.data) memoizeShaping(source.data as unknown as ShapingFont);
      };
    }
  }
  // Words are never hyphenated (quotes stay verbatim), but a URL or a 5,000-character token
  // would run off the page (RENDERING-NOTES bug 3), so very long tokens get break points.
  Font.registerHyphenationCallback((word) => {
    if (word.length <= MAX_UNBROKEN) return [word];
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += MAX_UNBROKEN) parts.push(word.slice(i, i + MAX_UNBROKEN));
    return parts;
  });
}

interface GlyphRun {
  glyphs: unknown[];
}
interface ShapingFont {
  layout(text: string, features?: unknown, ...rest: unknown[]): GlyphRun;
}
const memoized = new WeakSet<ShapingFont>();

/**
 * Shaping a run of text (fontkit applying the font's OpenType lookups) is most of the cost
 * of laying out a brief, and the same runs recur: citation marks, labels, headers and footers
 * on every page, the same brief built again. A font's answer for the same text and features
 * never changes, so it is kept for the life of the process (at most MEMO_LIMIT runs a font).
 */
function memoizeShaping(font: ShapingFont): void {
  if (memoized.has(font)) return;
  memoized.add(font);
  const layout = font.layout.bind(font);
  const runs = new Map<string, GlyphRun>();
  font.layout = (text, features, ...rest) => {
    const key = `${JSON.stringify(features ?? null)}|${rest.join('|')}|${text}`;
    let run = runs.get(key);
    if (!run) {
      run = layout(text, features, ...rest);
      if (runs.size >= MEMO_LIMIT) runs.clear();
      runs.set(key, run);
    }
    // The glyph list is handed out as a copy: React-PDF may replace entries in it.
    return { ...run, glyphs: run.glyphs.slice() };
  };
}

const MEMO_LIMIT = 5_000;
