// Types of modules produced by the lessons Vite plugin.
declare module '*.md?lesson' {
  const lesson: { title: string; html: string };
  export default lesson;
}
