// Before the run: an empty screenshots folder, so every picture in it is from this run.
import { mkdirSync, rmSync } from 'node:fs';
import { screenshotsDir } from './paths';

export default function globalSetup() {
  rmSync(screenshotsDir, { recursive: true, force: true });
  mkdirSync(screenshotsDir, { recursive: true });
}
