import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Fonts shipped by npm packages (the packages have no `exports`, so their manifest locates the files). */
function fontFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

export const FONT_FILES = {
  /** Latin with Vietnamese and Indonesian/Malay diacritics. */
  sans: fontFile('@expo-google-fonts/noto-sans', '400Regular/NotoSans_400Regular.ttf'),
  sansBold: fontFile('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'),
  thai: fontFile('@expo-google-fonts/noto-sans-thai', '400Regular/NotoSansThai_400Regular.ttf'),
  thaiBold: fontFile('@expo-google-fonts/noto-sans-thai', '700Bold/NotoSansThai_700Bold.ttf'),
} as const;

const loaded = new Map<keyof typeof FONT_FILES, Buffer>();

/** A font's bytes, read from disk once. The Thai one is also served to browsers: Debian and many phones have no
 * Thai font of their own. */
export function fontBytes(font: keyof typeof FONT_FILES): Buffer {
  let bytes = loaded.get(font);
  if (bytes === undefined) {
    bytes = readFileSync(FONT_FILES[font]);
    loaded.set(font, bytes);
  }
  return bytes;
}
