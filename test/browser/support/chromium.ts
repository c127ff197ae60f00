import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type BrowserContextOptions } from 'playwright-core';

/** Debian's Chromium: the suite never downloads a browser. */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumInstalled = existsSync(CHROMIUM);

export const SKIPPED_MESSAGE = `\nbrowser suite SKIPPED: ${CHROMIUM} is missing. Install Debian's Chromium to run it:\n  sudo apt-get update && sudo apt-get install -y chromium\n(CI installs it in .ci/run.)\n\n`;

export type Chromium = { context: BrowserContext; close(): Promise<void> };

/** Headless Chromium with a new, empty profile directory of its own, removed on close. */
export async function launchChromium(options: BrowserContextOptions = {}): Promise<Chromium> {
  const profile = mkdtempSync(join(tmpdir(), 'registry-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, ...options });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
