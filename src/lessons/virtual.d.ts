// Types of the virtual modules the lessons Vite plugin generates.
declare module 'virtual:cnlab-lessons' {
  export const index: import('./types').LessonIndex;
  /** Loads a compiled lesson (its own chunk); undefined for an unknown id. */
  export function loadLesson(id: string): Promise<import('./types').CompiledLesson | undefined>;
}
