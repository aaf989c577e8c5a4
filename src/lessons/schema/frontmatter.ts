// The YAML frontmatter of a lesson file and of a part's `meta.md`.
import { z } from 'zod';
import { presetNames } from '../../core/presets';

export const lessonFrontmatterSchema = z
  .strictObject({
    title: z.string().min(1).describe('the lesson title'),
    summary: z.string().min(1).describe('one or two sentences for the catalog (markdown: `code`, *emphasis*)'),
    minutes: z.number().int().min(1).max(240).describe('how long it takes, in minutes'),
    world: z
      .string()
      .refine((w) => presetNames().includes(w), { message: `must be a known world (${presetNames().join(', ')})` })
      .describe(`the world it starts from: ${presetNames().map((p) => `\`${p}\``).join(', ')}`),
    seed: z.number().int().min(0).optional().describe('random seed of the world (default 1): same seed, same IDs and MACs'),
    setup: z.array(z.string().min(1)).optional().describe('commands run silently on the host before the lesson starts'),
    tags: z.array(z.string().min(1)).optional().describe('topics, shown in the catalog'),
    requires: z.array(z.string().min(1)).optional().describe('lessons to do first, as `part/lesson` ids (e.g. `00-start/01-welcome`)'),
  })
  .describe('Frontmatter of a lesson file.');

export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;

export const partMetaSchema = z
  .strictObject({
    title: z.string().min(1).describe('the part title'),
    order: z.number().int().optional().describe('position in the catalog (default: the number the folder name starts with)'),
    summary: z.string().optional().describe('one sentence for the catalog (markdown: `code`, *emphasis*)'),
  })
  .describe("Frontmatter of a part's `meta.md`.");

export type PartMeta = z.infer<typeof partMetaSchema>;
