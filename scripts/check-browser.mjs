// Fails early, with the fix, when the end-to-end tests have no Chromium to drive (nothing downloads one).
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(
    `No Chromium at ${path}. The end-to-end tests drive Debian's Chromium:\n` +
      '  sudo apt-get install chromium\n' +
      'or point CHROMIUM_PATH at another Chromium or Chrome binary.',
  );
  process.exit(1);
}
