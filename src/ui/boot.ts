// Imported first by the page entry: starting the emulator worker here, before the modules of the app evaluate, lets
// its start-up (loading its script, building the world) overlap the main thread's work on the first render.
import { lab } from './state/lab.svelte';

void lab.start();
