// Imported first by main.ts, so it runs before the shell's other modules: the current screen's chunk starts
// downloading while they start (a cold load of a screen saved that chunk's round trip, about 150 ms here).
import { loadScreen, screenOf } from './lib/screen-chunks';

loadScreen(screenOf(location.hash)).catch(() => undefined);
