// The colour theme: follows the system's light/dark preference until the learner picks one, which is remembered.

export type Theme = 'light' | 'dark';

const KEY = 'cnlab:theme';

class ThemeState {
  current = $state<Theme>('light');
  /** True once the learner chose a theme (the system preference no longer applies). */
  chosen = $state(false);

  /** Reads the saved choice or the system preference and keeps following the system until a choice is made. */
  init(): () => void {
    const saved = localStorage.getItem(KEY);
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    if (saved === 'dark' || saved === 'light') {
      this.chosen = true;
      this.apply(saved);
    } else {
      this.apply(mq.matches ? 'dark' : 'light');
    }
    const follow = (e: MediaQueryListEvent) => {
      if (!this.chosen) this.apply(e.matches ? 'dark' : 'light');
    };
    mq.addEventListener('change', follow);
    return () => mq.removeEventListener('change', follow);
  }

  toggle(): void {
    this.chosen = true;
    this.apply(this.current === 'dark' ? 'light' : 'dark');
    localStorage.setItem(KEY, this.current);
  }

  private apply(t: Theme): void {
    this.current = t;
    document.documentElement.dataset.theme = t;
  }
}

export const theme = new ThemeState();
