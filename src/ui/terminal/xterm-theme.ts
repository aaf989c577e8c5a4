// xterm colours for each app theme (the terminal follows the app's light/dark choice).
import type { ITheme } from '@xterm/xterm';
import type { Theme } from '../state/theme.svelte';

const dark: ITheme = {
  background: '#0f1216',
  foreground: '#e3e7ed',
  cursor: '#e3e7ed',
  cursorAccent: '#0f1216',
  selectionBackground: '#3a4a63',
  black: '#1b1f26',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#c9d1d9',
  brightBlack: '#8b949e',
  brightWhite: '#ffffff',
};

const light: ITheme = {
  background: '#fbfcfd',
  foreground: '#1b1f24',
  cursor: '#1b1f24',
  cursorAccent: '#fbfcfd',
  selectionBackground: '#b6d4fb',
  black: '#1b1f24',
  red: '#b42318',
  green: '#1a7f37',
  yellow: '#7d5a00',
  blue: '#0b5cad',
  magenta: '#8250df',
  cyan: '#0e6e78',
  white: '#57606a',
  brightBlack: '#57606a',
  brightWhite: '#1b1f24',
};

export function xtermTheme(t: Theme): ITheme {
  return t === 'dark' ? dark : light;
}
