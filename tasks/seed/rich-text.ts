import type { RichTextNode } from '@/db/schema/articles';
import type { SeedBlock } from './types';

const text = (t: string): RichTextNode => ({ type: 'text', text: t });
const paragraph = (t: string): RichTextNode => ({ type: 'paragraph', content: [text(t)] });

/** Turns seed body blocks into the editor's document structure. */
export function blocksToDoc(blocks: SeedBlock[]): RichTextNode {
  return {
    type: 'doc',
    content: blocks.map((block): RichTextNode => {
      if ('h' in block) return { type: 'heading', attrs: { level: 2 }, content: [text(block.h)] };
      if ('ul' in block) return { type: 'bulletList', content: block.ul.map((item) => ({ type: 'listItem', content: [paragraph(item)] })) };
      if ('quote' in block) return { type: 'blockquote', content: [paragraph(block.quote)] };
      return paragraph(block.p);
    }),
  };
}
