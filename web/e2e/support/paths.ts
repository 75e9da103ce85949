import { fileURLToPath } from 'node:url';

/** Where the screenshots of every checked page go (the CI keeps them). */
export const screenshotsDir = fileURLToPath(new URL('../../../var/screenshots/', import.meta.url));
/** A small real PNG (servers decode uploads), committed rather than generated. */
export const picturePath = fileURLToPath(new URL('../fixtures/picture.png', import.meta.url));
